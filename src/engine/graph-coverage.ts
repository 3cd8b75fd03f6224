/**
 * Path coverage of a compiled scenario with `xstate/graph`: from each seat and several seeds,
 * the shortest path to every reachable state of the real machine. Reports the endings reached
 * and any dead end (a running state in which no event is accepted).
 */
import { type AnyMachineSnapshot, transition } from 'xstate';
import { getShortestPaths, type StatePath } from 'xstate/graph';
import { DeadEndError, randomPlaythrough } from './autoplay';
import { type Budget, spent } from './bounded-walk';
import { compileScenario } from './compiler';
import { conditionReads, decisionsKey } from './condition-reads';
import type { GameEvent } from './events';
import type { Game } from './game';
import { candidateMoves } from './moves';
import type { RunContext } from './run-context';
import type { Scenario } from './schema';

export interface Coverage {
  endings: Set<string>;
  states: number;
  deadEnds: { role: string; seed: number; step: string; path: GameEvent[] }[];
  steps: Set<string>;
  /** The coarsest precision any walk had to use. */
  precision: Precision;
}

/** Every event that could apply at a step (guards decide which do). */
export function candidateEvents(s: Scenario, step: string): GameEvent[] {
  return candidateMoves(s.steps.find((x) => x.id === step));
}

/**
 * How finely the walk tells states apart. `exact`: where the run is plus everything its
 * conditions can read (meters read by conditions included; never the ledger). `flags`: the same
 * without meter values. `steps`: where the run is and who was lobbied. A coarser key merges
 * states, so the walk is faster but may miss paths; it never invents one.
 */
export type Precision = 'exact' | 'flags' | 'steps';

function stateKeyFor(s: Scenario, precision: Precision) {
  const r = conditionReads(s);
  const pick = <T>(rec: Record<string, T>, keep: ReadonlySet<string>) => [...keep].sort().map((k) => rec[k]);
  // Who was lobbied is a set: the order of lobbying never changes a vote.
  if (precision === 'steps')
    return (value: unknown, ctx: RunContext) => JSON.stringify([value, [...ctx.lobbied].sort()]);
  const meters = precision === 'exact' ? r.meters : new Set<string>();
  return (value: unknown, ctx: RunContext) =>
    JSON.stringify([
      value,
      pick(ctx.meters, meters),
      pick(ctx.flags, r.flags),
      ctx.chosen.filter((c) => r.chosen.has(c)),
      ctx.visited.filter((v) => r.visited.has(v)),
      [...ctx.lobbied].sort(),
      decisionsKey(r, ctx.turn),
    ]);
}

export interface CoverageOptions {
  /** The finest precision to try (default `exact`). */
  precision?: Precision;
  /** Traversals a walk may take before it falls back to the next coarser precision. */
  limit?: number;
}

const COARSER: Record<Precision, Precision | null> = { exact: 'flags', flags: 'steps', steps: null };

/**
 * Explores from every seat and seed with xstate/graph's shortest paths. Each walk starts at the
 * requested precision and falls back to a coarser one when it exceeds `limit` traversals;
 * `precision` in the result is the coarsest that any walk used.
 */
export function graphCoverage(s: Scenario, seeds: readonly number[], opts: CoverageOptions = {}): Coverage {
  const machine = compileScenario(s);
  const limit = opts.limit ?? 5_000;
  const cov: Coverage = {
    endings: new Set(),
    states: 0,
    deadEnds: [],
    steps: new Set(),
    precision: opts.precision ?? 'exact',
  };
  const rank: Precision[] = ['exact', 'flags', 'steps'];
  const walk = (role: string, seed: number, precision: Precision): StatePath<AnyMachineSnapshot, GameEvent>[] => {
    const key = stateKeyFor(s, precision);
    try {
      return getShortestPaths(machine, {
        input: { role, seed },
        events: (snap) => candidateEvents(s, String(snap.value)),
        serializeState: (snap) => key(snap.value, snap.context as RunContext),
        limit: COARSER[precision] ? limit : Number.POSITIVE_INFINITY,
      }) as never;
    } catch (e) {
      const coarser = COARSER[precision];
      if (!coarser || !/limit exceeded/i.test((e as Error).message)) throw e;
      if (rank.indexOf(coarser) > rank.indexOf(cov.precision)) cov.precision = coarser;
      return walk(role, seed, coarser);
    }
  };
  for (const role of s.roles) {
    for (const seed of seeds) {
      const paths = walk(role.id, seed, opts.precision ?? 'exact');
      cov.states += paths.length;
      for (const p of paths) {
        const snap = p.state;
        const ctx = snap.context as RunContext;
        if (snap.status === 'done') {
          if (ctx.ending) cov.endings.add(ctx.ending);
          continue;
        }
        const step = String(snap.value);
        cov.steps.add(step);
        const accepted = candidateEvents(s, step).some(
          (e) => (transition(machine, snap as never, e)[0].context as RunContext).handled !== ctx.handled,
        );
        if (!accepted) {
          cov.deadEnds.push({ role: role.id, seed, step, path: p.steps.map((x) => x.event as GameEvent) });
        }
      }
    }
  }
  return cov;
}

/**
 * Seeded random playthroughs from every seat: the steps they pass and, for each ending, the
 * first run that reached it (its seat, seed and moves): witnesses that tests replay with
 * xstate/graph. Stops early once every step and ending has been seen.
 */
export function randomCoverage(s: Scenario, runsPerSeat: number, budget?: Budget) {
  const witnesses = new Map<string, { role: string; seed: number; events: GameEvent[] }>();
  const steps = new Set<string>();
  const deadEnds: Coverage['deadEnds'] = [];
  /** Seats with a run that did not end within the moves allowed (the first such seed of each). */
  const unended: { role: string; seed: number }[] = [];
  let partial = false;
  const done = () => witnesses.size === s.endings.length && steps.size === s.steps.length;
  for (const role of s.roles) {
    for (let seed = 1; seed <= runsPerSeat && !done(); seed++) {
      if (spent(budget)) {
        partial = true;
        break;
      }
      let game: Game;
      try {
        game = randomPlaythrough(s, role.id, seed);
      } catch (e) {
        if (e instanceof DeadEndError) {
          deadEnds.push({ role: role.id, seed, step: e.step, path: e.events });
          continue;
        }
        if (!/did not end/.test(String((e as Error)?.message))) throw e;
        // Every later run of this seat would likely run as long: one finding per seat.
        unended.push({ role: role.id, seed });
        break;
      }
      const st = game.state();
      for (const v of st.visited) steps.add(v);
      if (st.ending && !witnesses.has(st.ending))
        witnesses.set(st.ending, { role: role.id, seed, events: [...game.log()] });
      game.stop();
    }
  }
  return { witnesses, steps, deadEnds, unended, partial };
}
