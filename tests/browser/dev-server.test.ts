/**
 * An error in a bundled case, as its author meets it: the site's own config (vite.config.ts) over a
 * copy of scenarios/ in which one file has an error. `npm run build` fails with its FILE:LINE:COL
 * line. In `npm run dev` (the real Vite dev server, and a real browser) the terminal (Vite's
 * logger) and the page (Vite's error overlay) both show it; once the author fixes the file, the
 * page reloads by itself and the game runs with the case.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionBuild } from '../../src/build/production-build';
import { siteConfig } from '../../vite.config';
import { openSite, ROOT, type Site, waitReady, waitScreen } from './harness';

const CASE_FILE = 'kazakhstan-2022.yaml';
/** The line the test breaks: the case's title, its key misspelt. */
const TITLE_LINE = /^title:/m;

let tmp = '';
let server: ViteDevServer | null = null;
let site: Site;
const logged: string[] = [];

/** The copy of the cases, and a cache of its own: the real folder's (node_modules/.cache) stays as it is. */
const scenarios = () => ({ dir: join(tmp, 'scenarios'), cache: join(tmp, 'scenarios-cache.json') });

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'article-four-dev-'));
  cpSync(join(ROOT, 'scenarios'), join(tmp, 'scenarios'), { recursive: true });
  const logger = createLogger('info', { allowClearScreen: false });
  // What Vite would print in the terminal, kept (and not printed) for the test to read.
  logger.error = (msg) => void logged.push(msg);
  logger.warn = (msg) => void logged.push(msg);
  logger.info = () => {};
  server = await createServer({
    ...siteConfig({ command: 'serve', mode: 'development' }, scenarios()),
    configFile: false,
    root: ROOT,
    // Its own cache of pre-bundled dependencies: a developer's `npm run dev` keeps theirs.
    cacheDir: join(tmp, 'vite-cache'),
    customLogger: logger,
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the dev server gave no address');
  site = await openSite(url.replace(/\/$/, ''), { map: false });
});

afterAll(async () => {
  await site?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The text of Vite's error overlay, once the page shows one. */
async function overlayText(page: Page): Promise<string> {
  await page.waitForFunction(() => Boolean(document.querySelector('vite-error-overlay')?.shadowRoot));
  return page.evaluate(
    () => document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector('.window')?.textContent ?? '',
  );
}

/**
 * Misspells the title's key in the copy of the case: returns the error the author must see, and
 * a function that puts the file right again.
 */
function breakCase(): { error: RegExp; fix(): void } {
  const path = join(tmp, 'scenarios', CASE_FILE);
  const good = readFileSync(path, 'utf8');
  expect(good).toMatch(TITLE_LINE);
  const line = good.slice(0, good.search(TITLE_LINE)).split('\n').length;
  writeFileSync(path, good.replace(TITLE_LINE, 'titel:'));
  return {
    error: new RegExp(`scenarios/${CASE_FILE}:${line}:1: error: unknown key "titel" \\(did you mean "title"\\?\\)`),
    fix: () => writeFileSync(path, good),
  };
}

describe('an error in a bundled case', () => {
  it('fails npm run build with FILE:LINE:COL', async () => {
    const { error, fix } = breakCase();
    try {
      const config = siteConfig({ command: 'build', mode: 'production' }, scenarios());
      const built = productionBuild({
        ...config,
        configFile: false,
        root: ROOT,
        logLevel: 'silent',
        build: { ...config.build, outDir: join(tmp, 'dist'), emptyOutDir: true },
      });
      await expect(built).rejects.toThrow(error);
    } finally {
      fix();
    }
  });

  it('shows in npm run dev as FILE:LINE:COL in the terminal and the overlay, and the fixed file reloads the page', async () => {
    const { error, fix } = breakCase();

    const context = await site.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${site.origin}/`);
      expect(await overlayText(page)).toMatch(error);
      expect(logged.join('\n')).toMatch(error);

      // The author fixes the file: the dev server reloads the page, and the game runs with the case.
      fix();
      await page.waitForFunction(() => !document.querySelector('vite-error-overlay'));
      await waitReady(page);
      await page.click('#main [data-action="new"]');
      await waitScreen(page, 'cases');
      expect(await page.locator(`#main [data-case="${CASE_FILE.replace(/\.yaml$/, '')}"]`).count()).toBe(1);
    } finally {
      fix();
      await context.close();
    }
  });
});
