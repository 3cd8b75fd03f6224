/** The end of the run: the ending reached and the consequences over time, before the debrief. */
import type { Debrief } from '../../engine/index';
import type { GameView } from '../../engine/view-types';
import { h } from '../dom';
import { renderText } from '../markup';
import { heading, inlineSources, meterCharts, type ScreenResult } from './common';

export interface EndingProps {
  view: GameView;
  debrief: Debrief;
  onDebrief(): void;
}

/** How the ending reads for the player's seat (its `tone_for` that seat, else its tone). */
const TONE = {
  good: 'A good end for your seat',
  mixed: 'A mixed end for your seat',
  bad: 'A bad end for your seat',
} as const;

export function renderEnding(p: EndingProps): ScreenResult {
  const e = p.view.ending ?? p.debrief.ending;
  const title = heading(1, e ? e.title : 'The end');
  title.id = 'ending-heading';
  const root = h(
    'section',
    { 'aria-labelledby': 'ending-heading' },
    h('span', { class: 'kicker' }, 'How it ends'),
    h(
      'div',
      { class: `ending-banner tone-${e?.tone ?? 'mixed'}` },
      title,
      e
        ? h(
            'p',
            { class: 'meta' },
            h('span', { class: `tag tag-${e.tone}` }, TONE[e.tone]),
            ' ',
            e.historical ? h('span', { class: 'tag tag-history' }, 'Closest to what happened') : null,
            ' ',
            e.counterfactual ? h('span', { class: 'tag tag-invented' }, 'Invented ending') : null,
          )
        : null,
      e ? h('div', { class: 'prose' }, renderText(e.text)) : null,
      e ? inlineSources(e.sources) : null,
    ),
    h('h2', { class: 'section-heading' }, 'Consequences over time'),
    h(
      'p',
      { class: 'muted' },
      `Your seat’s aims stood at ${p.debrief.objectives.start} of 100 at the start and ${p.debrief.objectives.end} at the end.`,
    ),
    meterCharts(p.debrief.series, p.view.meters),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary',
          'data-key': 'Enter',
          'data-continue': 'debrief',
          onclick: p.onDebrief,
        },
        h('kbd', { 'aria-hidden': 'true' }, 'Enter'),
        'Debrief: your path beside history',
      ),
    ),
  );
  return { root, heading: title, layout: 'side' };
}
