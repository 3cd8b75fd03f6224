/**
 * The balance report: does each seat face real dilemmas? Per seat it plays the scenario with
 * several policies over the same seeds and compares their final objectives scores (the debrief's
 * 0–100 score):
 * - random: uniform among the options (lobbying before a vote half the time);
 * - greedy: always the option whose forecast is best for the seat (what a player who reads only
 *   the numbers does);
 * - history: the option history took wherever the case names one;
 * - best: the best fixed policy (one option per step) a coordinate search finds.
 * It also lists dominated options (no better on any meter the seat weighs, worse on one), per step
 * history's rank by forecast, whether each historical choice gains the seat something now or
 * later, and whether two different strategies reach the seat's good endings.
 */
import { Game, type GameEvent, type GameView, type Scenario } from '../engine';
import { objectiveScore } from '../engine/debrief';
import { deltasValue, dominatedOn, expectedDeltas, forecastValue, objectiveWeights } from '../engine/option-value';
import { nextRandom, seedState } from '../engine/rng';
import { seatTone } from '../engine/view';

export interface BalanceOptions {
  runs: number;
  roles?: string[];
  /** Seeds per policy evaluation in the search (default 40). */
  searchRuns?: number;
  /** Most policy evaluations the search may make (default 600). */
  searchBudget?: number;
}

export interface ScoreSummary {
  mean: number;
  /** Where the mean falls among random runs' scores, 0–100. */
  percentile: number;
}

export interface DominatedOption {
  step: string;
  worse: string;
  better: string;
  /** Meters on which `worse` is worse (on the others it is no better). */
  meters: string[];
}

export interface StepBalance {
  step: string;
  title: string;
  options: { id: string; value: number; counterfactual: boolean }[];
  history?: string;
  /** 1 is the best forecast for the seat. */
  historyRank?: number;
  historyWorst: boolean;
  /** Best minus worst forecast value, in score points. */
  spread: number;
}

export interface HistoryGain {
  step: string;
  choice: string;
  /** Meters the choice raises at once (in the direction the seat wants). */
  now: string[];
  /** Meters that end better on average in runs that took it than in runs that did not. */
  later: string[];
}

export interface SeatBalance {
  role: string;
  runs: number;
  random: { mean: number; min: number; p25: number; p50: number; p75: number; p90: number; max: number };
  greedy: ScoreSummary;
  history: ScoreSummary & { offHistoryMoves: number };
  best: ScoreSummary & { policy: Record<string, string>; evaluations: number };
  dominated: DominatedOption[];
  steps: StepBalance[];
  historyWorstShare: number;
  historyGains: HistoryGain[];
  strategies: {
    goodEndings: string[];
    goodShare: number;
    distinctGoodPaths: number;
    maxDifference: number;
    examples: string[][];
  };
  targets: {
    noDominated: boolean;
    greedyNotAboveP75: boolean;
    historyWorstAtMostOneInFive: boolean;
    everyHistoryChoiceGains: boolean;
    twoGoodStrategies: boolean;
  };
}

type Pick = (view: GameView, draw: () => number) => GameEvent;

function policyRng(seed: number) {
  let st = seedState(seed * 104_729 + 7);
  return () => {
    const r = nextRandom(st);
    st = r.state;
    return r.value;
  };
}

interface RunRecord {
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

function playWith(s: Scenario, role: string, seed: number, pick: Pick, maxEvents = 1000): RunRecord {
  const game = Game.start(s, { role, seed });
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
function greedyPick(weights: ReadonlyMap<string, number>): Pick {
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
function randomPick(view: GameView, draw: () => number): GameEvent {
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
function policyPick(policy: ReadonlyMap<string, string>, fallback: Pick): Pick {
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

function historyPolicy(s: Scenario): Map<string, string> {
  const policy = new Map<string, string>();
  for (const st of s.steps) {
    const h = st.history?.choice;
    if (h && st.choices.some((c) => c.id === h)) policy.set(st.id, h);
    else if (st.council) policy.set(st.id, 'vote');
  }
  return policy;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const round1 = (x: number) => Math.round(x * 10) / 10;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (i - lo);
}

/** Share of random scores below x (ties count half), 0–100. */
function percentile(sorted: readonly number[], x: number): number {
  let below = 0;
  let equal = 0;
  for (const v of sorted) {
    if (v < x - 1e-9) below++;
    else if (Math.abs(v - x) <= 1e-9) equal++;
  }
  return round1((100 * (below + equal / 2)) / Math.max(1, sorted.length));
}

/** Decisions in which two paths differ: steps taken by one only, or answered differently. */
export function pathDifference(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  let n = 0;
  for (const [step, choice] of a) if (b.get(step) !== choice) n++;
  for (const step of b.keys()) if (!a.has(step)) n++;
  return n;
}

function councilKeys(s: Scenario, step: string): string[] {
  const c = s.steps.find((x) => x.id === step)?.council;
  if (!c) return [];
  const lobbyable = c.members.filter((m) => m.lobby).map((m) => `lobby:${m.actor}`);
  return ['vote', ...(lobbyable.length > 1 ? ['lobby:all'] : []), ...lobbyable];
}

/** Most moves the policy search may make in all (about a minute's work on a slow machine). */
const MAX_SEARCH_MOVES = 1_500_000;

function searchBest(
  s: Scenario,
  role: string,
  seeds: readonly number[],
  start: Map<string, string>,
  fallback: Pick,
  budget: number,
): { policy: Map<string, string>; value: number; evaluations: number } {
  let evaluations = 0;
  // A bound on the work, in moves, whatever the scenario (a case whose runs never end stops it soon).
  let moves = 0;
  const visitedSteps = new Set<string>();
  const evaluate = (policy: ReadonlyMap<string, string>) => {
    evaluations++;
    const pick = policyPick(policy, fallback);
    return mean(
      seeds.map((seed) => {
        const r = playWith(s, role, seed, pick);
        moves += r.moves;
        for (const st of r.decisions.keys()) visitedSteps.add(st);
        return r.score;
      }),
    );
  };
  const spent = () => evaluations >= budget || moves >= MAX_SEARCH_MOVES;
  let policy = new Map(start);
  let value = evaluate(policy);
  for (let sweep = 0; sweep < 4 && !spent(); sweep++) {
    let improved = false;
    const order = s.steps.filter((st) => visitedSteps.has(st.id));
    for (const st of order) {
      const keys = st.council ? councilKeys(s, st.id) : st.choices.map((c) => c.id);
      for (const key of keys) {
        if (spent()) break;
        if (policy.get(st.id) === key) continue;
        const trial = new Map(policy).set(st.id, key);
        const v = evaluate(trial);
        if (v > value + 1e-9) {
          policy = trial;
          value = v;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { policy, value, evaluations };
}

function seatGoodEndings(s: Scenario, role: string): Set<string> {
  return new Set(s.endings.filter((e) => seatTone(e, role) === 'good').map((e) => e.id));
}

export function balanceSeat(s: Scenario, role: string, opts: BalanceOptions): SeatBalance {
  const weights = objectiveWeights(s, role);
  const seeds = Array.from({ length: opts.runs }, (_, i) => i + 1);

  // Random play, with what each step offered (options depend on conditions).
  const random = seeds.map((seed) => playWith(s, role, seed, randomPick));
  const offers = new Map<string, Set<string>>();
  for (const r of random) {
    for (const [step, ids] of r.offered) {
      const set = offers.get(step) ?? new Set<string>();
      set.add(ids.join(' '));
      offers.set(step, set);
    }
  }
  const sorted = random.map((r) => r.score).sort((a, b) => a - b);

  const greedy = greedyPick(weights);
  const greedyRuns = seeds.map((seed) => playWith(s, role, seed, greedy));
  const histPolicy = historyPolicy(s);
  const histRuns = seeds.map((seed) => playWith(s, role, seed, policyPick(histPolicy, randomPick)));
  const offHistoryMoves = histRuns.reduce(
    (n, r) =>
      n +
      [...r.decisions].filter(([step]) => s.steps.find((x) => x.id === step)?.choices.length && !histPolicy.has(step))
        .length,
    0,
  );

  const searchSeeds = seeds.slice(0, opts.searchRuns ?? 40);
  const greedyValue = mean(searchSeeds.map((seed) => playWith(s, role, seed, greedy).score));
  const histValue = mean(searchSeeds.map((seed) => playWith(s, role, seed, policyPick(histPolicy, greedy)).score));
  const found = searchBest(
    s,
    role,
    searchSeeds,
    histValue > greedyValue ? new Map(histPolicy) : new Map(),
    greedy,
    opts.searchBudget ?? 600,
  );
  const bestRuns = seeds.map((seed) => playWith(s, role, seed, policyPick(found.policy, greedy)));

  // Steps this seat decides, with each option's forecast value.
  const decided = new Set(offers.keys());
  const dominated: DominatedOption[] = [];
  const steps: StepBalance[] = [];
  for (const st of s.steps) {
    if (!decided.has(st.id)) continue;
    const sets = [...(offers.get(st.id) ?? [])].map((x) => x.split(' '));
    const deltas = new Map(st.choices.map((c) => [c.id, expectedDeltas(c)]));
    const together = (a: string, b: string) => sets.some((ids) => ids.includes(a) && ids.includes(b));
    for (const a of st.choices) {
      for (const b of st.choices) {
        if (a === b || !together(a.id, b.id)) continue;
        const on = dominatedOn(
          weights,
          deltas.get(a.id) as Map<string, number>,
          deltas.get(b.id) as Map<string, number>,
        );
        if (on) dominated.push({ step: st.id, worse: a.id, better: b.id, meters: on });
      }
    }
    const h = st.history?.choice;
    const offeredIds = sets.find((ids) => (h ? ids.includes(h) : true)) ?? sets[0] ?? [];
    const options = st.choices
      .filter((c) => offeredIds.includes(c.id))
      .map((c) => ({
        id: c.id,
        value: round1(deltasValue(weights, deltas.get(c.id) as Map<string, number>)),
        counterfactual: c.counterfactual,
      }));
    const values = options.map((o) => o.value);
    const hv = options.find((o) => o.id === h)?.value;
    const rank = hv === undefined ? undefined : 1 + values.filter((v) => v > hv).length;
    steps.push({
      step: st.id,
      title: st.title,
      options,
      ...(h && hv !== undefined ? { history: h, historyRank: rank } : {}),
      historyWorst: hv !== undefined && options.length > 1 && hv <= Math.min(...values) && Math.max(...values) > hv,
      spread: values.length > 0 ? round1(Math.max(...values) - Math.min(...values)) : 0,
    });
  }
  const withHistory = steps.filter((x) => x.history);
  const historyWorstShare =
    withHistory.length === 0 ? 0 : withHistory.filter((x) => x.historyWorst).length / withHistory.length;

  // What each historical choice gains the seat, now (its forecast) or later: how random runs that took
  // it end beside random runs that took another option there (random play makes the comparison fair).
  const pool = [...random, ...greedyRuns, ...histRuns, ...bestRuns];
  const historyGains: HistoryGain[] = withHistory.map((x) => {
    const choice = x.history as string;
    const st = s.steps.find((y) => y.id === x.step);
    const d = st ? expectedDeltas(st.choices.find((c) => c.id === choice) as never) : new Map<string, number>();
    const now = [...weights].filter(([m, w]) => Math.sign(w) * (d.get(m) ?? 0) > 1e-9).map(([m]) => m);
    const took = random.filter((r) => r.decisions.get(x.step) === choice);
    const other = random.filter((r) => r.decisions.has(x.step) && r.decisions.get(x.step) !== choice);
    const later =
      took.length >= 5 && other.length >= 5
        ? [...weights]
            .filter(([m, w]) => {
              const a = mean(took.map((r) => r.meters[m] ?? 0));
              const b = mean(other.map((r) => r.meters[m] ?? 0));
              return Math.sign(w) * (a - b) >= 1;
            })
            .map(([m]) => m)
        : [];
    return { step: x.step, choice, now, later };
  });

  // Two strategies that differ in three or more decisions and both reach a good ending for the seat.
  const good = seatGoodEndings(s, role);
  const goodRuns = pool.filter((r) => good.has(r.ending));
  const distinct = new Map<string, Map<string, string>>();
  for (const r of goodRuns) {
    const key = [...r.decisions].map(([a, b]) => `${a}=${b}`).join(',');
    if (!distinct.has(key) && distinct.size < 300) distinct.set(key, r.decisions);
  }
  const paths = [...distinct.values()];
  let maxDifference = 0;
  let examples: string[][] = [];
  for (let i = 0; i < paths.length; i++) {
    for (let j = 0; j < i; j++) {
      const d = pathDifference(paths[i] as Map<string, string>, paths[j] as Map<string, string>);
      if (d > maxDifference) {
        maxDifference = d;
        examples = [paths[i], paths[j]].map((p) => [...(p as Map<string, string>)].map(([a, b]) => `${a}=${b}`));
      }
    }
  }

  const greedyMean = mean(greedyRuns.map((r) => r.score));
  const histMean = mean(histRuns.map((r) => r.score));
  const bestMean = mean(bestRuns.map((r) => r.score));
  const p75 = quantile(sorted, 0.75);
  return {
    role,
    runs: seeds.length,
    random: {
      mean: round1(mean(sorted)),
      min: sorted[0] ?? 0,
      p25: round1(quantile(sorted, 0.25)),
      p50: round1(quantile(sorted, 0.5)),
      p75: round1(p75),
      p90: round1(quantile(sorted, 0.9)),
      max: sorted[sorted.length - 1] ?? 0,
    },
    greedy: { mean: round1(greedyMean), percentile: percentile(sorted, greedyMean) },
    history: { mean: round1(histMean), percentile: percentile(sorted, histMean), offHistoryMoves },
    best: {
      mean: round1(bestMean),
      percentile: percentile(sorted, bestMean),
      policy: Object.fromEntries(found.policy),
      evaluations: found.evaluations,
    },
    dominated,
    steps,
    historyWorstShare: Math.round(historyWorstShare * 1000) / 1000,
    historyGains,
    strategies: {
      goodEndings: [...good],
      goodShare: round1((100 * random.filter((r) => good.has(r.ending)).length) / Math.max(1, random.length)),
      distinctGoodPaths: paths.length,
      maxDifference,
      examples,
    },
    targets: {
      noDominated: dominated.length === 0,
      greedyNotAboveP75: greedyMean <= p75 + 1e-9,
      historyWorstAtMostOneInFive: historyWorstShare <= 0.2 + 1e-9,
      everyHistoryChoiceGains: historyGains.every((g) => g.now.length + g.later.length > 0),
      twoGoodStrategies: maxDifference >= 3,
    },
  };
}

export function balanceReport(s: Scenario, opts: BalanceOptions): SeatBalance[] {
  const roles = opts.roles ?? s.roles.map((r) => r.id);
  return roles.map((role) => balanceSeat(s, role, opts));
}
