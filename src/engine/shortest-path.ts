/**
 * The shortest sequence of moves from a seat's start to a step: what the Author page replays to
 * start a run at any step. Breadth first over the table interpreter (table-run.ts: the same
 * machine configuration, guards and actions as the game), so the moves it returns are moves the
 * game accepts, and the first run found to stand at the step took the fewest moves.
 *
 * Two runs are the same state when everything the scenario's conditions can read is the same
 * (where the run is; the meters, flags, choices and steps that conditions read; who was lobbied,
 * as a set) and so is the seeded generator's state: from there on they go the same ways, so the
 * walk keeps only the first. Nor does it follow a run to a step from which no `next` of the
 * scenario, whatever its conditions, leads on to the step sought. When that finds nothing within `maxStates`, a coarser walk (where
 * the run is and who was lobbied, as the linter's bounded walk) tries again: any path it finds is
 * real, but a shorter one may exist, and `exact` says so. Lobbying is tried in one order (members
 * as listed), since the order never changes a vote.
 */
import { conditionReads, decisionsKey } from './condition-reads';
import { FULL_LENGTH } from './constants';
import type { GameEvent } from './events';
import { candidateMoves } from './moves';
import type { RunContext } from './run-context';
import type { Next, Scenario, Step } from './schema';
import { runTable, type TableRun } from './table-run';

export interface PathQuery {
  role: string;
  seed: number;
  /** A length the scenario declares; absent or `full` for the whole case. */
  length?: string;
  /** The step to reach. */
  step: string;
}

export type PathResult =
  | {
      found: true;
      /** The moves from the start, in order; empty when the seat starts at the step. */
      events: GameEvent[];
      /** True when no shorter sequence of moves reaches the step; false when the coarse walk found it. */
      exact: boolean;
      /** States visited by the walks. */
      states: number;
    }
  | {
      found: false;
      /** True when every state was seen: no sequence of moves from this seat, seed and length reaches the step. */
      complete: boolean;
      states: number;
    };

export interface PathOptions {
  /** States each walk may visit (default 20,000). */
  maxStates?: number;
}

type Precision = 'exact' | 'steps';

function keyFor(s: Scenario, precision: Precision): (run: TableRun) => string {
  const place = (run: TableRun) => (run.status === 'done' ? `#done:${run.context.ending ?? ''}` : run.value);
  const lobbied = (ctx: RunContext) => [...ctx.lobbied].sort().join(',');
  if (precision === 'steps') return (run) => `${place(run)}|${lobbied(run.context)}`;
  const reads = conditionReads(s);
  const r = { ...reads, meters: [...reads.meters].sort(), flags: [...reads.flags].sort() };
  return (run) => {
    const ctx = run.context;
    return JSON.stringify([
      place(run),
      lobbied(ctx),
      ctx.rng,
      r.meters.map((m) => ctx.meters[m]),
      r.flags.map((f) => ctx.flags[f] === true),
      ctx.chosen.filter((c) => r.chosen.has(c)).sort(),
      ctx.visited.filter((v) => r.visited.has(v)).sort(),
      decisionsKey(reads, ctx.turn),
    ]);
  };
}

/** Every step or ending a `next` may lead to, whatever its conditions. */
const targets = (n: Next | undefined): string[] =>
  n === undefined ? [] : typeof n === 'string' ? [n] : n.map((b) => b.to);

/**
 * The steps from which some path of the step graph (conditions ignored) leads to `goal`: a run
 * standing anywhere else can never reach it, so the walk does not go there.
 */
function leadingTo(s: Scenario, goal: string): Set<string> {
  const into = new Map<string, string[]>();
  for (const st of s.steps) {
    const out = [
      ...st.choices.flatMap((c) => [...targets(c.next), ...c.outcomes.flatMap((o) => targets(o.next))]),
      ...targets(st.council?.consensus),
      ...targets(st.council?.blocked),
      ...targets(st.next),
    ];
    for (const to of out) into.set(to, [...(into.get(to) ?? []), st.id]);
  }
  const seen = new Set<string>([goal]);
  const queue = [goal];
  while (queue.length > 0) {
    for (const from of into.get(queue.pop() as string) ?? []) {
      if (!seen.has(from)) {
        seen.add(from);
        queue.push(from);
      }
    }
  }
  return seen;
}

/** The moves worth trying at a step: every candidate, lobbying only of members listed after the last one lobbied. */
function movesAt(step: Step | undefined, ctx: RunContext): GameEvent[] {
  const order = step?.council?.members.map((m) => m.actor) ?? [];
  const last = Math.max(-1, ...ctx.lobbied.map((a) => order.indexOf(a)));
  return candidateMoves(step).filter((m) => m.type !== 'LOBBY' || order.indexOf(m.actor) > last);
}

function walk(
  s: Scenario,
  q: PathQuery,
  precision: Precision,
  maxStates: number,
): { events: GameEvent[] | null; complete: boolean; states: number } {
  const table = runTable(s);
  const steps = new Map(s.steps.map((st) => [st.id, st]));
  const key = keyFor(s, precision);
  const start = table.start({ role: q.role, seed: q.seed, ...(q.length ? { length: q.length } : {}) });
  const at = (run: TableRun) => run.status === 'active' && run.value === q.step;
  if (at(start)) return { events: [], complete: true, states: 1 };
  const useful = leadingTo(s, q.step);
  if (!useful.has(start.value)) return { events: null, complete: true, states: 1 };
  // Entries: the run (dropped once expanded), its parent's index and the move from the parent.
  const queue: { run?: TableRun; parent: number; event?: GameEvent }[] = [{ run: start, parent: -1 }];
  const seen = new Set<string>([key(start)]);
  const pathTo = (i: number): GameEvent[] => {
    const path: GameEvent[] = [];
    for (let j = i; j > 0; j = queue[j]?.parent ?? 0) path.unshift(queue[j]?.event as GameEvent);
    return path;
  };
  for (let i = 0; i < queue.length; i++) {
    if (queue.length > maxStates) return { events: null, complete: false, states: queue.length };
    const entry = queue[i] as { run?: TableRun };
    const run = entry.run as TableRun;
    entry.run = undefined;
    if (run.status !== 'active') continue;
    for (const event of movesAt(steps.get(run.value), run.context)) {
      const next = table.send(run, event);
      if (next.context.handled === run.context.handled || next.status !== 'active' || !useful.has(next.value)) continue;
      const k = key(next);
      if (seen.has(k)) continue;
      seen.add(k);
      queue.push({ run: next, parent: i, event });
      if (at(next)) return { events: pathTo(queue.length - 1), complete: true, states: queue.length };
    }
  }
  return { events: null, complete: true, states: queue.length };
}

/**
 * The fewest moves from `role`'s start (with `seed` and `length`) to a run standing at `step`.
 * Throws for a seat, length or step the scenario does not have.
 */
export function shortestPathToStep(s: Scenario, q: PathQuery, opts: PathOptions = {}): PathResult {
  if (!s.roles.some((r) => r.id === q.role)) throw new Error(`no seat "${q.role}"`);
  if (!s.steps.some((st) => st.id === q.step)) throw new Error(`no step "${q.step}"`);
  if (q.length && q.length !== FULL_LENGTH && !s.lengths.some((l) => l.id === q.length)) {
    throw new Error(`no length "${q.length}"`);
  }
  const maxStates = opts.maxStates ?? 20_000;
  const exact = walk(s, q, 'exact', maxStates);
  if (exact.events) return { found: true, events: exact.events, exact: true, states: exact.states };
  if (exact.complete) return { found: false, complete: true, states: exact.states };
  const coarse = walk(s, q, 'steps', maxStates);
  const states = exact.states + coarse.states;
  if (coarse.events) return { found: true, events: coarse.events, exact: false, states };
  // The coarse walk merges states, so "not found" there proves nothing.
  return { found: false, complete: false, states };
}
