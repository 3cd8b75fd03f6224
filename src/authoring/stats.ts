/**
 * Playtest statistics: many seeded automated playthroughs of a scenario per seat (random, and
 * exhaustive over every sequence of moves where the scenario is small enough). Reports the
 * distribution of endings, each meter's range at the end, decisions never taken (of those the
 * seat can be offered: a choice for another seat is not reported), run length,
 * and flags endings reached in under 1% or over 80% of runs, and endings no seat reached at all.
 *
 * A run that cannot end (a cycle with no way out, a chain longer than MAX_MOVES, a dead end) is a
 * finding, not a crash: such runs are counted and described (`unended`), and after MAX_UNENDED of
 * them (or the first, when no run has ended yet) a seat's remaining runs are not tried. The
 * exhaustive walk is used only on a case without cycles, and falls back to random runs when the
 * paths are too deep for it.
 */
import { exhaustivePlaythroughs, type Game, randomPlaythrough, type Scenario } from '../engine';
import { DeadEndError } from '../engine/autoplay';
import type { LengthSample, Spread } from '../engine/path-lengths';
import { FULL_LENGTH } from '../engine/schema';
import { measurePath } from '../engine/words';
import { scenarioEdges, seatCanSee } from './diagram';

/** Moves a run may take before it counts as one that does not end (the engine's random playthrough's bound). */
export const MAX_MOVES = 1000;
/** Runs of one seat and length that may fail to end before the rest are not tried. */
const MAX_UNENDED = 3;

/** Runs of one seat at one length that did not end, and the first one's path. */
export interface Unended {
  length: string;
  reason: 'too-long' | 'dead-end';
  /** The first such run. */
  seed: number;
  /** Runs tried, and how many of them did not end. */
  tried: number;
  failed: number;
  /** True when runs were left untried after `failed` of them did not end. */
  stoppedEarly: boolean;
  /** The first such run's steps, from the start to its first repeated step (or to MAX_MOVES). */
  steps: string[];
}

export interface SeatStats {
  role: string;
  mode: 'random' | 'exhaustive';
  /** Runs that ended (those the figures below describe). */
  runs: number;
  endings: { id: string; runs: number; share: number }[];
  meters: { id: string; label: string; min: number; max: number; mean: number }[];
  length: { min: number; max: number; mean: number };
  neverTaken: { step: string; choice: string }[];
  flagged: { ending: string; share: number; why: 'rare' | 'dominant' }[];
  /** Per length (`full` first, then each declared one): words shown before the ending, decisions, votes. */
  lengths: LengthSample[];
  /** Runs that did not end, per length: each is a problem in the scenario. */
  unended: Unended[];
  /** Why the exhaustive walk was asked for but not used. */
  note?: string;
}

export interface StatsOptions {
  runs: number;
  roles?: string[];
  /** Try the exhaustive walk first when it finishes within this many runs. */
  exhaustiveCap?: number;
}

/** Runs per seat and length for the words-per-path figures (they vary less than endings do). */
const LENGTH_RUNS = 200;

/**
 * The steps of the random playthrough `randomPlaythrough(s, role, seed, …, length)` makes (the
 * same policy and draws), from the start until a step is entered a second time, the run ends, or
 * no move is left. Lobbying stays on a step; any other move enters one (perhaps the same again).
 */
export function traceRun(s: Scenario, role: string, seed: number, length?: string): string[] {
  const steps: string[] = [];
  const seen = new Set<string>();
  /** Thrown to stop the trace at the first step seen twice. */
  const looped = new Error('looped');
  try {
    randomPlaythrough(s, role, seed, MAX_MOVES, length, (game, move, from) => {
      if (steps.length === 0) {
        steps.push(from ?? '?');
        seen.add(from ?? '?');
      }
      if (move.type === 'LOBBY' || game.ended) return;
      const step = game.currentStep() ?? '?';
      steps.push(step);
      if (seen.has(step)) throw looped;
      seen.add(step);
    });
  } catch (e) {
    // A dead end, a loop or a run too long: the steps so far are the trace.
    if (steps.length === 0 && e instanceof DeadEndError) steps.push(e.step);
  }
  return steps;
}

/** "a → b → a → …": a path of steps, shortened in the middle when long. */
export function stepTrail(steps: readonly string[], more = true): string {
  const shown = steps.length > 9 ? [...steps.slice(0, 4), '…', ...steps.slice(-4)] : [...steps];
  return [...shown, ...(more ? ['…'] : [])].join(' → ');
}

/** One line for runs that did not end: "run did not end within 1000 moves: steps a → b → a → … (…)". */
export function unendedText(u: Unended): string {
  const what =
    u.reason === 'dead-end'
      ? `run reached a dead end (no move at step "${u.steps.at(-1) ?? '?'}")`
      : `run did not end within ${MAX_MOVES} moves`;
  const runs = `${u.failed} of ${u.tried} runs${u.stoppedEarly ? ', the rest not tried' : ''}`;
  return `${what}: steps ${stepTrail(u.steps, u.reason !== 'dead-end')} (seed ${u.seed}; ${runs})`;
}

interface Runs {
  games: Game[];
  /** The seed of each game. */
  seeds: number[];
  unended?: Unended;
}

/** Seeded random runs 1..seeds: those that ended, and those that did not (bounded, see MAX_UNENDED). */
function playRuns(s: Scenario, role: string, seeds: number, length?: string): Runs {
  const games: Game[] = [];
  const ended: number[] = [];
  let unended: Unended | undefined;
  for (let seed = 1; seed <= seeds; seed++) {
    try {
      games.push(randomPlaythrough(s, role, seed, MAX_MOVES, length));
      ended.push(seed);
    } catch (e) {
      const deadEnd = e instanceof DeadEndError;
      if (!deadEnd && !/did not end/.test(String((e as Error)?.message))) throw e;
      unended ??= {
        length: length ?? FULL_LENGTH,
        reason: deadEnd ? 'dead-end' : 'too-long',
        seed,
        tried: seeds,
        failed: 0,
        stoppedEarly: false,
        steps: traceRun(s, role, seed, length),
      };
      unended.failed++;
      if (unended.failed >= MAX_UNENDED || games.length === 0) {
        unended.tried = seed;
        unended.stoppedEarly = seed < seeds;
        break;
      }
    }
  }
  return unended ? { games, seeds: ended, unended } : { games, seeds: ended };
}

/** Runs that do not end among seeds 1..seeds of a seat, if any (for commands that need runs to end). */
export function unendedRuns(s: Scenario, role: string, seeds: number): Unended | undefined {
  const { games, unended } = playRuns(s, role, seeds);
  for (const g of games) g.stop();
  return unended;
}

function spread(xs: readonly number[]): Spread {
  if (xs.length === 0) return { min: 0, mean: 0, max: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { min: Math.min(...xs), mean: Math.round(mean * 10) / 10, max: Math.max(...xs) };
}

/** Seeds 1..runs from one seat at one length, as the engine's `sampleLength`, skipping runs that do not end. */
function sampleLength(s: Scenario, role: string, length: string, runs: number): [LengthSample, Unended?] {
  const { games, seeds, unended } = playRuns(s, role, runs, length);
  const words: number[] = [];
  const decisions: number[] = [];
  const votes: number[] = [];
  let longest = { seed: 1, words: -1 };
  games.forEach((game, i) => {
    const m = measurePath(s, game.state());
    game.stop();
    words.push(m.words);
    decisions.push(m.decisions);
    votes.push(m.votes);
    if (m.words > longest.words) longest = { seed: seeds[i] ?? 0, words: m.words };
  });
  const sample = {
    role,
    length,
    runs: games.length,
    words: spread(words),
    decisions: spread(decisions),
    votes: spread(votes),
    longest,
  };
  return unended ? [sample, unended] : [sample];
}

function summarise(s: Scenario, role: string, mode: SeatStats['mode'], games: Game[], unended: Unended[]): SeatStats {
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
  const stat = (xs: number[]) => {
    const { min, mean, max } = spread(xs);
    return { min, max, mean };
  };
  const endings = [...endingCounts].map(([id, n]) => ({ id, runs: n, share: runs ? n / runs : 0 }));
  // Steps this seat can reach: those visited in any run.
  const visited = new Set(games.flatMap((g) => g.state().visited));
  const samples =
    runs === 0
      ? []
      : [FULL_LENGTH, ...s.lengths.map((l) => l.id)].map((id) =>
          sampleLength(s, role, id, Math.min(runs, LENGTH_RUNS)),
        );
  for (const [, u] of samples) {
    // The full length repeats the seat's own runs: its runs that do not end are already reported.
    if (u && !(u.length === FULL_LENGTH && unended.length > 0)) unended.push(u);
  }
  return {
    role,
    mode,
    runs,
    endings,
    meters: s.meters.map((m) => ({ id: m.id, label: m.label, ...stat(finals.get(m.id) ?? []) })),
    length: stat(lengths),
    // Only choices this seat can be offered: one whose `when` names another seat is not its to take.
    neverTaken: s.steps
      .filter((st) => visited.has(st.id))
      .flatMap((st) => st.choices.filter((c) => seatCanSee(c.when, role)).map((c) => ({ step: st.id, choice: c.id })))
      .filter((x) => !taken.has(`${x.step}/${x.choice}`)),
    lengths: samples.map(([sample]) => sample),
    flagged: endings.flatMap((e): SeatStats['flagged'] => {
      // An ending no run from this seat reached may belong to another seat: listed, not flagged.
      if (e.share > 0 && e.share < 0.01) return [{ ending: e.id, share: e.share, why: 'rare' }];
      if (e.share > 0.8) return [{ ending: e.id, share: e.share, why: 'dominant' }];
      return [];
    }),
    unended,
  };
}

/**
 * The shape of the steps reachable from `start`: a cycle (its steps, the first repeated at the
 * end), or else the number of steps on the longest path. Depth first without recursion: a chain
 * may be thousands of steps long.
 */
export function stepShape(s: Scenario, start: string): { cycle: string[] } | { longest: number } {
  const out = new Map<string, string[]>();
  for (const e of scenarioEdges(s)) {
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  const open = new Set<string>();
  /** Steps on the longest path from each finished step. */
  const depth = new Map<string, number>();
  const path: string[] = [];
  const stack: { id: string; next: number }[] = [];
  const enter = (id: string) => {
    open.add(id);
    path.push(id);
    stack.push({ id, next: 0 });
  };
  enter(start);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { id: string; next: number };
    const next = out.get(top.id) ?? [];
    const to = next[top.next++];
    if (to === undefined) {
      depth.set(top.id, 1 + Math.max(0, ...next.map((x) => depth.get(x) ?? 0)));
      open.delete(top.id);
      stack.pop();
      path.pop();
    } else if (open.has(to)) {
      return { cycle: [...path.slice(path.indexOf(to)), to] };
    } else if (!depth.has(to)) {
      enter(to);
    }
  }
  return { longest: depth.get(start) ?? 0 };
}

/** The exhaustive walk, when the case allows it: the games, or why not (a note), or null when the cap cut it short. */
function exhaustive(s: Scenario, role: string, cap: number): Game[] | string | null {
  const start = s.roles.find((r) => r.id === role)?.start ?? '';
  const shape = stepShape(s, start);
  if ('cycle' in shape) {
    return `steps ${stepTrail(shape.cycle, false)} form a cycle, so the moves are not listed exhaustively`;
  }
  if (shape.longest > MAX_MOVES) return `a path has ${shape.longest} steps, too long to list every sequence of moves`;
  const games: Game[] = [];
  try {
    const result = exhaustivePlaythroughs(s, role, 1, cap, (g) => games.push(g));
    return result.complete ? games : null;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return 'the paths are too long to list every sequence of moves';
  }
}

export function playtestStats(s: Scenario, opts: StatsOptions): SeatStats[] {
  const roles = opts.roles ?? s.roles.map((r) => r.id);
  return roles.map((role) => {
    const cap = opts.exhaustiveCap ?? 0;
    let note: string | undefined;
    if (cap > 0) {
      const walk = exhaustive(s, role, cap);
      if (Array.isArray(walk)) return summarise(s, role, 'exhaustive', walk, []);
      if (walk) note = `${walk}: random runs instead`;
    }
    const { games, unended } = playRuns(s, role, opts.runs);
    const stats = summarise(s, role, 'random', games, unended ? [unended] : []);
    for (const g of games) g.stop();
    return note ? { ...stats, note } : stats;
  });
}

/**
 * Endings no run of any seat reached: with every seat played, probably unreachable, or so rare
 * that no class will see them. (An ending no run of one seat reached may belong to another.)
 * Nothing is said when some runs did not end: the count is incomplete.
 */
export function unreachedEndings(s: Scenario, stats: readonly SeatStats[]): string[] {
  if (!s.roles.every((r) => stats.some((st) => st.role === r.id))) return [];
  if (stats.some((st) => st.unended.length > 0)) return [];
  return s.endings
    .map((e) => e.id)
    .filter((id) => stats.every((st) => (st.endings.find((e) => e.id === id)?.runs ?? 0) === 0));
}
