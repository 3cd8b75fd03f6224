/**
 * Compiles a validated scenario into an XState v5 machine:
 * `setup({ types, guards, actions }).createMachine(config)`.
 *
 * - One state per step and per ending (endings are final states), plus `@start`, which
 *   routes to the seat's first step.
 * - A choice is one guarded CHOOSE transition per possible outcome; the guard peeks at the
 *   run's seeded generator, so exactly one is enabled and the run stays deterministic.
 * - A branching `next` goes through a transient routing state whose `always` branches are
 *   evaluated after the choice's effects have applied.
 * - Guards and actions are referenced by name with params; every name is checked against
 *   the implementations before the machine is built. No code is generated or evaluated.
 */
import { setup } from 'xstate';
import { nextOf } from './conditions';
import { councilTransitions } from './council';
import type { GameEvent } from './events';
import { ACTION_NAMES, GUARD_NAMES, implementations } from './implementations';
import type { RunContext, RunInput } from './run-context';
import type { Next, Scenario } from './schema';

export const START_STATE = '@start';

type Guard = { type: string; params?: Record<string, unknown> };
type Action = { type: string; params?: Record<string, unknown> };
interface Transition {
  guard?: Guard;
  target?: string;
  actions?: Action[];
}
interface StateConfig {
  type?: 'final';
  entry?: Action[];
  always?: Transition[];
  on?: Record<string, Transition[]>;
}

export function routeStateKey(from: string, via: string): string {
  return `route:${from}:${via}`;
}

/** The machine's configuration as plain data (also used by tools that draw the statechart). */
export function machineConfig(s: Scenario) {
  const states: Record<string, StateConfig> = {};

  const target = (next: Next, from: string, via: string): string => {
    if (typeof next === 'string') return next;
    const key = routeStateKey(from, via);
    states[key] = {
      always: next.map((b) => ({ guard: { type: 'holds', params: { when: b.when } }, target: b.to })),
    };
    return key;
  };

  states[START_STATE] = {
    always: s.roles.map((r) => ({ guard: { type: 'isRole', params: { role: r.id } }, target: r.start })),
  };

  for (const step of s.steps) {
    const state: StateConfig = { entry: [{ type: 'enterStep', params: { step: step.id } }], on: {} };
    const on = state.on as Record<string, Transition[]>;
    if (step.choices.length > 0) {
      on.CHOOSE = step.choices.flatMap((c) => {
        const outcomes = c.outcomes.length > 0 ? c.outcomes : [null];
        return outcomes.map((o, i) => {
          // A choice or outcome without its own `next` takes the step's: the same transition as if
          // the step's `next` were written on it.
          const next = nextOf(step, c, o) as Next;
          return {
            guard: { type: 'canTake', params: { step: step.id, choice: c.id, outcome: o ? i : -1 } },
            target: target(next, step.id, o ? `${c.id}:${o.id}` : c.id),
            actions: [{ type: 'takeChoice', params: { step: step.id, choice: c.id, outcome: o ? i : -1 } }],
          };
        });
      });
    } else if (step.council) {
      const consensus = target(step.council.consensus, step.id, 'consensus');
      const blocked = target(step.council.blocked, step.id, 'blocked');
      Object.assign(on, councilTransitions(step.id, step.council, consensus, blocked));
    } else if (step.next !== undefined) {
      on.CONTINUE = [{ target: target(step.next, step.id, 'continue'), actions: [{ type: 'proceed' }] }];
    }
    states[step.id] = state;
  }

  for (const ending of s.endings) {
    states[ending.id] = { type: 'final', entry: [{ type: 'reachEnding', params: { ending: ending.id } }] };
  }

  return { id: s.id, initial: START_STATE, states };
}

/** Throws if the configuration names a guard or action that has no implementation. */
export function assertKnownNames(config: ReturnType<typeof machineConfig>): void {
  const guards = new Set<string>(GUARD_NAMES);
  const actions = new Set<string>(ACTION_NAMES);
  const check = (set: Set<string>, kind: string, name: string, where: string) => {
    if (!set.has(name)) throw new Error(`compiler bug: unknown ${kind} "${name}" in state "${where}"`);
  };
  for (const [key, st] of Object.entries(config.states)) {
    for (const a of st.entry ?? []) check(actions, 'action', a.type, key);
    const transitions = [...(st.always ?? []), ...Object.values(st.on ?? {}).flat()];
    for (const t of transitions) {
      if (t.guard) check(guards, 'guard', t.guard.type, key);
      for (const a of t.actions ?? []) check(actions, 'action', a.type, key);
      if (t.target !== undefined && !(t.target in config.states)) {
        throw new Error(`compiler bug: state "${key}" targets missing state "${t.target}"`);
      }
    }
  }
}

export function compileScenario(s: Scenario) {
  const impl = implementations(s);
  const config = machineConfig(s);
  assertKnownNames(config);
  const missingGuards = GUARD_NAMES.filter((n) => !(n in impl.guards));
  const missingActions = ACTION_NAMES.filter((n) => !(n in impl.actions));
  if (missingGuards.length + missingActions.length > 0) {
    throw new Error(`compiler bug: no implementation for ${[...missingGuards, ...missingActions].join(', ')}`);
  }
  return setup({
    types: {} as { context: RunContext; events: GameEvent; input: RunInput },
    guards: impl.guards,
    actions: impl.actions,
  }).createMachine({
    ...config,
    context: ({ input }: { input: RunInput }) => impl.initial(input),
  } as never);
}

export type ScenarioMachine = ReturnType<typeof compileScenario>;
