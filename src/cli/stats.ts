/** `scenario stats FILE [--runs N] [--role ID] [--json]`: seeded automated playtests. */
import { playtestStats, unreachedEndings } from '../authoring/stats';
import type { ParsedArgs } from './args';
import { seatRunsArgs } from './read-scenario';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function runStats(args: ParsedArgs, out: (...lines: string[]) => void): number {
  const a = seatRunsArgs(args, 'stats', { fallback: 500, min: 1, max: 100_000 }, out);
  if (!a) return 1;
  const stats = playtestStats(a.scenario, {
    runs: a.runs,
    ...(a.roles ? { roles: a.roles } : {}),
    exhaustiveCap: args.options.has('exhaustive') ? 20_000 : 0,
  });
  if (args.options.has('json')) {
    out(JSON.stringify(stats, null, 2));
    return 0;
  }
  for (const st of stats) {
    const how =
      st.mode === 'exhaustive' ? 'runs (every sequence of moves, seed 1)' : `random runs (seeds 1..${st.runs})`;
    out(`Seat ${st.role}: ${st.runs} ${how}`);
    out('  Endings:');
    for (const e of st.endings)
      out(`    ${e.id.padEnd(28)} ${String(e.runs).padStart(6)}  ${pct(e.share).padStart(6)}`);
    out(`  Decisions per run: ${st.length.min}–${st.length.max} (mean ${st.length.mean})`);
    out(`  Words a player reads before the ending, per length (${st.lengths[0]?.runs ?? 0} random runs each):`);
    for (const l of st.lengths) {
      const budget = a.scenario.lengths.find((x) => x.id === l.length);
      const over =
        budget &&
        (l.words.max > budget.max_words ||
          l.decisions.max > budget.decisions.max ||
          l.decisions.min < budget.decisions.min);
      out(
        `    ${l.length.padEnd(12)} words ${l.words.min} / ${l.words.mean} / ${l.words.max}   decisions ${l.decisions.min}–${l.decisions.max}   Council votes ${l.votes.min}–${l.votes.max}${budget ? `   (budget: ${budget.max_words} words, ${budget.decisions.min}–${budget.decisions.max} decisions${over ? '; OVER' : ''})` : ''}`,
      );
    }
    out('  Meters at the end (min / mean / max):');
    for (const m of st.meters) out(`    ${m.label.padEnd(28)} ${m.min} / ${m.mean} / ${m.max}`);
    if (st.neverTaken.length > 0) {
      out('  Choices never taken:', ...st.neverTaken.map((x) => `    ${x.step} › ${x.choice}`));
    }
    for (const f of st.flagged) {
      out(
        `  warning: ending "${f.ending}" reached in ${pct(f.share)} of runs (${f.why === 'rare' ? 'under 1%' : 'over 80%'})`,
      );
    }
    out('');
  }
  for (const id of unreachedEndings(a.scenario, stats)) {
    out(`warning: ending "${id}" was reached in no run from any seat: is it reachable?`);
  }
  return 0;
}
