/**
 * One student's (or team's) path beside history, at #path/N: every decision in the order they
 * took it, with the option chosen, history's option, whether they match, the random result drawn,
 * the room's votes and the rationale typed. Links lead to the previous and next result.
 */
import type { DashboardSummary, GridCell, GridColumn, GridRow, ScenarioSummary, SeatSummary } from '../classroom/index';
import { formatDate, h } from '../ui/dom';
import { routeHash } from './routes';
import { ofText, TONE_WORDS } from './text';

/** "27 November 2026, 10:42", the time as the file wrote it (the classroom's clock). */
function savedText(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return m ? `${formatDate(m[1] as string)}, ${m[2]}` : at;
}

export interface Located {
  scenario: ScenarioSummary;
  seat: SeatSummary;
  row: GridRow;
}

/** The result counted N-th (1-based), with its case and seat. */
export function locate(summary: DashboardSummary, index: number): Located | undefined {
  for (const scenario of summary.scenarios) {
    for (const seat of scenario.seats) {
      const row = seat.grid.rows.find((r) => r.index === index);
      if (row) return { scenario, seat, row };
    }
  }
  return undefined;
}

function decision(cell: GridCell, column: GridColumn): HTMLLIElement {
  const state = cell.matched === undefined ? 'is-open' : cell.matched ? 'is-match' : 'is-differ';
  const verdict =
    cell.matched === undefined
      ? 'History made no choice here.'
      : cell.matched
        ? '✓ Same as history'
        : 'Not history’s choice';
  return h(
    'li',
    { class: `path-decision ${state}`, 'data-step': column.step, 'data-turn': String(cell.turn) },
    h(
      'p',
      { class: 'kicker' },
      `Decision ${cell.turn}`,
      column.date ? ` · ${formatDate(column.date)}` : '',
      column.kind === 'vote' ? ' · Council vote' : '',
    ),
    h('h3', { class: 'path-step' }, column.title),
    h(
      'div',
      { class: 'path-beside' },
      h(
        'div',
        { class: 'path-theirs' },
        h('p', { class: 'path-label' }, 'Their choice'),
        h('p', { class: 'path-choice' }, cell.choice.label),
        h('p', { class: 'path-verdict' }, verdict),
      ),
      h(
        'div',
        { class: 'path-history' },
        h('p', { class: 'path-label' }, 'What history did'),
        h('p', { class: 'path-choice' }, column.history?.label ?? 'No historical choice at this step'),
      ),
    ),
    cell.outcome ? h('p', { class: 'path-outcome' }, h('strong', null, 'What happened: '), cell.outcome) : null,
    cell.tally
      ? h(
          'p',
          { class: 'path-tally' },
          h('strong', null, 'Room’s votes: '),
          cell.tally.map((t) => `${t.label}: ${t.votes}`).join(' · '),
        )
      : null,
    cell.rationale
      ? h(
          'blockquote',
          { class: 'path-rationale' },
          h('p', { class: 'path-label' }, 'Rationale typed'),
          h('p', null, cell.rationale),
        )
      : h('p', { class: 'meta' }, 'No rationale was written.'),
  );
}

/** The path view; `headingId` is focused when the view opens. */
export function pathView(summary: DashboardSummary, at: Located, headingId: string): HTMLElement {
  const { scenario, seat, row } = at;
  const taken = row.cells
    .flatMap((cells, i) => cells.map((cell) => ({ cell, column: seat.grid.columns[i] as GridColumn })))
    .sort((a, b) => a.cell.turn - b.cell.turn);
  const total = summary.files.length;
  const neighbour = (index: number, rel: 'prev' | 'next') => {
    const other = locate(summary, index);
    if (!other) return null;
    return h(
      'a',
      { class: 'btn btn-small', href: routeHash({ view: 'path', index }), rel },
      rel === 'prev' ? `← ${other.row.name}` : `${other.row.name} →`,
    );
  };
  const file = summary.files[row.index - 1];
  return h(
    'article',
    { class: 'path-view-body', 'aria-labelledby': headingId, 'data-index': String(row.index) },
    h(
      'nav',
      { class: 'path-nav', 'aria-label': 'Students' },
      h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'leave-path' }, 'Back to the summary'),
      h(
        'span',
        { class: 'path-nav-others' },
        row.index > 1 ? neighbour(row.index - 1, 'prev') : null,
        row.index < total ? neighbour(row.index + 1, 'next') : null,
      ),
    ),
    h('p', { class: 'kicker' }, row.group ? `Path · ${row.group.label}` : 'Path'),
    h('h2', { id: headingId, class: 'path-name', tabindex: '-1' }, row.name),
    h(
      'p',
      { class: 'meta' },
      [scenario.title, seat.title, row.mode === 'class' ? 'Played as a class' : 'Played solo'].join(' · '),
    ),
    h(
      'dl',
      { class: 'path-facts' },
      h(
        'div',
        null,
        h('dt', null, 'Ending'),
        h(
          'dd',
          null,
          row.ending ? row.ending.title : 'Saved before the end',
          row.ending ? h('span', { class: `tag tag-${row.ending.tone}` }, TONE_WORDS[row.ending.tone]) : null,
          row.ending?.historical ? h('span', { class: 'tag tag-history' }, 'Closest to history') : null,
        ),
      ),
      h('div', null, h('dt', null, 'Took history’s choice'), h('dd', null, ofText(row.matched, row.comparable))),
      h('div', null, h('dt', null, 'Objectives at the end'), h('dd', null, `${Math.round(row.objectives)} / 100`)),
      file ? h('div', null, h('dt', null, 'Saved'), h('dd', null, savedText(file.result.finishedAt))) : null,
    ),
    h(
      'ol',
      { class: 'path-list', 'aria-label': `${row.name}’s decisions beside history` },
      taken.map((x) => decision(x.cell, x.column)),
    ),
  );
}
