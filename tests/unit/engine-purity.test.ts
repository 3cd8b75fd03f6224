/** Nothing under src/engine imports Phaser or touches the DOM (Biome enforces it too). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const dir = join(ROOT, 'src', 'engine');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const ALLOWED = /^(xstate|xstate\/graph|zod|yaml|\.\/[a-z-]+)$/;

describe.each(files)('src/engine/%s', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

  it('imports only xstate, zod, yaml and other engine files', () => {
    const statics = [...code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)].map((m) => m[1]);
    const bare = [...code.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1]);
    const dynamic = [...code.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
    const specifiers = [...statics, ...bare, ...dynamic];
    expect(statics.length, `${file} has no imports?`).toBeGreaterThanOrEqual(file === 'view-types.ts' ? 1 : 0);
    for (const spec of specifiers) expect(spec, `${file} imports ${spec}`).toMatch(ALLOWED);
  });

  it('uses no DOM, browser storage, network or unseeded randomness', () => {
    for (const word of ['document', 'window', 'localStorage', 'navigator', 'HTMLElement', 'fetch(', 'Math.random']) {
      expect(code.includes(word), `${file} mentions ${word}`).toBe(false);
    }
  });
});
