/**
 * The authoring toolkit: `npm run scenario -- COMMAND ...`.
 * Exit codes: 0 success, 1 the scenario has errors (or play could not start), 2 usage error.
 */
import { parseArgs, UsageError } from './args';
import { runBalance } from './balance';
import { runCheck } from './check';
import { runGraph } from './graph';
import { runNew } from './new';
import { runPlay } from './play';
import { runSchema } from './schema-json';
import { runStats } from './stats';

const USAGE = `Usage: npm run scenario -- COMMAND [options]

Commands:
  new NAME [--dir DIR]                    write scenarios/NAME.yaml, a small complete scenario to start from
  check FILE... [--json]                  validate scenario files (exit 0 valid, 1 errors, 2 usage)
  play FILE [--role ID] [--seed N]        play in the terminal; choices are read as numbers from standard input
  graph FILE [--format mermaid|dot]      the statechart, with the historical path highlighted
  stats FILE [--runs N] [--role ID] [--exhaustive] [--json]
                                          seeded automated playtests: endings, meter ranges, unused choices
  balance FILE [--role ID] [--runs N] [--json]
                                          real dilemmas? dominated options, random / greedy / history / best
                                          play's scores, history's rank per step, targets met
  schema                                  print the JSON Schema of the scenario format
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (...lines: string[]) => {
    for (const line of lines) process.stdout.write(`${line}\n`);
  };
  try {
    switch (command) {
      case 'check':
        return runCheck(parseArgs(rest, []), out);
      case 'play':
        return await runPlay(parseArgs(rest, ['role', 'seed']), out);
      case 'new':
        return runNew(parseArgs(rest, ['dir']), out);
      case 'graph':
        return runGraph(parseArgs(rest, ['format']), out);
      case 'stats':
        return runStats(parseArgs(rest, ['runs', 'role']), out);
      case 'balance':
        return runBalance(parseArgs(rest, ['runs', 'role']), out);
      case 'schema':
        return runSchema(out);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`scenario: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

// A reader that stops early (`… | head`) closes the pipe: that ends the command quietly, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`scenario: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
