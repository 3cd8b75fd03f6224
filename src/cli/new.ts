/**
 * `scenario new NAME [--dir DIR] [--force]`: writes a small complete scenario to start from.
 * NAME is a plain name (no path); DIR must be an existing writable folder; the file is never
 * written through a symbolic link, nor over an existing file without --force.
 */
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  type Stats,
  statSync,
  writeSync,
} from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ParsedArgs, UsageError } from './args';
import type { Cli } from './io';
import { systemReason } from './read-scenario';
import { safeLine } from './safe-text';

const TEMPLATE = join(import.meta.dirname, '..', 'authoring', 'template.yaml');
/** The format's JSON Schema (`npm run schema` keeps it current), which editors read through the file's first line. */
const SCHEMA = join(import.meta.dirname, '..', '..', 'scenarios', 'scenario.schema.json');
const MODELINE = /^# yaml-language-server: \$schema=.*$/m;
const NAME = /^[a-z][a-z0-9_-]{0,63}$/;

/** A refusal: one line naming the file or folder, exit 1. */
class Refusal extends Error {}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

function checkName(name: string | undefined, extra: number): string {
  if (!name || extra > 0) throw new UsageError('new needs exactly one NAME, such as moldova-2025');
  if (/[/\\]/.test(name) || name.includes('..')) {
    throw new UsageError(
      `NAME "${name}" contains a path separator or "..": give a plain name and the folder with --dir`,
    );
  }
  if (!NAME.test(name)) throw new UsageError('NAME is lower-case letters, digits, "_" and "-", starting with a letter');
  return name;
}

/** The folder must exist, be a folder (following links) and be writable. */
function checkFolder(shown: string, dir: string): void {
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (e) {
    if (code(e) === 'ENOENT') throw new Refusal(`${shown}: no such folder; create it first, or choose one with --dir`);
    throw new Refusal(`${shown}: ${systemReason(e)}`);
  }
  if (!st.isDirectory()) throw new Refusal(`${shown}: not a folder; choose a folder with --dir`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new Refusal(`${shown}: this folder is not writable; choose another with --dir`);
  }
}

/** What is at the target already: nothing, or a regular file that --force may replace. */
function checkTarget(shown: string, target: string, force: boolean): boolean {
  let st: Stats;
  try {
    st = lstatSync(target);
  } catch (e) {
    if (code(e) === 'ENOENT') return false;
    throw new Refusal(`${shown}: ${systemReason(e)}`);
  }
  if (st.isSymbolicLink()) {
    let dangling = false;
    try {
      statSync(target);
    } catch {
      dangling = true;
    }
    throw new Refusal(
      `${shown} is a symbolic link${dangling ? ' to nothing' : ''}; new never writes through a link: remove it or choose another NAME`,
    );
  }
  if (!st.isFile()) throw new Refusal(`${shown} exists and is not a regular file; choose another NAME`);
  if (!force) throw new Refusal(`${shown} already exists: choose another NAME, or add --force to replace it`);
  return true;
}

/** Writes without following a link, without blocking on a FIFO, creating only a new file unless replacing. */
function writeNew(shown: string, target: string, text: string, replace: boolean): void {
  const { O_WRONLY, O_CREAT, O_EXCL, O_TRUNC, O_NOFOLLOW, O_NONBLOCK } = constants;
  let fd: number;
  try {
    fd = openSync(target, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | (replace ? O_TRUNC : O_CREAT | O_EXCL), 0o644);
  } catch (e) {
    if (code(e) === 'EEXIST') throw new Refusal(`${shown} appeared while writing; run new again`);
    if (code(e) === 'ELOOP') throw new Refusal(`${shown} is a symbolic link; new never writes through a link`);
    throw new Refusal(`cannot create ${shown}: the folder does not accept new files (${code(e) ?? systemReason(e)})`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new Refusal(`${shown} is not a regular file; choose another NAME`);
    const bytes = Buffer.from(text);
    for (let n = 0; n < bytes.length; ) n += writeSync(fd, bytes, n);
  } catch (e) {
    if (e instanceof Refusal) throw e;
    throw new Refusal(`cannot write ${shown}: ${systemReason(e)}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Where the new file's first line points editors for the schema: the project's
 * scenarios/scenario.schema.json, relative to the folder written to (`./scenario.schema.json` in
 * scenarios/ itself), so the one schema `npm run schema` keeps current serves every folder; a
 * file:// URL when no relative path leads there (another drive).
 */
export function schemaRef(folder: string): string {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const rel = relative(real(folder), real(SCHEMA));
  if (isAbsolute(rel)) return pathToFileURL(real(SCHEMA)).href;
  const posix = rel.split(sep).join('/');
  return encodeURI(posix.startsWith('.') ? posix : `./${posix}`);
}

export function runNew(args: ParsedArgs, cli: Cli): number {
  const name = checkName(args.positional[0], args.positional.length - 1);
  const dirOpt = args.options.get('dir');
  if (dirOpt === true || dirOpt === '') throw new UsageError('--dir needs a folder');
  const dir = dirOpt ?? 'scenarios';
  const path = join(dir, `${name}.yaml`);
  const target = cli.path(path);
  try {
    checkFolder(dir, cli.path(dir));
    const replace = checkTarget(path, target, args.options.has('force'));
    const shown = safeLine(path);
    const modeline = `# yaml-language-server: $schema=${schemaRef(cli.path(dir))}`;
    const template = readFileSync(TEMPLATE, 'utf8');
    const text = (MODELINE.test(template) ? template.replace(MODELINE, () => modeline) : `${modeline}\n${template}`)
      .replace(/^id: new-scenario$/m, `id: ${name}`)
      .replaceAll('scenarios/new-scenario.yaml', shown);
    writeNew(path, target, text, replace);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    cli.err(`article-four: ${e.message}`);
    return 1;
  }
  cli.out(
    `Wrote ${path}. Next:`,
    `  npm run scenario -- check ${path}`,
    `  npm run scenario -- play ${path} --role alliance`,
    '  then open docs/authoring.md and make it your own.',
  );
  return 0;
}
