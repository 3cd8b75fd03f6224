/**
 * Real dilemmas, as a player sees them in the browser:
 * - the numbers tell the truth: at every result and step, the meters listed in the panel and the
 *   gauges the scenes draw equal the start plus every ledger line shown so far, and a result
 *   shows the date of the decision it follows;
 * - forecasts follow the setting (advisers' estimates by default, full numbers, none), and a class
 *   run keeps the setting it started with across a reload;
 * - no option is marked invented before the decision; the result says what history did.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Scenario } from '../../src/engine/index';
import { formatDate } from '../../src/ui/dom';
import { bundledScenario } from '../helpers';
import { clickAndRender, openPage, openSite, type Site, shoot, waitScreen } from './harness';
import { advance, pressAndWait, startRun, tabAndEnter } from './keyboard';

let site: Site;

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
});
afterAll(async () => {
  await site?.close();
});

interface Line {
  meter: string;
  delta: number;
  cause: string;
}

interface Shown {
  screen: string;
  step: string | null;
  result: string | null;
  listed: Record<string, number>;
  gauges: Record<string, number> | null;
  news: Line[];
  ledger: Line[];
  /** Lobbying costs shown in the Council members' rows as they are paid. */
  lobbyCosts: Line[];
  topbar: string;
  choices: number;
  lobbies: number;
  vote: boolean;
  invented: number;
}

async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const main = document.getElementById('main') as HTMLElement;
    const deltas = (sel: string) =>
      [...main.querySelectorAll<HTMLElement>(sel)].map((el) => ({
        meter: el.dataset.meter ?? '',
        delta: Number(el.dataset.delta),
        cause: el.dataset.cause ?? '',
      }));
    const payload = (
      window as unknown as { __articleFour: { screen(): { meters: { id: string; value: number }[] | null } | null } }
    ).__articleFour.screen();
    return {
      screen: document.getElementById('app')?.dataset.screen ?? '',
      step: main.querySelector<HTMLElement>('[data-step]')?.dataset.step ?? null,
      result: main.querySelector<HTMLElement>('[data-result]')?.dataset.result ?? null,
      listed: Object.fromEntries(
        [...main.querySelectorAll<HTMLElement>('ul.meters [data-meter]')].map((el) => [
          el.dataset.meter,
          Number(el.dataset.value),
        ]),
      ),
      gauges: payload?.meters ? Object.fromEntries(payload.meters.map((m) => [m.id, m.value])) : null,
      news: deltas('section.news [data-delta]'),
      ledger: deltas('table.ledger [data-delta]'),
      lobbyCosts: deltas('.members .member [data-delta]'),
      topbar: document.querySelector('.topbar-case')?.textContent ?? '',
      choices: main.querySelectorAll('[data-choice]').length,
      lobbies: main.querySelectorAll('[data-lobby]').length,
      vote: main.querySelector('[data-vote]') !== null,
      invented: main.querySelectorAll('.choices .tag-invented').length,
    };
  });
}

/** Opens Settings from the top bar, picks a forecast mode by its label, and goes back to the game. */
async function setForecasts(page: Page, label: string): Promise<void> {
  await page.locator('.topbar-actions button', { hasText: 'Settings' }).click();
  await waitScreen(page, 'settings');
  await page.getByLabel(label).check();
  await page.locator('#main button', { hasText: 'Done' }).click();
  await waitScreen(page, 'play', '[data-choice]');
}

function startPlus(s: Scenario, lines: Line[]): Record<string, number> {
  const out = Object.fromEntries(s.meters.map((m) => [m.id, m.start]));
  for (const l of lines) out[l.meter] = (out[l.meter] ?? 0) + l.delta;
  return out;
}

describe('the numbers tell the truth', () => {
  it.each([
    ['kyrgyzstan-2010', 'alliance'],
    ['armenia-2021', 'armenia'],
  ])('%s from seat %s: panel and gauges = start + ledger shown, at every screen', async (caseId, roleId) => {
    const s = bundledScenario(caseId);
    const { page, context, errors } = await openPage(site, { query: '?seed=7', reducedMotion: true });
    await startRun(page, caseId, roleId);
    const lines: Line[] = [];
    const counted = new Set<string>();
    let checked = 0;
    let lastStep = '';
    let lobbied = false;
    for (let i = 0; i < 200; i++) {
      const v = await shown(page);
      if (v.screen !== 'play') break;
      if (v.result) {
        // Lobbying costs were counted when the Council screen showed them paid; the vote's ledger lists them again.
        if (!counted.has(`r${v.result}`)) lines.push(...v.ledger.filter((l) => !l.cause.startsWith('lobby:')));
        counted.add(`r${v.result}`);
        // The date shown is the decided step's, not the next one's.
        const decided = s.steps.find((x) => x.id === lastStep);
        if (decided) expect(v.topbar).toContain(formatDate(decided.date));
      } else if (v.step) {
        const key = `s${v.step}:${counted.size}`;
        if (!counted.has(key) && v.step !== lastStep) lines.push(...v.news);
        counted.add(key);
        if (v.step !== lastStep) lobbied = false;
        lastStep = v.step;
        for (const cost of v.lobbyCosts) {
          const key = `${cost.cause}:${cost.meter}@${v.step}`;
          if (!counted.has(key)) lines.push(cost);
          counted.add(key);
        }
      }
      const want = startPlus(s, lines);
      expect(v.listed, `panel at ${v.result ? `result ${v.result}` : v.step}`).toEqual(want);
      if (v.gauges) expect(v.gauges, `gauges at ${v.result ? `result ${v.result}` : v.step}`).toEqual(want);
      expect(v.invented).toBe(0);
      checked++;
      if (v.result || (!v.choices && !v.vote)) await pressAndWait(page, 'Enter');
      else if (v.choices) await pressAndWait(page, String(Math.min(v.choices, 2)));
      else if (v.lobbies > 0 && !lobbied) {
        lobbied = true;
        await pressAndWait(page, '1');
      } else await clickAndRender(page, '[data-vote]');
    }
    expect(checked).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('forecasts follow the setting, and invented options are told after the decision', () => {
  it('advisers’ estimates by default, full numbers or none from Settings; history after the decision', async () => {
    const { page, context } = await openPage(site, { query: '?seed=3', reducedMotion: true });
    await startRun(page, 'kazakhstan-2022', 'chair');
    while ((await shown(page)).choices === 0) await advance(page);
    const modes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#main [data-forecast]')].map((e) => e.dataset.forecast),
      );
    const first = await shown(page);
    expect(await modes()).toEqual(Array(first.choices).fill('advisers'));
    const text = await page.locator('#main .choices').textContent();
    expect(text).toMatch(/likely to (rise|fall)|could rise or fall|expect no meter/);
    expect(text).not.toMatch(/\d\.\d/);
    await shoot(page, 'forecast-advisers');

    await setForecasts(page, 'Full numbers');
    expect(await modes()).toEqual(Array(first.choices).fill('numbers'));
    await shoot(page, 'forecast-numbers');

    await setForecasts(page, 'No forecasts');
    expect(await modes()).toEqual([]);
    expect(await page.locator('#main .hint').first().textContent()).toContain('Forecasts are off');

    // After the decision: whether history took it, and (if so) which option it took.
    await pressAndWait(page, '2');
    await waitScreen(page, 'play', '[data-history-note]');
    const note = await page.locator('#main [data-history-note]').textContent();
    expect(note).toMatch(/History took the same decision here|History’s decision here/);
    await shoot(page, 'result-history-note');
    await context.close();
  });

  it('a class run keeps the forecasts chosen on the seat screen, across a reload', async () => {
    const { page, context } = await openPage(site, { query: '?seed=5', reducedMotion: true });
    await tabAndEnter(page, '[data-action="new"]');
    await waitScreen(page, 'cases');
    await tabAndEnter(page, '[data-case="kyrgyzstan-2010"]');
    await waitScreen(page, 'seats');
    await page.locator('#class-mode').check();
    await page.locator('#class-forecast').selectOption('none');
    await clickAndRender(page, '[data-role="alliance"]');
    await waitScreen(page, 'briefing');
    await clickAndRender(page, '[data-action="begin"]');
    await waitScreen(page, 'play');
    while ((await page.locator('#main [data-class-option]').count()) === 0) await advance(page);
    expect(await page.locator('#main [data-forecast]').count()).toBe(0);
    await page.reload();
    await page.waitForFunction(
      () => (window as unknown as { __articleFour?: { ready: boolean } }).__articleFour?.ready,
    );
    const resume = page.locator('#main [data-action="continue"]');
    if ((await resume.count()) > 0) await clickAndRender(page, '[data-action="continue"]');
    await waitScreen(page, 'play', '[data-class-option]');
    expect(await page.locator('#main [data-forecast]').count()).toBe(0);
    await context.close();
  });
});
