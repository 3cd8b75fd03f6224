/**
 * `scenario stats FILE [--runs N] [--role ID] [--exhaustive] [--json]`: seeded automated
 * playtests. Exit 0, or 1 when some runs did not end (each such finding is one line naming FILE).
 */
import { playtestStats, type SeatStats, unendedText, unreachedEndings } from '../authoring/stats';
import type { Scenario } from '../engine';
import { FULL_LENGTH } from '../engine/schema';
import type { ParsedArgs } from './args';
import { asCli, type Cli, type LineSink } from './io';
import { seatRunsArgs } from './read-scenario';
import { safeJson } from './safe-text';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function seatLines(st: SeatStats, s: Scenario): string[] {
  const how = st.mode === 'exhaustive' ? 'runs (every sequence of moves, seed 1)' : `random runs (seeds 1..${st.runs})`;
  const lines = [`Seat ${st.role}: ${st.runs} ${how}`];
  if (st.note) lines.push(`  note: --exhaustive: ${st.note}`);
  lines.push('  Endings:');
  for (const e of st.endings)
    lines.push(`    ${e.id.padEnd(28)} ${String(e.runs).padStart(6)}  ${pct(e.share).padStart(6)}`);
  lines.push(`  Decisions per run: ${st.length.min}–${st.length.max} (mean ${st.length.mean})`);
  lines.push(`  Words a player reads before the ending, per length (${st.lengths[0]?.runs ?? 0} random runs each):`);
  for (const l of st.lengths) {
    const budget = s.lengths.find((x) => x.id === l.length);
    const over =
      budget &&
      (l.words.max > budget.max_words ||
        l.decisions.max > budget.decisions.max ||
        l.decisions.min < budget.decisions.min);
    lines.push(
      `    ${l.length.padEnd(12)} words ${l.words.min} / ${l.words.mean} / ${l.words.max}   decisions ${l.decisions.min}–${l.decisions.max}   Council votes ${l.votes.min}–${l.votes.max}${budget ? `   (budget: ${budget.max_words} words, ${budget.decisions.min}–${budget.decisions.max} decisions${over ? '; OVER' : ''})` : ''}`,
    );
  }
  lines.push('  Meters at the end (min / mean / max):');
  for (const m of st.meters) lines.push(`    ${m.label.padEnd(28)} ${m.min} / ${m.mean} / ${m.max}`);
  if (st.neverTaken.length > 0) {
    lines.push('  Choices never taken:', ...st.neverTaken.map((x) => `    ${x.step} › ${x.choice}`));
  }
  for (const f of st.flagged) {
    lines.push(
      `  warning: ending "${f.ending}" reached in ${pct(f.share)} of runs (${f.why === 'rare' ? 'under 1%' : 'over 80%'})`,
    );
  }
  lines.push('');
  return lines;
}

export function runStats(args: ParsedArgs, target: Cli | LineSink): number {
  const cli = asCli(target);
  const a = seatRunsArgs(args, 'stats', { fallback: 500, min: 1, max: 100_000 }, cli);
  if (!a) return 1;
  const stats = playtestStats(a.scenario, {
    runs: a.runs,
    ...(a.roles ? { roles: a.roles } : {}),
    exhaustiveCap: args.options.has('exhaustive') ? 20_000 : 0,
  });
  const stuck = stats.some((st) => st.unended.length > 0);
  const findings = stats.flatMap((st) =>
    st.unended.map((u) => {
      const where = `seat "${st.role}"${u.length === FULL_LENGTH ? '' : `, length "${u.length}"`}`;
      return `${a.file}: ${where}: ${unendedText(u)}`;
    }),
  );
  if (args.options.has('json')) {
    cli.out(safeJson(stats));
    // Standard output stays one JSON document; the findings are said on standard error too.
    cli.err(...findings);
    return stuck ? 1 : 0;
  }
  for (const st of stats) {
    // A seat none of whose runs ended has nothing to report but why (below).
    if (st.runs > 0) cli.out(...seatLines(st, a.scenario));
  }
  for (const id of unreachedEndings(a.scenario, stats)) {
    cli.out(`warning: ending "${id}" was reached in no run from any seat: is it reachable?`);
  }
  cli.out(...findings);
  return stuck ? 1 : 0;
}
