/**
 * Browser test harness: builds the static site once, serves it from a subfolder on 127.0.0.1,
 * drives Debian's Chromium with playwright-core, records every request (none may leave the
 * local server), and plays the game with the keyboard alone.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Frame,
  type Page,
} from 'playwright-core';
import { productionBuild } from '../../src/build/production-build';
import { formatDiagnostic, loadScenario } from '../../src/engine/index';
import { StorageKey } from '../../src/ui/keys';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'artifacts', 'screens');
/** Debian's Chromium, the browser players run: `bench:web`, and the tests that need it (`full: true`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Debian's `chromium-headless-shell`, where the browser tests run unless they ask for the full
 * browser: the same Chromium build (Blink, V8, SwiftShader) without the browser's own UI and
 * services, as Playwright runs its own headless tests. `flow` and `playthrough` run together took
 * 51 s in it instead of 70 s, and the browser project 342 s instead of 379 s (its files summed
 * 638 s instead of 708 s). It differs where a test says so: it drops a download a frame's
 * sandbox refuses without Chromium's console warning, and it has no install prompt (so no
 * "in-incognito" objection to judge a manifest by).
 */
export const HEADLESS_SHELL = process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell';
/** The site is served under this subfolder, to prove it works from one. */
export const BASE_PATH = '/article-four/';

export const VIEWPORTS = {
  laptop: { width: 1280, height: 800 },
  projector: { width: 1920, height: 1080 },
} as const;

/** Content types the test servers send, by file extension. */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
};

export interface Site {
  origin: string;
  url: string;
  requests: string[];
  /**
   * Opens a fresh profile (a context) in the browser this site's tests share; `close()` closes them
   * all. `{ map: false }` turns the map off in its settings, and opens it in the browser without a
   * GPU process (see `openSite`).
   */
  browser: {
    newContext(options?: BrowserContextOptions, opts?: { map?: boolean; full?: boolean }): Promise<BrowserContext>;
  };
  close(): Promise<void>;
}

/**
 * Serves `dir` from BASE_PATH on 127.0.0.1, on a free port or on `port` (to serve a new version
 * where a stopped server was: a service worker belongs to its origin).
 */
export function serve(dir: string, port = 0): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(BASE_PATH)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(dir, path.slice(BASE_PATH.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** Stops a server for real: no new connection, and the browser's kept-alive ones closed too. */
export function stopServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}

/**
 * Fails with a clear message when Chromium (or its headless shell) is missing: browser tests never
 * skip silently.
 */
export function requireChromium(paths: string[] = [CHROMIUM, HEADLESS_SHELL]): void {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `Not found: ${missing.join(', ')}. The browser tests need Debian's Chromium and its headless shell: ` +
        'run `apt-get update && apt-get install -y chromium chromium-headless-shell` (.ci/run does this), ' +
        'or set CHROMIUM_PATH and CHROMIUM_HEADLESS_SHELL_PATH.',
    );
  }
}

/** Builds the site into a temporary folder and serves it from BASE_PATH on 127.0.0.1. */
export async function buildAndServe(): Promise<{ origin: string; dir: string; stop(): Promise<void> }> {
  const out = mkdtempSync(join(tmpdir(), 'article-four-dist-'));
  await productionBuild({ root: ROOT, logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const server = await serve(out);
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    dir: out,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/** Every page of `context` starts with the map turned off in its settings, unless it has settings stored. */
export async function turnMapOff(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => {
    try {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify({ map: false }));
    } catch {
      // A page without storage (a sandboxed frame) draws the map: its tests say so.
    }
  }, StorageKey.Settings);
}

/**
 * WebGL through SwiftShader for the map. Debian's launcher (/etc/chromium.d/default-flags) adds
 * `--enable-gpu-rasterization`, which made SwiftShader draw the HTML panel too: drawing it in
 * software, as the no-GPU browser does, took debrief.test.ts's GPU process from about 35 s of CPU
 * to 28 s.
 */
const GL_FLAGS = [
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu-rasterization',
];

/**
 * V8 without its optimizing compilers (Maglev, TurboFan): a test's page lives for seconds, and
 * on two busy cores their compiles on background threads cost more than the code they make saves.
 * The browser project took 300 s instead of 320 s (its files summed 562 s instead of 585 s; with
 * Maglev left on, 308 s and 567 s). `npm run bench:web` runs V8 as players do.
 */
const JS_FLAGS = '--js-flags=--max-opt=1';

/**
 * Playwright passes `--disable-dev-shm-usage` (for containers whose /dev/shm is 64 MB), so Chromium
 * shares its frames through files in /tmp, which is on disk here. Where /dev/shm has room (the
 * test Debian's launcher makes for the same flag: 3.8 GB free), Chromium uses it: four browser
 * files, one at a time, took 94-105 s instead of 103-120 s (three runs each way).
 */
const SHM_ROOMY = (() => {
  try {
    const fs = statfsSync('/dev/shm');
    return fs.bavail * fs.bsize >= 3_800_000_000;
  } catch {
    return false;
  }
})();

/**
 * The browsers the test files share, one a binary and set of flags: the browser files run two at a time in
 * two workers, each keeping its modules from file to file (vitest.config.ts), so the files a
 * worker runs share its browsers (launching and closing Chromium took 1.3-2 s a file). Each test
 * opens its own context (a fresh profile, as a new player's), which a site closes when its file
 * is done; Playwright closes the browsers when the worker exits (or `closeBrowsers()`, for a
 * script).
 */
const shared = new Map<string, Promise<Browser>>();

async function sharedBrowser(map: boolean, full = false): Promise<Browser> {
  const key = `${full ? 'full' : 'shell'} ${map ? 'gl' : 'no-gpu'}`;
  const open = shared.get(key);
  if (open) {
    const browser = await open;
    if (browser.isConnected()) return browser;
  }
  const launched = chromium.launch({
    executablePath: full ? CHROMIUM : HEADLESS_SHELL,
    ignoreDefaultArgs: SHM_ROOMY ? ['--disable-dev-shm-usage'] : [],
    args: [
      '--headless',
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      JS_FLAGS,
      ...(map ? GL_FLAGS : ['--disable-gpu']),
    ],
  });
  shared.set(key, launched);
  return launched;
}

/** Closes the shared browsers: a script outside Vitest calls it when done (a Vitest worker's exit closes them). */
export async function closeBrowsers(): Promise<void> {
  const open = [...shared.values()];
  shared.clear();
  await Promise.all(open.map(async (b) => (await b).close()));
}

/**
 * Chromium against the site the global setup serves (or builds and serves one).
 * `map: false`, for tests whose subject is not the map: every page starts with the map turned off
 * in its settings (as a player on a slow computer may), unless the page has settings stored, and
 * Chromium runs without a GPU process, as nothing is drawn with WebGL. The map's drawing, its
 * loading and the scenes are tested with the map on (the default).
 * `full: true`: its contexts open in Debian's full Chromium, not its headless shell (`HEADLESS_SHELL`);
 * `newContext(options, { full: true })` asks that for one context.
 */
export async function openSite(origin?: string, opts: { map?: boolean; full?: boolean } = {}): Promise<Site> {
  const map = opts.map ?? true;
  const siteFull = opts.full ?? false;
  requireChromium();
  let stop: (() => Promise<void>) | null = null;
  if (!origin) {
    const served = await buildAndServe();
    origin = served.origin;
    stop = served.stop;
  }
  // Launched now (a file's first test does not wait for it, and a launch failure shows here).
  await sharedBrowser(map, siteFull);
  const contexts = new Set<BrowserContext>();
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    origin,
    url: `${origin}${BASE_PATH}`,
    requests: [],
    browser: {
      // The built site registers a service worker, which would then answer every later test's
      // requests on the shared origin: contexts block service workers unless a test passes
      // `serviceWorkers: 'allow'` (offline.test.ts).
      async newContext(options = {}, opts = {}) {
        // A page with the map off runs in the browser without a GPU process, also on a site that
        // draws the map: in the one with WebGL every frame of the page is composited through
        // SwiftShader (20 moves of a case cost its GPU process 1.1-1.2 s of CPU, against 0.12-0.13 s).
        const drawn = map && opts.map !== false;
        const browser = await sharedBrowser(drawn, opts.full ?? siteFull);
        const context = await browser.newContext({ serviceWorkers: 'block', ...options });
        contexts.add(context);
        context.on('close', () => contexts.delete(context));
        if (!drawn) await turnMapOff(context);
        return context;
      },
    },
    async close() {
      await Promise.all([...contexts].map((c) => c.close()));
      await stop?.();
    },
  };
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * A fresh browser profile with the page loaded and the app ready. Records requests and page errors.
 * `map: false` turns the map off in this profile's settings, for a test whose subject is not the
 * map on a site that draws it for the others (a site opened with `map: false` has it off everywhere),
 * and opens the profile in the browser without a GPU process.
 */
export async function openPage(
  site: Site,
  opts: {
    viewport?: { width: number; height: number };
    query?: string;
    reducedMotion?: boolean;
    map?: boolean;
  } = {},
): Promise<Opened> {
  const context = await site.browser.newContext(
    {
      viewport: opts.viewport ?? VIEWPORTS.laptop,
      reducedMotion: opts.reducedMotion ? 'reduce' : 'no-preference',
    },
    { map: opts.map },
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('request', (r) => site.requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${site.url}${opts.query ?? ''}`);
  await waitReady(page);
  return { context, page, errors };
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __articleFour?: { ready: boolean } }).__articleFour?.ready);
}

/** Waits until the map is drawn (or has failed, which a test then reports). */
export async function waitWorld(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const d = (window as unknown as { __articleFour?: { world: boolean; worldError: string | null } }).__articleFour;
      return d?.world || d?.worldError;
    },
    null,
    { timeout: 90_000 },
  );
}

/** Requests that went anywhere but the local server (data: and blob: URLs are local). */
export function foreignRequests(site: Site): string[] {
  return site.requests.filter((u) => !u.startsWith(site.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

export async function screen(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById('app')?.dataset.screen ?? '');
}

/** Waits for the screen (and optionally a selector in the panel) after a key press. */
export async function waitScreen(page: Page, id: string, selector?: string): Promise<void> {
  await page.waitForFunction(
    ([want, sel]) =>
      document.getElementById('app')?.dataset.screen === want &&
      (!sel || document.querySelector(`#main ${sel}`) !== null),
    [id, selector ?? ''] as const,
  );
}

/** Presses Tab until the focused element matches `selector` (keyboard only), then returns. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Checks that the focused element shows a visible focus indicator. */
export async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  });
}

export async function shoot(page: Page, name: string): Promise<void> {
  const vp = page.viewportSize();
  await page.screenshot({ path: join(ARTIFACTS, `${name}-${vp?.width}x${vp?.height}.png`) });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => 'axe' in window);
  // Evaluated, not added as a <script>: the built pages' Content-Security-Policy refuses inline scripts.
  if (!has) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(v: AxeViolation[]): string {
  return v
    .map((x) => `${x.id} (${x.impact}): ${x.help} at ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}

/** Fails with axe's serious and critical findings on the page, if any, named by `where`. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const v = await axe(page);
  if (v.length > 0) throw new Error(`${where}: axe found serious or critical problems:\n${describeViolations(v)}`);
}

/** How many times the panel has rendered (in a page, or in a frame holding the game). */
export async function renders(target: Page | Frame): Promise<number> {
  return target.evaluate(() => (window as unknown as { __articleFour: { renders(): number } }).__articleFour.renders());
}

/** Does `act` and waits until the panel has rendered again. */
export async function afterRender(target: Page | Frame, act: () => Promise<unknown>): Promise<void> {
  const before = await renders(target);
  await act();
  await target.waitForFunction(
    (n) => (window as unknown as { __articleFour: { renders(): number } }).__articleFour.renders() > n,
    before,
  );
}

/** Clicks the first match of `selector` in `within` (the panel by default) and waits until the panel has rendered again. */
export async function clickAndRender(target: Page | Frame, selector: string, within = '#main'): Promise<void> {
  await afterRender(target, () => target.locator(`${within} ${selector}`).first().click());
}

// ---------------------------------------------------------------- the bundled cases

export interface CaseInfo {
  id: string;
  title: string;
  roles: { id: string; title: string }[];
}

/** Every bundled case and its seats, read with the engine's own loader. */
export function bundledCases(): CaseInfo[] {
  const dir = join(ROOT, 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const r = loadScenario(readFileSync(join(dir, f)), f);
      if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
      return {
        id: r.scenario.id,
        title: r.scenario.title,
        roles: r.scenario.roles.map((x) => ({ id: x.id, title: x.title })),
      };
    });
}
