/**
 * The summary a teacher reads at a glance, first on the page: how many results and of which
 * case and seat, the endings reached (with who reached them), the groups side by side, and the
 * student × decision grid. The same section, large, is the "present" view for a projector.
 */
import type { DashboardSummary, EndingCount, ScenarioSummary, SeatSummary } from '../classroom/index';
import { h, uid } from '../ui/dom';
import { gridByDecision, gridTable } from './grid';
import { groupEditor, groupsTable } from './groups';
import { decisionAnchor } from './routes';
import { plural, TONE_WORDS } from './text';

export interface GlanceOptions {
  presenting: boolean;
  /** Printing: the grid by decision, to fit a page, when there are few students. */
  printing?: boolean;
  /** Files skipped unread (not results, damaged). */
  skipped: number;
  /** The group editor was open: keep it open. */
  editorOpen: boolean;
}

/** "4 solo" with its number in an element of its own, for tests and screen readers alike. */
function count(value: number, words: string, attrs: Record<string, string>): (HTMLElement | string)[] {
  return [h('span', { class: 'glance-num', ...attrs }, String(value)), ` ${words}`];
}

/** One line: how many results, how they were played, the groups, the files not counted. */
function facts(summary: DashboardSummary, skipped: number, presenting: boolean): HTMLElement {
  const parts: (HTMLElement | string)[][] = [
    [
      h(
        'strong',
        { class: 'glance-count' },
        ...count(summary.count, summary.count === 1 ? 'result' : 'results', {
          id: 'result-count',
          'data-count': String(summary.count),
        }),
      ),
    ],
    [
      ...count(summary.modes.solo, 'played solo', { 'data-mode': 'solo' }),
      ', ',
      ...count(summary.modes.class, 'as a class', { 'data-mode': 'class' }),
    ],
  ];
  if (summary.groups.length) {
    parts.push([`${plural(summary.groups.length, 'group')}: ${summary.groups.map((g) => g.label).join(', ')}`]);
  }
  if (!presenting || skipped + summary.flagged.length > 0)
    parts.push([
      ...count(skipped, skipped === 1 ? 'file skipped' : 'files skipped', { 'data-skipped': String(skipped) }),
      ', ',
      ...count(summary.flagged.length, 'flagged', { 'data-flagged': String(summary.flagged.length) }),
    ]);
  return h(
    'p',
    { class: 'glance-facts' },
    parts.flatMap((p, i) => (i ? [' · ', ...p] : p)),
  );
}

function endingItem(e: EndingCount, names: readonly string[]): HTMLLIElement {
  return h(
    'li',
    { class: `glance-ending tone-${e.tone}`, 'data-ending': e.id },
    h('span', { class: 'ending-count' }, String(e.count)),
    h(
      'span',
      { class: 'ending-body' },
      h('span', { class: 'ending-title' }, e.title),
      h('span', { class: `tag tag-${e.tone}` }, TONE_WORDS[e.tone]),
      e.historical ? h('span', { class: 'tag tag-history' }, 'Closest to history') : null,
      h('span', { class: 'ending-names' }, names.join(', ')),
    ),
  );
}

function endingsBlock(seat: SeatSummary): HTMLElement {
  const id = uid('endings');
  const reached = seat.endings.filter((e) => e.count > 0).sort((a, b) => b.count - a.count);
  const others = seat.endings.filter((e) => e.count === 0);
  const unfinished = seat.grid.rows.filter((r) => r.ending === null).map((r) => r.name);
  return h(
    'section',
    { class: 'glance-endings', 'aria-labelledby': id },
    h('h4', { id, class: 'section-heading' }, 'Endings reached'),
    h(
      'ul',
      { class: 'ending-list' },
      reached.map((e) =>
        endingItem(
          e,
          seat.grid.rows.filter((r) => r.ending?.id === e.id).map((r) => r.name),
        ),
      ),
      unfinished.length
        ? h(
            'li',
            { class: 'glance-ending', 'data-ending': '' },
            h('span', { class: 'ending-count' }, String(unfinished.length)),
            h(
              'span',
              { class: 'ending-body' },
              h('span', { class: 'ending-title' }, 'Saved before the end'),
              h('span', { class: 'ending-names' }, unfinished.join(', ')),
            ),
          )
        : null,
    ),
    others.length
      ? h('p', { class: 'meta ending-others' }, `Not reached: ${others.map((e) => e.title).join(' · ')}.`)
      : null,
  );
}

/**
 * On a projector, students read best as columns, the decisions down the screen: at most this many
 * a grid, so it never scrolls sideways; a larger class gets one such grid per eight students.
 */
const FEW = 8;

/** The grids of the present view: the students in columns, eight a grid. */
function presentedGrids(seat: SeatSummary): DocumentFragment[] {
  const rows = seat.grid.rows;
  const grids: DocumentFragment[] = [];
  for (let from = 0; from < Math.max(1, rows.length); from += FEW) {
    const part = rows.slice(from, from + FEW);
    const label =
      rows.length > FEW ? `${seat.title}, students ${from + 1}–${from + part.length} of ${rows.length}` : seat.title;
    const grid = gridByDecision({ ...seat.grid, rows: part }, seat, label);
    if (rows.length > FEW)
      grid.prepend(
        h(
          'p',
          { class: 'grid-part', 'aria-hidden': 'true' },
          `Students ${from + 1}–${from + part.length} of ${rows.length}`,
        ),
      );
    grids.push(grid);
  }
  return grids;
}

function seatGlance(
  s: ScenarioSummary,
  seat: SeatSummary,
  many: boolean,
  turned: boolean,
  anchor: (step: number) => string,
): HTMLElement {
  const id = uid('glance-seat');
  const groupsId = uid('glance-groups');
  return h(
    'section',
    { class: 'glance-seat', 'aria-labelledby': id, 'data-scenario': s.id, 'data-seat': seat.id },
    h(
      'h3',
      { id, class: 'glance-seat-name' },
      many ? `${s.title} · ` : null,
      seat.title,
      ' ',
      h('span', { class: 'seat-count' }, plural(seat.count, 'result')),
    ),
    h(
      'div',
      { class: 'glance-top' },
      endingsBlock(seat),
      seat.grid.groups.length >= 2
        ? h(
            'section',
            { class: 'glance-groups', 'aria-labelledby': groupsId },
            h('h4', { id: groupsId, class: 'section-heading' }, 'Groups'),
            groupsTable(seat.grid.groups, seat),
          )
        : null,
    ),
    ...(turned ? presentedGrids(seat) : [gridTable(seat.grid, seat, seat.title, anchor)]),
  );
}

export function glance(summary: DashboardSummary, opts: GlanceOptions): HTMLElement {
  const id = uid('glance');
  const many = summary.scenarios.length > 1 || summary.scenarios.some((s) => s.seats.length > 1);
  const cases = summary.scenarios.map((s) => s.title);
  const notCounted = summary.flagged.length + opts.skipped;
  return h(
    'section',
    { class: 'glance', 'aria-labelledby': id, 'data-presenting': opts.presenting ? 'true' : 'false' },
    h(
      'div',
      { class: 'glance-head' },
      h(
        'div',
        { class: 'glance-title' },
        h('h2', { id, class: 'glance-heading', tabindex: '-1' }, opts.presenting ? cases.join(' · ') : 'Summary'),
        opts.presenting ? null : h('p', { class: 'glance-case' }, cases.join(' · ')),
      ),
      opts.presenting
        ? h(
            'button',
            { type: 'button', class: 'btn present-exit', 'data-action': 'leave-present' },
            'Back to the dashboard (Esc)',
          )
        : h('a', { class: 'btn btn-primary present-link', href: '#present' }, 'Present'),
    ),
    facts(summary, opts.skipped, opts.presenting),
    notCounted && !opts.presenting
      ? h(
          'p',
          { class: 'notice-line glance-notice' },
          `${plural(notCounted, 'file')} not counted: `,
          h('a', { href: '#problems' }, 'see which and why'),
          '.',
        )
      : null,
    summary.scenarios.flatMap((s, i) =>
      s.seats.map((seat, j) =>
        seatGlance(s, seat, many, opts.presenting || opts.printing === true, (step) =>
          decisionAnchor(i + 1, j + 1, step),
        ),
      ),
    ),
    opts.presenting ? null : groupEditor(summary, opts.editorOpen),
  );
}
