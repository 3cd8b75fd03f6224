/** `scenario check FILE... [--json]`: validates scenario files; exit 0 when all are valid, 1 otherwise. */
import { type Diagnostic, formatDiagnostic } from '../engine';
import type { ParsedArgs } from './args';
import { UsageError } from './args';
import type { Cli } from './io';
import { loadScenarioFile } from './read-scenario';
import { safeJson } from './safe-text';

export function runCheck(args: ParsedArgs, cli: Cli): number {
  if (args.positional.length === 0) throw new UsageError('check needs at least one FILE');
  const json = args.options.has('json');
  const all: Diagnostic[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of args.positional) {
    const r = loadScenarioFile(file, { lint: true }, cli.path(file));
    const list = [...(r.ok ? [] : r.errors), ...r.warnings].sort((a, b) => a.line - b.line || a.column - b.column);
    errors += r.ok ? 0 : r.errors.length;
    warnings += r.warnings.length;
    all.push(...list);
    if (!json) cli.out(...list.map(formatDiagnostic));
  }
  if (json) {
    cli.out(safeJson({ files: args.positional.length, errors, warnings, diagnostics: all }));
  } else {
    const n = args.positional.length;
    cli.err(
      `${n} file${n === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
  }
  return errors > 0 ? 1 : 0;
}
