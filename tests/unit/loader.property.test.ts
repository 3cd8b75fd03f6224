/**
 * Property tests: random mutations of a valid scenario make the loader return errors or a valid
 * scenario, and never throw; a scenario it accepts compiles and starts from every seat.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { Game, loadScenario } from '../../src/engine';
import { bundledScenarioFiles, fixture, ROOT } from '../helpers';

// Small scenarios take many runs; the large bundled cases (each parse takes a few hundred
// milliseconds) take fewer.
const small = [fixture('mini.yaml'), fixture('tutorial.yaml'), join(ROOT, 'src', 'authoring', 'template.yaml')].map(
  (f) => readFileSync(f, 'utf8'),
);
const large = bundledScenarioFiles().map((f) => readFileSync(f, 'utf8'));
const parsedSmall = small.map((t) => parse(t) as unknown);

function checkResult(text: string) {
  const r = loadScenario(text, 'mutated.yaml');
  if (r.ok) {
    for (const role of r.scenario.roles) Game.start(r.scenario, { role: role.id, seed: 1 }).stop();
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.column).toBeGreaterThanOrEqual(1);
      expect(e.message.length).toBeGreaterThan(0);
    }
  }
}

/** All paths to values inside a JSON-like tree. */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      paths(x, [...prefix, i], out);
    });
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

function mutate(data: unknown, path: (string | number)[], op: number, value: unknown): unknown {
  const copy = structuredClone(data);
  if (path.length === 0) return value;
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (op === 0) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (op === 1) {
    parent[key] = value;
  } else if (op === 2 && Array.isArray(parent)) {
    parent.push(structuredClone(parent[key as number]));
  } else if (!Array.isArray(parent)) {
    parent[`${String(key)}x`] = parent[key];
    delete parent[key];
  }
  return copy;
}

describe('loader under random mutation', () => {
  it('structural mutations never throw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: small.length - 1 }),
        fc.nat(),
        fc.integer({ min: 0, max: 3 }),
        fc.jsonValue({ maxDepth: 2 }),
        (which, pick, op, value) => {
          const data = parsedSmall[which];
          const all = paths(data);
          const path = all[pick % all.length] as (string | number)[];
          checkResult(stringify(mutate(data, path, op, value)));
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  }, 120_000);

  it.each([
    ['small scenarios', small, 300],
    ['bundled cases', large, 30],
  ] as const)(
    'text mutations of %s never throw',
    (_name, texts, numRuns) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: texts.length - 1 }),
          fc.nat(),
          fc.nat({ max: 40 }),
          fc.string({ maxLength: 12 }),
          (which, at, cut, insert) => {
            const text = texts[which] as string;
            const i = at % text.length;
            checkResult(text.slice(0, i) + insert + text.slice(i + cut));
          },
        ),
        { numRuns, seed: 7 },
      );
    },
    180_000,
  );
});
