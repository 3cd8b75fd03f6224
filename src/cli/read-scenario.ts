/** Reading scenario files from disk for the CLI, with the same limits as the loader. */
import { readFileSync, statSync } from 'node:fs';
import {
  type Diagnostic,
  formatDiagnostic,
  type LoadOptions,
  type LoadResult,
  loadScenario,
  type Scenario,
} from '../engine';
import { MAX_FILE_BYTES } from '../engine/yaml-source';
import { intOption, type ParsedArgs, UsageError } from './args';

export function loadScenarioFile(path: string, options: LoadOptions = {}): LoadResult {
  const fail = (message: string): LoadResult => ({
    ok: false,
    errors: [{ file: path, line: 1, column: 1, severity: 'error', message, code: 'file' } satisfies Diagnostic],
    warnings: [],
  });
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return fail('not a file');
    size = st.size;
  } catch {
    return fail('no such file');
  }
  if (size > MAX_FILE_BYTES) {
    return fail(`file is ${(size / 1048576).toFixed(1)} MB; a scenario may be at most ${MAX_FILE_BYTES / 1048576} MB`);
  }
  try {
    return loadScenario(readFileSync(path), path, options);
  } catch (e) {
    return fail(`cannot read: ${(e as Error).message}`);
  }
}

/**
 * The common start of the commands that play one FILE per seat (`stats`, `balance`): the file, a
 * `--runs` count within bounds, and an optional `--role` that must name a seat. Prints the file's
 * errors and returns null when it does not load; throws UsageError for bad arguments.
 */
export function seatRunsArgs(
  args: ParsedArgs,
  command: string,
  runs: { fallback: number; min: number; max: number },
  out: (...lines: string[]) => void,
): { scenario: Scenario; runs: number; roles?: string[] } | null {
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError(`${command} needs exactly one FILE`);
  const n = intOption(args, 'runs', runs.fallback);
  if (n < runs.min || n > runs.max) throw new UsageError(`--runs is between ${runs.min} and ${runs.max}`);
  const r = loadScenarioFile(file);
  if (!r.ok) {
    out(...r.errors.map(formatDiagnostic));
    return null;
  }
  const role = args.options.get('role');
  if (typeof role === 'string' && !r.scenario.roles.some((x) => x.id === role)) {
    throw new UsageError(`no seat "${role}"; seats: ${r.scenario.roles.map((x) => x.id).join(', ')}`);
  }
  return { scenario: r.scenario, runs: n, ...(typeof role === 'string' ? { roles: [role] } : {}) };
}
