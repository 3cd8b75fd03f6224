/**
 * The installable, offline site, with a real service worker: the production build served on a
 * port of its own (the shared site's contexts block service workers). After a first visit the
 * server is stopped, and the game reloads, draws the map, plays a case to its debrief, and the
 * dashboard opens, everything answered by the worker. Then a new version is served where the old
 * one was: the player is told outside a run, never during one, and the page reloads only when
 * the player asks.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { productionBuild } from '../../src/build/production-build';
import {
  BASE_PATH,
  bundledCases,
  openSite,
  ROOT,
  type Site,
  serve,
  shoot,
  stopServer,
  waitReady,
  waitScreen,
  waitWorld,
} from './harness';
import { playOn, startRun } from './keyboard';

const dirs: string[] = [];
let server: Server | null = null;
let port = 0;
let site: Site;

/**
 * Version 1 is the production build every browser test is served (tests/browser/global-setup.ts),
 * served again here on a port of its own; this builds the next version into a folder of its own,
 * `version` marking its index.html.
 */
async function buildSite(version: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `article-four-pwa-${version}-`));
  dirs.push(dir);
  const mark: Plugin = {
    name: 'test:version-mark',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'x-test-version', content: String(version) } }],
  };
  await productionBuild({ root: ROOT, logLevel: 'warn', plugins: [mark], build: { outDir: dir, emptyOutDir: true } });
  return dir;
}

/** The precache manifest the build wrote into sw.js: every URL the worker stores at install. */
function precached(dir: string): string[] {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1] ?? '');
}

/**
 * A context that lets the site's worker run. `map`: the map drawn (the offline run draws it); the
 * other tests' subject is the worker, which stores the map's files whether or not it is drawn, so
 * they play with the map turned off, in the browser without WebGL (harness.ts). Reduced motion
 * (the system setting): no test here is about the map's animations. `full`: in Debian's full
 * Chromium, not its headless shell (which has no install prompt to judge the manifest by).
 */
async function newContext(map = false, full = false): Promise<BrowserContext> {
  return site.browser.newContext(
    { serviceWorkers: 'allow', viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' },
    { map, full },
  );
}

/** Waits until the page's service worker is activated (it has stored the whole precache by then). */
async function workerActive(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const r = await navigator.serviceWorker.ready;
    const sw = r.active;
    if (sw && sw.state !== 'activated') {
      await new Promise<void>((resolve) => {
        sw.addEventListener('statechange', () => {
          if (sw.state === 'activated') resolve();
        });
      });
    }
    return sw?.state ?? 'none';
  });
}

/** Serves `dir` where the site was (the same origin), stopping what was served there. */
async function serveAgain(dir: string): Promise<void> {
  if (server?.listening) await stopServer(server);
  server = await serve(dir, port);
}

function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return errors;
}

async function updateState(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector<HTMLElement>('.update-region')?.dataset.update ?? 'missing');
}

/** Version 1's folder: the shared build, which this file only reads. */
const first = inject('siteDir');

beforeAll(async () => {
  server = await serve(first);
  port = (server.address() as AddressInfo).port;
  site = await openSite(`http://127.0.0.1:${port}`);
});

afterAll(async () => {
  await site?.close();
  if (server?.listening) await stopServer(server);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('offline and installable', () => {
  it('precaches both pages and all they load, and the manifest makes it installable', async () => {
    const dir = first;
    const urls = precached(dir);
    for (const want of ['index.html', 'dashboard.html', 'boot-check.js', 'manifest.webmanifest']) {
      expect(urls).toContain(want);
    }
    for (const kind of [/^assets\/phaser-.*\.js$/, /^assets\/region-atlas-.*\.json$/, /\.woff2$/, /\.css$/]) {
      expect(urls.some((u) => kind.test(u))).toBe(true);
    }
    for (const c of bundledCases()) expect(urls.some((u) => u.startsWith(`assets/${c.id}-`))).toBe(true);
    expect(urls.some((u) => u.endsWith('.woff'))).toBe(false);
    const bytes = urls.reduce((sum, u) => sum + statSync(join(dir, u)).size, 0);
    expect(bytes).toBeLessThan(6 * 1024 * 1024);

    const context = await newContext(false, true);
    try {
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.goto(site.url);
      await waitReady(page);
      expect(await workerActive(page)).toBe('activated');
      const stored = await page.evaluate(async () => {
        const names = await caches.keys();
        const out: string[] = [];
        for (const name of names) {
          for (const req of await (await caches.open(name)).keys()) out.push(new URL(req.url).pathname);
        }
        return out;
      });
      for (const u of urls) expect(stored).toContain(`${BASE_PATH}${u}`);
      // Chromium's own verdict: the manifest parses and the page can be installed.
      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toBe(`${site.url}manifest.webmanifest`);
      const installable = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      // A Playwright context is an incognito profile, where Chromium never installs; no other objection.
      expect(installable.installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('with the server stopped, reloads, draws the map, plays a case to its debrief and opens the dashboard', async () => {
    const c = bundledCases()[0];
    if (!c || !server) throw new Error('no case or no server');
    const context = await newContext(true);
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await waitReady(page);
      // The first visit is over, the map too (it starts at the player's first pause), before the
      // server stops: the reload would otherwise cancel Phaser's request on the way.
      await waitWorld(page);
      expect(await workerActive(page)).toBe('activated');

      await stopServer(server);
      // Really gone: a request from outside the browser is refused.
      await expect(fetch(`${site.url}index.html`)).rejects.toThrow();

      const errors = recordErrors(page);
      const answered: string[] = [];
      page.on('response', (r) => {
        if (r.url().startsWith('http') && !r.fromServiceWorker()) answered.push(r.url());
      });
      await page.reload();
      await waitReady(page);
      await waitWorld(page);
      expect(
        await page.evaluate(() => (window as unknown as { __articleFour: { world: boolean } }).__articleFour.world),
      ).toBe(true);
      // The class lesson: offline play is the subject, not the case's length (it loads what the full case does).
      await startRun(page, c.id, c.roles[0]?.id ?? '', { length: 'class' });
      await playOn(page, { choose: (turn, n) => turn % n, lobby: false });
      await waitScreen(page, 'debrief');
      expect(await page.locator('#main h1').first().textContent()).toBe('Debrief');

      await page.goto(`${site.url}dashboard.html`);
      await page.waitForFunction(() => (window as unknown as { __dashboard?: { ready: boolean } }).__dashboard?.ready);
      expect(await page.locator('h1').first().textContent()).toBe('Instructor dashboard');
      expect(answered).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('tells the player about a new version outside a run, never during one, and reloads only when asked', async () => {
    const c = bundledCases()[0];
    if (!c) throw new Error('no case');
    // Version 1 again (the server was stopped): a visitor installs it and starts a run.
    await serveAgain(first);
    const context = await newContext();
    try {
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.goto(site.url);
      await waitReady(page);
      expect(await workerActive(page)).toBe('activated');
      await startRun(page, c.id, c.roles[0]?.id ?? '');

      // Version 2 is deployed where version 1 was; the open page looks for it.
      const next = await buildSite(2);
      await serveAgain(next);
      await page.evaluate(async () => {
        const r = await navigator.serviceWorker.ready;
        await r.update();
      });
      await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null);
      // Mid-run: the new version waits and nothing shows.
      await expect.poll(() => updateState(page)).toBe('after-run');
      expect(await page.locator('.update-note').count()).toBe(0);

      // Out of the run (Back to the briefing): the note shows, in the status region.
      await page.goBack();
      await waitScreen(page, 'briefing');
      await expect.poll(() => updateState(page)).toBe('shown');
      const note = page.locator('[role="status"] .update-note');
      await expect.poll(() => note.textContent()).toContain('A new version of Article Four is ready.');
      await shoot(page, 'update-prompt');

      // "Later" hides it until the next run is over.
      await page.locator('[data-action="later-update"]').click();
      expect(await updateState(page)).toBe('later');
      await page.goForward();
      await waitScreen(page, 'play');
      expect(await updateState(page)).toBe('after-run');
      await page.goBack();
      await waitScreen(page, 'briefing');
      await expect.poll(() => updateState(page)).toBe('shown');
      // Still version 1, which has no mark.
      expect(await page.locator('meta[name="x-test-version"]').count()).toBe(0);

      // "Reload now": the new version takes over and the page reloads on the same screen.
      await Promise.all([page.waitForEvent('load'), page.locator('[data-action="reload-update"]').click()]);
      await waitReady(page);
      await waitScreen(page, 'briefing');
      expect(await page.locator('meta[name="x-test-version"]').getAttribute('content')).toBe('2');
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBe(
        null,
      );
      expect(await updateState(page)).toBe('none');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
