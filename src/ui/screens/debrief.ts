/**
 * The debrief. Its first screen is short: the ending reached and its tone for the seat, the
 * seat's score, and the path beside history as a table (one row per decision, with Replay).
 * Below, each decision's whole story (history, quotes with their translations, contested notes,
 * sources) is one click away in a collapsed <details>; then each meter over the run, the endings
 * not reached, related cases, Save results and Print report. Printed (print.css), it is a short
 * report: a head with the name typed in Save results, the date, the case and the seat; the ending,
 * the path with the reasons given, how it ended, the meters; stories only if opened.
 */
import { type Debrief, historySummary } from '../../engine/debrief';
import type { MeterView } from '../../engine/view-types';
import { formatDate, h } from '../dom';
import { renderText } from '../markup';
import { heading, inlineSources, meterCharts, type ScreenResult } from './common';
import { pathTable } from './debrief-path';
import { storyList } from './debrief-story';

export { quoteBlock, quoteLang } from './debrief-story';

export interface DebriefProps {
  title: string;
  seat: string;
  debrief: Debrief;
  meters: MeterView[];
  /** The title of another bundled case, by id (for "Compare with"). */
  caseTitle(id: string): string;
  /** Shown before the final buttons (Save results and Print report); its `[data-report-name]` fields name the printed report. */
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

export function renderDebrief(p: DebriefProps): ScreenResult {
  const d = p.debrief;
  const title = heading(1, 'Debrief');
  title.id = 'debrief-heading';
  const others = d.endings.filter((e) => !e.reached);
  const reached = d.endings.find((e) => e.reached);
  const ending = d.ending;
  const tone = ending?.tone ?? reached?.tone ?? 'mixed';
  const { start, end } = d.objectives;
  const change = end - start;

  const { stories, toggle } = storyList(d.decisions, d.fictional);
  const head = reportHead(p.title, p.seat, new Date());

  const root = h(
    'section',
    { 'aria-labelledby': 'debrief-heading', class: 'debrief' },
    h('span', { class: 'kicker no-print' }, `${p.title} · ${p.seat}`),
    title,
    head.element,
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
          !d.fictional && (ending?.historical || reached?.historical)
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
    h('p', { class: 'lede' }, historySummary(d)),
    h('h2', { class: 'section-heading' }, d.fictional ? 'Your path' : 'Your path beside history'),
    pathTable(d, p.onReplay),
    h(
      'p',
      { class: 'muted print-only story-print-note' },
      d.fictional
        ? 'Each decision’s whole story is in the debrief on screen: a decision opened there prints here too.'
        : 'What really happened at each decision, with quotes and sources, is in the debrief on screen: a decision opened there prints here too.',
    ),
    h(
      'div',
      { class: 'story-head' },
      h('h2', { class: 'section-heading' }, 'The whole story, decision by decision'),
      toggle,
    ),
    h(
      'p',
      { class: 'muted story-help' },
      d.fictional
        ? 'Open a decision for what you chose and what came of it.'
        : 'Open a decision for what really happened: quotes, contested points and sources.',
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
    meterCharts(d.series, p.meters),
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
                e.historical && !d.fictional ? h('span', { class: 'tag tag-history' }, 'What happened') : null,
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
  // The name and team are typed in Save results (`extra`): the printed head follows them.
  head.update(root);
  root.addEventListener('input', (e) => {
    if ((e.target as Element | null)?.matches?.('[data-report-name]')) head.update(root);
  });
  return { root, heading: title, layout: 'wide' };
}

/** The local date of `d` as YYYY-MM-DD. */
function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The printed report's head (print only): the student's or team's name as typed in Save results
 * (none typed: a line to write it on), the date, the case and the seat. `update` reads the fields
 * marked `data-report-name` inside `root`.
 */
function reportHead(caseTitle: string, seat: string, today: Date) {
  const name = h('dd', { 'data-report': 'student' });
  const team = h('dd', { 'data-report': 'team' });
  const nameRow = h('div', null, h('dt', null, 'Name'), name);
  const teamRow = h('div', null, h('dt', null, 'Team'), team);
  const element = h(
    'dl',
    { class: 'report-head print-only', 'data-report': 'head' },
    nameRow,
    teamRow,
    h('div', null, h('dt', null, 'Date'), h('dd', { 'data-report': 'date' }, formatDate(isoDay(today)))),
    h('div', { class: 'report-wide' }, h('dt', null, 'Case'), h('dd', { 'data-report': 'case' }, caseTitle)),
    h('div', { class: 'report-wide' }, h('dt', null, 'Seat'), h('dd', { 'data-report': 'seat' }, seat)),
  );
  const update = (root: ParentNode) => {
    const typed = (id: string) =>
      (root.querySelector<HTMLInputElement>(`[data-report-name="${id}"]`)?.value ?? '').trim().replace(/\s+/g, ' ');
    const student = typed('student');
    const teamName = typed('team');
    // No name typed: a line to write one on (a team's name alone stands for it).
    name.textContent = student;
    name.classList.toggle('report-blank', !student);
    nameRow.hidden = !student && teamName !== '';
    team.textContent = teamName;
    teamRow.hidden = teamName === '';
  };
  return { element, update };
}
