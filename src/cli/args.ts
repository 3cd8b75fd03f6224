/** A small argument parser for the scenario CLI: positional words and `--name value` options. */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], valued: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (valued.includes(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        options.set(name, value);
      } else {
        options.set(name, true);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

export function intOption(args: ParsedArgs, name: string, fallback: number): number {
  const v = args.options.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v === true || !Number.isSafeInteger(n))
    throw new UsageError(`--${name} takes a whole number, not "${String(v)}"`);
  return n;
}
