/**
 * Where the CLI reads and writes: streams passed to `main(argv, io)` (the process's own when run
 * as a script, in-memory ones in tests). Every line printed goes through `safeText`.
 */
import { resolve } from 'node:path';
import { safeText } from './safe-text';

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Read by `play` (default: the process's standard input). */
  stdin?: NodeJS.ReadableStream;
  /** Relative paths are read from here (default: the process's working directory). */
  cwd?: string;
}

/** What a command gets: printing, input, and paths as the user gave them resolved against `cwd`. */
export interface Cli {
  /** Lines to standard output, each made safe for a terminal. */
  out: (...lines: string[]) => void;
  /** Lines to standard error, each made safe for a terminal. */
  err: (...lines: string[]) => void;
  /** Text to standard output as it is (made safe, no newline added). */
  write: (text: string) => void;
  stdin: () => NodeJS.ReadableStream;
  /** A path as given on the command line, resolved against the working directory. */
  path: (p: string) => string;
}

export function makeCli(io: CliIO): Cli {
  const cwd = io.cwd ?? process.cwd();
  return {
    out: (...lines) => {
      for (const line of lines) io.stdout.write(`${safeText(line)}\n`);
    },
    err: (...lines) => {
      for (const line of lines) io.stderr.write(`${safeText(line)}\n`);
    },
    write: (text) => {
      io.stdout.write(safeText(text));
    },
    stdin: () => io.stdin ?? process.stdin,
    path: (p) => resolve(cwd, p),
  };
}

/** A command's output as a plain line sink, as the runners took it before `main(argv, io)`. */
export type LineSink = (...lines: string[]) => void;

/** A Cli from a Cli, or from a line sink that gets every line (standard output and error alike). */
export function asCli(target: Cli | LineSink, cwd = process.cwd()): Cli {
  if (typeof target !== 'function') return target;
  const sink = (...lines: string[]) => target(...lines.map(safeText));
  return {
    out: sink,
    err: sink,
    write: (text) => sink(...text.replace(/\n$/, '').split('\n')),
    stdin: () => process.stdin,
    path: (p) => resolve(cwd, p),
  };
}
