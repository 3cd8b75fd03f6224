/**
 * `npm run bench:web`: how soon the built site is usable on a slow machine, as ratios to a blank
 * page served by the same local server in the same run (so the machine's speed cancels out).
 * Builds the site, serves it and a blank page, drives Debian's Chromium with a 4× CPU throttle and
 * prints the medians of a few cold loads:
 *   - title usable ÷ blank page load (goal ≤ 1.5)
 *   - first decision of a case usable, after the clicks to reach it, ÷ blank (goal ≤ 3)
 *   - gzip bytes of the JS and CSS requested before the title is usable (goal ≤ 60 KB)
 * Times are read here, never asserted in tests (tests/unit/first-load-budget.test.ts holds the bytes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { BASE_PATH, buildAndServe, CHROMIUM, requireChromium } from '../browser/harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const THROTTLE = 4;
const CASE = process.env.BENCH_CASE ?? 'kazakhstan-2022';

/** What the driver logs once the decision is painted (the benchmark does not poll the page meanwhile). */
const DONE = 'article-four-bench-done';

/**
 * Runs in the page before its own scripts (a CDP init script, so the Content-Security-Policy
 * does not apply): records when the title's first button is in the page and painted, then clicks
 * through to a case's first decision as soon as each button appears, and records when it is painted.
 */
const DRIVER = (caseId: string) => `(() => {
  const marks = {};
  window.__bench = marks;
  const painted = (name) => requestAnimationFrame(() => { marks[name] = performance.now(); });
  const clicked = new Set();
  const click = (sel) => {
    const el = document.querySelector('#main ' + sel);
    if (el && !clicked.has(sel)) { clicked.add(sel); el.click(); }
  };
  const check = () => {
    const screen = document.getElementById('app')?.dataset.screen;
    if (screen === 'title' && document.querySelector('#main [data-action="new"]')) {
      if (!('titleSeen' in marks)) { marks.titleSeen = performance.now(); painted('title'); }
      if ('title' in marks) click('[data-action="new"]');
    }
    if (screen === 'cases') click('[data-case="${caseId}"]');
    if (screen === 'seats') click('[data-role]');
    if (screen === 'briefing') click('[data-action="begin"]');
    if (screen === 'play' && !('decisionSeen' in marks) &&
        document.querySelector('#main [data-choice], #main [data-vote], #main [data-continue]')) {
      marks.decisionSeen = performance.now();
      requestAnimationFrame(() => {
        marks.decision = performance.now();
        console.debug(${JSON.stringify(DONE)});
      });
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  setInterval(check, 16);
})();`;

interface Sample {
  blank: number;
  title: number;
  decision: number;
  bytes: number;
}

async function throttled(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return { context, page };
}

function gzipBytes(dir: string, urls: string[], origin: string): number {
  let total = 0;
  for (const u of urls) {
    const path = new URL(u).pathname;
    if (!path.startsWith(BASE_PATH)) continue;
    total += gzipSync(readFileSync(join(dir, path.slice(BASE_PATH.length))), { level: 9 }).length;
  }
  void origin;
  return total;
}

async function sample(browser: Browser, site: { origin: string; dir: string }): Promise<Sample> {
  const blankRun = await throttled(browser);
  await blankRun.page.goto(`${site.origin}${BASE_PATH}blank.html`, { waitUntil: 'load' });
  const blank = await blankRun.page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd || performance.now();
  });
  await blankRun.context.close();

  const { context, page } = await throttled(browser);
  await page.addInitScript(DRIVER(CASE));
  // Waiting on the console, not polling the page: Playwright's polling would run its own script
  // on the page's main thread during the measured time (about 100 ms with the throttle).
  const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout: 120_000 });
  await page.goto(`${site.origin}${BASE_PATH}index.html`);
  await done;
  const marks = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);
  const title = marks.title ?? Number.NaN;
  const early = await page.evaluate(
    (t) =>
      performance
        .getEntriesByType('resource')
        .filter((r) => r.startTime <= t && /\.(js|css)(\?|$)/.test(new URL(r.name).pathname))
        .map((r) => r.name),
    title,
  );
  await context.close();
  return { blank, title, decision: marks.decision ?? Number.NaN, bytes: gzipBytes(site.dir, early, site.origin) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  requireChromium();
  const site = await buildAndServe();
  writeFileSync(join(site.dir, 'blank.html'), '<!doctype html><html lang="en"><title>blank</title><p>blank</p></html>');
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
    const ok = (b: boolean) => (b ? 'ok' : 'OVER');
    console.log(`Article Four, built site, Chromium with a ${THROTTLE}× CPU throttle, median of ${RUNS} cold loads`);
    console.log(`  blank page load                     ${blank.toFixed(0)} ms`);
    console.log(`  title usable                        ${title.toFixed(0)} ms`);
    console.log(`  first decision usable (${CASE})  ${decision.toFixed(0)} ms`);
    console.log(`  title ÷ blank          ${(title / blank).toFixed(2)}  (goal ≤ 1.5)  ${ok(title / blank <= 1.5)}`);
    console.log(
      `  decision ÷ blank       ${(decision / blank).toFixed(2)}  (goal ≤ 3)    ${ok(decision / blank <= 3)}`,
    );
    console.log(`  gzip JS+CSS before title  ${(bytes / 1000).toFixed(1)} KB  (goal ≤ 60 KB)  ${ok(bytes <= 60_000)}`);
  } finally {
    await browser.close();
    await site.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
