/**
 * The named guards and actions a compiled scenario machine refers to. Machines carry only
 * names and small params (ids, conditions); the behaviour is here, closed over the scenario.
 * `GUARD_NAMES` and `ACTION_NAMES` let the compiler check every name it writes (XState
 * silently ignores unknown action names).
 */
import { assign } from 'xstate';
import { holds } from './conditions';
import { lobbyOpen, reachesConsensus, type SeatVote, seatMember } from './council';
import { type GameEvent, withNotes } from './events';
import { nextRandom, pickWeighted } from './rng';
import {
  advanceDraw,
  ContextDraft,
  type DecisionRecord,
  initialContext,
  type LastResult,
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

/** The result a decision leaves for the player to read, its fields in the order saves have always held them. */
function lastResult(
  turn: number,
  step: string,
  label: string,
  text: string | undefined,
  counterfactual: boolean,
): LastResult {
  const last: LastResult = { turn, step, label };
  if (text) last.text = text;
  if (counterfactual) last.counterfactual = true;
  return last;
}

/** An action's behaviour: it changes a draft of the context in place (see `ContextDraft`). */
type Change<P> = (draft: ContextDraft, event: GameEvent, params: P) => void;

/** `assign` with the run's types, so the actions fit `setup`: each action changes a draft of its own. */
const act = <P>(change: Change<P>) =>
  assign<RunContext, GameEvent, P, GameEvent, never>(({ context, event }, params) => {
    const draft = ContextDraft.of(context);
    change(draft, event, params);
    return draft.context;
  });

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

  // What each action changes, as plain functions of a draft: the XState machine runs each through
  // `assign` on a draft of its own, and the table interpreter (table-run.ts) runs all the actions
  // of one event on one draft (automated play runs these by the million).
  const changes = {
    enterStep: (draft: ContextDraft, _event: GameEvent, p: { step: string }): void => {
      const step = ix.step(p.step);
      draft.visit(p.step);
      draft.clearLobbied();
      const ctx = draft.context;
      for (const ev of step.events) {
        if (!holds(ev.when, ctx)) continue;
        if (ev.chance !== undefined && ev.chance < 1) {
          const draw = nextRandom(ctx.rng);
          ctx.rng = draw.state;
          if (draw.value >= ev.chance) continue;
        }
        draft.applyEffects(s, ev.effects, p.step, `event:${ev.id}`, ctx.turn);
        draft.applyFlags(ev);
        draft.report({ turn: ctx.turn, step: p.step, event: ev.id });
      }
    },

    takeChoice: (draft: ContextDraft, event: GameEvent, p: { step: string; choice: string; outcome: number }): void => {
      const ctx = draft.context;
      const choice = ix.choice(p.step, p.choice);
      const turn = ctx.turn + 1;
      const eventIndex = ctx.handled;
      draft.applyEffects(s, choice.effects, p.step, p.choice, turn);
      draft.applyFlags(choice);
      const outcome = p.outcome >= 0 ? choice.outcomes[p.outcome] : undefined;
      if (outcome) {
        ctx.rng = advanceDraw(ctx);
        draft.applyEffects(s, outcome.effects, p.step, `${p.choice}/${outcome.id}`, turn);
        draft.applyFlags(outcome);
      }
      ctx.turn = turn;
      ctx.handled = eventIndex + 1;
      draft.choose(p.choice);
      // Each record is built whole, its fields in the order saves have always held them.
      const { label } = choice;
      const decision: DecisionRecord = outcome
        ? { turn, step: p.step, eventIndex, kind: 'choice', choice: p.choice, outcome: outcome.id, label }
        : { turn, step: p.step, eventIndex, kind: 'choice', choice: p.choice, label };
      draft.decide(withNotes(decision, event));
      const counterfactual = outcome?.counterfactual || choice.counterfactual;
      ctx.last = lastResult(turn, p.step, label, outcome?.text ?? choice.result, counterfactual);
    },

    lobby: (draft: ContextDraft, _event: GameEvent, p: { step: string; actor: string }): void => {
      const ctx = draft.context;
      const member = ix.step(p.step).council?.members.find((m) => m.actor === p.actor);
      // Lobbying costs belong to the vote it prepares: the next decision.
      draft.applyEffects(s, member?.lobby?.effects ?? [], p.step, `lobby:${p.actor}`, ctx.turn + 1);
      draft.lobby(p.actor);
      ctx.handled += 1;
    },

    vote: (draft: ContextDraft, event: GameEvent, p: { step: string; passed: boolean }): void => {
      const ctx = draft.context;
      const council = ix.step(p.step).council;
      const turn = ctx.turn + 1;
      const eventIndex = ctx.handled;
      const verdict = p.passed ? 'consensus' : 'blocked';
      const label = p.passed
        ? `Council: consensus on "${council?.proposal}"`
        : `Council: blocked "${council?.proposal}"`;
      const text = p.passed ? council?.consensus_text : council?.blocked_text;
      // The result's own effects and flags, recorded under the vote's turn (cause `vote:VERDICT`).
      const result = p.passed ? council?.on_consensus : council?.on_blocked;
      if (result) {
        draft.applyEffects(s, result.effects, p.step, `vote:${verdict}`, turn);
        draft.applyFlags(result);
      }
      ctx.turn = turn;
      ctx.handled = eventIndex + 1;
      const position = event.type === 'CALL_VOTE' ? event.position : undefined;
      const decision: DecisionRecord = position
        ? { turn, step: p.step, eventIndex, kind: 'vote', choice: verdict, position, label }
        : { turn, step: p.step, eventIndex, kind: 'vote', choice: verdict, label };
      draft.decide(withNotes(decision, event));
      ctx.last = lastResult(turn, p.step, label, text, false);
    },

    proceed: (draft: ContextDraft): void => {
      draft.context.handled += 1;
    },

    reachEnding: (draft: ContextDraft, _event: GameEvent, p: { ending: string }): void => {
      draft.context.ending = p.ending;
    },
  };

  const actions = {
    enterStep: act(changes.enterStep),
    takeChoice: act(changes.takeChoice),
    lobby: act(changes.lobby),
    vote: act(changes.vote),
    proceed: act(changes.proceed),
    reachEnding: act(changes.reachEnding),
  };

  return { guards, actions, changes, initial: (input: RunInput) => initialContext(s, input), index: ix };
}
