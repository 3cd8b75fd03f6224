/** Case select: every bundled case with its dates and one-line summary; broken cases show their errors. */

import { FULL_LENGTH } from '../../engine/constants';
import type { CaseCard } from '../case-summary';
import { formatRange, h } from '../dom';
import { heading, type ScreenResult } from './common';

export interface CasesProps {
  cases: CaseCard[];
  onPick(id: string): void;
  onHighlight(id: string | null): void;
  onBack(): void;
  /** Forgets a case opened from a file (a bundled case with its id comes back). */
  onForget(id: string): void;
}

export function renderCases(p: CasesProps): ScreenResult {
  const title = heading(1, 'Choose a case');
  let n = 0;
  const cards = p.cases.map((c) => {
    if (!c.ok) {
      return h(
        'li',
        null,
        h(
          'div',
          { class: 'card card-error', role: 'group', 'aria-label': `${c.file} could not be loaded` },
          h('span', { class: 'key', 'aria-hidden': 'true' }, '!'),
          h('span', { class: 'card-title' }, `${c.file} could not be loaded`),
          h('span', { class: 'card-body' }, 'This case has errors, so it cannot be played until they are fixed:'),
          h('pre', { class: 'diagnostics' }, c.errors.join('\n')),
        ),
      );
    }
    n += 1;
    const s = c.summary;
    const button = h(
      'button',
      {
        type: 'button',
        class: 'card',
        'data-key': n <= 9 ? String(n) : null,
        'data-case': s.id,
        onclick: () => p.onPick(s.id),
        onfocus: () => p.onHighlight(s.id),
        onmouseenter: () => p.onHighlight(s.id),
      },
      h('span', { class: 'key', 'aria-hidden': 'true' }, n <= 9 ? String(n) : '•'),
      h('span', { class: 'card-title' }, s.title),
      h(
        'span',
        { class: 'card-meta' },
        `${formatRange(s.dates.start, s.dates.end)} · ${s.region} · `,
        // The measured time replaces the author's estimate once the engine has played the case.
        h('span', { 'data-estimate': s.id, 'data-length': FULL_LENGTH }, `about ${s.minutes} min`),
        s.lengths.length > 0 ? ` · also as a ${s.lengths.map((l) => l.label.toLowerCase()).join(', ')}` : '',
      ),
      h('span', { class: 'card-body' }, s.summary),
      c.opened ? h('span', { class: 'card-meta card-opened' }, `Opened from your file ${c.file}`) : null,
    );
    if (!c.opened) return h('li', null, button);
    return h(
      'li',
      { class: 'card-with-action' },
      button,
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-quiet btn-small',
          'data-forget': s.id,
          onclick: () => p.onForget(s.id),
        },
        `Forget ${c.file}`,
      ),
    );
  });
  const playable = p.cases.filter((c) => c.ok).length;
  const root = h(
    'section',
    { 'aria-labelledby': 'cases-heading' },
    h('button', { type: 'button', class: 'btn btn-quiet btn-small back', onclick: p.onBack }, '← Back to the title'),
    h('span', { class: 'kicker' }, 'New game'),
    title,
    h(
      'p',
      { class: 'lede' },
      playable === 0
        ? 'No case could be loaded.'
        : 'Each case is a real crisis in which a member of the alliance asked for help — or might have. The map shows where each happened.',
    ),
    h('ul', { class: 'cards', 'aria-label': 'Cases' }, ...cards),
  );
  root.addEventListener('mouseleave', () => p.onHighlight(null));
  title.id = 'cases-heading';
  return { root, heading: title, layout: 'side' };
}
