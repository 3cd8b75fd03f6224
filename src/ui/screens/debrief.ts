/**
 * The debrief. Its first screen is short: the ending reached and its tone for the seat, the
 * seat's score, and the path beside history as a table (one row per decision, with Replay).
 * Below, each decision's whole story (history, quotes with their translations, contested notes,
 * sources) is one click away in a collapsed <details>; then each meter over the run, the endings
 * not reached, related cases, Save results and Print report.
 */
import type { Debrief, DebriefDecision } from '../../engine/index';
import type { MeterView } from '../../engine/view-types';
import { formatDate, h } from '../dom';
import { renderText } from '../markup';
import { heading, inlineSources, meterCharts, type ScreenResult, sourceList } from './common';
import { phaseLabel } from './play';

export interface DebriefProps {
  title: string;
  seat: string;
  debrief: Debrief;
  meters: MeterView[];
  /** The title of another bundled case, by id (for "Compare with"). */
  caseTitle(id: string): string;
  /** Shown before the final buttons (Save results and Print report). */
  extra?: HTMLElement | null;
  onReplay(turn: number): void;
  onNewSeat(): void;
  onTitle(): void;
}

/** How the ending reads for the player's seat (its `tone_for` that seat, else its tone). */
const TONE = {
  good: 'A good end for your seat',
  mixed: 'A mixed end for your seat',
  bad: 'A bad end for your seat',
} as const;

type Quote = NonNullable<DebriefDecision['history']>['quotes'][number];

const storyId = (turn: number) => `decision-${turn}-story`;

/** A scenario date, short: "25 Apr 2010" (the story gives it in full). */
function shortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!m) return String(y);
  const month = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}

/**
 * The language of a quote's original words, when it is obvious: Cyrillic words whose speaker line
 * says they were given in Russian. Otherwise none (the page's language is not claimed for them).
 */
export function quoteLang(q: Pick<Quote, 'text' | 'speaker'>): string | null {
  return /\p{Script=Cyrillic}/u.test(q.text) && /\bin Russian\b/i.test(q.speaker) ? 'ru' : null;
}

/** A quotation: the original words, and an English translation beside them when there is one. */
export function quoteBlock(q: Quote): HTMLElement {
  const lang = q.translation ? quoteLang(q) : null;
  return h(
    'blockquote',
    { class: q.translation ? 'quote quote-translated' : 'quote' },
    q.translation ? h('span', { class: 'quote-label' }, 'Original') : null,
    h('p', { class: 'quote-original', lang }, `“${q.text}”`),
    q.translation
      ? h(
          'p',
          { class: 'quote-translation' },
          h('span', { class: 'quote-label' }, 'English translation'),
          ' ',
          h('span', null, `“${q.translation}”`),
        )
      : null,
    h('footer', null, `— ${q.speaker}${q.date ? `, ${formatDate(q.date)}` : ''}, in `, h('cite', null, q.source.title)),
  );
}

function matchWord(d: DebriefDecision): HTMLElement {
  if (!d.history?.choice) return h('span', { class: 'match match-none' }, '— No counterpart');
  return d.matched
    ? h('span', { class: 'match match-yes' }, '✓ Matched')
    : h('span', { class: 'match match-no' }, '≠ Differed');
}

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
function pathTable(d: Debrief, onReplay: (turn: number) => void): HTMLElement {
  const col = (text: string, className?: string) => h('th', { scope: 'col', class: className ?? null }, text);
  return h(
    'div',
    { class: 'path-wrap' },
    h(
      'table',
      { class: 'path-table', 'data-debrief': 'path' },
      h('caption', { class: 'sr-only' }, 'Your path beside history, one row per decision'),
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
          col('History chose'),
          col('Match'),
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
            h('td', { class: 'yours', 'data-label': 'You chose' }, x.yours.label),
            h(
              'td',
              { class: 'hist', 'data-label': 'History chose' },
              x.history?.choice ? x.history.choice.label : h('span', { class: 'muted' }, '—'),
            ),
            h('td', { class: 'same', 'data-label': 'Match' }, matchWord(x)),
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

/** One decision's whole story, collapsed: your decision and what really happened, with sources. */
function decisionStory(d: DebriefDecision): HTMLElement {
  const hist = d.history;
  return h(
    'li',
    { class: 'decision', 'data-turn': String(d.turn), 'data-sources': String(hist?.sources.length ?? 0) },
    h(
      'details',
      { id: storyId(d.turn) },
      h(
        'summary',
        null,
        h('span', { class: 'story-num' }, `${d.turn}.`),
        h('span', { class: 'story-title' }, d.title),
        h('span', { class: 'sr-only' }, ': the whole story'),
      ),
      h(
        'div',
        { class: 'story' },
        h(
          'p',
          { class: 'meta' },
          `Decision ${d.turn} · ${phaseLabel(d.phase)} · `,
          h('time', { datetime: d.date }, formatDate(d.date)),
          ' ',
          d.counterfactual ? h('span', { class: 'tag tag-invented' }, 'Invented moment') : null,
          ' ',
          matchWord(d),
        ),
        h(
          'div',
          { class: 'compare' },
          h(
            'div',
            { class: 'yours' },
            h('h3', { class: 'story-h' }, 'Your decision'),
            h('p', null, h('strong', null, d.yours.label)),
            d.yours.outcome
              ? h('p', { class: 'muted' }, `Result drawn: ${d.yours.outcome.replace(/[-_]/g, ' ')}`)
              : null,
            d.yours.rationale ? h('p', null, h('span', { class: 'muted' }, 'Why: '), d.yours.rationale) : null,
            d.yours.tally
              ? h(
                  'p',
                  { class: 'muted' },
                  `Class vote: ${Object.entries(d.yours.tally)
                    .map(([id, n]) => `${id.replace(/[-_]/g, ' ')} ${n}`)
                    .join(', ')}`,
                )
              : null,
          ),
          h(
            'div',
            { class: 'history' },
            h('h3', { class: 'story-h story-h-history' }, 'What really happened'),
            hist
              ? [
                  hist.choice ? h('p', null, h('strong', null, hist.choice.label)) : null,
                  h('div', null, renderText(hist.text)),
                  hist.contested
                    ? h(
                        'p',
                        { class: 'contested' },
                        `⚠ Contested: ${hist.contestedNote ?? 'the sources disagree on this point.'}`,
                      )
                    : null,
                  ...hist.quotes.map(quoteBlock),
                  sourceList(hist.sources, `Sources for decision ${d.turn}`),
                ]
              : h(
                  'p',
                  { class: 'muted' },
                  'This moment has no historical counterpart: it belongs to an invented path.',
                ),
          ),
        ),
      ),
    ),
  );
}

export function renderDebrief(p: DebriefProps): ScreenResult {
  const d = p.debrief;
  const title = heading(1, 'Debrief');
  title.id = 'debrief-heading';
  const matched = d.decisions.filter((x) => x.matched).length;
  const comparable = d.decisions.filter((x) => x.history?.choice).length;
  const labels = d.series[0]?.values.map((_, i) => (i === 0 ? 'Start' : `Decision ${i}`)) ?? [];
  const others = d.endings.filter((e) => !e.reached);
  const reached = d.endings.find((e) => e.reached);
  const ending = d.ending;
  const tone = ending?.tone ?? reached?.tone ?? 'mixed';
  const { start, end } = d.objectives;
  const change = end - start;

  const stories = h('ol', { class: 'decisions', id: 'debrief-stories' }, ...d.decisions.map(decisionStory));
  const toggle = h(
    'button',
    { type: 'button', class: 'btn btn-small', 'aria-controls': 'debrief-stories', 'data-action': 'whole-story' },
    'Show the whole story',
  );
  const allDetails = () => [...stories.querySelectorAll<HTMLDetailsElement>(':scope > li > details')];
  const syncToggle = () => {
    const allOpen = allDetails().every((x) => x.open);
    toggle.textContent = allOpen ? 'Hide the whole story' : 'Show the whole story';
    toggle.setAttribute('aria-expanded', String(allOpen));
  };
  toggle.addEventListener('click', () => {
    const open = !allDetails().every((x) => x.open);
    for (const x of allDetails()) x.open = open;
    syncToggle();
  });
  stories.addEventListener('toggle', syncToggle, true);
  syncToggle();

  const root = h(
    'section',
    { 'aria-labelledby': 'debrief-heading', class: 'debrief' },
    h('span', { class: 'kicker' }, `${p.title} · ${p.seat}`),
    title,
    h(
      'div',
      { class: 'debrief-summary' },
      h(
        'div',
        { class: `debrief-card debrief-ending tone-${tone}`, 'data-debrief': 'ending' },
        h('span', { class: 'debrief-label' }, 'Ending reached'),
        h('p', { class: 'debrief-big' }, ending?.title ?? reached?.title ?? 'None'),
        h(
          'p',
          { class: 'debrief-tags' },
          h('span', { class: `tag tag-${tone}` }, TONE[tone]),
          ' ',
          ending?.historical || reached?.historical
            ? h('span', { class: 'tag tag-history' }, 'Closest to what happened')
            : null,
          ' ',
          ending?.counterfactual || reached?.counterfactual
            ? h('span', { class: 'tag tag-invented' }, 'Invented ending')
            : null,
        ),
      ),
      h(
        'div',
        { class: 'debrief-card debrief-score', 'data-debrief': 'score' },
        h('span', { class: 'debrief-label' }, 'Your seat’s score'),
        h('p', { class: 'debrief-big' }, `${start} → ${end}`, h('span', { class: 'debrief-of' }, ' out of 100')),
        h(
          'p',
          { class: 'debrief-tags' },
          h(
            'span',
            { class: `delta ${change > 0 ? 'better' : change < 0 ? 'worse' : ''}` },
            change > 0 ? `▲ up ${change}` : change < 0 ? `▼ down ${-change}` : '• unchanged',
          ),
        ),
        h('span', { class: 'score-note' }, 'How the meters your seat cares about stand.'),
        h(
          'span',
          { class: 'score-bar', 'aria-hidden': 'true' },
          h('span', { class: 'score-start', style: `left:${Math.max(0, Math.min(100, start))}%` }),
          h('span', { class: 'score-end', style: `width:${Math.max(0, Math.min(100, end))}%` }),
        ),
      ),
    ),
    h(
      'p',
      { class: 'lede' },
      `You took ${d.decisions.length} decision${d.decisions.length === 1 ? '' : 's'}; ` +
        `${matched} of ${comparable} matched what the real decision-makers did.`,
    ),
    h('h2', { class: 'section-heading' }, 'Your path beside history'),
    pathTable(d, p.onReplay),
    h(
      'div',
      { class: 'story-head' },
      h('h2', { class: 'section-heading' }, 'The whole story, decision by decision'),
      toggle,
    ),
    h(
      'p',
      { class: 'muted story-help' },
      'Open a decision for what really happened: quotes, contested points and sources.',
    ),
    stories,
    ending
      ? h(
          'details',
          { class: 'debrief-more', 'data-debrief': 'ending-text' },
          h('summary', null, `How it ended: ${ending.title}`),
          h('div', { class: 'prose' }, renderText(ending.text)),
          inlineSources(ending.sources),
        )
      : null,
    h('h2', { class: 'section-heading' }, 'Each meter over the run'),
    meterCharts(d.series, p.meters, labels),
    h(
      'details',
      { class: 'debrief-more', 'data-debrief': 'endings' },
      h(
        'summary',
        null,
        others.length === 0
          ? 'The endings you did not reach (none)'
          : `The endings you did not reach (${others.length})`,
      ),
      others.length === 0
        ? h('p', { class: 'muted' }, 'None: this case has a single ending.')
        : h(
            'ul',
            { class: 'endings' },
            ...others.map((e) =>
              h(
                'li',
                null,
                h('strong', null, e.title),
                h('span', { class: `tag tag-${e.tone}` }, e.tone),
                e.historical ? h('span', { class: 'tag tag-history' }, 'What happened') : null,
                e.counterfactual ? h('span', { class: 'tag tag-invented' }, 'Invented') : null,
              ),
            ),
          ),
    ),
    d.related.length > 0
      ? h(
          'details',
          { class: 'debrief-more', 'data-debrief': 'related' },
          h('summary', null, `Compare with other cases (${d.related.length})`),
          h(
            'ul',
            null,
            ...d.related.map((r) => h('li', null, h('strong', null, p.caseTitle(r.scenario)), ` — ${r.note}`)),
          ),
        )
      : null,
    p.extra ?? null,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-primary', 'data-action': 'new-seat', onclick: p.onNewSeat },
        'Play another seat',
      ),
      h('button', { type: 'button', class: 'btn', 'data-action': 'title', onclick: p.onTitle }, 'Back to the title'),
    ),
  );
  return { root, heading: title, layout: 'wide' };
}
