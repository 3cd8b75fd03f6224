/**
 * Groups on the dashboard: side by side at a seat (results, how often each group took history's
 * choice, the endings it reached), and the editor where the teacher names each result's group.
 */
import type { DashboardSummary, EndingsSummary, GroupSummary } from '../classroom/index';
import { h, tableScroller, uid } from '../ui/dom';
import { ofText, plural } from './text';

/** The groups of one seat side by side: only the endings someone reached get a column. */
export function groupsTable(groups: readonly GroupSummary[], endings: EndingsSummary): HTMLElement {
  const reached = endings.endings.filter((e) => e.count > 0);
  const unfinished = groups.some((g) => g.unfinished > 0);
  const id = uid('groups');
  return tableScroller(
    h(
      'table',
      { class: 'chart-table groups-table' },
      h(
        'caption',
        { id, class: 'sr-only' },
        'Groups side by side: how often each took history’s choice, and the endings it reached',
      ),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Group'),
          h('th', { scope: 'col', class: 'num' }, 'Results'),
          h('th', { scope: 'col', class: 'num' }, 'Same as history'),
          reached.map((e) => h('th', { scope: 'col', class: 'num', 'data-ending': e.id }, e.title)),
          unfinished ? h('th', { scope: 'col', class: 'num' }, 'Saved before the end') : null,
        ),
      ),
      h(
        'tbody',
        null,
        groups.map((g) =>
          h(
            'tr',
            { 'data-group': g.label },
            h(
              'th',
              { scope: 'row' },
              h('span', { class: 'group-name' }, g.label),
              h('span', { class: 'group-members' }, g.names.join(', ')),
            ),
            h('td', { class: 'num' }, String(g.results)),
            h('td', { class: 'num group-share' }, ofText(g.matched, g.comparable)),
            reached.map((e) =>
              h('td', { class: 'num', 'data-ending': e.id }, String(g.endings.find((x) => x.id === e.id)?.count ?? 0)),
            ),
            unfinished ? h('td', { class: 'num' }, String(g.unfinished)) : null,
          ),
        ),
      ),
    ),
    id,
  );
}

/**
 * Each result's group, to edit: a text box per result (a change applies when the box is left or
 * Enter is pressed). `open` keeps the section open across renders.
 */
export function groupEditor(summary: DashboardSummary, open: boolean): HTMLElement {
  const listId = uid('group-names');
  const captionId = uid('group-edit');
  const groups = summary.groups;
  const line = groups.length ? `groups ${groups.map((g) => `${g.label} (${g.count})`).join(', ')}` : 'no groups yet';
  return h(
    'details',
    { class: 'group-editor', ...(open ? { open: true } : {}) },
    h('summary', null, `Files and groups (${line}): edit a result’s group`),
    h(
      'p',
      { class: 'meta' },
      'A group is read from the name typed before a " - " or ":" (“P3 - Ana” is in P3), else from a file renamed with the group before an underscore (“period3_ana.json”), else from the team typed with a student’s name. Type another group below, or clear it for none.',
    ),
    h(
      'datalist',
      { id: listId },
      groups.map((g) => h('option', { value: g.label })),
    ),
    // In a scroller, as the groups table: on a phone with large text the names, the files and the
    // boxes are wider than the page.
    tableScroller(
      h(
        'table',
        { class: 'chart-table group-edit-table' },
        h('caption', { id: captionId, class: 'sr-only' }, 'The group of each result'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Student or team'),
            h('th', { scope: 'col' }, 'File'),
            h('th', { scope: 'col' }, 'Group'),
          ),
        ),
        h(
          'tbody',
          null,
          summary.people.map((p) =>
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, p.name),
              h('td', { class: 'file-name' }, p.fileName),
              h(
                'td',
                null,
                h('input', {
                  type: 'text',
                  class: 'group-input',
                  value: p.group?.label ?? '',
                  list: listId,
                  maxlength: 40,
                  autocomplete: 'off',
                  spellcheck: 'false',
                  'aria-label': `Group of ${p.name}`,
                  'data-file': p.fileName,
                }),
              ),
            ),
          ),
        ),
      ),
      captionId,
    ),
    h('p', { class: 'meta' }, plural(summary.people.length, 'result'), ' in all.'),
  );
}
