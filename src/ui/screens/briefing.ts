/** The briefing: the seat's brief, what it wants from the meters, and who is who. */
import type { Scenario } from '../../engine/schema';
import { sourcesById } from '../../engine/view';
import { h } from '../dom';
import { renderText } from '../markup';
import { heading, inlineSources, type ScreenResult } from './common';

export interface BriefingProps {
  scenario: Scenario;
  role: string;
  /** Article 4 as it stood at the case's start, with a way to the alliance timeline (screens/timeline.ts). */
  treatyTest?: HTMLElement | null;
  onBegin(): void;
  onBack(): void;
  /** Opens the case's glossary (when it has one). */
  onGlossary?(): void;
}

export function renderBriefing(p: BriefingProps): ScreenResult {
  const s = p.scenario;
  const role = s.roles.find((r) => r.id === p.role);
  const title = heading(1, role ? role.title : 'Briefing');
  title.id = 'briefing-heading';
  const objectives = Object.entries(role?.objectives ?? {})
    .filter(([, w]) => w !== 0)
    .sort(([, a], [, b]) => Math.abs(b) - Math.abs(a))
    .map(([id, w]) => {
      const m = s.meters.find((x) => x.id === id);
      return h(
        'li',
        null,
        h('span', { class: `dir ${w > 0 ? 'dir-up' : 'dir-down'}` }, w > 0 ? '▲ Keep high' : '▼ Keep low'),
        h(
          'span',
          null,
          h('strong', null, m?.label ?? id),
          m ? h('span', { class: 'muted' }, ` — ${m.description}`) : null,
        ),
      );
    });
  const actors = s.actors.map((a) =>
    h(
      'li',
      null,
      h('strong', null, a.name),
      a.leader ? h('span', { class: 'leader' }, a.leader) : null,
      h('p', null, a.stance),
      inlineSources(sourcesById(s, a.sources)),
    ),
  );
  const root = h(
    'section',
    { 'aria-labelledby': 'briefing-heading' },
    h('button', { type: 'button', class: 'btn btn-quiet btn-small back', onclick: p.onBack }, '← Back to the seats'),
    h('span', { class: 'kicker' }, `Briefing · ${s.title}`),
    title,
    role ? h('p', { class: 'lede' }, role.summary) : null,
    h('div', { class: 'prose' }, role ? renderText(role.brief) : null),
    objectives.length > 0 ? h('h2', { class: 'section-heading' }, 'What you want') : null,
    objectives.length > 0 ? h('ul', { class: 'objectives' }, ...objectives) : null,
    p.treatyTest ?? null,
    h('h2', { class: 'section-heading' }, 'Who is who'),
    h('ul', { class: 'actors' }, ...actors),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-primary', 'data-key': 'Enter', 'data-action': 'begin', onclick: p.onBegin },
        h('kbd', null, 'Enter'),
        'Begin',
      ),
      p.onGlossary && s.teacher.glossary.length > 0
        ? h('button', { type: 'button', class: 'btn', 'data-action': 'glossary', onclick: p.onGlossary }, 'Glossary')
        : null,
    ),
  );
  return { root, heading: title, layout: 'side' };
}
