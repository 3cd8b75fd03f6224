/** The debrief's path beside history: one row per decision, with a link to its story and Replay. */
import type { Debrief } from '../../engine/index';
import { formatDate, h, shortDate, tableScroller } from '../dom';
import { matchWord, storyId } from './debrief-story';

/** Opens a decision's story, scrolls it into view and puts focus on its summary. */
function openStory(turn: number): void {
  const details = document.getElementById(storyId(turn)) as HTMLDetailsElement | null;
  if (!details) return;
  details.open = true;
  const summary = details.querySelector<HTMLElement>('summary');
  summary?.focus({ preventScroll: true });
  const still =
    document.documentElement.classList.contains('reduced-motion') ||
    window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  details.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
}

/** The path beside history: one row per decision. */
export function pathTable(d: Debrief, onReplay: (turn: number) => void): HTMLElement {
  const col = (text: string, className?: string) => h('th', { scope: 'col', class: className ?? null }, text);
  // An invented case has no history to set the path beside.
  const history = !d.fictional;
  return tableScroller(
    h(
      'table',
      { class: 'path-table', 'data-debrief': 'path' },
      h(
        'caption',
        { class: 'sr-only' },
        history ? 'Your path beside history, one row per decision' : 'Your path, one row per decision',
      ),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          col('#', 'num'),
          col('Date'),
          col('Decision'),
          col('You chose'),
          history ? col('History chose') : null,
          history ? col('Match') : null,
          h('th', { scope: 'col', class: 'replay-cell' }, h('span', { class: 'sr-only' }, 'Replay')),
        ),
      ),
      h(
        'tbody',
        null,
        ...d.decisions.map((x) =>
          h(
            'tr',
            { 'data-turn': String(x.turn), class: x.matched ? 'row-matched' : null },
            h('th', { scope: 'row', class: 'num' }, String(x.turn)),
            h(
              'td',
              { class: 'date', 'data-label': 'Date' },
              h('time', { datetime: x.date, title: formatDate(x.date) }, shortDate(x.date)),
            ),
            h(
              'td',
              { class: 'step', 'data-label': 'Decision' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'link-button',
                  'aria-controls': storyId(x.turn),
                  'data-story': String(x.turn),
                  onclick: () => openStory(x.turn),
                },
                x.title,
              ),
              x.counterfactual
                ? h(
                    'span',
                    { class: 'tag tag-invented', title: 'This moment is invented: it did not happen.' },
                    'Invented',
                  )
                : null,
            ),
            h(
              'td',
              { class: 'yours', 'data-label': 'You chose' },
              x.yours.label,
              // The result drawn, by its name (never its id).
              x.yours.outcomeLabel ? h('span', { class: 'path-outcome muted' }, ` → ${x.yours.outcomeLabel}`) : null,
              // The reasons given print beside the choice (on screen they are in the story).
              x.yours.rationale ? h('span', { class: 'path-why print-only' }, `Why: ${x.yours.rationale}`) : null,
            ),
            history
              ? h(
                  'td',
                  { class: 'hist', 'data-label': 'History chose' },
                  x.history?.choice ? x.history.choice.label : h('span', { class: 'muted' }, '—'),
                )
              : null,
            history ? h('td', { class: 'same', 'data-label': 'Match' }, matchWord(x)) : null,
            h(
              'td',
              { class: 'replay-cell' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'btn btn-small btn-quiet',
                  'data-replay': String(x.turn),
                  'aria-label': `Replay from decision ${x.turn}: try another answer`,
                  onclick: () => onReplay(x.turn),
                },
                '↺ Replay',
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
