/**
 * Groups side by side (class periods, teams: see dashboard-people.ts for how a result's group is
 * read): per group at one seat, how many results, the endings reached and how often the group took
 * history's choice. Given only when there are two groups or more; results without a group are
 * one more group, "No group".
 */
import type { EndingCount, GridRow, GroupSummary } from './dashboard-types';

export const NO_GROUP = 'No group';

/** The groups of a seat's rows, in natural order ("P3" before "P10"), "No group" last. */
export function compareGroups(rows: readonly GridRow[], endings: readonly EndingCount[]): GroupSummary[] {
  const byKey = new Map<string, GridRow[]>();
  for (const r of rows) {
    const key = r.group?.key ?? '';
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  if (byKey.size < 2) return [];
  const groups = [...byKey.entries()].map(([key, members]): GroupSummary => {
    const matched = members.reduce((n, r) => n + r.matched, 0);
    const comparable = members.reduce((n, r) => n + r.comparable, 0);
    return {
      key,
      label: members[0]?.group?.label ?? NO_GROUP,
      results: members.length,
      names: members.map((r) => r.name),
      endings: endings.map((e) => ({
        id: e.id,
        title: e.title,
        tone: e.tone,
        count: members.filter((r) => r.ending?.id === e.id).length,
      })),
      unfinished: members.filter((r) => r.ending === null).length,
      matched,
      comparable,
      share: comparable ? matched / comparable : 0,
      objectives: members.reduce((n, r) => n + r.objectives, 0) / members.length,
    };
  });
  return groups.sort(
    (a, b) =>
      Number(a.key === '') - Number(b.key === '') ||
      a.label.localeCompare(b.label, 'en', { numeric: true, sensitivity: 'base' }),
  );
}
