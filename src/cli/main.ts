/**
 * The authoring toolkit: `npm run scenario -- COMMAND ...`, or `main(argv, io)` in-process.
 * Exit codes: 0 success; 1 the scenario has errors, a file cannot be read or written, or play
 * could not start; 2 usage error; 70 an internal error (one line, never a stack trace).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES } from '../engine/yaml-source';
import { type ParsedArgs, parseArgs, UsageError } from './args';
import { runBalance } from './balance';
import { runCheck } from './check';
import { runGraph } from './graph';
import { type Cli, type CliIO, makeCli } from './io';
import { runNew } from './new';
import { runPlay } from './play';
import { systemReason } from './read-scenario';
import { runSchema } from './schema-json';
import { runStats } from './stats';

export type { CliIO } from './io';

const USAGE = `Usage: npm run scenario -- COMMAND [options]

Commands:
  new NAME [--dir DIR] [--force]          write scenarios/NAME.yaml, a small complete scenario to start from
  check FILE... [--json]                  validate scenario files (exit 0 valid, 1 errors, 2 usage)
  play FILE [--role ID] [--seed N] [--choices 1,3,2]
                                          play in the terminal: option numbers are read from standard input, or
                                          played in order from --choices (Continue screens take no number)
  graph FILE [--format mermaid|dot|svg|html] [--role ID]
                                          the statechart, with the historical path highlighted (one seat's with
                                          --role); svg and html draw it to open in a browser, offline
  stats FILE [--runs N] [--role ID] [--exhaustive] [--json]
                                          seeded automated playtests: endings, meter ranges, unused choices
  balance FILE [--role ID] [--runs N] [--json]
                                          real dilemmas? dominated options, random / greedy / history / best
                                          play's scores, history's rank per step, targets met
  schema                                  print the JSON Schema of the scenario format

Files are read only when they are regular files of at most ${MAX_FILE_BYTES / 1048576} MB.`;

const COMMANDS: Record<string, { valued: string[]; run: (args: ParsedArgs, cli: Cli) => number | Promise<number> }> = {
  check: { valued: [], run: runCheck },
  play: { valued: ['role', 'seed', 'choices'], run: runPlay },
  new: { valued: ['dir'], run: runNew },
  graph: { valued: ['format', 'role'], run: runGraph },
  stats: { valued: ['runs', 'role'], run: runStats },
  balance: { valued: ['runs', 'role'], run: runBalance },
  schema: { valued: [], run: (_args, cli) => runSchema(cli) },
};

/** An error no command expected: one line naming what was being worked on; exit 1 for a system error, else 70. */
function unexpected(cli: Cli, subject: string, e: unknown): number {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) {
    cli.err(`article-four: ${subject}: ${systemReason(e)}`);
    return 1;
  }
  const message = String((e as Error | undefined)?.message ?? e).split('\n')[0];
  cli.err(`article-four: ${subject}: internal error: ${message}`);
  if (process.env.ARTICLE_FOUR_DEBUG) cli.err(String((e as Error | undefined)?.stack));
  return 70;
}

/** Runs one command with `argv` (the words after the program name); resolves to its exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const cli = makeCli(io);
  const [command, ...rest] = argv;
  let subject = command ?? 'scenario';
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    const spec = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!spec) throw new UsageError(`unknown command "${command}"`);
    const args = parseArgs(rest, spec.valued);
    subject = args.positional[0] ?? command;
    return await spec.run(args, cli);
  } catch (e) {
    if (e instanceof UsageError) {
      cli.err(`article-four: ${e.message}`, '', USAGE);
      return 2;
    }
    return unexpected(cli, subject, e);
  }
}

/** True when this file is the program being run (`tsx src/cli/main.ts …`), not a module imported by a test. */
function runAsScript(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runAsScript()) {
  const fail = (what: string, e: unknown) => {
    try {
      process.stderr.write(`article-four: ${what}: ${systemReason(e)}\n`);
    } finally {
      process.exit(70);
    }
  };
  // A reader that stops early (`… | head`) closes the pipe: that ends the command quietly, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`article-four: standard output: ${systemReason(e)}\n`);
    process.exit(1);
  });
  process.stderr.on('error', () => {
    // Nowhere left to say anything: the exit code still tells.
  });
  process.on('uncaughtException', (e) => fail('internal error', e));
  process.on('unhandledRejection', (e) => fail('internal error', e));
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => fail('internal error', e),
  );
}
