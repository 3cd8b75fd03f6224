/**
 * Reading scenario files from disk for the CLI. Only a regular file is read (a FIFO, a device, a
 * directory or a socket is refused before a byte is read, so nothing can block), and at most
 * MAX_FILE_BYTES of it, the loader's own limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
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
import type { Cli } from './io';

const MB = 1048576;

/** What a path is, for a message, when it is not a regular file. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const OPEN_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a folder on its path is a file)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENXIO: 'not a regular file (a socket or a device with nothing behind it)',
  ENAMETOOLONG: 'the file name is too long',
};

/** A one-line reason a system error gives, such as "permission denied (EACCES)". */
export function systemReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code && OPEN_ERRORS[code]) return OPEN_ERRORS[code];
  const message = String((e as Error).message ?? e).split('\n')[0] ?? '';
  return code ? `${message.replace(new RegExp(`^${code}: `), '').replace(/, \w+ '.*'$/, '')} (${code})` : message;
}

/**
 * The bytes of a regular file of at most `max` bytes, or why not (one line). Opened without
 * blocking (a FIFO with no writer does not wait), then checked on the open descriptor.
 */
export function readRegularFile(path: string, max = MAX_FILE_BYTES): Uint8Array | string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    return systemReason(e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return `${kindOf(st)}, not a regular file: a scenario is read only from a regular file`;
    if (st.size > max) return `file is ${(st.size / MB).toFixed(1)} MB; a scenario may be at most ${max / MB} MB`;
    // Read at most one byte more than allowed, in case the file grows while it is read.
    const buf = Buffer.alloc(Math.min(st.size, max) + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > max) return `file is over ${max / MB} MB; a scenario may be at most ${max / MB} MB`;
    return buf.subarray(0, n);
  } catch (e) {
    return `cannot read: ${systemReason(e)}`;
  } finally {
    closeSync(fd);
  }
}

/** Loads a scenario file; `path` names it in every diagnostic, `resolved` is where it is read. */
export function loadScenarioFile(path: string, options: LoadOptions = {}, resolved = path): LoadResult {
  const bytes = readRegularFile(resolved);
  if (typeof bytes === 'string') {
    const error: Diagnostic = { file: path, line: 1, column: 1, severity: 'error', message: bytes, code: 'file' };
    return { ok: false, errors: [error], warnings: [] };
  }
  return loadScenario(bytes, path, options);
}

/** Loads the FILE named on the command line, or prints its errors (one line each) and returns null. */
export function loadOrReport(cli: Cli, file: string, options: LoadOptions = {}): Scenario | null {
  const r = loadScenarioFile(file, options, cli.path(file));
  if (r.ok) return r.scenario;
  cli.out(...r.errors.map(formatDiagnostic));
  return null;
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
  cli: Cli,
): { file: string; scenario: Scenario; runs: number; roles?: string[] } | null {
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError(`${command} needs exactly one FILE`);
  const n = intOption(args, 'runs', runs.fallback);
  if (n < runs.min || n > runs.max) throw new UsageError(`--runs is between ${runs.min} and ${runs.max}`);
  const scenario = loadOrReport(cli, file);
  if (!scenario) return null;
  const role = args.options.get('role');
  if (typeof role === 'string' && !scenario.roles.some((x) => x.id === role)) {
    throw new UsageError(`no seat "${role}"; seats: ${scenario.roles.map((x) => x.id).join(', ')}`);
  }
  return { file, scenario, runs: n, ...(typeof role === 'string' ? { roles: [role] } : {}) };
}
