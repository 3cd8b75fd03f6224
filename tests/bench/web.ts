/**
 * `npm run bench:web`: how soon the built site is usable on a slow machine, as ratios to a blank
 * page served by the same local server in the same run (so the machine's speed cancels out).
 * Builds the site, serves it and a blank page, drives Debian's Chromium with a 4× CPU throttle and
 * prints the medians of a few cold loads (usable: painted, as the Element Timing API reports it):
 *   - title usable ÷ blank page load (goal ≤ 1.5)
 *   - first decision of a case usable, after pressing each button on the way once it is painted,
 *     ÷ blank (goal ≤ 3)
 *   - gzip bytes of the JS and CSS requested before the title is usable (goal ≤ 60 KB)
 *   - beside the blank page's load, when it was painted; and when the title's HTML alone (the
 *     built index.html without its stylesheets and scripts) was painted: the least a title with
 *     this content takes, whatever its CSS and scripts do; and how soon each later screen on the
 *     way to the decision is painted when its panel, as the app drew it, is put in place at once
 *     with no app code: with the title's, the least the way to a decision takes
 *   - with the map on, when the map was ready after the decision was painted, the player reading
 *     (it starts at their first pause), and the longest task meanwhile
 * Times are read here, never asserted in tests (tests/browser/first-load.test.ts holds the byte budget
 * of what index.html loads before the title: its module script, what that imports, its stylesheets).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { BASE_PATH, buildAndServe, CHROMIUM, requireChromium, turnMapOff, waitReady } from '../browser/harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const THROTTLE = 4;
const CASE = process.env.BENCH_CASE ?? 'kazakhstan-2022';
/** `BENCH_MAP=off`: the player has turned the map off in Settings (Phaser and the map never load). */
const MAP = process.env.BENCH_MAP !== 'off';

/** The screens on the way from the title to the first decision, each named as `#app` names it, and what is pressed there. */
const PATH: [screen: string, press: string][] = [
  ['title', '[data-action="new"]'],
  ['cases', `[data-case="${CASE}"]`],
  ['seats', '[data-role]'],
  ['briefing', '[data-action="begin"]'],
  ['play', '[data-choice], [data-vote], [data-continue]'],
];

/** What the driver logs once the decision is painted (the benchmark does not poll the page meanwhile). */
const DONE = 'article-four-bench-done';

/**
 * Runs in the page before its own scripts (a CDP init script, so the Content-Security-Policy
 * does not apply). "Usable" is painted: the driver marks each button it will press, as it enters
 * the page, for the Element Timing API, whose entry says when the frame that first drew it was
 * presented. A requestAnimationFrame callback comes before that frame's style, layout and paint,
 * which on this page took 300-400 ms of the throttled main thread: it is not when a player can see
 * the title. The driver presses each button once it is painted (as fast as a player could), from
 * the title's first entry to a case's first decision, and records when the title's entry and the
 * decision's first option were painted.
 */
const DRIVER = `(() => {
  const marks = {};
  window.__bench = marks;
  const painted = new Map();
  const targets = ${JSON.stringify(Object.fromEntries(PATH))};
  const pressed = new Set();
  const tag = (el, name) => {
    if (el.getAttribute('elementtiming') === name) return;
    el.setAttribute('elementtiming', name);
    // Element Timing reports text through the element holding it: mark the button's own elements too.
    for (const child of el.querySelectorAll('*')) child.setAttribute('elementtiming', name);
  };
  const check = () => {
    const screen = document.getElementById('app')?.dataset.screen;
    const sel = targets[screen];
    if (!sel) return;
    const el = document.querySelector('#main ' + sel.split(', ').join(', #main '));
    if (!el) return;
    const name = 'bench-' + screen;
    tag(el, name);
    if (!painted.has(name) || pressed.has(name)) return;
    pressed.add(name);
    marks[screen] = painted.get(name);
    if (screen === 'play') {
      marks.decision = painted.get(name);
      console.debug(${JSON.stringify(DONE)});
    } else {
      el.click();
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!painted.has(e.identifier)) painted.set(e.identifier, e.renderTime || e.loadTime);
    }
    check();
  }).observe({ type: 'element', buffered: true });
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  setInterval(check, 16);
})();`;

interface Sample {
  blank: number;
  /** The blank page's first contentful paint (its load event comes before it). */
  blankPaint: number;
  /** The title's own HTML, without its stylesheets and scripts, painted: the least any title with its content takes. */
  floor: number;
  title: number;
  decision: number;
  bytes: number;
  blocking: number;
  /** With the map on: when it was ready after the decision was painted, and the longest task meanwhile. */
  mapReady: number;
  mapLongest: number;
}

/**
 * Runs in the page once the decision is painted, the player now reading: resolves when the map is
 * ready (it starts at the player's first pause, src/ui/when-quiet.ts), in ms after `after`, with
 * the longest task from `after` to a second after it was ready (what a click then would wait for).
 */
function waitForMap(after: number): Promise<{ ready: number; longest: number }> {
  return new Promise((resolve) => {
    let longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= after) longest = Math.max(longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
    // No named function in here: the script runner names them with a helper the page lacks.
    const timer = setInterval(() => {
      const d = (window as unknown as { __articleFour?: { world: boolean; worldError: string | null } }).__articleFour;
      if (!d?.world && !d?.worldError) return;
      clearInterval(timer);
      if (d.worldError) {
        resolve({ ready: Number.NaN, longest: Number.NaN });
        return;
      }
      const ready = performance.now() - after;
      setTimeout(() => resolve({ ready, longest }), 1000);
    }, 50);
  });
}

async function throttled(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return { context, page };
}

function gzipBytes(dir: string, urls: string[]): number {
  let total = 0;
  for (const u of urls) {
    const path = new URL(u).pathname;
    if (!path.startsWith(BASE_PATH)) continue;
    total += gzipSync(readFileSync(join(dir, path.slice(BASE_PATH.length))), { level: 9 }).length;
  }
  return total;
}

/** Runs in a page: its first contentful paint, once there is one. */
function firstPaint(): Promise<number> {
  return new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const fcp = list.getEntriesByName('first-contentful-paint')[0];
      if (fcp) resolve(fcp.startTime);
    }).observe({ type: 'paint', buffered: true });
  });
}

/** A cold throttled load of `url`: when its load event ended, and its first contentful paint. */
async function plainLoad(browser: Browser, url: string): Promise<{ load: number; paint: number }> {
  const run = await throttled(browser);
  await run.page.goto(url, { waitUntil: 'load' });
  const load = await run.page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd || performance.now();
  });
  const paint = await run.page.evaluate(firstPaint);
  await run.context.close();
  return { load, paint };
}

async function sample(browser: Browser, site: { origin: string; dir: string }): Promise<Sample> {
  const blankRun = await plainLoad(browser, `${site.origin}${BASE_PATH}blank.html`);
  const blank = blankRun.load;
  const floor = (await plainLoad(browser, `${site.origin}${BASE_PATH}${FLOOR}`)).paint;

  const { context, page } = await throttled(browser);
  if (!MAP) await turnMapOff(context);
  await page.addInitScript(DRIVER);
  // Waiting on the console, not polling the page: Playwright's polling would run its own script
  // on the page's main thread during the measured time (about 100 ms with the throttle).
  const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout: 120_000 });
  await page.goto(`${site.origin}${BASE_PATH}index.html`);
  await done;
  const marks = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);
  const title = marks.title ?? Number.NaN;
  // Requested before the title was painted; and of those, what the first paint waited for
  // (render-blocking: the page's stylesheets). The app's chunks are requested by the entry script
  // as the title's first frame is drawn, before it is presented.
  const early = await page.evaluate(
    (t) =>
      (performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[])
        .filter((r) => r.startTime <= t && /\.(js|css)(\?|$)/.test(new URL(r.name).pathname))
        .map((r) => ({ url: r.name, blocking: r.renderBlockingStatus === 'blocking' })),
    title,
  );
  if (process.env.BENCH_DETAIL) {
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    const map = await page.evaluate(() => {
      const d = (window as unknown as { __articleFour?: { world: boolean; worldError: string | null } }).__articleFour;
      return d?.worldError ?? (d?.world ? 'drawn' : 'not drawn');
    });
    console.log(JSON.stringify({ ...marks, fcp: Math.round(fcp ?? Number.NaN), blank: Math.round(blank), map }));
  }
  const map = MAP ? await page.evaluate(waitForMap, marks.decision ?? 0) : { ready: Number.NaN, longest: Number.NaN };
  await context.close();
  return {
    blankPaint: blankRun.paint,
    floor,
    mapReady: map.ready,
    mapLongest: map.longest,
    blank,
    title,
    decision: marks.decision ?? Number.NaN,
    bytes: gzipBytes(
      site.dir,
      early.map((r) => r.url),
    ),
    blocking: gzipBytes(
      site.dir,
      early.filter((r) => r.blocking).map((r) => r.url),
    ),
  };
}

/** The built title's HTML alone: no stylesheet or inlined rules, no script, no preload (the floor the benchmark prints). */
const FLOOR = 'title-html-only.html';

function titleHtmlOnly(indexHtml: string): string {
  return indexHtml
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<link rel="(stylesheet|modulepreload|manifest)"[^>]*>/g, '');
}

interface Drawn {
  screen: string;
  /** What the player presses there. */
  press: string;
  appClass: string;
  html: string;
}

/** Each screen's panel as the app drew it, on the way to the first decision (unthrottled, the map off). */
async function screensOnTheWay(browser: Browser, origin: string): Promise<Drawn[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  await turnMapOff(context);
  const page = await context.newPage();
  await page.goto(`${origin}${BASE_PATH}index.html`);
  await waitReady(page);
  const drawn: Drawn[] = [];
  for (const [screen, press] of PATH) {
    await page.waitForFunction((s) => document.getElementById('app')?.dataset.screen === s, screen);
    const target = page.locator(`#main :is(${press})`).first();
    await target.waitFor();
    drawn.push(
      await page.evaluate(
        ([s, p]) => {
          const app = document.getElementById('app') as HTMLElement;
          const html = (document.getElementById('main') as HTMLElement).innerHTML;
          return { screen: s, press: p, appClass: app.className, html };
        },
        [screen, press] as const,
      ),
    );
    if (screen !== 'play') await target.click();
  }
  await context.close();
  return drawn;
}

/**
 * Runs in a throttled page whose app is loaded: puts a screen's panel in place at once, as the app
 * drew it, with no app code, and resolves with the time until its button was painted.
 */
function paintScreen(d: Drawn): Promise<number> {
  return new Promise((resolve) => {
    const name = `floor-${d.screen}`;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
        if (e.identifier === name) resolve(e.renderTime - start);
      }
    }).observe({ type: 'element' });
    const start = performance.now();
    (document.getElementById('app') as HTMLElement).className = d.appClass;
    const main = document.getElementById('main') as HTMLElement;
    main.innerHTML = d.html;
    const el = main.querySelector(d.press);
    if (!el) throw new Error(`no ${d.press} on ${d.screen}`);
    for (const e of [el, ...el.querySelectorAll('*')]) e.setAttribute('elementtiming', name);
  });
}

/**
 * The least the screens after the title take to be painted, whatever the app's code does: in a
 * throttled page (the app loaded, the map off), each screen's panel on the way to the first
 * decision is put in place at once, as the app drew it, and painted. Medians in ms, by screen.
 */
async function screenFloors(browser: Browser, origin: string): Promise<Map<string, number>> {
  const drawn = (await screensOnTheWay(browser, origin)).slice(1);
  const times = new Map<string, number[]>();
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttled(browser);
    await turnMapOff(context);
    await page.goto(`${origin}${BASE_PATH}index.html`);
    await waitReady(page);
    await page.waitForTimeout(500);
    for (const d of drawn) {
      const t = await page.evaluate(paintScreen, d);
      times.set(d.screen, [...(times.get(d.screen) ?? []), t]);
      await page.waitForTimeout(300);
    }
    await context.close();
  }
  return new Map([...times].map(([screen, ts]) => [screen, median(ts)]));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  requireChromium([CHROMIUM]);
  const site = await buildAndServe();
  writeFileSync(join(site.dir, 'blank.html'), '<!doctype html><html lang="en"><title>blank</title><p>blank</p></html>');
  writeFileSync(join(site.dir, FLOOR), titleHtmlOnly(readFileSync(join(site.dir, 'index.html'), 'utf8')));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    await sample(browser, site); // warm up the server and the browser
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await sample(browser, site));
    const blank = median(samples.map((s) => s.blank));
    const title = median(samples.map((s) => s.title));
    const decision = median(samples.map((s) => s.decision));
    const bytes = median(samples.map((s) => s.bytes));
    const blocking = median(samples.map((s) => s.blocking));
    const ok = (b: boolean) => (b ? 'ok' : 'OVER');
    console.log(
      `Article Four, built site, Chromium with a ${THROTTLE}× CPU throttle, median of ${RUNS} cold loads, the map ${MAP ? 'on (the default)' : 'off (BENCH_MAP=off)'}; usable = painted`,
    );
    const blankPaint = median(samples.map((s) => s.blankPaint));
    const floor = median(samples.map((s) => s.floor));
    console.log(
      `  blank page load                     ${blank.toFixed(0)} ms  (painted at ${blankPaint.toFixed(0)} ms)`,
    );
    console.log(`  title usable                        ${title.toFixed(0)} ms`);
    console.log(`  first decision usable (${CASE})  ${decision.toFixed(0)} ms`);
    console.log(`  title ÷ blank          ${(title / blank).toFixed(2)}  (goal ≤ 1.5)  ${ok(title / blank <= 1.5)}`);
    console.log(
      `  decision ÷ blank       ${(decision / blank).toFixed(2)}  (goal ≤ 3)    ${ok(decision / blank <= 3)}`,
    );
    console.log(
      `    the title's HTML alone (no CSS, no script) painted at ${floor.toFixed(0)} ms: ${(floor / blank).toFixed(2)} × blank, the least a title with its content takes`,
    );
    const floors = await screenFloors(browser, site.origin);
    const screensFloor = [...floors.values()].reduce((a, b) => a + b, 0);
    console.log(
      `    each later screen's panel put in place at once, as the app drew it, with no app code, painted in: ${[...floors].map(([s, t]) => `${s} ${t.toFixed(0)}`).join(', ')} ms`,
    );
    console.log(
      `    the title's HTML alone and these: ${(floor + screensFloor).toFixed(0)} ms, ${((floor + screensFloor) / blank).toFixed(2)} × blank, the least the way to a decision takes`,
    );
    console.log(`  gzip JS+CSS before title  ${(bytes / 1000).toFixed(1)} KB  (goal ≤ 60 KB)  ${ok(bytes <= 60_000)}`);
    console.log(`    of which render-blocking  ${(blocking / 1000).toFixed(1)} KB`);
    if (MAP) {
      const ready = median(samples.map((s) => s.mapReady));
      const longest = median(samples.map((s) => s.mapLongest));
      console.log(`  the map ready, after the decision   ${ready.toFixed(0)} ms  (it starts at the first 1.5 s pause)`);
      console.log(`    longest task meanwhile            ${longest.toFixed(0)} ms  (a click then waits for it)`);
    }
  } finally {
    await browser.close();
    await site.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
