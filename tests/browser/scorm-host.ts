/**
 * An LMS for the SCORM browser tests, as LMSs embed one: scorm-again (the run-time an LMS puts
 * on its page, served from node_modules) on a course page that sets `window.API` (SCORM 1.2) or
 * `window.API_1484_11` (SCORM 2004), optionally loaded with the data an earlier session left, and
 * an iframe showing the package's launch file. The packages are built with `npm run build:scorm`'s
 * own code, unzipped, and served from the same local origin as the course page (an LMS serves a
 * package from its own origin). Every request is recorded.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { unzipSync } from 'fflate';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { type BuiltPackage, buildScormPackages, type ScormOptions } from '../../src/build/scorm-package';
import type { ScormVersion } from '../../src/lms/find-api';
import { clickAndRender, ROOT, type Site, TYPES } from './harness';

const AGAIN = join(ROOT, 'node_modules', 'scorm-again', 'dist');

/** The course page: scorm-again's two APIs, nothing else until a test launches the package. */
const COURSE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course: Article Four</title><link rel="icon" href="data:,">
<script src="/lms/scorm12.js"></script><script src="/lms/scorm2004.js"></script></head>
<body><h1>Week 3: Article Four</h1></body></html>`;

export interface Lms {
  origin: string;
  packages: BuiltPackage[];
  /** Every unzipped file of each package, by version. */
  unzipped: Record<ScormVersion, Record<string, Uint8Array>>;
  /** Paths the server was asked for. */
  requests: string[];
  /** Every URL the browser requested in the course page and the package's frame. */
  browserRequests: string[];
  stop(): Promise<void>;
}

const DIR: Record<ScormVersion, string> = { '1.2': '12', '2004': '2004' };

/** Builds the packages (pinned as `opts` says), unzips them and serves them with the course page. */
export async function startLms(opts: ScormOptions): Promise<Lms> {
  const work = mkdtempSync(join(tmpdir(), 'article-four-lms-'));
  const packages = await buildScormPackages({ ...opts, outDir: join(work, 'zips') });
  const unzipped = {} as Record<ScormVersion, Record<string, Uint8Array>>;
  for (const p of packages) {
    const files = unzipSync(readFileSync(p.file));
    unzipped[p.version] = files;
    for (const [name, bytes] of Object.entries(files)) {
      const to = join(work, DIR[p.version], name);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, bytes);
    }
  }
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (path === '/course.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] as string }).end(COURSE_PAGE);
      return;
    }
    const lib = /^\/lms\/(scorm12|scorm2004)\.js$/.exec(path);
    if (lib) {
      res.writeHead(200, { 'content-type': TYPES['.js'] as string }).end(readFileSync(join(AGAIN, `${lib[1]}.js`)));
      return;
    }
    const content = /^\/content\/(12|2004)\/(.*)$/.exec(path);
    if (!content) {
      res.writeHead(404).end('not found');
      return;
    }
    const base = join(work, content[1] as string);
    const file = normalize(join(base, content[2] || 'index.html'));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    packages,
    unzipped,
    requests,
    browserRequests: [],
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export interface Launched {
  context: BrowserContext;
  page: Page;
  frame: Frame;
  errors: string[];
}

/**
 * Opens the course page in a fresh browser profile, puts a new scorm-again API of `version` on it
 * (loaded with `cmi`, the data an earlier session left, when given; the LMS then says the learner
 * resumes), and launches the package in an iframe; waits until the game is ready.
 */
export async function launch(
  site: Site,
  lms: Lms,
  version: ScormVersion,
  opts: { cmi?: unknown; seed?: number } = {},
): Promise<Launched> {
  const context = await site.browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('request', (r) => lms.browserRequests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${lms.origin}/course.html`);
  const src = `/content/${DIR[version]}/index.html?seed=${opts.seed ?? 7}`;
  await page.evaluate(
    ({ version, cmi, src }) => {
      const w = window as unknown as Record<string, unknown> & {
        Scorm12API: new (s: object) => LmsApi;
        Scorm2004API: new (s: object) => LmsApi;
      };
      const api = version === '1.2' ? new w.Scorm12API({ logLevel: 4 }) : new w.Scorm2004API({ logLevel: 4 });
      if (cmi) {
        api.loadFromJSON(cmi);
        // What the LMS says after an attempt left suspended.
        if (version === '1.2') api.cmi.core.entry = 'resume';
        else api.cmi.entry = 'resume';
      }
      const lms = { commits: 0, finished: false, api };
      w.lms = lms;
      api.on(version === '1.2' ? 'LMSCommit' : 'Commit', () => {
        lms.commits += 1;
      });
      api.on(version === '1.2' ? 'LMSFinish' : 'Terminate', () => {
        lms.finished = true;
      });
      w[version === '1.2' ? 'API' : 'API_1484_11'] = api;
      const frame = document.createElement('iframe');
      frame.id = 'sco';
      frame.title = 'Article Four';
      frame.width = '1300';
      frame.height = '820';
      frame.src = src;
      document.body.append(frame);
    },
    { version, cmi: opts.cmi ?? null, src },
  );
  const frame = await (await page.waitForSelector('#sco')).contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForFunction(() => (window as unknown as { __articleFour?: { ready: boolean } }).__articleFour?.ready);
  return { context, page, frame, errors };
}

/** What scorm-again's API object offers the tests (the LMS side). */
interface LmsApi {
  cmi: { core: { entry: string }; entry: string };
  loadFromJSON(json: unknown): void;
  on(event: string, cb: () => void): void;
  renderCMIToJSONObject(): { cmi: Record<string, unknown> };
}

/** The LMS's data for the attempt (scorm-again's cmi object as JSON). */
export async function cmiOf(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      (window as unknown as { lms: { api: LmsApi } }).lms.api.renderCMIToJSONObject().cmi as Record<string, unknown>,
  );
}

export async function lmsState(page: Page): Promise<{ commits: number; finished: boolean }> {
  return page.evaluate(() => {
    const l = (window as unknown as { lms: { commits: number; finished: boolean } }).lms;
    return { commits: l.commits, finished: l.finished };
  });
}

/** The student leaves: the frame is navigated away (as when the LMS closes the activity); waits for LMSFinish/Terminate. */
export async function leave(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank';
  });
  await page.waitForFunction(() => (window as unknown as { lms: { finished: boolean } }).lms.finished);
}

export async function screenIn(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.getElementById('app')?.dataset.screen ?? '');
}

export interface Played {
  /** The option taken at each decision, with the reasons typed. */
  choices: { step: string; id: string; rationale?: string }[];
  votes: number;
}

/**
 * Plays on with the mouse: at each decision the option `pick(turn, n)` (by position), typing
 * `reasons(turn)` first when given; Continue on results; the Council vote called. Stops at the
 * debrief, or at a decision once `stopAfter` decisions are taken.
 */
export async function playOn(
  frame: Frame,
  opts: {
    pick: (turn: number, n: number) => number;
    reasons?: (turn: number) => string | undefined;
    stopAfter?: number;
  },
): Promise<Played> {
  const played: Played = { choices: [], votes: 0 };
  let turn = 0;
  for (let i = 0; i < 300; i++) {
    const screen = await screenIn(frame);
    if (screen === 'debrief') return played;
    const s = await frame.evaluate(() => {
      const main = document.getElementById('main') as HTMLElement;
      return {
        step: main.querySelector<HTMLElement>('[data-step]')?.dataset.step ?? '',
        cont: main.querySelector('[data-continue]:not([disabled])') !== null,
        choices: [...main.querySelectorAll<HTMLElement>('[data-choice]:not([disabled])')].map(
          (b) => b.dataset.choice ?? '',
        ),
        vote: main.querySelector('[data-vote]:not([disabled])') !== null,
      };
    });
    const deciding = s.choices.length > 0 || s.vote;
    if (deciding && opts.stopAfter !== undefined && turn >= opts.stopAfter) return played;
    if (deciding) {
      turn += 1;
      const why = opts.reasons?.(turn);
      if (why) {
        const summary = frame.locator('#main [data-focus-id="rationale-summary"]');
        if ((await summary.count()) > 0 && (await frame.locator('#main #rationale').isHidden())) await summary.click();
        await frame.locator('#main #rationale').fill(why);
      }
      if (s.choices.length > 0) {
        const id = s.choices[opts.pick(turn, s.choices.length) % s.choices.length] as string;
        played.choices.push({ step: s.step, id, ...(why ? { rationale: why } : {}) });
        await clickAndRender(frame, `[data-choice="${id}"]`);
      } else {
        played.votes += 1;
        await clickAndRender(frame, '[data-vote]:not([disabled])');
      }
    } else if (s.cont) {
      await clickAndRender(frame, '[data-continue]:not([disabled])');
    } else {
      throw new Error(`nothing to press on the ${screen} screen`);
    }
  }
  throw new Error('the run did not reach its debrief');
}
