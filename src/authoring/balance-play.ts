/**
 * Playing a seat to its end with a policy, over seeded runs: random play, greedy play (the best
 * forecast for the seat), history's choices, or a fixed option per step; each run recorded with its
 * score, ending, decisions and what each step offered.
 */
import { Game, type GameEvent, type GameView, type Scenario } from '../engine';
import { objectiveScore } from '../engine/debrief';
import { forecastValue } from '../engine/option-value';
import { nextRandom, seedState } from '../engine/rng';

export type Pick = (view: GameView, draw: () => number) => GameEvent;

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
    const view = game.view();
    if (view.step?.kind === 'choices' && !offered.has(view.step.id)) {
      offered.set(
        view.step.id,
        view.step.choices.map((c) => c.id),
      );
    }
    if (!game.send(pick(view, draw))) break;
  }
  const out = record(s, game, offered);
  game.stop();
  return out;
}

/** Greedy at a council step: lobby a member only when its forecast is good for the seat; else call the vote. */
export function greedyPick(weights: ReadonlyMap<string, number>): Pick {
  return (view) => {
    const step = view.step;
    if (!step) return { type: 'CONTINUE' };
    if (step.kind === 'choices') {
      let best = step.choices[0];
      let bestValue = Number.NEGATIVE_INFINITY;
      for (const c of step.choices) {
        const v = forecastValue(weights, c.forecast);
        if (v > bestValue + 1e-9) {
          best = c;
          bestValue = v;
        }
      }
      return { type: 'CHOOSE', choice: best?.id ?? '' };
    }
    if (step.kind === 'council') {
      const gain = step.council?.members.find(
        (m) => m.lobby && !m.lobby.done && forecastValue(weights, m.lobby.forecast) > 1e-9,
      );
      return gain ? { type: 'LOBBY', actor: gain.actor } : { type: 'CALL_VOTE' };
    }
    return { type: 'CONTINUE' };
  };
}

/** Uniform among the options; at a council step, lobbies a random member half the time before the vote. */
export function randomPick(view: GameView, draw: () => number): GameEvent {
  const step = view.step;
  if (!step) return { type: 'CONTINUE' };
  if (step.kind === 'choices') {
    return { type: 'CHOOSE', choice: step.choices[Math.floor(draw() * step.choices.length)]?.id ?? '' };
  }
  if (step.kind === 'council') {
    const open = step.council?.members.filter((m) => m.lobby && !m.lobby.done) ?? [];
    const member = open.length > 0 && draw() < 0.5 ? open[Math.floor(draw() * open.length)] : undefined;
    return member ? { type: 'LOBBY', actor: member.actor } : { type: 'CALL_VOTE' };
  }
  return { type: 'CONTINUE' };
}

/** A fixed policy: per step the option to take (`vote`, `lobby:all` or `lobby:ACTOR` at a council step). */
export function policyPick(policy: ReadonlyMap<string, string>, fallback: Pick): Pick {
  return (view, draw) => {
    const step = view.step;
    const want = step ? policy.get(step.id) : undefined;
    if (!step || want === undefined) return fallback(view, draw);
    if (step.kind === 'choices') {
      return step.choices.some((c) => c.id === want) ? { type: 'CHOOSE', choice: want } : fallback(view, draw);
    }
    if (step.kind === 'council') {
      const open = step.council?.members.filter((m) => m.lobby && !m.lobby.done) ?? [];
      if (want === 'lobby:all' && open[0]) return { type: 'LOBBY', actor: open[0].actor };
      if (want.startsWith('lobby:')) {
        const actor = want.slice('lobby:'.length);
        if (open.some((m) => m.actor === actor)) return { type: 'LOBBY', actor };
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
