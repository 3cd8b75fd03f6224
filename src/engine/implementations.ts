/**
 * The named guards and actions a compiled scenario machine refers to. Machines carry only
 * names and small params (ids, conditions); the behaviour is here, closed over the scenario.
 * `GUARD_NAMES` and `ACTION_NAMES` let the compiler check every name it writes (XState
 * silently ignores unknown action names).
 */
import { assign } from 'xstate';
import { holds } from './conditions';
import { lobbyOpen, reachesConsensus, type SeatVote, seatMember } from './council';
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

export const GUARD_NAMES = ['isRole', 'canTake', 'canLobby', 'consensus', 'votable', 'holds'] as const;
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

/** An action's behaviour: the part of the context it changes. */
type Reducer<P> = (args: Args, params: P) => Partial<RunContext>;

/** `assign` with the run's types, so the actions fit `setup`. */
const act = <P>(fn: Reducer<P>) => assign<RunContext, GameEvent, P, GameEvent, never>(fn);

export function implementations(s: Scenario) {
  const ix = indexScenario(s);

  /**
   * The player's own vote a CALL_VOTE casts: undefined when it casts none (the model votes), null
   * when it carries a `position` the seat may not cast (the vote is refused).
   */
  const seatVoteOf = (step: string, context: RunContext, event: GameEvent): SeatVote | undefined | null => {
    if (event.type !== 'CALL_VOTE' || event.position === undefined) return undefined;
    const council = ix.step(step).council;
    const actor = council ? seatMember(s, council, context.role) : undefined;
    return actor === undefined ? null : { actor, position: event.position };
  };

  const guards = {
    isRole: ({ context }: Args, p: { role: string }) => context.role === p.role,
    canTake: ({ context, event }: Args, p: { step: string; choice: string; outcome: number }) => {
      if (event.type !== 'CHOOSE' || event.choice !== p.choice) return false;
      const choice = ix.choice(p.step, p.choice);
      if (!holds(choice.when, context)) return false;
      return drawnOutcome(choice, peekDraw(context)) === p.outcome;
    },
    canLobby: ({ context, event }: Args, p: { step: string; actor: string }) => {
      if (event.type !== 'LOBBY' || event.actor !== p.actor || context.lobbied.includes(p.actor)) return false;
      const member = ix.step(p.step).council?.members.find((m) => m.actor === p.actor);
      return member !== undefined && lobbyOpen(member, context);
    },
    consensus: ({ context, event }: Args, p: { step: string }) => {
      const council = ix.step(p.step).council;
      if (council === undefined || event.type !== 'CALL_VOTE') return false;
      const seat = seatVoteOf(p.step, context, event);
      return seat !== null && reachesConsensus(council, context, event.positions, seat);
    },
    votable: ({ context, event }: Args, p: { step: string }) =>
      event.type === 'CALL_VOTE' && seatVoteOf(p.step, context, event) !== null,
    holds: ({ context }: Args, p: { when?: Condition }) => holds(p.when, context),
  };

  // What each action changes, as plain functions: the XState machine runs them through `assign`,
  // and the table interpreter (table-run.ts) calls them directly.
  const reducers = {
    enterStep: ({ context }: Args, p: { step: string }): Partial<RunContext> => {
      const step = ix.step(p.step);
      const entered = { visited: [...context.visited, p.step], lobbied: [] };
      if (step.events.length === 0) return entered;
      // A fresh copy, changed in place as the step's events apply: nothing else holds it yet.
      const ctx: RunContext = { ...context, ...entered };
      for (const ev of step.events) {
        if (!holds(ev.when, ctx)) continue;
        if (ev.chance !== undefined && ev.chance < 1) {
          const draw = peekDraw(ctx);
          ctx.rng = advanceDraw(ctx);
          if (draw >= ev.chance) continue;
        }
        const { meters, ledger } = applyEffects(s, ctx, ev.effects, p.step, `event:${ev.id}`);
        ctx.meters = meters;
        ctx.ledger = ledger;
        ctx.flags = applyFlags(ctx.flags, ev);
        ctx.news = [...ctx.news, { turn: ctx.turn, step: p.step, event: ev.id }];
      }
      return ctx;
    },

    // Builds only the fields it changes (automated play runs this by the million).
    takeChoice: (
      { context, event }: Args,
      p: { step: string; choice: string; outcome: number },
    ): Partial<RunContext> => {
      const choice = ix.choice(p.step, p.choice);
      const turn = context.turn + 1;
      let { meters, ledger } = applyEffects(
        s,
        { meters: context.meters, ledger: context.ledger, turn },
        choice.effects,
        p.step,
        p.choice,
      );
      let flags = applyFlags(context.flags, choice);
      let rng = context.rng;
      const outcome = p.outcome >= 0 ? choice.outcomes[p.outcome] : undefined;
      if (outcome) {
        rng = advanceDraw(context);
        ({ meters, ledger } = applyEffects(
          s,
          { meters, ledger, turn },
          outcome.effects,
          p.step,
          `${p.choice}/${outcome.id}`,
        ));
        flags = applyFlags(flags, outcome);
      }
      const text = outcome?.text ?? choice.result;
      return {
        turn,
        handled: context.handled + 1,
        meters,
        ledger,
        flags,
        rng,
        chosen: [...context.chosen, p.choice],
        decisions: [
          ...context.decisions,
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
    },

    lobby: ({ context }: Args, p: { step: string; actor: string }): Partial<RunContext> => {
      const member = ix.step(p.step).council?.members.find((m) => m.actor === p.actor);
      const effects = member?.lobby?.effects ?? [];
      // Lobbying costs belong to the vote it prepares: the next decision.
      const applied = applyEffects(
        s,
        { meters: context.meters, ledger: context.ledger, turn: context.turn + 1 },
        effects,
        p.step,
        `lobby:${p.actor}`,
      );
      return { ...applied, lobbied: [...context.lobbied, p.actor], handled: context.handled + 1 };
    },

    vote: ({ context, event }: Args, p: { step: string; passed: boolean }): Partial<RunContext> => {
      const council = ix.step(p.step).council;
      const turn = context.turn + 1;
      const verdict = p.passed ? 'consensus' : 'blocked';
      const label = p.passed
        ? `Council: consensus on "${council?.proposal}"`
        : `Council: blocked "${council?.proposal}"`;
      const text = p.passed ? council?.consensus_text : council?.blocked_text;
      // The result's own effects and flags, recorded under the vote's turn (cause `vote:VERDICT`).
      const result = p.passed ? council?.on_consensus : council?.on_blocked;
      const applied = result
        ? applyEffects(
            s,
            { meters: context.meters, ledger: context.ledger, turn },
            result.effects,
            p.step,
            `vote:${verdict}`,
          )
        : undefined;
      return {
        turn,
        handled: context.handled + 1,
        ...(applied ? { meters: applied.meters, ledger: applied.ledger } : {}),
        ...(result ? { flags: applyFlags(context.flags, result) } : {}),
        decisions: [
          ...context.decisions,
          {
            turn,
            step: p.step,
            eventIndex: context.handled,
            kind: 'vote' as const,
            choice: verdict,
            ...(event.type === 'CALL_VOTE' && event.position ? { position: event.position } : {}),
            label,
            ...notesOf(event),
          },
        ],
        last: { turn, step: p.step, label, ...(text ? { text } : {}) },
      };
    },

    proceed: ({ context }: Args): Partial<RunContext> => ({ handled: context.handled + 1 }),

    reachEnding: (_: Args, p: { ending: string }): Partial<RunContext> => ({ ending: p.ending }),
  };

  const actions = {
    enterStep: act(reducers.enterStep),
    takeChoice: act(reducers.takeChoice),
    lobby: act(reducers.lobby),
    vote: act(reducers.vote),
    proceed: act(reducers.proceed),
    reachEnding: act(reducers.reachEnding),
  };

  return { guards, actions, reducers, initial: (input: RunInput) => initialContext(s, input), index: ix };
}
