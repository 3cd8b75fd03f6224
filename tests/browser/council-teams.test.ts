/**
 * Council teams on one screen, in the browser: the teacher sets up teams for the Council's
 * member states, prints their role sheets, and at a Council vote each team casts its member's
 * vote; one objection blocks. The teams' votes and reasons reach the engine and the result
 * file. Without teams, the room's own vote on the proposal is counted and kept.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ResultSchema } from '../../src/classroom/index';
import {
  clickAndRender,
  expectAccessible,
  foreignRequests,
  openPage,
  openSite,
  type Site,
  shoot,
  tabTo,
  VIEWPORTS,
  waitScreen,
} from './harness';
import { pressAndWait, tabAndEnter } from './keyboard';
import { pdfPages, printedPdf } from './print-helpers';

const CASE = 'kazakhstan-2022';
const SEAT = 'chair';
let site: Site;
const dir = mkdtempSync(join(tmpdir(), 'article-four-teams-'));

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
});

afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Takes the class's default option and reads results until a Council vote (or the ending). */
async function playToCouncil(page: Page): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const main = page.locator('#main');
    if ((await main.locator('[data-vote]').count()) > 0) return true;
    if ((await main.locator('[data-continue]').count()) > 0) await clickAndRender(page, '[data-continue]');
    else if ((await main.locator('[data-class-take]').count()) > 0) await clickAndRender(page, '[data-class-take]');
    else return false;
  }
  return false;
}

async function toSeats(page: Page): Promise<void> {
  await clickAndRender(page, '[data-action="new"]');
  await clickAndRender(page, `[data-case="${CASE}"]`);
  await waitScreen(page, 'seats');
}

/** The live region's text once it says `want` (it is announced a moment after the click). */
async function liveText(page: Page, want: string): Promise<string> {
  await page
    .waitForFunction((w) => document.getElementById('live')?.textContent?.includes(w), want, { timeout: 10_000 })
    .catch(() => {});
  return (await page.textContent('#live')) ?? '';
}

describe('Council teams', () => {
  it('sets up teams, prints their role sheets, and plays a Council vote by teams to a result file', async () => {
    const { page, context, errors } = await openPage(site, {
      viewport: VIEWPORTS.projector,
      query: '?seed=11',
      reducedMotion: true,
    });
    try {
      await toSeats(page);
      expect(await page.textContent('#main [data-teams-summary]')).toContain('none');
      await clickAndRender(page, '[data-action="council-teams"]');
      await waitScreen(page, 'council-teams');
      const seats = await page.locator('#main [data-team-name]').count();
      expect(seats).toBe(6);

      // Two teams typed, the rest named at once, then one member handed back to the game.
      await page.fill('#main [data-team-name="russia"]', 'Team Bear');
      await page.fill('#main [data-team-name="armenia"]', 'Team Ararat');
      await page.click('#main [data-action="name-teams"]');
      const names = await page
        .locator('#main [data-team-name]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(names.filter((n) => n.trim() !== '')).toHaveLength(6);
      expect(names).toContain('Team A');
      await page.fill('#main [data-team-name="belarus"]', '');
      // A name used twice is reported, and mended.
      await page.fill('#main [data-team-name="tajikistan"]', 'team bear');
      expect(await page.textContent('#main .team-problems')).toContain('two teams are called');
      await page.fill('#main [data-team-name="tajikistan"]', 'Team Pamir');
      expect(await page.locator('#main .team-problems li').count()).toBe(0);
      await expectAccessible(page, 'council teams set-up');
      await shoot(page, 'council-teams-setup');

      // Role sheets: one per team, one A4 page each, then the glossary once, on its own sheet.
      await clickAndRender(page, '[data-action="role-sheets"]');
      await waitScreen(page, 'role-sheets');
      expect(await page.locator('#main [data-role-sheet]').count()).toBe(5);
      expect(await page.locator('#main [data-glossary-sheet]').count()).toBe(1);
      expect(await page.locator('#main [data-role-sheet] dl.glossary').count()).toBe(0);
      const sheets = (await page.textContent('#main')) ?? '';
      expect(sheets).toContain('Team Bear: Russia');
      expect(sheets).toContain('Team Ararat: Armenia');
      expect(sheets).not.toContain(': Belarus');
      // The chair is Armenia's seat: Team Ararat's sheet says it sits that seat out, and lists only
      // the votes a run from Tokayev's seat meets; Russia's lists each seat's votes under its heading.
      expect(await page.textContent('#main [data-role-sheet="armenia"] [data-sits-out="chair"]')).toContain(
        'your team sits out',
      );
      expect(
        await page.$$eval('#main [data-role-sheet="armenia"] .role-sheet-group', (gs) =>
          gs.map((g) => (g as HTMLElement).dataset.seats),
        ),
      ).toEqual(['tokayev']);
      expect(
        await page.$$eval('#main [data-role-sheet="russia"] .role-sheet-group', (gs) =>
          gs.map((g) => [
            (g as HTMLElement).dataset.seats,
            [...g.querySelectorAll<HTMLElement>('[data-step]')].map((li) => li.dataset.step),
          ]),
        ),
      ).toEqual([
        ['chair', ['ch-council', 'ch-council-2']],
        ['tokayev', ['tk-council', 'tk-late-council']],
      ]);
      // Once the class's seat is chosen, each sheet lists only the votes that seat meets.
      await page.selectOption('#role-sheets-seat', 'tokayev');
      expect(
        await page.$$eval('#main [data-role-sheet="russia"] .role-sheet-group', (gs) =>
          gs.map((g) => (g as HTMLElement).dataset.seats),
        ),
      ).toEqual(['tokayev']);
      expect(await page.locator('#main [data-role-sheet="armenia"] [data-sits-out]').count()).toBe(0);
      await page.selectOption('#role-sheets-seat', '');
      expect(await page.locator('#main [data-role-sheet="russia"] .role-sheet-group').count()).toBe(2);
      await expectAccessible(page, 'role sheets');
      await shoot(page, 'role-sheets');
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => ({
        buttons: [...document.querySelectorAll('#main button')].every((b) => getComputedStyle(b).display === 'none'),
        breaks: [...document.querySelectorAll('[data-role-sheet], [data-glossary-sheet]')]
          .slice(1)
          .every((s) => getComputedStyle(s).breakBefore === 'page'),
      }));
      expect(printed).toEqual({ buttons: true, breaks: true });
      // A4, as the page's @page rule asks (the browser's Print does the same).
      const pdf = await printedPdf(page);
      writeFileSync(join(dir, 'role-sheets.pdf'), pdf);
      // Five sheets and the glossary, each starting its own page and none taking two.
      expect(pdfPages(pdf)).toBe(6);
      await page.emulateMedia({ media: 'screen' });

      await clickAndRender(page, 'button.back');
      await waitScreen(page, 'council-teams');
      await clickAndRender(page, '[data-action="teams-done"]');
      await waitScreen(page, 'seats');
      const summary = (await page.textContent('#main [data-teams-summary]')) ?? '';
      expect(summary).toContain('Team Bear (Russia)');
      expect(summary).not.toContain('Belarus');
      // The chair is Armenia's seat: Team Ararat sits out when the class plays it.
      expect(await page.textContent(`#main [data-role="${SEAT}"] [data-sits-out]`)).toContain(
        'Team Ararat holds Armenia',
      );
      // Setting up teams turns class mode on.
      expect(await page.isChecked('#class-mode')).toBe(true);

      await clickAndRender(page, `[data-role="${SEAT}"]`);
      await clickAndRender(page, '[data-action="begin"]');
      expect(await playToCouncil(page)).toBe(true);

      // Teams survive a reload in the middle of the run.
      await page.reload();
      await page.waitForFunction(
        () => (window as unknown as { __articleFour?: { ready: boolean } }).__articleFour?.ready,
      );
      await waitScreen(page, 'play');
      const main = page.locator('#main');
      expect(await main.locator('fieldset.team-vote-choice').count()).toBe(4);
      expect(await main.locator('[data-member="armenia"] .team-vote').count()).toBe(0);
      expect(await main.locator('[data-member="belarus"] .team-vote').count()).toBe(0);
      expect(await main.locator('[data-council-tally]').getAttribute('data-verdict')).toBe('pending');
      // The chamber shows the seats whose team has not voted as waiting.
      const waiting = await page.evaluate(
        () =>
          (window as unknown as { __articleFour: { screen(): { teams: { voted: boolean }[] } } }).__articleFour.screen()
            .teams,
      );
      expect(waiting.filter((t) => !t.voted)).toHaveLength(4);
      const step = (await main.locator('[data-step]').getAttribute('data-step')) ?? '';

      // Calling the vote before every team has voted names who is missing and calls nothing.
      await main.locator('[data-vote="call"]').click();
      expect(await liveText(page, 'waiting for')).toContain('waiting for');
      expect(await main.locator('[data-step]').getAttribute('data-step')).toBe(step);

      // Every team supports but Team Bear, which objects: blocked.
      const held = await main
        .locator('[data-team-vote]')
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-team-vote') ?? ''))]);
      expect(held.sort()).toEqual(['kazakhstan', 'kyrgyzstan', 'russia', 'tajikistan']);
      // Lobbying is offered only for members no team holds.
      const lobbies = await main
        .locator('[data-lobby]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-lobby')));
      for (const actor of lobbies) expect(held).not.toContain(actor);
      for (const actor of held) {
        await main.locator(`#team-vote-${actor}-${actor === 'russia' ? 'object' : 'support'}`).check();
      }
      await main.locator('[data-team-rationale="russia"]').fill('Moscow wants a free hand, not a Council mandate.');
      await page.fill('#rationale', 'The chair heard every team.');
      const status = (await main.locator('[data-council-tally]').textContent()) ?? '';
      expect(status).toContain('Blocked: Russia (Team Bear) objects.');
      expect(status).toMatch(/Support \d · Abstain \d · Object 1/);
      await expectAccessible(page, 'Council vote by teams');
      await shoot(page, 'council-teams-vote');

      await clickAndRender(page, '[data-vote="call"]');
      expect(await page.textContent('#main')).toContain('Blocked: the Council does not agree.');
      // How each member voted, in text as well as in the chamber.
      const votes = (await page.textContent('#main [data-votes]')) ?? '';
      expect(votes).toContain('Russia (Team Bear): ✕ Objects');
      expect(votes).toMatch(/Armenia: /);
      expect(votes).not.toContain('Team Ararat');
      expect(votes).toMatch(/Belarus: /);
      const chamber = await page.evaluate(() =>
        (
          window as unknown as { __articleFour: { screen(): { teams: unknown; verdict: unknown } } }
        ).__articleFour.screen(),
      );
      expect(chamber.verdict).toBe('blocked');
      expect(chamber.teams).toContainEqual({ actor: 'russia', team: 'Team Bear', voted: true });
      const saved = await page.evaluate(() => {
        const raw = localStorage.getItem('article-four:save:v1');
        return raw
          ? (JSON.parse(raw) as {
              teams?: { team: string; actor: string }[];
              councilTeams?: { consensus: boolean; votes: { team: string; position: string }[] }[];
              engine: { events: { type: string; positions?: Record<string, string>; rationale?: string }[] };
            })
          : null;
      });
      expect(saved?.teams).toHaveLength(4);
      const call = saved?.engine.events.find((e) => e.type === 'CALL_VOTE');
      expect(call?.positions).toEqual({
        russia: 'object',
        kazakhstan: 'support',
        kyrgyzstan: 'support',
        tajikistan: 'support',
      });
      expect(call?.rationale).toContain('The chair heard every team.');
      expect(call?.rationale).toContain('Team Bear (Russia, object): Moscow wants a free hand');
      expect(saved?.councilTeams?.[0]?.consensus).toBe(false);

      // On to the end: at any later Council every team supports.
      for (let i = 0; i < 10 && (await playToCouncil(page)); i++) {
        for (const actor of await main
          .locator('[data-team-vote]')
          .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-team-vote') ?? ''))])) {
          await main.locator(`#team-vote-${actor}-support`).check();
        }
        expect(await main.locator('[data-council-tally]').getAttribute('data-verdict')).toBe('consensus');
        await clickAndRender(page, '[data-vote="call"]');
        expect(await page.textContent('#main')).toContain('Consensus: the Council agrees.');
      }
      for (
        let i = 0;
        i < 5 && (await page.evaluate(() => document.getElementById('app')?.dataset.screen)) !== 'debrief';
        i++
      ) {
        await clickAndRender(page, 'button.btn-primary');
      }
      await waitScreen(page, 'debrief');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="save-results"]')]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      const parsed = ResultSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) throw new Error(parsed.error.message);
      const result = parsed.data;
      const first = result.councilTeams?.[0];
      expect(first?.step).toBe(step);
      expect(first?.consensus).toBe(false);
      expect(first?.votes.find((v) => v.actor === 'russia')).toEqual({
        team: 'Team Bear',
        actor: 'russia',
        position: 'object',
        rationale: 'Moscow wants a free hand, not a Council mandate.',
      });
      const decision = result.decisions.find((d) => d.turn === first?.turn);
      expect(decision?.tally).toMatchObject({ object: 1 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without teams, counts the room’s vote on the proposal and keeps it with the decision', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=12' });
    try {
      await toSeats(page);
      await page.check('#class-mode');
      await clickAndRender(page, `[data-role="${SEAT}"]`);
      await clickAndRender(page, '[data-action="begin"]');
      expect(await playToCouncil(page)).toBe(true);
      const main = page.locator('#main');
      expect(await main.locator('.team-vote').count()).toBe(0);
      await main.locator('[data-tally="support"]').fill('12');
      await main.locator('[data-tally-plus="object"]').click();
      await main.locator('[data-tally-plus="object"]').click();
      await main.locator('[data-tally-plus="abstain"]').click();
      await main.locator('[data-tally-minus="abstain"]').click();
      expect(await main.locator('.tally-total').textContent()).toBe('14 votes in all');
      await expectAccessible(page, 'room vote at the Council');
      await clickAndRender(page, '[data-vote="call"]');
      const events = await page.evaluate(() => {
        const raw = localStorage.getItem('article-four:save:v1');
        return raw
          ? (JSON.parse(raw) as { engine: { events: { type: string; tally?: unknown; positions?: unknown }[] } })
          : null;
      });
      const call = events?.engine.events.find((e) => e.type === 'CALL_VOTE');
      expect(call?.tally).toEqual({ support: 12, object: 2 });
      expect(call?.positions).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sets up teams and plays a Council vote by teams with the keyboard alone', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=13' });
    try {
      await tabAndEnter(page, '[data-action="new"]');
      await tabAndEnter(page, `[data-case="${CASE}"]`);
      await waitScreen(page, 'seats');
      await tabAndEnter(page, '[data-action="council-teams"]');
      await waitScreen(page, 'council-teams');
      await tabTo(page, '[data-team-name="russia"]');
      await page.keyboard.type('Keys Bear');
      await tabTo(page, '[data-action="name-teams"]');
      await page.keyboard.press('Enter');
      // Each member's votes as a run meets them, and which seat's member a team would give up.
      expect(await page.textContent('#team-armenia-help')).toMatch(
        /Sits on \d+ Council votes? in this case; (a run meets [\d–]+ of them, depending on the path|every run meets).*If the class plays “Chair of the Collective Security Council[^”]*”, this member votes as the class’s decisions have it, and the team sits out\./,
      );
      await tabAndEnter(page, '[data-action="teams-done"]');
      await waitScreen(page, 'seats');
      expect(await page.isChecked('#class-mode')).toBe(true);
      // The chair is Armenia's seat: the team holding Armenia sits out when the class plays it.
      expect(await page.textContent(`#main [data-role="${SEAT}"] [data-sits-out]`)).toContain('sits out');
      await tabAndEnter(page, `[data-role="${SEAT}"]`);
      await tabAndEnter(page, '[data-action="begin"]');
      await waitScreen(page, 'play');
      for (let i = 0; i < 60 && (await page.locator('#main [data-vote]').count()) === 0; i++) {
        if ((await page.locator('#main [data-continue]').count()) > 0) await pressAndWait(page, 'Enter');
        else await tabAndEnter(page, '[data-class-take]');
      }
      const main = page.locator('#main');
      const held = await main
        .locator('[data-team-vote]')
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-team-vote') ?? ''))]);
      // Six members sit; the class plays Armenia's, so five teams vote.
      expect(held).toHaveLength(5);
      expect(held).not.toContain('armenia');
      // Lobbying is offered only for members no team holds.
      const lobbied = await main
        .locator('[data-lobby]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-lobby')));
      for (const actor of lobbied) expect(held).not.toContain(actor);
      // Tab reaches each team's radio group on its first option; Space takes it, arrows move on.
      for (const actor of held) {
        await tabTo(page, `#team-vote-${actor}-support`);
        if (actor === 'russia') {
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('ArrowRight');
        } else {
          await page.keyboard.press('Space');
        }
      }
      expect(await main.locator('#team-vote-russia-object').isChecked()).toBe(true);
      expect(await main.locator('[data-council-tally]').textContent()).toContain(
        'Blocked: Russia (Keys Bear) objects.',
      );
      await tabAndEnter(page, '[data-vote="call"]');
      expect(await page.textContent('#main [data-votes]')).toContain('Russia (Keys Bear): ✕ Objects');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens the role sheets of every Council seat from the teacher guide', async () => {
    const { page, context, errors } = await openPage(site);
    try {
      await toSeats(page);
      await clickAndRender(page, '[data-action="teacher-guide"]');
      await clickAndRender(page, '[data-action="role-sheets"]');
      await waitScreen(page, 'role-sheets');
      expect(await page.locator('#main [data-role-sheet]').count()).toBe(6);
      await clickAndRender(page, 'button.back');
      await waitScreen(page, 'teacher-guide');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('made no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
  });
});
