/** The dashboard page in a browser test: opened with its errors and writes recorded, files loaded with the file input, and what it shows (its view, the text a person sees, anything wider than the window). */
import type { BrowserContext, Page } from 'playwright-core';
import { type Site, VIEWPORTS } from './harness';

export interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Requests that are not GET (an upload would be one). */
  writes: string[];
}

export async function openDashboard(
  site: Site,
  viewport: { width: number; height: number } = VIEWPORTS.laptop,
): Promise<Opened> {
  const context = await site.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const writes: string[] = [];
  page.on('request', (r) => {
    site.requests.push(r.url());
    if (r.method() !== 'GET') writes.push(`${r.method()} ${r.url()}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${site.url}dashboard.html`);
  await page.waitForFunction(() => (window as unknown as { __dashboard?: { ready: boolean } }).__dashboard?.ready);
  return { context, page, errors, writes };
}

export async function renders(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __dashboard: { renders: number } }).__dashboard.renders);
}

/** Loads files with the file input and waits for the page to show them and announce it. */
export async function loadFiles(page: Page, files: string[]): Promise<string> {
  const before = await renders(page);
  await page.setInputFiles('#files', files);
  await page.waitForFunction((n) => {
    const d = (window as unknown as { __dashboard: { renders: number; busy: boolean } }).__dashboard;
    return d.renders > n && !d.busy && (document.getElementById('live')?.textContent ?? '') !== '';
  }, before);
  return (await page.textContent('#live')) ?? '';
}

/** The text a person sees (innerText: nothing hidden, nothing only for screen readers). */
export async function visibleText(page: Page, selector: string): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the text shown, not every text node
  return page.evaluate((sel) => (document.querySelector(sel) as HTMLElement | null)?.innerText ?? '', selector);
}

export async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** What sticks out of the window sideways (not inside something that scrolls or clips), to say why. */
export async function tooWide(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => {
        if (e.getBoundingClientRect().right <= window.innerWidth + 1) return false;
        for (let p = e.parentElement; p; p = p.parentElement)
          if (getComputedStyle(p).overflowX !== 'visible') return false;
        return true;
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
      .join(', '),
  );
}

export async function hash(page: Page): Promise<string> {
  return page.evaluate(() => location.hash);
}

export async function waitView(page: Page, view: string): Promise<void> {
  await page.waitForFunction(
    (v) => (window as unknown as { __dashboard: { view: string } }).__dashboard.view === v,
    view,
  );
}
