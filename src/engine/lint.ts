/**
 * The scenario linter: what a valid scenario can still get wrong. Each rule has a stable code
 * (documented in docs/authoring.md) and reports a path into the file; the loader turns paths
 * into FILE:LINE:COL. Static rules read the scenario; the reachability rules also explore the
 * compiled machine with xstate/graph from every seat and several seeds.
 */
import { makeBudget } from './bounded-walk';
import { lintDominatedChoices, lintIdenticalChoices } from './lint-choices';
import { lintMetersAndFlags, lintSimilarIds } from './lint-declarations';
import { lintHistory } from './lint-history';
import { lintLengths, lintReachability } from './lint-paths';
import type { LintCode, Report } from './lint-rules';
import { lintSources } from './lint-sources';
import { lintInventedQuotes, lintTextLengths } from './lint-text';
import type { Finding } from './references';
import type { Scenario } from './schema';
import type { PathKey } from './yaml-source';

export { staticReachable } from './lint-paths';
export { LINT_RULES, type LintCode, type Report, TEXT_LIMITS } from './lint-rules';
export { hostMatchesPublisher } from './lint-sources';
export { inventedQuote } from './lint-text';

export interface LintOptions {
  /** Seeds for the xstate/graph exploration (default [1]); an empty list skips exploring. */
  seeds?: readonly number[];
  /** Random playthroughs per seat that look for endings the walk missed (default 100). */
  runs?: number;
  /** Milliseconds all the exploring may take (default 5,000); past it, results are partial and say so. */
  budgetMs?: number;
  /** States the walks may visit in all (default 50,000). */
  maxStates?: number;
}

export function lintScenario(s: Scenario, opts: LintOptions = {}): Finding[] {
  const out: Finding[] = [];
  const report: Report = {
    warn: (code: LintCode, path: PathKey[], message: string, atKey = false) =>
      out.push({ code, path, message, severity: 'warning', atKey }),
    error: (code: LintCode, path: PathKey[], message: string) => out.push({ code, path, message, severity: 'error' }),
    hasErrors: () => out.some((f) => f.severity === 'error'),
  };
  const seeds = opts.seeds ?? [1];
  const runs = opts.runs ?? 100;
  const budget = makeBudget(opts.budgetMs ?? 5_000, opts.maxStates ?? 50_000);
  lintReachability(s, report, seeds, runs, budget);
  lintMetersAndFlags(s, report);
  lintSources(s, report);
  lintHistory(s, report);
  lintInventedQuotes(s, report);
  lintTextLengths(s, report);
  lintIdenticalChoices(s, report);
  if (seeds.length > 0 && !report.hasErrors()) lintLengths(s, report, runs, budget);
  lintDominatedChoices(s, report);
  lintSimilarIds(s, report);
  return out;
}
