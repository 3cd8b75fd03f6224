/** Pieces the step and result screens share: the invented tag, the news and what it moved, position words. */
import type { LedgerEntry, MeterView, StepView } from '../../engine/view-types';
import { h } from '../dom';
import { renderText } from '../markup';
import { deltaCell, inlineSources } from './common';

export const POSITION_WORD = { support: 'Supports', abstain: 'Abstains', object: 'Objects' } as const;
export const POSITION_ICON = { support: '✓', abstain: '–', object: '✕' } as const;

export function invented(flag: boolean, what: string): HTMLElement | null {
  return flag
    ? h('span', { class: 'tag tag-invented', title: `This ${what} is invented: it did not happen.` }, 'Invented')
    : null;
}

/** What a news event moved, as a short list: meter, change and reason. */
export function newsEffects(
  entries: LedgerEntry[],
  meters: MeterView[],
  label = 'What this moved',
): HTMLElement | null {
  if (entries.length === 0) return null;
  return h(
    'ul',
    { class: 'news-effects', 'aria-label': label },
    ...entries.map((e) => {
      const meter = meters.find((m) => m.id === e.meter);
      return h(
        'li',
        { 'data-meter': e.meter, 'data-delta': String(e.delta), 'data-cause': e.cause },
        deltaCell(meter, e.delta),
        ` ${meter?.label ?? e.meter}: ${e.reason}`,
      );
    }),
  );
}

export function newsBlock(step: StepView, meters: MeterView[]): HTMLElement | null {
  if (step.news.length === 0) return null;
  return h(
    'section',
    { class: 'news', 'aria-labelledby': `news-${step.id}` },
    h('h3', { id: `news-${step.id}` }, 'News'),
    h(
      'ul',
      null,
      ...step.news.map((n) =>
        h(
          'li',
          null,
          h('div', null, renderText(n.text)),
          invented(n.counterfactual, 'event'),
          newsEffects(n.entries ?? [], meters),
          inlineSources(n.sources),
        ),
      ),
    ),
  );
}
