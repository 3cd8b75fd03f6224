/** `scenario new NAME [--dir DIR]`: writes a small complete scenario to start from. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedArgs, UsageError } from './args';

const TEMPLATE = join(import.meta.dirname, '..', 'authoring', 'template.yaml');

export function runNew(args: ParsedArgs, out: (...lines: string[]) => void): number {
  const name = args.positional[0];
  if (!name || args.positional.length > 1) throw new UsageError('new needs exactly one NAME, such as moldova-2025');
  if (!/^[a-z][a-z0-9_-]{0,63}$/.test(name)) {
    throw new UsageError('NAME is lower-case letters, digits, "_" and "-", starting with a letter');
  }
  const dirOpt = args.options.get('dir');
  const dir = typeof dirOpt === 'string' ? dirOpt : 'scenarios';
  const path = join(dir, `${name}.yaml`);
  if (existsSync(path)) {
    out(`${path} already exists: choose another NAME or delete it first`);
    return 1;
  }
  const text = readFileSync(TEMPLATE, 'utf8')
    .replace(/^id: new-scenario$/m, `id: ${name}`)
    .replaceAll('scenarios/new-scenario.yaml', path);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, text);
  out(
    `Wrote ${path}. Next:`,
    `  npm run scenario -- check ${path}`,
    `  npm run scenario -- play ${path} --role alliance`,
    '  then open docs/authoring.md and make it your own.',
  );
  return 0;
}
