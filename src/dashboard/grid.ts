/**
 * The student × decision grid: a row per student or team (name, group, ending, how often they took
 * history's choice), a column per decision in date order, and history's own choices in the first
 * row. A cell taken as history did is marked with ✓ and says so in words to screen readers; colour
 * only repeats it. A student's name opens their path (#path/N).
 */
import type { EndingsSummary, GridCell, GridColumn, GridRow, SeatGrid } from '../classroom/index';
import { h, uid } from '../ui/dom';
import { routeHash } from './routes';
import { shortDate } from './text';

function columnHead(c: GridColumn, withYear: boolean, anchor: string): HTMLTableCellElement {
  return h(
    'th',
    { scope: 'col', class: 'grid-step', 'data-step': c.step },
    h('span', { class: 'grid-number' }, c.numberText),
    // The decision's detail below: how the choices split, the rationales side by side.
    h('a', { class: 'grid-title', href: `#${anchor}` }, c.title),
    c.date ? h('span', { class: 'grid-date' }, shortDate(c.date, withYear)) : null,
  );
}

function cellContent(cell: GridCell, showTurn: boolean): HTMLElement {
  const mark =
    cell.matched === true
      ? [
          h('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'),
          h('span', { class: 'sr-only' }, "History's choice: "),
        ]
      : cell.matched === false
        ? [h('span', { class: 'sr-only' }, 'Not history’s choice: ')]
        : [];
  return h(
    'span',
    { class: 'grid-choice', title: cell.choice.label },
    showTurn ? h('span', { class: 'grid-turn' }, `Decision ${cell.turn}: `) : null,
    mark,
    h('span', { 'aria-hidden': cell.choice.short !== cell.choice.label ? 'true' : null }, cell.choice.short),
    cell.choice.short !== cell.choice.label ? h('span', { class: 'sr-only' }, cell.choice.label) : null,
  );
}

function cell(cells: readonly GridCell[], column: GridColumn, who?: string): HTMLTableCellElement {
  if (cells.length === 0) {
    return h(
      'td',
      { class: 'grid-cell is-off' },
      h('span', { 'aria-hidden': 'true' }, '·'),
      h('span', { class: 'sr-only' }, 'Not on this path'),
    );
  }
  const matched = cells.every((c) => c.matched === true);
  const state = cells.some((c) => c.matched === undefined) ? 'is-open' : matched ? 'is-match' : 'is-differ';
  return h(
    'td',
    {
      class: `grid-cell ${state}`,
      'data-step': column.step,
      'data-choice': cells.map((c) => c.choice.id).join(' '),
      'data-who': who ?? null,
    },
    cells.map((c) => cellContent(c, column.number === undefined)),
  );
}

function historyCell(c: GridColumn): HTMLTableCellElement {
  if (!c.history) {
    return h(
      'td',
      { class: 'grid-cell is-history is-open' },
      h('span', { class: 'grid-none' }, 'No historical choice'),
    );
  }
  return h(
    'td',
    { class: 'grid-cell is-history', title: c.history.label },
    h('span', { 'aria-hidden': c.history.short !== c.history.label ? 'true' : null }, c.history.short),
    c.history.short !== c.history.label ? h('span', { class: 'sr-only' }, c.history.label) : null,
  );
}

function matchedText(r: GridRow): string {
  return r.comparable ? `${r.matched} of ${r.comparable}` : '—';
}

function row(r: GridRow, columns: readonly GridColumn[]): HTMLTableRowElement {
  return h(
    'tr',
    { class: 'grid-row', 'data-index': String(r.index), 'data-file': r.fileName },
    h(
      'th',
      { scope: 'row', class: 'grid-who' },
      h('a', { href: routeHash({ view: 'path', index: r.index }), class: 'grid-name' }, r.name),
      r.group ? h('span', { class: 'group-tag' }, r.group.label) : null,
    ),
    h(
      'td',
      { class: 'grid-ending' },
      r.ending
        ? h('span', { class: `ending-name tone-${r.ending.tone}` }, r.ending.title)
        : h('span', { class: 'grid-none' }, 'Saved before the end'),
    ),
    h('td', { class: 'grid-matched num' }, matchedText(r)),
    columns.map((c, i) => cell(r.cells[i] ?? [], c)),
  );
}

/** The grid with how to read it above, in a region that scrolls sideways on its own when it must. */
function wrap(table: HTMLTableElement, captionId: string, more: string): DocumentFragment {
  const out = document.createDocumentFragment();
  out.append(
    h(
      'p',
      { class: 'grid-help' },
      'Each student’s decisions in date order; ',
      h('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'),
      h('span', { class: 'sr-only' }, 'a check mark'),
      ` marks history’s choice.${more}`,
      h('span', { class: 'grid-scroll-hint' }, ' Scroll the grid sideways for every decision.'),
    ),
    h('div', { class: 'grid-wrap', role: 'region', 'aria-labelledby': captionId, tabindex: '0' }, table),
  );
  return out;
}

/** The grid of one seat's results; `endings` names history's ending in the first row. */
export function gridTable(
  grid: SeatGrid,
  endings: EndingsSummary,
  label: string,
  anchor: (step: number) => string,
): DocumentFragment {
  const captionId = uid('grid');
  const years = new Set(grid.columns.map((c) => c.date.slice(0, 4)));
  const historical = endings.endings.find((e) => e.historical);
  const table = h(
    'table',
    { class: 'decision-grid' },
    h('caption', { id: captionId, class: 'sr-only' }, `${label}: each student’s decisions in date order`),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col', class: 'grid-who' }, 'Student or team'),
        h('th', { scope: 'col', class: 'grid-ending' }, 'Ending'),
        h('th', { scope: 'col', class: 'grid-matched num' }, 'Same as history'),
        grid.columns.map((c, i) => columnHead(c, years.size > 1, anchor(i + 1))),
      ),
    ),
    h(
      'tbody',
      null,
      h(
        'tr',
        { class: 'grid-history' },
        h('th', { scope: 'row', class: 'grid-who' }, 'What history did'),
        h('td', { class: 'grid-ending' }, historical ? historical.title : '—'),
        h('td', { class: 'grid-matched num' }, '—'),
        grid.columns.map(historyCell),
      ),
      grid.rows.map((r) => row(r, grid.columns)),
    ),
    h(
      'tfoot',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'row', class: 'grid-who' }, 'Same as history'),
        h('td', { class: 'grid-ending' }),
        h('td', { class: 'grid-matched' }),
        grid.columns.map((c) => h('td', { class: 'grid-cell num' }, c.history ? `${c.matched} of ${c.taken}` : '—')),
      ),
    ),
  );
  // Wider than the window on a phone or with many decisions: it scrolls on its own, by keyboard too.
  return wrap(table, captionId, '');
}

/** The decision's heading in a row of the grid by decision: its number, title and date. */
function decisionHead(c: GridColumn, withYear: boolean): HTMLTableCellElement {
  return h(
    'th',
    { scope: 'row', class: 'grid-step', 'data-step': c.step },
    h('span', { class: 'grid-number' }, c.numberText),
    h('span', { class: 'grid-title' }, c.title),
    c.date ? h('span', { class: 'grid-date' }, shortDate(c.date, withYear)) : null,
  );
}

/**
 * The same grid turned a quarter, for a projector when there are few students: a column per
 * student (their ending and share of history's choices on top), a row per decision in date order.
 */
export function gridByDecision(grid: SeatGrid, endings: EndingsSummary, label: string): DocumentFragment {
  const captionId = uid('grid');
  const years = new Set(grid.columns.map((c) => c.date.slice(0, 4)));
  const historical = endings.endings.find((e) => e.historical);
  const table = h(
    'table',
    { class: 'decision-grid by-decision' },
    h('caption', { id: captionId, class: 'sr-only' }, `${label}: each student’s decisions in date order`),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col', class: 'grid-step' }, 'Decision'),
        h('th', { scope: 'col', class: 'grid-history-col' }, 'What history did'),
        grid.rows.map((r) =>
          h(
            'th',
            { scope: 'col', class: 'grid-who-col', 'data-index': String(r.index) },
            h('span', { class: 'grid-name' }, r.name),
            r.group ? h('span', { class: 'group-tag' }, r.group.label) : null,
          ),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      h(
        'tr',
        { class: 'grid-ends' },
        h('th', { scope: 'row', class: 'grid-step' }, 'Ending'),
        h('td', { class: 'grid-history-col' }, historical ? historical.title : '—'),
        grid.rows.map((r) =>
          h(
            'td',
            { class: 'grid-ending' },
            r.ending
              ? h('span', { class: `ending-name tone-${r.ending.tone}` }, r.ending.title)
              : h('span', { class: 'grid-none' }, 'Saved before the end'),
          ),
        ),
      ),
      h(
        'tr',
        { class: 'grid-ends' },
        h('th', { scope: 'row', class: 'grid-step' }, 'Same as history'),
        h('td', { class: 'grid-history-col' }, '—'),
        grid.rows.map((r) => h('td', { class: 'grid-matched' }, matchedText(r))),
      ),
      grid.columns.map((c, i) =>
        h(
          'tr',
          { 'data-step': c.step },
          decisionHead(c, years.size > 1),
          historyCell(c),
          grid.rows.map((r) => cell(r.cells[i] ?? [], c, r.name)),
        ),
      ),
    ),
  );
  return wrap(table, captionId, '');
}
