/**
 * Playing a seat to its end with a policy, over seeded runs: random play, greedy play (the best
 * forecast for the seat), history's choices, or a fixed option per step; each run recorded with its
 * score, ending, decisions and what each step offered. Policies read the step, the run's context
 * and the open moves (`Game.peekStep`), never a full view: the forecasts greedy play weighs are
 * the ones the panel shows (`forecastChoice`, `forecastCertain`), built only where it weighs them.
 */
import { Game, type GameEvent, type RunContext, type Scenario } from '../engine';
import { holds } from '../engine/conditions';
import { objectiveScore } from '../engine/debrief';
import { forecastCertain, forecastChoice } from '../engine/forecast';
import { forecastValue } from '../engine/option-value';
import { nextRandom, seedState } from '../engine/rng';
import type { Step } from '../engine/schema';

/** What a policy sees at a move: the scenario, the step (none once ended), the run's context, the moves open. */
export interface PickAt {
  scenario: Scenario;
  step: Step | undefined;
  context: Readonly<RunContext>;
  moves: readonly GameEvent[];
}

export type Pick = (at: PickAt, draw: () => number) => GameEvent;

/** The options a choices step offers now, in order (those whose condition holds): the panel's list. */
const offeredChoices = (at: PickAt) => at.step?.choices.filter((c) => holds(c.when, at.context)) ?? [];

/** The members a Council step can still lobby now, in the Council's order: the panel's open lobbies. */
const openLobbies = (at: PickAt): string[] => at.moves.flatMap((m) => (m.type === 'LOBBY' ? [m.actor] : []));

function policyRng(seed: number) {
  let st = seedState(seed * 104_729 + 7);
  return () => {
    const r = nextRandom(st);
    st = r.state;
    return r.value;
  };
}

export interface RunRecord {
  score: number;
  /** Moves made (a run that never ends stops at the cap). */
  moves: number;
  ending: string;
  decisions: Map<string, string>;
  meters: Record<string, number>;
  offered: Map<string, string[]>;
}

function record(s: Scenario, g: Game, offered = new Map<string, string[]>()): RunRecord {
  const st = g.state();
  return {
    score: objectiveScore(s, st.role, st.meters),
    moves: g.log().length,
    ending: st.ending ?? '',
    decisions: new Map(st.decisions.map((d) => [d.step, d.choice])),
    meters: st.meters,
    offered,
  };
}

export function playWith(s: Scenario, role: string, seed: number, pick: Pick, maxEvents = 1000): RunRecord {
  const game = Game.start(s, { role, seed }, 'table');
  const draw = policyRng(seed);
  const offered = new Map<string, string[]>();
  for (let i = 0; i < maxEvents && !game.ended; i++) {
    const { step, context, moves } = game.peekStep();
    const at: PickAt = { scenario: s, step, context, moves };
    if (step && step.choices.length > 0 && !offered.has(step.id)) {
      offered.set(
        step.id,
        offeredChoices(at).map((c) => c.id),
      );
    }
    if (!game.send(pick(at, draw))) break;
  }
  const out = record(s, game, offered);
  game.stop();
  return out;
}

/** Greedy at a council step: lobby a member only when its forecast is good for the seat; else call the vote. */
export function greedyPick(weights: ReadonlyMap<string, number>): Pick {
  return (at) => {
    const step = at.step;
    if (!step) return { type: 'CONTINUE' };
    if (step.choices.length > 0) {
      const choices = offeredChoices(at);
      let best = choices[0];
      let bestValue = Number.NEGATIVE_INFINITY;
      for (const c of choices) {
        const v = forecastValue(weights, forecastChoice(at.scenario, at.context, c));
        if (v > bestValue + 1e-9) {
          best = c;
          bestValue = v;
        }
      }
      return { type: 'CHOOSE', choice: best?.id ?? '' };
    }
    if (step.council) {
      const open = new Set(openLobbies(at));
      const gain = step.council.members.find(
        (m) =>
          m.lobby &&
          open.has(m.actor) &&
          forecastValue(weights, forecastCertain(at.scenario, at.context, m.lobby.effects)) > 1e-9,
      );
      return gain ? { type: 'LOBBY', actor: gain.actor } : { type: 'CALL_VOTE' };
    }
    return { type: 'CONTINUE' };
  };
}

/** Uniform among the options; at a council step, lobbies a random member half the time before the vote. */
export function randomPick(at: PickAt, draw: () => number): GameEvent {
  const step = at.step;
  if (!step) return { type: 'CONTINUE' };
  if (step.choices.length > 0) {
    const choices = offeredChoices(at);
    return { type: 'CHOOSE', choice: choices[Math.floor(draw() * choices.length)]?.id ?? '' };
  }
  if (step.council) {
    const open = openLobbies(at);
    const actor = open.length > 0 && draw() < 0.5 ? open[Math.floor(draw() * open.length)] : undefined;
    return actor ? { type: 'LOBBY', actor } : { type: 'CALL_VOTE' };
  }
  return { type: 'CONTINUE' };
}

/** A fixed policy: per step the option to take (`vote`, `lobby:all` or `lobby:ACTOR` at a council step). */
export function policyPick(policy: ReadonlyMap<string, string>, fallback: Pick): Pick {
  return (at, draw) => {
    const step = at.step;
    const want = step ? policy.get(step.id) : undefined;
    if (!step || want === undefined) return fallback(at, draw);
    if (step.choices.length > 0) {
      return offeredChoices(at).some((c) => c.id === want) ? { type: 'CHOOSE', choice: want } : fallback(at, draw);
    }
    if (step.council) {
      const open = openLobbies(at);
      if (want === 'lobby:all' && open[0]) return { type: 'LOBBY', actor: open[0] };
      if (want.startsWith('lobby:')) {
        const actor = want.slice('lobby:'.length);
        if (open.includes(actor)) return { type: 'LOBBY', actor };
      }
      return { type: 'CALL_VOTE' };
    }
    return { type: 'CONTINUE' };
  };
}

export function historyPolicy(s: Scenario): Map<string, string> {
  const policy = new Map<string, string>();
  for (const st of s.steps) {
    const h = st.history?.choice;
    if (h && st.choices.some((c) => c.id === h)) policy.set(st.id, h);
    else if (st.council) policy.set(st.id, 'vote');
  }
  return policy;
}
