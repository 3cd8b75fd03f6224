/**
 * docs/result.schema.json is committed and matches the Zod schema; src/classroom is pure like the
 * engine: no Phaser, no DOM, no clock, no network, no unseeded randomness.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResultFile, RESULT_KIND, RESULT_VERSION, resultJsonSchema } from '../../src/classroom';
import { ROOT } from '../helpers';

describe('docs/result.schema.json', () => {
  it('is committed and matches the Zod schema (regenerate: see docs/results.md)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'docs', 'result.schema.json'), 'utf8'));
    expect(committed).toEqual(resultJsonSchema());
  });

  it('pins the kind and version, and refuses unknown fields', () => {
    const schema = resultJsonSchema() as {
      properties: Record<string, { const?: unknown; enum?: unknown[] }>;
      additionalProperties: unknown;
      required: string[];
    };
    expect(schema.properties.kind?.const).toBe(RESULT_KIND);
    // The schema describes the format written today; older files are migrated to it before they are checked.
    expect(schema.properties.version?.const).toBe(RESULT_VERSION);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).not.toContain('student');
    expect(schema.required).not.toContain('team');
  });

  it('documents every top-level field in docs/results.md', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'results.md'), 'utf8');
    const schema = resultJsonSchema() as { properties: Record<string, unknown> };
    for (const field of Object.keys(schema.properties)) expect(doc, field).toContain(`\`${field}\``);
  });
});

const dir = join(ROOT, 'src', 'classroom');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const ALLOWED = /^(zod|\.\.\/engine(\/[a-z-]+)?|\.\/[a-z-]+)$/;

describe.each(files)('src/classroom/%s', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

  it('imports only zod, the engine and other classroom files', () => {
    const specifiers = [...code.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
    for (const spec of specifiers) expect(spec, `${file} imports ${spec}`).toMatch(ALLOWED);
  });

  it('uses no DOM, storage, network, clock or unseeded randomness', () => {
    for (const word of [
      'document',
      'window',
      'localStorage',
      'navigator',
      'HTMLElement',
      'Blob',
      'fetch(',
      'XMLHttpRequest',
      'Math.random',
      'Date.now',
      'new Date',
      'performance.now',
    ]) {
      expect(code.includes(word), `${file} mentions ${word}`).toBe(false);
    }
  });
});

describe('docs/results.md', () => {
  it('shows an example that is a valid result file', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'results.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const parsed = parseResultFile(example ?? '', 'example.json');
    expect(parsed).toMatchObject({ ok: true });
  });
});
