/**
 * The authoring guide (docs/authoring.md) stays true to the format: every key of the schema and
 * every checker code is documented, and the tutorial's final scenario is a fixture that loads
 * clean (no errors, no warnings) and plays to an ending from every seat.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LINT_RULES, loadScenario, randomPlaythrough, ScenarioSchema } from '../../src/engine';
import { fixture, ROOT } from '../helpers';

const GUIDE_PATH = join(ROOT, 'docs', 'authoring.md');
const GUIDE = readFileSync(GUIDE_PATH, 'utf8');
const TUTORIAL_FIXTURE = fixture('tutorial.yaml');

/** Checker codes that are not lint rules: the loader's and the reference checks'. */
const CHECK_CODES = [
  'reference',
  'duplicate-id',
  'step-kind',
  'choice-next',
  'branch-fallback',
  'branch-unreachable',
  'result-unused',
  'council-thresholds',
  'contested-note',
  'format',
  'yaml',
  'schema',
  'file',
] as const;

type Def = Record<string, unknown> & { type?: string };

function defOf(schema: unknown): Def | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  return (schema as { _zod?: { def?: Def } })._zod?.def;
}

/**
 * Every object key anywhere in a Zod 4 schema: object shapes, through optional/default/nullable
 * wrappers (`innerType`), arrays (`element`), unions (`options`), lazy schemas (`getter`),
 * records (`keyType`, `valueType`), pipes (`in`, `out`), intersections and tuples.
 */
function schemaKeys(root: unknown): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (schema: unknown): void => {
    if (seen.has(schema)) return;
    seen.add(schema);
    const def = defOf(schema);
    if (!def) return;
    if (def.type === 'object') {
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
        keys.add(key);
        walk(value);
      }
      walk(def.catchall);
    }
    for (const child of ['innerType', 'element', 'keyType', 'valueType', 'in', 'out', 'left', 'right', 'rest']) {
      walk(def[child]);
    }
    for (const list of ['options', 'items']) {
      const items = def[list];
      if (Array.isArray(items)) for (const item of items) walk(item);
    }
    if (typeof def.getter === 'function') walk((def.getter as () => unknown)());
  };
  walk(root);
  return keys;
}

const documented = (name: string) => GUIDE.includes(`\`${name}\``);
const undocumented = (schema: unknown) => [...schemaKeys(schema)].filter((k) => !documented(k)).sort();

/** The YAML block that follows the `<!-- tutorial-final -->` marker. */
function tutorialFinalBlock(markdown: string): string {
  const marker = '<!-- tutorial-final -->';
  const at = markdown.indexOf(marker);
  if (at < 0) throw new Error(`docs/authoring.md has no ${marker} marker`);
  expect(markdown.indexOf(marker, at + 1), 'only one tutorial-final marker').toBe(-1);
  const rest = markdown.slice(at + marker.length);
  const open = rest.match(/^\s*```yaml\n/);
  if (!open) throw new Error(`the ${marker} marker must be followed by a \`\`\`yaml fence`);
  const body = rest.slice(open[0].length);
  const close = body.search(/^```\s*$/m);
  if (close < 0) throw new Error('the tutorial-final block is not closed');
  return body.slice(0, close);
}

describe('docs/authoring.md documents the format', () => {
  it('finds keys through every kind of schema wrapper', () => {
    const inner = z.strictObject({ deep_key: z.string() });
    const lazy: z.ZodType = z.lazy(() => z.union([z.strictObject({ lazy_key: z.number() }), z.array(lazy)]));
    const probe = z.strictObject({
      plain: z.string(),
      optional_obj: inner.optional(),
      defaulted: z.array(z.strictObject({ in_array: z.boolean() })).default([]),
      record: z.record(z.string(), z.strictObject({ in_record: z.number() })),
      lazy,
      refined: z.strictObject({ in_refined: z.number() }).refine(() => true),
    });
    expect([...schemaKeys(probe)].sort()).toEqual(
      [
        'plain',
        'optional_obj',
        'deep_key',
        'defaulted',
        'in_array',
        'record',
        'in_record',
        'lazy',
        'lazy_key',
        'refined',
        'in_refined',
      ].sort(),
    );
  });

  it('reaches the nested keys of the real schema', () => {
    const keys = schemaKeys(ScenarioSchema);
    // One key from each level, down to conditions inside council shifts and quotes in history.
    for (const k of ['format', 'teacher', 'definition', 'higher_is', 'support_at', 'shifts', 'lobby', 'speaker']) {
      expect(keys).toContain(k);
    }
    for (const k of ['gt', 'gte', 'lt', 'lte', 'eq', 'is', 'chose', 'visited', 'role', 'all', 'any', 'not', 'to']) {
      expect(keys).toContain(k);
    }
    expect(keys.size).toBeGreaterThan(90);
  });

  it('names every key of the schema in backticks', () => {
    expect(undocumented(ScenarioSchema)).toEqual([]);
  });

  it('would fail for a field added to the schema and not documented', () => {
    const extended = ScenarioSchema.extend({ an_undocumented_field: z.string().optional() });
    expect(undocumented(extended)).toContain('an_undocumented_field');
  });

  it('names every lint rule code', () => {
    const missing = Object.keys(LINT_RULES).filter((code) => !documented(code));
    expect(missing).toEqual([]);
  });

  it('names every other checker code', () => {
    expect(CHECK_CODES.filter((code) => !documented(code))).toEqual([]);
  });
});

describe('the tutorial scenario', () => {
  const fixtureText = readFileSync(TUTORIAL_FIXTURE, 'utf8');

  it('ends with the file tests/fixtures/tutorial.yaml, word for word', () => {
    expect(tutorialFinalBlock(GUIDE)).toBe(fixtureText);
  });

  it('loads with no errors and no warnings, lint included', () => {
    const r = loadScenario(fixtureText, 'tutorial.yaml', { lint: true });
    const found = [...(r.ok ? [] : r.errors), ...r.warnings].map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(found).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('plays to an ending from every seat with several seeds, and every ending is reachable', () => {
    const r = loadScenario(fixtureText, 'tutorial.yaml');
    if (!r.ok) throw new Error(r.errors.map((d) => d.message).join('\n'));
    const s = r.scenario;
    const endings = new Set(s.endings.map((e) => e.id));
    const reached = new Set<string>();
    for (const role of s.roles) {
      for (let seed = 1; seed <= 40; seed++) {
        const game = randomPlaythrough(s, role.id, seed);
        const ending = game.state().ending;
        game.stop();
        expect(game.ended, `seat ${role.id}, seed ${seed}`).toBe(true);
        expect(ending && endings.has(ending), `seat ${role.id}, seed ${seed}: ${ending}`).toBe(true);
        if (ending) reached.add(ending);
      }
    }
    expect([...reached].sort()).toEqual([...endings].sort());
  });
});
