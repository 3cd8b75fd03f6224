/**
 * The game plays and resumes a run without Zod: nothing the app (src/ui/app.ts) or the SCORM
 * launch imports statically reaches src/engine/zod.ts. Only result files (saving one, the
 * dashboard) and opened scenario files load it, with import(). tests/browser/first-load.test.ts
 * checks the same of the built site.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

/** The modules `file` imports statically (`import type` and `export type` aside), as paths or package names. */
function imports(file: string): string[] {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const specs = [
    ...[...code.matchAll(/^\s*(?:import|export)(?!\s+type\b)[^;]*?\bfrom\s+'([^']+)'/gm)].map((m) => m[1] ?? ''),
    ...[...code.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1] ?? ''),
  ];
  return specs.map((spec) => {
    if (!spec.startsWith('.')) return spec;
    const base = resolve(dirname(file), spec);
    return [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p)) ?? base;
  });
}

/** The chain of static imports from `entry` to a module `bad` accepts, or undefined. */
function pathTo(entry: string, bad: (module: string) => boolean): string[] | undefined {
  const from = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (bad(file)) {
      const chain: string[] = [];
      for (let at: string | null | undefined = file; at; at = from.get(at)) chain.unshift(relative(ROOT, at) || at);
      return chain;
    }
    if (!file.endsWith('.ts')) continue;
    for (const next of imports(file)) {
      if (from.has(next)) continue;
      from.set(next, file);
      queue.push(next);
    }
  }
  return undefined;
}

const ZOD = join(ROOT, 'src', 'engine', 'zod.ts');

describe.each(['src/ui/app.ts', 'src/lms/scorm-launch.ts'])('%s', (entry) => {
  it('reaches no Zod through its static imports', () => {
    const chain = pathTo(join(ROOT, entry), (m) => m === ZOD || m === 'zod');
    expect(chain, chain?.join(' → ')).toBeUndefined();
  });
});

it('finds the path to Zod where there is one (the dashboard reads result files with it)', () => {
  expect(pathTo(join(ROOT, 'src/dashboard/main.ts'), (m) => m === ZOD)).toBeDefined();
});
