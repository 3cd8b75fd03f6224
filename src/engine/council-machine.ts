/** A council step run as a machine of its own (see council.ts), for tests and tools. */
import { setup } from 'xstate';
import { councilTransitions } from './council';
import type { GameEvent } from './events';
import { implementations } from './implementations';
import type { RunContext, RunInput } from './run-context';
import type { Scenario } from './schema';

/** A council step as a machine of its own: `deliberating`, then final `consensus` or `blocked`. */
export function createCouncilMachine(s: Scenario, stepId: string) {
  const step = s.steps.find((x) => x.id === stepId);
  if (!step?.council) throw new Error(`step "${stepId}" is not a council step`);
  const impl = implementations(s);
  return setup({
    types: {} as { context: RunContext; events: GameEvent; input: RunInput & { context?: RunContext } },
    guards: impl.guards,
    actions: impl.actions,
  }).createMachine({
    id: `council:${stepId}`,
    context: ({ input }) => input.context ?? impl.initial(input),
    initial: 'deliberating',
    states: {
      deliberating: { on: councilTransitions(stepId, step.council, 'consensus', 'blocked') as never },
      consensus: { type: 'final' },
      blocked: { type: 'final' },
    },
  });
}
