/**
 * The balance report's look at each decision a seat makes: each option's forecast value for the
 * seat, the options another dominates, history's rank, and what each historical choice gains.
 */
import type { Scenario } from '../engine';
import { deltasValue, dominatedOn, expectedDeltas } from '../engine/option-value';
import type { RunRecord } from './balance-play';
import { mean, round1 } from './balance-stats';
import type { DominatedOption, HistoryGain, StepBalance } from './balance-types';

/**
 * The steps this seat decides (those `offers` lists: step → the option sets offered there, as
 * space-separated ids), with each option's forecast value and the options another dominates.
 */
export function decidedSteps(
  s: Scenario,
  weights: ReadonlyMap<string, number>,
  offers: ReadonlyMap<string, Set<string>>,
): { dominated: DominatedOption[]; steps: StepBalance[] } {
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
  return { dominated, steps };
}

/**
 * What each historical choice gains the seat, now (its forecast) or later: how random runs that took
 * it end beside random runs that took another option there (random play makes the comparison fair).
 */
export function historyGains(
  s: Scenario,
  weights: ReadonlyMap<string, number>,
  withHistory: StepBalance[],
  random: RunRecord[],
): HistoryGain[] {
  return withHistory.map((x) => {
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
}
