/** `scenario check FILE...`: validates scenario files; exit 0 when all are valid, 1 otherwise. */
import { formatDiagnostic } from '../engine';
import type { ParsedArgs } from './args';
import { UsageError } from './args';
import { loadScenarioFile } from './read-scenario';

export function runCheck(args: ParsedArgs, out: (line: string) => void): number {
  if (args.positional.length === 0) throw new UsageError('check needs at least one FILE');
  const json = args.options.has('json');
  const all = [];
  let errors = 0;
  let warnings = 0;
  for (const file of args.positional) {
    const r = loadScenarioFile(file, { lint: true });
    const list = [...(r.ok ? [] : r.errors), ...r.warnings].sort((a, b) => a.line - b.line || a.column - b.column);
    errors += r.ok ? 0 : r.errors.length;
    warnings += r.warnings.length;
    all.push(...list);
    if (!json) for (const d of list) out(formatDiagnostic(d));
  }
  if (json) {
    out(JSON.stringify({ files: args.positional.length, errors, warnings, diagnostics: all }, null, 2));
  } else {
    const n = args.positional.length;
    const summary = `${n} file${n === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    console.error(summary);
  }
  return errors > 0 ? 1 : 0;
}
