/**
 * Playtest statistics: many seeded automated playthroughs of a scenario per seat (random, and
 * exhaustive over every sequence of moves where the scenario is small enough). Reports the
 * distribution of endings, each meter's range at the end, decisions never taken, run length,
 * and flags endings reached in under 1% or over 80% of runs, and endings no seat reached at all.
 */
import { exhaustivePlaythroughs, type Game, randomPlaythrough, type Scenario } from '../engine';
import { type LengthSample, sampleLength } from '../engine/path-lengths';
import { FULL_LENGTH } from '../engine/schema';

export interface SeatStats {
  role: string;
  mode: 'random' | 'exhaustive';
  runs: number;
  endings: { id: string; runs: number; share: number }[];
  meters: { id: string; label: string; min: number; max: number; mean: number }[];
  length: { min: number; max: number; mean: number };
  neverTaken: { step: string; choice: string }[];
  flagged: { ending: string; share: number; why: 'rare' | 'dominant' }[];
  /** Per length (`full` first, then each declared one): words shown before the ending, decisions, votes. */
  lengths: LengthSample[];
}

export interface StatsOptions {
  runs: number;
  roles?: string[];
  /** Try the exhaustive walk first when it finishes within this many runs. */
  exhaustiveCap?: number;
}

/** Runs per seat and length for the words-per-path figures (they vary less than endings do). */
const LENGTH_RUNS = 200;

function summarise(s: Scenario, role: string, mode: SeatStats['mode'], games: Game[]): SeatStats {
  const runs = games.length;
  const endingCounts = new Map(s.endings.map((e) => [e.id, 0]));
  const taken = new Set<string>();
  const finals = new Map(s.meters.map((m) => [m.id, [] as number[]]));
  const lengths: number[] = [];
  for (const g of games) {
    const st = g.state();
    if (st.ending) endingCounts.set(st.ending, (endingCounts.get(st.ending) ?? 0) + 1);
    for (const d of st.decisions) taken.add(`${d.step}/${d.choice}`);
    for (const m of s.meters) finals.get(m.id)?.push(st.meters[m.id] ?? m.start);
    lengths.push(st.turn);
  }
  const stat = (xs: number[]) => ({
    min: Math.min(...xs),
    max: Math.max(...xs),
    mean: Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 10) / 10,
  });
  const endings = [...endingCounts].map(([id, n]) => ({ id, runs: n, share: runs ? n / runs : 0 }));
  // Steps this seat can reach: those visited in any run.
  const visited = new Set(games.flatMap((g) => g.state().visited));
  return {
    role,
    mode,
    runs,
    endings,
    meters: s.meters.map((m) => ({ id: m.id, label: m.label, ...stat(finals.get(m.id) ?? []) })),
    length: stat(lengths),
    neverTaken: s.steps
      .filter((st) => visited.has(st.id))
      .flatMap((st) => st.choices.map((c) => ({ step: st.id, choice: c.id })))
      .filter((x) => !taken.has(`${x.step}/${x.choice}`)),
    lengths: [FULL_LENGTH, ...s.lengths.map((l) => l.id)].map((id) =>
      sampleLength(s, role, id, Math.min(runs, LENGTH_RUNS)),
    ),
    flagged: endings.flatMap((e): SeatStats['flagged'] => {
      // An ending no run from this seat reached may belong to another seat: listed, not flagged.
      if (e.share > 0 && e.share < 0.01) return [{ ending: e.id, share: e.share, why: 'rare' }];
      if (e.share > 0.8) return [{ ending: e.id, share: e.share, why: 'dominant' }];
      return [];
    }),
  };
}

export function playtestStats(s: Scenario, opts: StatsOptions): SeatStats[] {
  const roles = opts.roles ?? s.roles.map((r) => r.id);
  return roles.map((role) => {
    const cap = opts.exhaustiveCap ?? 0;
    if (cap > 0) {
      const games: Game[] = [];
      const result = exhaustivePlaythroughs(s, role, 1, cap, (g) => games.push(g));
      if (result.complete) return summarise(s, role, 'exhaustive', games);
    }
    const games = Array.from({ length: opts.runs }, (_, i) => randomPlaythrough(s, role, i + 1));
    const stats = summarise(s, role, 'random', games);
    for (const g of games) g.stop();
    return stats;
  });
}

/**
 * Endings no run of any seat reached: with every seat played, probably unreachable, or so rare
 * that no class will see them. (An ending no run of one seat reached may belong to another.)
 */
export function unreachedEndings(s: Scenario, stats: readonly SeatStats[]): string[] {
  if (!s.roles.every((r) => stats.some((st) => st.role === r.id))) return [];
  return s.endings
    .map((e) => e.id)
    .filter((id) => stats.every((st) => (st.endings.find((e) => e.id === id)?.runs ?? 0) === 0));
}
