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
import type { Scenario } from '../engine';
import { objectiveWeights } from '../engine/option-value';
import { decidedSteps, historyGains } from './balance-decisions';
import { greedyPick, historyPolicy, playWith, policyPick, randomPick } from './balance-play';
import { searchBest } from './balance-search';
import { mean, percentile, quantile, round1 } from './balance-stats';
import { goodStrategies } from './balance-strategies';
import type { BalanceOptions, SeatBalance } from './balance-types';

export { pathDifference } from './balance-strategies';
export type {
  BalanceOptions,
  DominatedOption,
  HistoryGain,
  ScoreSummary,
  SeatBalance,
  StepBalance,
} from './balance-types';

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

  const { dominated, steps } = decidedSteps(s, weights, offers);
  const withHistory = steps.filter((x) => x.history);
  const historyWorstShare =
    withHistory.length === 0 ? 0 : withHistory.filter((x) => x.historyWorst).length / withHistory.length;
  const gains = historyGains(s, weights, withHistory, random);
  const strategies = goodStrategies(s, role, [...random, ...greedyRuns, ...histRuns, ...bestRuns], random);

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
    historyGains: gains,
    strategies,
    targets: {
      noDominated: dominated.length === 0,
      greedyNotAboveP75: greedyMean <= p75 + 1e-9,
      historyWorstAtMostOneInFive: historyWorstShare <= 0.2 + 1e-9,
      everyHistoryChoiceGains: gains.every((g) => g.now.length + g.later.length > 0),
      twoGoodStrategies: strategies.maxDifference >= 3,
    },
  };
}

export function balanceReport(s: Scenario, opts: BalanceOptions): SeatBalance[] {
  const roles = opts.roles ?? s.roles.map((r) => r.id);
  return roles.map((role) => balanceSeat(s, role, opts));
}
