/**
 * Opened files and storage: a file with the id of a bundled case is refused (and can be opened
 * under another id), a full storage quota is said at every save it refuses, and a saved run whose
 * opened file is gone is kept, with the file asked for again.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StorageKey } from '../../src/ui/keys';
import { bundledCases, openPage, openSite, ROOT, type Site, waitReady, waitScreen } from './harness';
import { playOn, tabAndEnter } from './keyboard';

const tutorial = readFileSync(join(ROOT, 'tests', 'fixtures', 'tutorial.yaml'), 'utf8');
const [BUNDLED] = bundledCases();
let site: Site;
let dir: string;

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
  dir = mkdtempSync(join(tmpdir(), 'article-four-stored-'));
});

afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function open(page: Page, path: string): Promise<void> {
  await page.locator('#main [data-action="open-file"]').setInputFiles(path);
}

/** Fills localStorage with junk until the browser refuses more; returns how many characters it took. */
async function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let total = 0;
    let size = 1 << 20;
    for (let i = 0; size >= 16; i++) {
      try {
        localStorage.setItem(`junk-${i}`, 'x'.repeat(size));
        total += size;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return total;
  });
}

describe('opened files and storage', () => {
  it('refuses a file with the id of a bundled case, and opens it under another id on request', async () => {
    const id = BUNDLED?.id ?? '';
    const path = write('impostor.yaml', tutorial.replace(/^id: karvenia-2025$/m, `id: ${id}`));
    const { page, context, errors } = await openPage(site);
    try {
      await open(page, path);
      await waitScreen(page, 'scenario-errors', '.scenario-error');
      const said = (await page.locator('#main .scenario-error').textContent()) ?? '';
      expect(said).toContain(`the id "${id}" of a case that comes with the game`);
      expect(await page.locator('#main [data-action="open-as-copy"]').textContent()).toContain(`Open it as ${id}-copy`);
      await tabAndEnter(page, '[data-action="open-as-copy"]');
      await waitScreen(page, 'seats', '[data-role="secretary_general"]');
      expect(await page.evaluate(() => location.hash)).toBe(`#/case/${id}-copy`);
      // The bundled case is still the real one, for this visit and the next.
      await page.reload();
      await waitReady(page);
      await page.evaluate((caseId) => {
        location.hash = `#/case/${caseId}`;
      }, id);
      // The copy's seat screen is still up until the new address is read: wait for the case it names.
      const title = BUNDLED?.title.slice(0, 20) ?? '?';
      await page.waitForFunction(
        (want) => document.getElementById('main')?.textContent?.includes(want) ?? false,
        title,
      );
      await waitScreen(page, 'seats');
      expect(await page.textContent('#main')).not.toContain('Karvenia');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('with the storage quota full, says so at every save it could not keep', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=7' });
    try {
      await open(page, write('tutorial.yaml', tutorial));
      await waitScreen(page, 'seats', '[data-role="secretary_general"]');
      const filled = await fillStorage(page);
      expect(filled).toBeGreaterThan(1_000_000);
      await tabAndEnter(page, '[data-role="secretary_general"]');
      await tabAndEnter(page, '[data-action="begin"]');
      await waitScreen(page, 'play');
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 1 });
      const banner = page.locator('.storage-banner[data-storage="full"]');
      await banner.waitFor();
      expect(await banner.isVisible()).toBe(true);
      await page.click('.storage-banner [data-action="dismiss-storage"]');
      expect(await banner.count()).toBe(0);
      // The next decision is not kept either: the banner comes back.
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 3 });
      await banner.waitFor();
      expect(await page.textContent('.storage-banner')).toMatch(/full/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps a saved run whose opened file is gone, and asks for the file again', async () => {
    const path = write('tutorial.yaml', tutorial);
    const { page, context, errors } = await openPage(site, { query: '?seed=7' });
    try {
      await open(page, path);
      await waitScreen(page, 'seats', '[data-role="secretary_general"]');
      await tabAndEnter(page, '[data-role="secretary_general"]');
      await tabAndEnter(page, '[data-action="begin"]');
      await waitScreen(page, 'play');
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 2 });
      // The browser evicts the opened file (or it is pushed out by newer ones).
      await page.evaluate((key) => localStorage.removeItem(key), StorageKey.Opened);
      await page.reload();
      await waitReady(page);
      await waitScreen(page, 'title');
      const notice = (await page.locator('#main .notice').textContent()) ?? '';
      expect(notice).toContain('karvenia-2025');
      expect(notice).toMatch(/Open that file again/);
      expect(notice).toMatch(/Your saved game is kept/);
      expect(notice).not.toMatch(/cleared/);
      expect(await page.evaluate((key) => localStorage.getItem(key) !== null, StorageKey.Save)).toBe(true);
      // Opened again, the run resumes where it was.
      await open(page, path);
      await waitScreen(page, 'seats');
      await page.evaluate(() => {
        location.hash = '#/play';
      });
      await waitScreen(page, 'play');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
