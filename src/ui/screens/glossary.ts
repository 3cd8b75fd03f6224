/**
 * The Glossary: the case's terms A–Z as a definition list, for a student playing alone. Opens from
 * the top bar during a run and from the briefing; Back returns to the same place.
 */
import type { Scenario } from '../../engine/schema';
import { sourcesById } from '../../engine/view';
import { h } from '../dom';
import { heading, inlineSources, type ScreenResult } from './common';

export interface GlossaryProps {
  scenario: Scenario;
  onBack(): void;
  backLabel: string;
}

/** The glossary's entries sorted A–Z (case and accents ignored). */
export function glossaryEntries(s: Scenario): { term: string; definition: string; sources: string[] }[] {
  return [...s.teacher.glossary].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}

export function renderGlossary(p: GlossaryProps): ScreenResult {
  const title = heading(1, 'Glossary');
  title.id = 'glossary-heading';
  const entries = glossaryEntries(p.scenario);
  const back = (className: string, text: string, action: string | null) =>
    h('button', { type: 'button', class: className, 'data-action': action, onclick: p.onBack }, text);
  const root = h(
    'section',
    { 'aria-labelledby': 'glossary-heading', class: 'glossary-screen' },
    back('btn btn-quiet btn-small back', `← ${p.backLabel}`, 'back'),
    h('span', { class: 'kicker' }, `Glossary · ${p.scenario.title}`),
    title,
    entries.length === 0
      ? h('p', { class: 'lede' }, 'This case has no glossary.')
      : h('p', { class: 'lede' }, `${entries.length} term${entries.length === 1 ? '' : 's'} used in this case, A–Z.`),
    entries.length > 0
      ? h(
          'dl',
          { class: 'glossary glossary-list' },
          ...entries.map((g) =>
            h(
              'div',
              { class: 'glossary-entry' },
              h('dt', null, g.term),
              h('dd', null, g.definition, inlineSources(sourcesById(p.scenario, g.sources))),
            ),
          ),
        )
      : null,
    h('div', { class: 'actions' }, back('btn btn-primary', p.backLabel, null)),
  );
  return { root, heading: title, layout: 'side' };
}
