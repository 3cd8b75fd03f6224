/** The dashboard page in a browser test: opened with its errors and writes recorded, and files loaded with the file input. */
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
