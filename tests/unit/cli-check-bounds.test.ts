/**
 * `scenario check` answers in seconds on any file the loader accepts (issue 17): the walks over a
 * Council of many lobbiable members, or 10,000 steps in a chain or a tree, stop at their budget and
 * say so in one line; a run that cannot end is a finding, not "could not be read"; an unknown YAML
 * tag is one clear error. Each run: exit 0 or 1, no stack trace. Fixtures are generated here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exhaustivePlaythroughs, loadScenario } from '../../src/engine';
import { fixture, runCli } from '../helpers';
import { council, steps } from '../hostile/generated';

const run = (args: string[]) => runCli(args);

let dir: string;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'a4-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines of the output that name `path`. */
const lines = (text: string, path: string) => text.split('\n').filter((l) => l.startsWith(`${path}:`));

describe('check stops its walks at a budget and says so', () => {
  for (const n of [8, 9, 12]) {
    it(`a Council of ${n} lobbiable members: exit 0 in seconds, lobbying walked as sets`, {
      timeout: 90_000,
    }, async () => {
      const path = file(`council-${n}.yaml`, council(n));
      const r = await run(['check', path]);
      expect(r.code, r.all).toBe(0);
      expect(r.all).not.toContain('    at ');
      expect(r.all).not.toContain('could not be read');
      // 2^n lobbied sets, not n! orders: 8 and 9 members are walked in full.
      const partial = lines(r.stdout, path).filter((l) => l.includes('[lint-partial]'));
      if (n < 12) expect(partial).toEqual([]);
      expect(partial.length).toBeLessThanOrEqual(1);
    });
  }

  it('10,000 steps in a chain and in a tree: at most one partial line each, exit 0', { timeout: 240_000 }, async () => {
    const chain = file(
      'chain.yaml',
      steps(10_000, (i) => [i + 1]),
    );
    const tree = file(
      'tree.yaml',
      steps(10_000, (i) => [2 * i + 1, 2 * i + 2]),
    );
    for (const path of [chain, tree]) {
      const r = await run(['check', path]);
      expect(r.code, r.all.slice(0, 2000)).toBe(0);
      expect(r.all).not.toContain('    at ');
      // The walk stops at its budget (states or time): a fast machine may finish it, a slow one says it stopped.
      const partial = lines(r.stdout, path).filter((l) => l.includes('[lint-partial]'));
      expect(partial.length, r.stdout.slice(0, 2000)).toBeLessThanOrEqual(1);
      for (const line of partial) {
        expect(line).toMatch(
          /: warning: reachability checked for \d+ of 10000 steps and [01] of 1 endings: the exploration stopped at its budget \([\d,]+ states, 5 s\); steps and endings it did not reach are not reported \[lint-partial\]$/,
        );
      }
    }
  });

  it('a run that cannot end is a finding during the check, not "could not be read"', async () => {
    const path = fixture(join('hostile', 'guarded-exit.yaml'));
    const r = await run(['check', path]);
    expect(r.code).toBe(0);
    expect(r.all).not.toContain('could not be read');
    const unended = lines(r.stdout, path).filter((l) => l.includes('[run-unended]'));
    expect(unended).toEqual([
      `${path}:19:87: warning: seat "chair": a random run (seed 1) did not end within 1000 moves: a cycle with no way out, or a path too long to play [run-unended]`,
    ]);
  });

  it('check --json gives the same findings, exit 0', { timeout: 90_000 }, async () => {
    const path = file('council-json.yaml', council(12));
    const r = await run(['check', path, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { errors: number; diagnostics: { code: string }[] };
    expect(json.errors).toBe(0);
    expect(json.diagnostics.filter((d) => d.code === 'lint-partial').length).toBeLessThanOrEqual(1);
  });
});

describe('unknown YAML tags', () => {
  const MINI = readFileSync(fixture('mini.yaml'), 'utf8');
  for (const tag of ['!!js/function', '!foo', '!!python/object:os.system', '!!binary', '!!set']) {
    it(`${tag} is one clear FILE:LINE:COL error, exit 1`, async () => {
      const path = file('tagged.yaml', MINI.replace('region: Testland', `region: ${tag} Testland`));
      const r = await run(['check', path]);
      expect(r.code).toBe(1);
      const found = lines(r.all, path);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(
        new RegExp(
          `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:\\d+: error: YAML tag ${tag.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').split(':')[0]}`,
        ),
      );
    });
  }

  it('the core tags stay allowed', () => {
    const r = loadScenario(MINI.replace('region: Testland', 'region: !!str Testland'), 'ok.yaml');
    expect(r.ok).toBe(true);
  });
});

describe('exhaustivePlaythroughs keeps its own stack', () => {
  it('walks a 3,000-step chain without overflowing, and bounds the depth', { timeout: 120_000 }, () => {
    const r = loadScenario(
      steps(3_000, (i) => [i + 1]),
      'long.yaml',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    expect(exhaustivePlaythroughs(r.scenario, 'chair', 1, 10, () => {}, undefined, 'subsets', 5_000)).toEqual({
      runs: 1,
      complete: true,
    });
    expect(() => exhaustivePlaythroughs(r.scenario, 'chair', 1, 10, () => {})).toThrow(
      new RangeError('run did not end within 1000 moves'),
    );
  });
});
