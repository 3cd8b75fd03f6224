/** `scenario balance FILE [--role ID] [--runs N] [--json]`: does each seat face real dilemmas? */
import { balanceReport, type SeatBalance } from '../authoring/balance';
import { unendedRuns, unendedText } from '../authoring/stats';
import type { ParsedArgs } from './args';
import { asCli, type Cli, type LineSink } from './io';
import { seatRunsArgs } from './read-scenario';
import { safeJson } from './safe-text';

/** Seeded runs per seat played first: balance's policies assume that runs end. */
const PROBE_RUNS = 20;

const TARGETS: [keyof SeatBalance['targets'], string][] = [
  ['noDominated', 'no dominated option'],
  ['greedyNotAboveP75', "greedy's mean no higher than random play's 75th percentile"],
  ['historyWorstAtMostOneInFive', "history's option the worst by forecast at no more than 1 step in 5"],
  ['everyHistoryChoiceGains', 'every historical choice gains the seat something, now or later'],
  ['twoGoodStrategies', 'two strategies differing in 3+ decisions reach a good ending'],
];

export function renderBalance(b: SeatBalance): string[] {
  const r = b.random;
  const lines = [
    `Seat ${b.role}: ${b.runs} runs per policy (seeds 1..${b.runs}); final objectives score 0–100`,
    `  random   mean ${r.mean}  min ${r.min}  p25 ${r.p25}  median ${r.p50}  p75 ${r.p75}  p90 ${r.p90}  max ${r.max}`,
    `  greedy   mean ${b.greedy.mean}  (percentile ${b.greedy.percentile} of random play)`,
    `  history  mean ${b.history.mean}  (percentile ${b.history.percentile}; ${b.history.offHistoryMoves} moves off history's path, taken at random)`,
    `  best     mean ${b.best.mean}  (percentile ${b.best.percentile}; search made ${b.best.evaluations} evaluations)`,
    `  Dominated options: ${b.dominated.length}`,
    ...b.dominated.map(
      (d) => `    ${d.step}: ${d.worse} < ${d.better} (worse on ${d.meters.join(', ')}, no better on any other)`,
    ),
    `  History's option worst by forecast at ${b.steps.filter((x) => x.historyWorst).length} of ${b.steps.filter((x) => x.history).length} steps (${(b.historyWorstShare * 100).toFixed(0)}%)`,
    '  Per step (forecast value for the seat, score points; H = history, rank 1 = best):',
    ...b.steps.map((x) => {
      const opts = x.options
        .map((o) => `${o.id}${o.id === x.history ? '(H)' : ''} ${o.value > 0 ? '+' : ''}${o.value}`)
        .join('  ');
      const rank = x.history ? ` rank ${x.historyRank}/${x.options.length}${x.historyWorst ? ' WORST' : ''}` : '';
      return `    ${x.step}: spread ${x.spread}${rank} | ${opts}`;
    }),
    '  What each historical choice gains the seat:',
    ...b.historyGains.map(
      (g) =>
        `    ${g.step} › ${g.choice}: ${g.now.length ? `now ${g.now.join(', ')}` : ''}${g.now.length && g.later.length ? '; ' : ''}${g.later.length ? `later ${g.later.join(', ')}` : ''}${g.now.length + g.later.length === 0 ? 'NOTHING (a pure cost)' : ''}`,
    ),
    `  Good endings for this seat: ${b.strategies.goodEndings.join(', ') || 'none'} (${b.strategies.goodShare}% of random runs); ${b.strategies.distinctGoodPaths} distinct paths reach them, the two most different differ in ${b.strategies.maxDifference} decisions`,
    '  Targets:',
    ...TARGETS.map(([k, text]) => `    ${b.targets[k] ? 'ok  ' : 'MISS'} ${text}`),
    '',
  ];
  return lines;
}

export function runBalance(args: ParsedArgs, target: Cli | LineSink): number {
  const cli = asCli(target);
  const a = seatRunsArgs(args, 'balance', { fallback: 300, min: 10, max: 20_000 }, cli);
  if (!a) return 1;
  let stuck = false;
  for (const role of a.roles ?? a.scenario.roles.map((r) => r.id)) {
    const u = unendedRuns(a.scenario, role, PROBE_RUNS);
    if (u) cli.out(`${a.file}: seat "${role}": ${unendedText(u)}`);
    stuck ||= u !== undefined;
  }
  if (stuck) {
    cli.err('article-four: balance needs runs that end; fix the steps above first (stats shows more)');
    return 1;
  }
  const report = balanceReport(a.scenario, { runs: a.runs, ...(a.roles ? { roles: a.roles } : {}) });
  if (args.options.has('json')) {
    cli.out(safeJson({ scenario: a.scenario.id, seats: report }));
    return 0;
  }
  for (const seat of report) cli.out(...renderBalance(seat));
  return 0;
}
