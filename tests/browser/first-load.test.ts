/**
 * The first load, in bytes (times are for `npm run bench:web`, never asserted): what index.html
 * asks for before the title is usable (its module script, the modules it imports statically and
 * its stylesheets) fits in 60 KB of gzip; the YAML loader and Zod are not in it; the app that
 * takes over from the title (to a case's first decision, or resuming a saved run) has neither the
 * YAML loader, the scenario schema nor Zod; the linter and xstate/graph are in no file the
 * browser can load; and it is the production build. The title waits for no stylesheet: the rules it
 * uses are inlined, and its stylesheets are preloaded for after its first paint
 * (src/build/critical-css.ts).
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { STYLES_AFTER_PAINT } from '../../src/ui/keys';
import { BASE_PATH } from './harness';

const BUDGET = 60_000;
/** A string each library keeps in its built code. */
const MARKERS = {
  zod: '$ZodType',
  yaml: 'YAMLParseError',
  /** A description in the scenario schema (src/engine/schema.ts). */
  schema: 'Stable id, unique among steps and endings.',
  linter: 'is reached by no path',
  graph: 'Traversal limit exceeded',
  /** A warning only XState's development build has. */
  xstateDev: 'Custom actions should not call',
};

let base = '';
const cache = new Map<string, string>();

async function text(path: string): Promise<string> {
  let t = cache.get(path);
  if (t === undefined) {
    const res = await fetch(new URL(path, base));
    expect(res.ok, `${path}: ${res.status}`).toBe(true);
    t = await res.text();
    cache.set(path, t);
  }
  return t;
}

/** The JS and CSS index.html loads before its module script runs, and every module those import statically. */
async function firstLoad(): Promise<string[]> {
  const html = await text('index.html');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] ?? '',
  );
  return staticClosure(refs.map((r) => new URL(r, base).pathname.slice(BASE_PATH.length)));
}

/** The files and every module they import statically. */
async function staticClosure(files: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const path = queue.shift() ?? '';
    if (seen.has(path)) continue;
    seen.add(path);
    if (!path.endsWith('.js')) continue;
    const code = await text(path);
    // Static imports only (`import … from "./x.js"` and `import "./x.js"`), not `import("./x.js")`.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'();]*?from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(new URL(m[1] ?? '', new URL(path, base)).pathname.slice(BASE_PATH.length));
    }
  }
  return [...seen];
}

beforeAll(() => {
  base = `${inject('siteOrigin')}${BASE_PATH}`;
});

describe('the first load', () => {
  it(`asks for at most ${BUDGET / 1000} KB of gzip JS and CSS before the title is usable`, async () => {
    const files = await firstLoad();
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    let total = 0;
    for (const f of files) total += gzipSync(await text(f), { level: 9 }).length;
    expect(total, files.join(', ')).toBeLessThanOrEqual(BUDGET);
  });

  it('waits for no stylesheet: the title’s rules are in the page, its stylesheets preloaded for after its paint', async () => {
    const html = await text('index.html');
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    const preloads = [...html.matchAll(/<link rel="preload"[^>]*>/g)]
      .map((m) => m[0])
      .filter((l) => l.includes('.css'));
    expect(preloads.length).toBeGreaterThan(0);
    for (const l of preloads) {
      expect(l).toContain('as="style"');
      expect(l).toContain(STYLES_AFTER_PAINT);
      // No inline handler: the page's Content-Security-Policy would refuse it.
      expect(l).not.toMatch(/\son\w+=/);
    }
    const inline = html.match(/<style>([^<]*)<\/style>/)?.[1] ?? '';
    // The title's own rules (its heading and its primary button), and the fonts it shows, before the preloads.
    for (const rule of ['.title-mark', '.btn-primary', '@font-face']) expect(inline, rule).toContain(rule);
    expect(html.indexOf('<style>')).toBeLessThan(html.indexOf(preloads[0] ?? ''));
    // Only a part of the stylesheets.
    let full = 0;
    for (const l of preloads)
      full += (await text(new URL(l.match(/href="([^"]+)"/)?.[1] ?? '', base).pathname.slice(BASE_PATH.length))).length;
    expect(inline.length).toBeLessThan(full / 4);
  });

  it('carries neither the YAML loader nor Zod', async () => {
    for (const f of await firstLoad()) {
      const code = await text(f);
      expect(code.includes(MARKERS.zod), `${f} has Zod`).toBe(false);
      expect(code.includes(MARKERS.yaml), `${f} has the YAML parser`).toBe(false);
    }
  });

  it('takes over with an app that has neither the YAML loader, the scenario schema nor Zod', async () => {
    const first = await firstLoad();
    const dynamic = (await Promise.all(first.filter((f) => f.endsWith('.js')).map(text))).flatMap((code) =>
      [...code.matchAll(/import\(\s*["'`]\.\/(app-[^"'`]+\.js)["'`]\s*\)/g)].map((m) => `assets/${m[1]}`),
    );
    expect(dynamic.length, 'the title imports the app').toBeGreaterThan(0);
    for (const f of await staticClosure(dynamic)) {
      if (!f.endsWith('.js')) continue;
      const code = await text(f);
      expect(code.includes(MARKERS.yaml), `${f} has the YAML parser`).toBe(false);
      expect(code.includes(MARKERS.schema), `${f} has the scenario schema`).toBe(false);
      expect(code.includes(MARKERS.zod), `${f} has Zod`).toBe(false);
    }
  });

  it('has no file with the linter or xstate/graph (the build checks the cases; the browser never lints)', async () => {
    const reachable = await everyChunk();
    for (const f of reachable.filter((x) => x.endsWith('.js'))) {
      const code = await text(f);
      expect(code.includes(MARKERS.linter), `${f} has the linter`).toBe(false);
      expect(code.includes(MARKERS.graph), `${f} has xstate/graph`).toBe(false);
    }
  });

  it('is the production build players get, even built from the test runner (no XState development build)', async () => {
    const reachable = await everyChunk();
    expect(reachable.length).toBeGreaterThan(3);
    for (const f of reachable.filter((x) => x.endsWith('.js'))) {
      expect((await text(f)).includes(MARKERS.xstateDev), `${f} has XState's development build`).toBe(false);
    }
  });
});

/** Every JS file reachable from the two pages, static and dynamic imports alike. */
async function everyChunk(): Promise<string[]> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const page of ['index.html', 'dashboard.html']) {
    const html = await text(page);
    for (const m of html.matchAll(/src="([^"]+\.js)"|href="([^"]+\.js)"/g)) {
      queue.push(new URL(m[1] ?? m[2] ?? '', base).pathname.slice(BASE_PATH.length));
    }
  }
  while (queue.length > 0) {
    const path = queue.shift() ?? '';
    if (seen.has(path)) continue;
    seen.add(path);
    const code = await text(path);
    for (const m of code.matchAll(/["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(new URL(m[1] ?? '', new URL(path, base)).pathname.slice(BASE_PATH.length));
    }
  }
  return [...seen];
}
