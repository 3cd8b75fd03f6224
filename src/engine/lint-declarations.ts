/** Lint rules over what a scenario declares: meters never changed or read, flags never set or read, ids a typo apart. */
import { allConditions } from './conditions';
import type { Report } from './lint-rules';
import { editDistance } from './references';
import type { Effect, Scenario } from './schema';
import type { PathKey } from './yaml-source';

function allEffects(s: Scenario): Effect[] {
  return s.steps.flatMap((st) => [
    ...st.events.flatMap((e) => e.effects),
    ...st.choices.flatMap((c) => [...c.effects, ...c.outcomes.flatMap((o) => o.effects)]),
    ...(st.council?.members.flatMap((m) => m.lobby?.effects ?? []) ?? []),
    ...(st.council?.on_consensus?.effects ?? []),
    ...(st.council?.on_blocked?.effects ?? []),
  ]);
}

/** Meters that no effect changes or nothing reads, and flags never set or never read. */
export function lintMetersAndFlags(s: Scenario, report: Report): void {
  const changed = new Set(allEffects(s).map((e) => e.meter));
  const conditions = allConditions(s);
  const readMeters = new Set([
    ...conditions.flatMap((c) => ('meter' in c ? [c.meter] : [])),
    ...s.roles.flatMap((r) => Object.keys(r.objectives)),
  ]);
  s.meters.forEach((m, i) => {
    if (!changed.has(m.id))
      report.warn('meter-unchanged', ['meters', i, 'id'], `meter "${m.id}" is never changed by any effect`);
    if (!readMeters.has(m.id)) {
      report.warn(
        'meter-unread',
        ['meters', i, 'id'],
        `meter "${m.id}" is never read by a condition or a seat's objectives`,
      );
    }
  });
  const setFlags = new Set(
    s.steps.flatMap((st) => [
      ...st.events.flatMap((e) => e.set),
      ...st.choices.flatMap((c) => [...c.set, ...c.outcomes.flatMap((o) => o.set)]),
      ...(st.council?.on_consensus?.set ?? []),
      ...(st.council?.on_blocked?.set ?? []),
    ]),
  );
  const readFlags = new Set(conditions.flatMap((c) => ('flag' in c ? [c.flag] : [])));
  s.flags.forEach((f, i) => {
    if (!setFlags.has(f.id) && !f.start) report.warn('flag-unused', ['flags', i, 'id'], `flag "${f.id}" is never set`);
    if (!readFlags.has(f.id))
      report.warn('flag-unused', ['flags', i, 'id'], `flag "${f.id}" is never read by a condition`);
  });
}

/** Declared ids one typo apart. */
export function lintSimilarIds(s: Scenario, report: Report): void {
  const declared: [string, PathKey[]][] = [
    ...s.meters.map((m, i): [string, PathKey[]] => [m.id, ['meters', i, 'id']]),
    ...s.flags.map((f, i): [string, PathKey[]] => [f.id, ['flags', i, 'id']]),
    ...s.steps.map((st, i): [string, PathKey[]] => [st.id, ['steps', i, 'id']]),
    ...s.endings.map((e, i): [string, PathKey[]] => [e.id, ['endings', i, 'id']]),
    ...s.roles.map((r, i): [string, PathKey[]] => [r.id, ['roles', i, 'id']]),
  ];
  // Ids one edit apart share the id or a one-letter deletion of it: look candidates up by those
  // keys instead of comparing every pair (a file may declare thousands of steps).
  const byKey = new Map<string, number[]>();
  const keysOf = (id: string) => new Set([id, ...Array.from(id, (_, k) => id.slice(0, k) + id.slice(k + 1))]);
  for (let i = 0; i < declared.length; i++) {
    const [a, pa] = declared[i] as [string, PathKey[]];
    const candidates = new Set<number>();
    for (const key of keysOf(a)) {
      const list = byKey.get(key);
      if (list) for (const j of list) candidates.add(j);
      else byKey.set(key, []);
      byKey.get(key)?.push(i);
    }
    for (const j of [...candidates].sort((x, y) => x - y)) {
      const [b] = declared[j] as [string, PathKey[]];
      // Same first two letters: parallel ids such as a_intro / k_intro are not typos.
      if (a.length >= 5 && a.slice(0, 2) === b.slice(0, 2) && !/\d/.test(a + b) && editDistance(a, b) === 1) {
        report.warn('similar-ids', pa, `id "${a}" differs by one letter from "${b}": a typo?`);
      }
    }
  }
}
