/** The balance report's result types (see balance.ts). */

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
