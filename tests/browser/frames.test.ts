/**
 * The built site inside the frames an LMS may put it in, embedded from another local origin:
 * sandboxed without allow-same-origin (the page cannot load its modules, and says plainly what
 * the frame must allow), sandboxed with it, cross-site with third-party storage blocked
 * (simulated: Chromium has no switch for it), and without allow-downloads or allow-modals (Save
 * results and Print report say what happened, and the result is offered as text to copy). Each
 * plays to the debrief or shows the plain message. What each did is written to
 * artifacts/frames.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, ConsoleMessage, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundledCases, clickAndRender, openSite, ROOT, type Site, VIEWPORTS } from './harness';

let site: Site;
let embedder: Server;
let port = 0;
const measured: Record<string, unknown> = {};
const [CASE] = bundledCases();
const ROLE = CASE?.roles[0]?.id ?? '';

/** The page that embeds the game: `?src=…&sandbox=…` (no `sandbox` parameter: no sandbox attribute). */
function embedPage(url: URL): string {
  const src = url.searchParams.get('src') ?? '';
  const sandbox = url.searchParams.get('sandbox');
  const attr = sandbox === null ? '' : ` sandbox="${sandbox}"`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head>
<body><h1>Week 3: Article Four</h1><iframe id="game" title="Article Four" src="${src}"${attr} width="1240" height="760"></iframe></body></html>`;
}

beforeAll(async () => {
  // In Debian's full Chromium: its headless shell drops a download the frame's sandbox refuses
  // without the console warning `downloadOutcome` waits for.
  site = await openSite(inject('siteOrigin'), { full: true });
  embedder = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(embedPage(url));
  });
  await new Promise<void>((resolve) => embedder.listen(0, resolve));
  port = (embedder.address() as AddressInfo).port;
});

afterAll(async () => {
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'artifacts', 'frames.json'), `${JSON.stringify(measured, null, 2)}\n`);
  await new Promise<void>((resolve) => embedder?.close(() => resolve()));
  await site?.close();
});

interface Embedded {
  context: BrowserContext;
  page: Page;
  frame: Frame;
  errors: string[];
}

/**
 * Opens the course page at `host` (127.0.0.1: another origin of the same site; localhost: another
 * site) embedding `page` of the game with `sandbox`; `blockStorage` makes Web Storage throw in the
 * game's frame, as a browser blocking third-party storage does.
 */
async function embed(opts: {
  sandbox: string | null;
  host?: string;
  page?: string;
  blockStorage?: boolean;
}): Promise<Embedded> {
  // Reduced motion (the system setting): what is tested is the frame, not the map's animations
  // (idle-loop.test.ts and playthrough.test.ts play with them), and a moving map in software WebGL
  // is most of a run's time here.
  // The map off in the game's settings: what is tested is the frame. Where the frame has no storage
  // (blocked, or a sandbox without allow-same-origin) the setting cannot be kept, so that frame
  // draws the map (as a player's would), in the browser with WebGL; the others play in the one
  // without a GPU process (harness.ts).
  const drawsMap = Boolean(opts.blockStorage) || !(opts.sandbox ?? 'allow-same-origin').includes('allow-same-origin');
  const context = await site.browser.newContext(
    {
      viewport: VIEWPORTS.projector,
      acceptDownloads: true,
      reducedMotion: 'reduce',
    },
    { map: drawsMap },
  );
  if (opts.blockStorage) {
    await context.addInitScript((origin) => {
      if (window === window.top || location.origin !== origin) return;
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException(`Access to '${name}' is denied for this document.`, 'SecurityError');
          },
        });
      }
    }, site.origin);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const src = `${site.url}${opts.page ?? ''}?seed=7`;
  const params = new URLSearchParams({ src });
  if (opts.sandbox !== null) params.set('sandbox', opts.sandbox);
  await page.goto(`http://${opts.host ?? '127.0.0.1'}:${port}/embed?${params}`);
  const handle = await page.waitForSelector('#game');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  return { context, page, frame, errors };
}

async function frameScreen(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.getElementById('app')?.dataset.screen ?? '');
}

/** Plays the first bundled case from its first seat to the debrief with the mouse (the first option each time). */
async function playToDebrief(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => (window as unknown as { __articleFour?: { ready: boolean } }).__articleFour?.ready);
  // A storage banner sits over the foot of a short frame: the player reads it and presses OK.
  const ok = frame.locator('.storage-banner [data-action="dismiss-storage"]');
  if (await ok.count()) await ok.click();
  await clickAndRender(frame, '[data-action="new"]');
  await clickAndRender(frame, `[data-case="${CASE?.id}"]`);
  // The class lesson (5–8 decisions) where the case has one: the frame is what is tested, not the case.
  const lesson = frame.locator('#main [data-length-choice="class"]');
  if (await lesson.count()) await lesson.check();
  await clickAndRender(frame, `[data-role="${ROLE}"]`);
  await clickAndRender(frame, '[data-action="begin"]');
  for (let i = 0; i < 300; i++) {
    const screen = await frameScreen(frame);
    if (screen === 'debrief') return;
    const next = await frame.evaluate(() => {
      const main = document.getElementById('main') as HTMLElement;
      for (const sel of ['[data-continue]', '[data-choice]', '[data-vote]']) {
        if (main.querySelector(`${sel}:not([disabled])`)) return sel;
      }
      return null;
    });
    if (!next) throw new Error(`nothing to press on the ${screen} screen`);
    await clickAndRender(frame, `${next}:not([disabled])`);
  }
  throw new Error('the run did not reach its debrief');
}

/**
 * Whether Save results brings a file: the download, or Chromium's console warning that the frame's
 * sandbox refused it (a refused download has no event of its own).
 */
function downloadOutcome(page: Page): Promise<boolean> {
  return new Promise((resolve) => {
    const refused = (m: ConsoleMessage) => {
      if (m.text().startsWith('Download is disallowed')) done(false);
    };
    const came = () => done(true);
    const done = (downloaded: boolean) => {
      page.off('console', refused);
      page.off('download', came);
      resolve(downloaded);
    };
    page.on('console', refused);
    page.on('download', came);
  });
}

/** Save results and Print report at the debrief: what the page said, and whether a file came. */
async function saveAndPrint(
  page: Page,
  frame: Frame,
): Promise<{ download: boolean; status: string; print: string; live: string; text: string }> {
  const download = downloadOutcome(page);
  await frame.locator('#main [data-action="save-results"]').click();
  const downloaded = await download;
  const status = (await frame.locator('#main [data-save-status]').textContent()) ?? '';
  const live = (await frame.locator('#live').textContent()) ?? '';
  const text = await frame.locator('#main [data-result-text]').inputValue();
  // Printing started when the frame's window had its `beforeprint` (the game then says nothing);
  // where the browser ignored print(), the game says so a moment later.
  await frame.evaluate(() =>
    window.addEventListener('beforeprint', () => document.documentElement.setAttribute('data-test-printed', ''), {
      once: true,
    }),
  );
  await frame.locator('#main [data-action="print"]').click();
  await frame.waitForFunction(
    () =>
      document.documentElement.hasAttribute('data-test-printed') ||
      /did not open printing/.test(document.querySelector('#main [data-save-status]')?.textContent ?? ''),
  );
  const print = (await frame.locator('#main [data-save-status]').textContent()) ?? '';
  return { download: downloaded, status, print: print === status ? '' : print, live, text };
}

function expectHonest(r: { status: string; live: string; text: string }): void {
  // Never a claim that the file was saved; always the result as text to copy.
  for (const said of [r.status, r.live]) expect(said).not.toMatch(/saved as/i);
  expect(r.status).toMatch(/asked to download .*\.json/);
  const result = JSON.parse(r.text) as { scenario?: { id?: string } };
  expect(JSON.stringify(result)).toContain(CASE?.id ?? '?');
}

/** The frames the game plays in, and what Save results and Print report can do there. */
const PLAYABLE: {
  name: string;
  sandbox: string | null;
  host?: string;
  blockStorage?: boolean;
  download: boolean;
  prints: boolean;
}[] = [
  {
    name: 'sandbox="allow-scripts allow-same-origin allow-downloads allow-modals"',
    sandbox: 'allow-scripts allow-same-origin allow-downloads allow-modals',
    download: true,
    prints: true,
  },
  {
    name: 'sandbox="allow-scripts allow-same-origin" (no downloads, no modals)',
    sandbox: 'allow-scripts allow-same-origin',
    download: false,
    prints: false,
  },
  {
    name: 'without allow-downloads',
    sandbox: 'allow-scripts allow-same-origin allow-modals',
    download: false,
    prints: true,
  },
  {
    name: 'without allow-modals',
    sandbox: 'allow-scripts allow-same-origin allow-downloads',
    download: true,
    prints: false,
  },
  {
    name: 'cross-site, third-party storage blocked (simulated)',
    sandbox: null,
    host: 'localhost',
    blockStorage: true,
    download: true,
    prints: true,
  },
];

describe('inside an LMS frame', () => {
  it('sandbox="allow-scripts": says plainly what the frame must allow, in the game and the dashboard', async () => {
    for (const page of ['', 'dashboard.html']) {
      const t0 = Date.now();
      const e = await embed({ sandbox: 'allow-scripts', page });
      try {
        const box = e.frame.locator('#boot-problem');
        await box.waitFor({ timeout: 25_000 });
        const text = (await box.textContent()) ?? '';
        expect(text).toContain('allow-scripts allow-same-origin');
        expect(await box.isVisible()).toBe(true);
        measured[`sandbox allow-scripts ${page || 'index.html'}`] = {
          shows: 'plain message',
          after_ms: Date.now() - t0,
          why: await box.getAttribute('data-why'),
        };
      } finally {
        await e.context.close();
      }
    }
  });

  for (const c of PLAYABLE) {
    it(`${c.name}: plays to the debrief; Save results and Print report say what happened`, async () => {
      const e = await embed(c);
      try {
        if (c.blockStorage) {
          await e.frame.waitForSelector('.storage-banner');
          expect(await e.frame.locator('.storage-banner').getAttribute('data-storage')).toBe('denied');
        }
        await playToDebrief(e.frame);
        const r = await saveAndPrint(e.page, e.frame);
        expect(r.download).toBe(c.download);
        expectHonest(r);
        expect(await e.frame.locator('#main [data-result-text-box]').getAttribute('open')).not.toBeNull();
        if (c.prints) expect(r.print).toBe('');
        else expect(r.print).toMatch(/did not open printing/);
        await e.frame.locator('#main [data-action="copy-result"]').click();
        await e.frame.waitForFunction(() => document.querySelector('#main .copy-status')?.textContent !== '');
        const copy = (await e.frame.locator('#main .copy-status').textContent()) ?? '';
        measured[c.name] = {
          reached: 'debrief',
          ...brief(r),
          copy,
          storage: c.blockStorage ? 'denied banner' : 'kept',
        };
        expect(e.errors).toEqual([]);
      } finally {
        await e.context.close();
      }
    });
  }
});

function brief(r: { download: boolean; status: string; print: string }): Record<string, unknown> {
  return {
    download: r.download,
    status: r.status,
    print: r.print || 'printing started (beforeprint fired): no message',
  };
}
