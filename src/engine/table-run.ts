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
import { copyContext, type RunContext, type RunInput } from './run-context';
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

  /**
   * A run being moved by one event: its context is this event's own copy, which the actions change
   * in place (what XState's assign does, a new context with the changed fields, without a new
   * object per action). Nothing else holds the copy until the event is done; then it is a value.
   */
  interface Moving {
    status: 'active' | 'done';
    value: string;
    context: RunContext;
  }

  const run = (actions: readonly Named[] | undefined, at: Moving, event: GameEvent): void => {
    if (actions === undefined) return;
    for (const a of actions) {
      const reducer = reducers[a.type];
      if (!reducer) throw new Error(`table-run: unknown action "${a.type}"`);
      Object.assign(at.context, reducer({ context: at.context, event }, a.params));
    }
  };

  /** Takes one transition: its actions, then (unless it stays) the target's entry. */
  const take = (at: Moving, t: Transition, event: GameEvent): void => {
    run(t.actions, at, event);
    if (t.target === undefined || t.target === at.value) return;
    const target = states[t.target] as StateConfig;
    at.value = t.target;
    at.status = target.type === 'final' ? 'done' : 'active';
    run(target.entry, at, event);
  };

  /** Follows enabled `always` transitions until none is. */
  const settle = (at: Moving, event: GameEvent): TableRun => {
    for (let guard = 0; at.status === 'active'; guard++) {
      if (guard > 10_000) throw new Error(`table-run: eventless transitions loop at "${at.value}"`);
      const always = (states[at.value] as StateConfig).always;
      const t = always?.find((x) => passes(x.guard, at.context, event));
      if (!t) break;
      take(at, t, event);
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
      if (!t) return from;
      const at: Moving = { status: from.status, value: from.value, context: copyContext(from.context) };
      take(at, t, event);
      return settle(at, event);
    },
  };
}
