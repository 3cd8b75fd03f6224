/**
 * The authoring toolkit: `npm run scenario -- COMMAND ...`.
 * Exit codes: 0 success, 1 the scenario has errors (or play could not start), 2 usage error.
 */
import { parseArgs, UsageError } from './args';
import { runCheck } from './check';
import { runPlay } from './play';
import { runSchema } from './schema-json';

const USAGE = `Usage: npm run scenario -- COMMAND [options]

Commands:
  check FILE... [--json]                  validate scenario files (exit 0 valid, 1 errors, 2 usage)
  play FILE [--role ID] [--seed N]        play in the terminal; choices are read as numbers from standard input
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`scenario: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
