/**
 * The build's check of the bundled cases (src/build/scenarios-plugin.ts): a valid folder becomes
 * an index and one module per case; any error fails with FILE:LINE:COL lines.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CASES_MODULE, scenariosPlugin, TIMELINE_MODULE } from '../../src/build/scenarios-plugin';
import type { Timeline } from '../../src/engine/timeline';
import type { CaseSummary } from '../../src/ui/case-summary';
import { fixture, ROOT } from '../helpers';

interface Hooks {
  configResolved(c: { root: string }): void;
  resolveId(id: string): string | null;
  load(this: unknown, id: string): string | null;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'a4-plugin-'));
  dirs.push(root);
  const dir = join(root, 'scenarios');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return root;
}

function loadModule(root: string, id: string): { code: string | null; warnings: string[] } {
  // A cache of its own: the real folder's checked cases (node_modules/.cache) stay as they are.
  const plugin = scenariosPlugin(join(root, 'scenarios'), join(root, 'scenarios-cache.json')) as unknown as Hooks;
  plugin.configResolved({ root });
  const warnings: string[] = [];
  const ctx = {
    error(e: string | { message: string }): never {
      throw new Error(typeof e === 'string' ? e : e.message);
    },
    warn: (w: string) => warnings.push(w),
    addWatchFile: () => {},
  };
  const resolved = plugin.resolveId(id);
  if (!resolved) throw new Error(`${id} did not resolve`);
  return { code: plugin.load.call(ctx, resolved), warnings };
}

const mini = readFileSync(fixture('mini.yaml'), 'utf8');
const alliance = readFileSync(join(ROOT, 'scenarios', 'timeline', 'alliance.yaml'), 'utf8');

describe('the scenarios plugin', () => {
  it('writes a small index, with lengths timed, and one module per case', () => {
    const root = folder({ 'mini.yaml': mini });
    const index = loadModule(root, CASES_MODULE).code ?? '';
    const json = index.slice(index.indexOf('['), index.indexOf(';\n'));
    const [summary] = JSON.parse(json) as CaseSummary[];
    expect(summary?.id).toBe('mini');
    expect(summary?.file).toBe('mini.yaml');
    expect(summary?.roles.length).toBeGreaterThan(0);
    expect(summary?.estimates?.[0]?.length).toBe('full');
    expect(index).toContain(`import("virtual:article-four/case/mini")`);
    const one = loadModule(root, 'virtual:article-four/case/mini').code ?? '';
    expect(one).toMatch(/^export default JSON\.parse\(/);
  });

  it('fails with FILE:LINE:COL lines when a case has an error', () => {
    const broken = mini.replace('start: 50 }', 'start: 50, colour: red }');
    const root = folder({ 'mini.yaml': broken });
    expect(() => loadModule(root, CASES_MODULE)).toThrow(/scenarios\/mini\.yaml:16:\d+: error: /);
  });

  it('fails on a YAML syntax error with its line', () => {
    const root = folder({ 'a.yaml': 'format: 1\nid: [unclosed\n' });
    expect(() => loadModule(root, CASES_MODULE)).toThrow(/scenarios\/a\.yaml:\d+:\d+: error: /);
  });

  it('refuses a case that is not bundled', () => {
    const root = folder({ 'mini.yaml': mini });
    expect(() => loadModule(root, 'virtual:article-four/case/nope')).toThrow(/no bundled case "nope"/);
  });

  it('compiles the timeline to JSON, so the game reads it without YAML or Zod', () => {
    const root = folder({ 'timeline/alliance.yaml': alliance });
    const code = loadModule(root, TIMELINE_MODULE).code ?? '';
    expect(code).toMatch(/^export default JSON\.parse\(/);
    const timeline = JSON.parse(
      JSON.parse(code.slice('export default JSON.parse('.length, code.lastIndexOf(')'))),
    ) as Timeline;
    expect(timeline.entries.length).toBeGreaterThan(0);
    expect(timeline.article4.length).toBeGreaterThan(0);
  });

  it('fails with FILE:LINE:COL lines when the timeline has an error', () => {
    const broken = alliance.replace(/^format: 1$/m, 'format: 1\ncolour: red');
    const root = folder({ 'timeline/alliance.yaml': broken });
    expect(() => loadModule(root, TIMELINE_MODULE)).toThrow(
      /scenarios\/timeline\/alliance\.yaml:7:\d+: error: .*colour/,
    );
  });
});
