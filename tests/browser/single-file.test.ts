/**
 * `npm run build:single`: the game as one HTML file, opened from disk (file://) with no server.
 * It starts, draws the map with Phaser, and plays a case to its debrief with the keyboard; no
 * request leaves the file (data: and blob: URLs are in it), and its policy refuses nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionBuild } from '../../src/build/production-build';
import { SINGLE_FILE_NAME } from '../../src/build/single-file';
import { bundledCases, openSite, ROOT, type Site, shoot, waitReady, waitScreen, waitWorld } from './harness';
import { playOn, startRun } from './keyboard';

let dir = '';
let site: Site;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'article-four-single-'));
  await productionBuild({ root: ROOT, mode: 'single', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  // Only the browser is needed: the page is a file, no server is involved.
  site = await openSite('file://');
});

afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the single file', () => {
  it('is one HTML file holding the cases, the map and Phaser, its scripts allowed by their hashes', () => {
    expect(readdirSync(dir)).toEqual([SINGLE_FILE_NAME]);
    const html = readFileSync(join(dir, SINGLE_FILE_NAME), 'utf8');
    expect(html).not.toMatch(/<script\b[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link\b[^>]*\shref="(?!data:)/);
    for (const c of bundledCases()) expect(html).toContain(`"id":"${c.id}"`);
    expect(html).toContain('data:application/json;base64,');
    expect(html).toContain('Phaser');
    expect(html).toContain('data:font/woff2;base64,');
    expect(html).not.toContain('data:font/woff;base64,');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=' 'sha256-[A-Za-z0-9+/]+='; /);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    const raw = Buffer.byteLength(html);
    expect(raw).toBeLessThan(8 * 1024 * 1024);
    expect(gzipSync(html).length).toBeLessThan(3 * 1024 * 1024);
  });

  it('opened from disk, draws the map and plays a case to its debrief with nothing fetched', async () => {
    const c = bundledCases()[0];
    if (!c) throw new Error('no bundled case');
    // Reduced motion (the system setting): the file is the subject, not the map's animations.
    const context = await site.browser.newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      const url = `${pathToFileURL(join(dir, SINGLE_FILE_NAME)).href}?seed=7`;
      await page.goto(url);
      await waitReady(page);
      await waitWorld(page);
      const world = await page.evaluate(
        () => (window as unknown as { __articleFour: { world: boolean; worldError: string | null } }).__articleFour,
      );
      expect(world.world).toBe(true);
      expect(world.worldError).toBe(null);
      expect(await page.locator('canvas').count()).toBeGreaterThan(0);
      // No dashboard or Author page sits beside the file, so the title offers neither.
      expect(await page.locator('[data-action="dashboard"]').count()).toBe(0);
      expect(await page.locator('[data-action="author"]').count()).toBe(0);
      await shoot(page, 'single-file-title');

      // The class lesson: the file is the subject, not the case's length (it loads what the full case does).
      await startRun(page, c.id, c.roles[0]?.id ?? '', { length: 'class' });
      await playOn(page, { choose: (turn, n) => (turn + 1) % n, lobby: true });
      await waitScreen(page, 'debrief');
      expect(await page.locator('#main h1').first().textContent()).toBe('Debrief');
      await shoot(page, 'single-file-debrief');

      // A reload from disk resumes the run (localStorage works for file:// in Chromium, or the
      // game says it will not keep progress).
      await page.reload();
      await waitReady(page);
      await waitScreen(page, 'debrief');

      const elsewhere = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && u !== url);
      expect(elsewhere).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
