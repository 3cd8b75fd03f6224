/**
 * A second interpreter of a compiled scenario, for automated play (stats, balance, lint walks,
 * time estimates) where thousands of runs must take milliseconds. It reads the same machine
 * configuration the compiler hands to XState (`machineConfig`) and calls the same guards and
 * actions (`implementations`), so no rule lives here: only the part of statechart semantics that
 * configuration uses — flat states, `entry` actions, guarded `on` and `always` transitions taken
 * in document order, transition actions before the target's entry actions, a transition to the
 * state it leaves entering nothing, final states ending the run.
 *
 * Runs are values: a step returns a new run and never changes the old one, so forking is free.
 * tests/unit/table-run.test.ts holds it to XState's answers, context for context, on every bundled
 * seat and the hostile fixtures.
 */
import { machineConfig, START_STATE } from './compiler';
import type { GameEvent } from './events';
import { implementations } from './implementations';
import type { RunContext, RunInput } from './run-context';
import type { Scenario } from './schema';

type Config = ReturnType<typeof machineConfig>;
type StateConfig = Config['states'][string];
type Transition = NonNullable<StateConfig['always']>[number];
type Impl = ReturnType<typeof implementations>;
type Named = { type: string; params?: Record<string, unknown> };

/** Where a run stands: what an XState snapshot's `status`, `value` and `context` hold. */
export interface TableRun {
  readonly status: 'active' | 'done';
  readonly value: string;
  readonly context: RunContext;
}

/** The interpreter of one scenario: built once, then `start` and `send` are pure. */
export interface RunTable {
  start(input: RunInput): TableRun;
  /** The run after `event`, or the same run object when no transition takes the event. */
  send(run: TableRun, event: GameEvent): TableRun;
}

const INIT = { type: 'xstate.init' } as unknown as GameEvent;

export function runTable(s: Scenario): RunTable {
  const { states } = machineConfig(s);
  const impl: Impl = implementations(s);
  const guards = impl.guards as unknown as Record<string, (args: unknown, params: unknown) => boolean>;
  const reducers = impl.reducers as unknown as Record<string, (args: unknown, params: unknown) => Partial<RunContext>>;

  const passes = (guard: Named | undefined, context: RunContext, event: GameEvent) =>
    guard === undefined ||
    (guards[guard.type] as (a: unknown, p: unknown) => boolean)({ context, event }, guard.params);

  const run = (actions: readonly Named[] | undefined, context: RunContext, event: GameEvent): RunContext => {
    let ctx = context;
    for (const a of actions ?? []) {
      const reducer = reducers[a.type];
      if (!reducer) throw new Error(`table-run: unknown action "${a.type}"`);
      // What XState's assign does: a new context with the changed fields.
      ctx = Object.assign({}, ctx, reducer({ context: ctx, event }, a.params));
    }
    return ctx;
  };

  /** Takes one transition from `from`: its actions, then (unless it stays) the target's entry. */
  const take = (from: TableRun, t: Transition, event: GameEvent): TableRun => {
    let context = run(t.actions, from.context, event);
    if (t.target === undefined || t.target === from.value) return { status: from.status, value: from.value, context };
    const target = states[t.target] as StateConfig;
    context = run(target.entry, context, event);
    return { status: target.type === 'final' ? 'done' : 'active', value: t.target, context };
  };

  /** Follows enabled `always` transitions until none is. */
  const settle = (start: TableRun, event: GameEvent): TableRun => {
    let at = start;
    for (let guard = 0; at.status === 'active'; guard++) {
      if (guard > 10_000) throw new Error(`table-run: eventless transitions loop at "${at.value}"`);
      const always = (states[at.value] as StateConfig).always;
      const t = always?.find((x) => passes(x.guard, at.context, event));
      if (!t) break;
      at = take(at, t, event);
    }
    return at;
  };

  return {
    start(input) {
      return settle({ status: 'active', value: START_STATE, context: impl.initial(input) }, INIT);
    },
    send(from, event) {
      if (from.status !== 'active') return from;
      const t = (states[from.value] as StateConfig).on?.[event.type]?.find((x) => passes(x.guard, from.context, event));
      return t ? settle(take(from, t, event), event) : from;
    },
  };
}
