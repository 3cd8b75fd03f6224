/**
 * A breadth-first walk over a compiled scenario's states that stops at a budget (states and a
 * deadline), for the linter: it must answer in seconds on any file the loader accepts. States are
 * told apart by where the run is and the set (not the order) of members lobbied, so a Council of
 * twelve lobbiable members is 2^12 states, not 12!. Lobbying is also tried in one canonical
 * order (members as listed), since the order does not change a vote.
 */
import type { GameEvent } from './events';
import { candidateMoves } from './moves';
import type { RunContext } from './run-context';
import type { Scenario, Step } from './schema';
import { runTable, type TableRun } from './table-run';

/** How much exploring the linter may do: shared by all its walks and random runs. */
export interface Budget {
  /** Milliseconds allowed in all, and when they run out. */
  readonly ms: number;
  readonly deadline: number;
  readonly maxStates: number;
  /** States visited so far, by every walk that shares the budget. */
  states: number;
  /** Set once the budget ran out (some result is then partial). */
  exhausted: boolean;
}

export function makeBudget(ms: number, maxStates: number): Budget {
  return { ms, deadline: Date.now() + ms, maxStates, states: 0, exhausted: false };
}

/** True (and remembered) once the budget is spent. */
export function spent(b: Budget | undefined): boolean {
  if (!b) return false;
  if (!b.exhausted && (b.states >= b.maxStates || Date.now() > b.deadline)) b.exhausted = true;
  return b.exhausted;
}

export interface WalkResult {
  endings: Set<string>;
  steps: Set<string>;
  states: number;
  deadEnds: { step: string; path: GameEvent[] }[];
  /** False when the budget stopped the walk before every state was seen. */
  complete: boolean;
}

/** Where the run is and who was lobbied, as a set. */
const keyOf = (run: TableRun) =>
  `${run.status === 'done' ? '#done' : run.value}|${[...run.context.lobbied].sort().join(',')}|${run.context.ending ?? ''}`;

/** The moves worth trying at a step: every candidate, lobbying only after the last member lobbied. */
function movesAt(step: Step | undefined, ctx: RunContext): GameEvent[] {
  const order = step?.council?.members.map((m) => m.actor) ?? [];
  const last = Math.max(-1, ...ctx.lobbied.map((a) => order.indexOf(a)));
  return candidateMoves(step).filter((m) => m.type !== 'LOBBY' || order.indexOf(m.actor) > last);
}

/** Explores from one seat and seed, breadth first, until every state is seen or the budget is spent. */
export function boundedWalk(s: Scenario, role: string, seed: number, budget: Budget): WalkResult {
  const table = runTable(s);
  const steps = new Map(s.steps.map((st) => [st.id, st]));
  const out: WalkResult = { endings: new Set(), steps: new Set(), states: 0, deadEnds: [], complete: true };
  const start = table.start({ role, seed });
  // A queue of [run, index of the parent entry, event from the parent]: paths are rebuilt on demand.
  const queue: { snap?: TableRun; parent: number; event?: GameEvent }[] = [{ snap: start, parent: -1 }];
  const seen = new Set<string>([keyOf(start)]);
  const pathTo = (i: number): GameEvent[] => {
    const path: GameEvent[] = [];
    for (let at = i; at > 0; at = queue[at]?.parent ?? 0) path.unshift(queue[at]?.event as GameEvent);
    return path;
  };
  for (let i = 0; i < queue.length; i++) {
    if (spent(budget)) {
      out.complete = false;
      break;
    }
    budget.states++;
    out.states++;
    const entry = queue[i] as { snap?: TableRun };
    const snap = entry.snap as TableRun;
    // Each run is needed once: letting it go keeps a long walk's memory (and GC) small.
    entry.snap = undefined;
    const ctx: RunContext = snap.context;
    if (snap.status === 'done') {
      if (ctx.ending) out.endings.add(ctx.ending);
      continue;
    }
    const id = snap.value;
    out.steps.add(id);
    const step = steps.get(id);
    let accepted = false;
    for (const event of movesAt(step, ctx)) {
      const next = table.send(snap, event);
      if (next.context.handled === ctx.handled) continue;
      accepted = true;
      const key = keyOf(next);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ snap: next, parent: i, event });
    }
    if (!accepted) out.deadEnds.push({ step: id, path: pathTo(i) });
  }
  return out;
}
