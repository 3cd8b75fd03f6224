/**
 * The named guards and actions a compiled scenario machine refers to. Machines carry only
 * names and small params (ids, conditions); the behaviour is here, closed over the scenario.
 * `GUARD_NAMES` and `ACTION_NAMES` let the compiler check every name it writes (XState
 * silently ignores unknown action names).
 */
import { assign } from 'xstate';
import { holds } from './conditions';
import { reachesConsensus } from './council';
import { type GameEvent, notesOf } from './events';
import { pickWeighted } from './rng';
import {
  advanceDraw,
  applyEffects,
  applyFlags,
  initialContext,
  peekDraw,
  type RunContext,
  type RunInput,
} from './run-context';
import type { Choice, Condition, Scenario, Step } from './schema';

export const GUARD_NAMES = ['isRole', 'canTake', 'canLobby', 'consensus', 'holds'] as const;
export const ACTION_NAMES = ['enterStep', 'takeChoice', 'lobby', 'vote', 'proceed', 'reachEnding'] as const;

export interface ScenarioIndex {
  step(id: string): Step;
  choice(step: string, choice: string): Choice;
}

export function indexScenario(s: Scenario): ScenarioIndex {
  const steps = new Map(s.steps.map((x) => [x.id, x]));
  return {
    step(id) {
      const st = steps.get(id);
      if (!st) throw new Error(`no step "${id}"`);
      return st;
    },
    choice(step, choice) {
      const c = this.step(step).choices.find((x) => x.id === choice);
      if (!c) throw new Error(`no choice "${choice}" at step "${step}"`);
      return c;
    },
  };
}

/** Outcome index a draw selects for a choice (or -1 for a choice without outcomes). */
export function drawnOutcome(choice: Choice, draw: number): number {
  if (choice.outcomes.length === 0) return -1;
  return pickWeighted(
    choice.outcomes.map((o) => o.weight),
    draw,
  );
}

type Args = { context: RunContext; event: GameEvent };

/** `assign` with the run's types, so the actions fit `setup`. */
const act = <P>(fn: (args: Args, params: P) => Partial<RunContext>) =>
  assign<RunContext, GameEvent, P, GameEvent, never>(fn);

export function implementations(s: Scenario) {
  const ix = indexScenario(s);

  const guards = {
    isRole: ({ context }: Args, p: { role: string }) => context.role === p.role,
    canTake: ({ context, event }: Args, p: { step: string; choice: string; outcome: number }) => {
      if (event.type !== 'CHOOSE' || event.choice !== p.choice) return false;
      const choice = ix.choice(p.step, p.choice);
      if (!holds(choice.when, context)) return false;
      return drawnOutcome(choice, peekDraw(context)) === p.outcome;
    },
    canLobby: ({ context, event }: Args, p: { step: string; actor: string }) =>
      event.type === 'LOBBY' && event.actor === p.actor && !context.lobbied.includes(p.actor),
    consensus: ({ context, event }: Args, p: { step: string }) => {
      const council = ix.step(p.step).council;
      const teams = event.type === 'CALL_VOTE' ? event.positions : undefined;
      return council !== undefined && reachesConsensus(council, context, teams);
    },
    holds: ({ context }: Args, p: { when?: Condition }) => holds(p.when, context),
  };

  const actions = {
    enterStep: act(({ context }: Args, p: { step: string }) => {
      const step = ix.step(p.step);
      let ctx: RunContext = { ...context, visited: [...context.visited, p.step], lobbied: [] };
      for (const ev of step.events) {
        if (!holds(ev.when, ctx)) continue;
        if (ev.chance !== undefined && ev.chance < 1) {
          const draw = peekDraw(ctx);
          ctx = { ...ctx, rng: advanceDraw(ctx) };
          if (draw >= ev.chance) continue;
        }
        ctx = {
          ...ctx,
          ...applyEffects(s, ctx, ev.effects, p.step, `event:${ev.id}`),
          flags: applyFlags(ctx.flags, ev),
          news: [...ctx.news, { turn: ctx.turn, step: p.step, event: ev.id }],
        };
      }
      return ctx;
    }),

    takeChoice: act(({ context, event }: Args, p: { step: string; choice: string; outcome: number }) => {
      const choice = ix.choice(p.step, p.choice);
      const turn = context.turn + 1;
      let ctx: RunContext = { ...context, turn, handled: context.handled + 1 };
      ctx = { ...ctx, ...applyEffects(s, ctx, choice.effects, p.step, p.choice), flags: applyFlags(ctx.flags, choice) };
      const outcome = p.outcome >= 0 ? choice.outcomes[p.outcome] : undefined;
      if (outcome) {
        ctx = {
          ...ctx,
          rng: advanceDraw(ctx),
          ...applyEffects(s, ctx, outcome.effects, p.step, `${p.choice}/${outcome.id}`),
          flags: applyFlags(ctx.flags, outcome),
        };
      }
      const text = outcome?.text ?? choice.result;
      return {
        ...ctx,
        chosen: [...ctx.chosen, p.choice],
        decisions: [
          ...ctx.decisions,
          {
            turn,
            step: p.step,
            eventIndex: context.handled,
            kind: 'choice' as const,
            choice: p.choice,
            ...(outcome ? { outcome: outcome.id } : {}),
            label: choice.label,
            ...notesOf(event),
          },
        ],
        last: {
          turn,
          step: p.step,
          label: choice.label,
          ...(text ? { text } : {}),
          ...(outcome?.counterfactual || choice.counterfactual ? { counterfactual: true } : {}),
        },
      };
    }),

    lobby: act(({ context }: Args, p: { step: string; actor: string }) => {
      const member = ix.step(p.step).council?.members.find((m) => m.actor === p.actor);
      const effects = member?.lobby?.effects ?? [];
      // Lobbying costs belong to the vote it prepares: the next decision.
      const applied = applyEffects(s, { ...context, turn: context.turn + 1 }, effects, p.step, `lobby:${p.actor}`);
      return { ...applied, lobbied: [...context.lobbied, p.actor], handled: context.handled + 1 };
    }),

    vote: act(({ context, event }: Args, p: { step: string; passed: boolean }) => {
      const council = ix.step(p.step).council;
      const turn = context.turn + 1;
      const verdict = p.passed ? 'consensus' : 'blocked';
      const label = p.passed
        ? `Council: consensus on "${council?.proposal}"`
        : `Council: blocked "${council?.proposal}"`;
      const text = p.passed ? council?.consensus_text : council?.blocked_text;
      return {
        turn,
        handled: context.handled + 1,
        decisions: [
          ...context.decisions,
          {
            turn,
            step: p.step,
            eventIndex: context.handled,
            kind: 'vote' as const,
            choice: verdict,
            label,
            ...notesOf(event),
          },
        ],
        last: { turn, step: p.step, label, ...(text ? { text } : {}) },
      };
    }),

    proceed: act(({ context }: Args) => ({ handled: context.handled + 1 })),

    reachEnding: act((_: Args, p: { ending: string }) => ({ ending: p.ending })),
  };

  return { guards, actions, initial: (input: RunInput) => initialContext(s, input), index: ix };
}
