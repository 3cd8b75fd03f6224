/**
 * Classroom play in the browser: a case's class lesson played in class mode (tallies, rationales,
 * countdown) to the debrief; Save results downloads a file that validates and carries the
 * rationales, the tallies and the length; with two more from finished class runs opened from
 * storage, three such files load into the instructor dashboard; the teacher guide; axe audits;
 * a 1920×1080 screenshot of class mode; no request to another host.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ResultFile, ResultSchema } from '../../src/classroom/index';
import { bundledScenario } from '../helpers';
import {
  axe,
  bundledCases,
  clickAndRender,
  describeViolations,
  expectAccessible,
  foreignRequests,
  openPage,
  openSite,
  type Site,
  shoot,
  VIEWPORTS,
  waitScreen,
} from './harness';
import { renders } from './keyboard';
import { finishedRun, openDebrief } from './saved-run';

const cases = bundledCases();
const CASE = cases.find((c) => c.id === 'kazakhstan-2022') ?? cases[0];
let site: Site;
const dir = mkdtempSync(join(tmpdir(), 'article-four-results-'));
const saved: string[] = [];

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
});

afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Plays the case in class mode: at each choice, votes with + and by typing, a rationale, then
 * Take; at the Council, a rationale and Call the vote. Returns what was entered per step.
 */
async function playClass(
  page: Page,
  opts: { audit?: boolean; shots?: boolean } = {},
): Promise<{ step: string; rationale: string; tally: Record<string, number> }[]> {
  if (!CASE) throw new Error('no bundled case');
  const role = CASE.roles[0]?.id ?? '';
  await clickAndRender(page, '[data-action="new"]');
  await clickAndRender(page, `[data-case="${CASE.id}"]`);
  if (opts.audit) await expectAccessible(page, 'seats');
  // The class lesson (5–8 decisions), as a class plays it: what is tested is class mode, not the case's length.
  await page.check('#main [data-length-choice="class"]');
  await page.check('#class-mode');
  await clickAndRender(page, `[data-role="${role}"]`);
  await clickAndRender(page, '[data-action="begin"]');
  const entered: { step: string; rationale: string; tally: Record<string, number> }[] = [];
  let audited = false;
  for (let i = 0; i < 200; i++) {
    if ((await page.evaluate(() => document.getElementById('app')?.dataset.screen)) === 'debrief') break;
    const main = page.locator('#main');
    if ((await main.locator('[data-continue]').count()) > 0) {
      await clickAndRender(page, '[data-continue]');
      continue;
    }
    const step = (await main.locator('[data-step]').getAttribute('data-step')) ?? '';
    if ((await main.locator('[data-class-take]').count()) > 0) {
      expect(await page.evaluate(() => document.documentElement.classList.contains('class-mode'))).toBe(true);
      const ids = await main.locator('[data-tally]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tally')));
      const n = entered.length;
      // The second option gets the most votes: typed; the first gets two presses of + and one of −.
      const first = ids[0] ?? '';
      const second = ids[1] ?? first;
      await main.locator(`[data-tally-plus="${first}"]`).click();
      await main.locator(`[data-tally-plus="${first}"]`).press('Enter');
      await main.locator(`[data-tally-plus="${first}"]`).press('Enter');
      await main.locator(`[data-tally-minus="${first}"]`).click();
      const tally: Record<string, number> = { [first]: 2 };
      if (second !== first) {
        await main.locator(`[data-tally="${second}"]`).fill(String(10 + n));
        tally[second] = 10 + n;
      }
      // The default pick follows the most votes.
      expect(await main.locator(`[data-pick="${second}"]`).isChecked()).toBe(true);
      const rationale = `Class reason ${n + 1}: “we weigh the costs” & more.`;
      await page.fill('#rationale', rationale);
      // The countdown: 1 minute, shown, never deciding by itself.
      if (n === 0) {
        await page.selectOption('#countdown-minutes', '1');
        await main.locator('[data-countdown-start]').click();
        await page.waitForFunction(() =>
          /^\d:\d\d$/.test(document.querySelector('[data-countdown]')?.textContent ?? ''),
        );
      }
      if (!audited && opts.audit) {
        await expectAccessible(page, 'class mode decision');
        audited = true;
      }
      if (n === 0 && opts.shots) {
        await page.setViewportSize(VIEWPORTS.projector);
        await page.waitForTimeout(300);
        await shoot(page, 'class-mode');
        await page.setViewportSize(VIEWPORTS.laptop);
      }
      entered.push({ step, rationale, tally });
      await clickAndRender(page, '[data-class-take]');
      continue;
    }
    if ((await main.locator('[data-vote]').count()) > 0) {
      const rationale = `Council reason ${entered.length + 1}`;
      await page.fill('#rationale', rationale);
      entered.push({ step, rationale, tally: {} });
      await clickAndRender(page, '[data-vote]');
      continue;
    }
    if ((await main.locator('[data-action="debrief"], [data-continue], button').count()) > 0) {
      // The ending: go on to the debrief.
      const btn = main.locator('button.btn-primary').first();
      const before = await renders(page);
      await btn.click();
      await page.waitForFunction(
        (k) => (window as unknown as { __articleFour: { renders(): number } }).__articleFour.renders() > k,
        before,
      );
    }
  }
  await waitScreen(page, 'debrief');
  return entered;
}

async function saveResults(page: Page, student: string, team: string): Promise<{ path: string; result: ResultFile }> {
  await page.fill('#result-student', student);
  await page.fill('#result-team', team);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="save-results"]')]);
  const name = download.suggestedFilename();
  const path = join(dir, name);
  await download.saveAs(path);
  const parsed = ResultSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(parsed.error.message);
  return { path, result: parsed.data };
}

describe('classroom play', () => {
  it('plays a case in class mode to the debrief and saves a valid result with tallies and rationales', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=7' });
    try {
      const entered = await playClass(page, { audit: true, shots: true });
      expect(entered.some((e) => Object.keys(e.tally).length > 0)).toBe(true);
      // The debrief shows the rationales and the class votes.
      const text = (await page.textContent('#main')) ?? '';
      for (const e of entered) expect(text).toContain(e.rationale);
      expect(text).toContain('Class vote:');
      await expectAccessible(page, 'debrief with Save results');

      const { path, result } = await saveResults(page, 'Ana García', 'Team Blue');
      saved.push(path);
      expect(result.mode).toBe('class');
      expect(result.length).toBe('class');
      expect(result.student).toBe('Ana García');
      expect(result.team).toBe('Team Blue');
      expect(result.scenario.id).toBe(CASE?.id);
      expect(result.ending).not.toBeNull();
      expect(Date.parse(result.startedAt)).toBeLessThanOrEqual(Date.parse(result.finishedAt));
      expect(path).toMatch(/article-four_.+_ana-garcia_team-blue_\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
      for (const e of entered) {
        const d = result.decisions.find((x) => x.step === e.step && x.rationale === e.rationale);
        expect(d, `decision at ${e.step}`).toBeDefined();
        if (Object.keys(e.tally).length > 0) expect(d?.tally).toEqual(e.tally);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('saves two more results from finished class runs and the dashboard counts 3', async () => {
    if (!CASE) throw new Error('no bundled case');
    const s = bundledScenario(CASE.id);
    const role = CASE.roles[0]?.id ?? '';
    for (const [seed, team] of [
      [8, 'Team Red'],
      [9, 'Team Green'],
    ] as const) {
      const { page, context, errors } = await openPage(site);
      try {
        // Played by the engine and opened from storage: the first test plays a class run by mouse.
        await openDebrief(
          page,
          site,
          finishedRun(s, role, seed, { choose: (turn, n) => (turn + seed) % n, lobby: false }, 'class'),
        );
        const { path, result } = await saveResults(page, '', team);
        expect(result.student).toBeUndefined();
        expect(result.mode).toBe('class');
        expect(result.team).toBe(team);
        saved.push(path);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
    expect(saved).toHaveLength(3);
    const context = await site.browser.newContext({ viewport: VIEWPORTS.laptop });
    const page = await context.newPage();
    page.on('request', (r) => site.requests.push(r.url()));
    try {
      await page.goto(`${site.url}dashboard.html`);
      await page.waitForFunction(() => (window as unknown as { __dashboard?: { ready: boolean } }).__dashboard?.ready);
      await page.setInputFiles('#files', saved);
      await page.waitForFunction(() => document.getElementById('result-count')?.textContent === '3');
      expect(await page.textContent('[data-mode="class"]')).toBe('3');
    } finally {
      await context.close();
    }
  });

  it('solo mode offers a collapsed rationale that reaches the debrief; title links to the dashboard', async () => {
    if (!CASE) throw new Error('no bundled case');
    const { page, context, errors } = await openPage(site, { query: '?seed=5' });
    try {
      const href = await page.getAttribute('#main [data-action="dashboard"]', 'href');
      expect(href).toBe('dashboard.html');
      expect(await page.getAttribute('#main [data-action="author"]', 'href')).toBe('author.html');
      await clickAndRender(page, '[data-action="new"]');
      await clickAndRender(page, `[data-case="${CASE.id}"]`);
      await clickAndRender(page, `[data-role="${CASE.roles[0]?.id}"]`);
      await clickAndRender(page, '[data-action="begin"]');
      for (let i = 0; i < 10 && (await page.locator('#main [data-choice]').count()) === 0; i++) {
        await clickAndRender(
          page,
          (await page.locator('#main [data-vote]').count()) ? '[data-vote]' : '[data-continue]',
        );
      }
      expect(await page.locator('#main details.rationale').getAttribute('open')).toBeNull();
      expect(await page.locator('#main [data-class-take]').count()).toBe(0);
      await page.click('#main details.rationale summary');
      await page.fill('#rationale', 'Solo reason');
      const v = await axe(page);
      expect(v, describeViolations(v)).toEqual([]);
      const step = await page.locator('#main [data-step]').getAttribute('data-step');
      await clickAndRender(page, '[data-choice]');
      const events = await page.evaluate(() => {
        const raw = localStorage.getItem('article-four:save:v1');
        return raw ? (JSON.parse(raw) as { mode?: string; startedAt?: string; engine: { events: unknown[] } }) : null;
      });
      expect(events?.mode).toBe('solo');
      expect(events?.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(JSON.stringify(events?.engine.events)).toContain('Solo reason');
      expect(step).toBeTruthy();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the teacher guide from the seat screen, passes axe, and prints without buttons', async () => {
    if (!CASE) throw new Error('no bundled case');
    const { page, context, errors } = await openPage(site, { viewport: VIEWPORTS.projector });
    try {
      await clickAndRender(page, '[data-action="new"]');
      await clickAndRender(page, `[data-case="${CASE.id}"]`);
      await clickAndRender(page, '[data-action="teacher-guide"]');
      await waitScreen(page, 'teacher-guide');
      const text = (await page.textContent('#main')) ?? '';
      expect(text).toContain('Learning objectives');
      expect(text).toContain('Running it with a class');
      await expectAccessible(page, 'teacher guide');
      await shoot(page, 'teacher-guide');
      await page.emulateMedia({ media: 'print' });
      const hidden = await page.evaluate(() => ({
        buttons: [...document.querySelectorAll('#main button')].every((b) => getComputedStyle(b).display === 'none'),
        stage: getComputedStyle(document.getElementById('stage') as HTMLElement).display,
        bg: getComputedStyle(document.body).backgroundColor,
      }));
      expect(hidden).toEqual({ buttons: true, stage: 'none', bg: 'rgb(255, 255, 255)' });
      writeFileSync(join(dir, 'guide.pdf'), await page.pdf());
      await page.emulateMedia({ media: 'screen' });
      await clickAndRender(page, 'button.back');
      await waitScreen(page, 'seats');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('made no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
  });
});
