/**
 * The instructor dashboard (dashboard.html): result files made from real runs of a bundled case
 * are loaded with the file input; the page counts them, reports a malformed and a foreign file by
 * name and skips them, shows exactly the runs' own distributions beside history, the rationales,
 * and exports the same CSV as `resultsToCsv`. No request leaves the local server.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  buildResult,
  csvCell,
  type LoadedResult,
  loadResultFiles,
  type ResultFile,
  resultFileName,
  resultsToCsv,
  serializeResult,
} from '../../src/classroom/index';
import { formatDiagnostic, Game, loadScenario, randomPlaythrough, type Scenario } from '../../src/engine/index';
import { loadFiles, openDashboard, renders } from './dashboard-page';
import {
  axe,
  describeViolations,
  focusVisible,
  foreignRequests,
  openSite,
  ROOT,
  type Site,
  tabTo,
  VIEWPORTS,
} from './harness';

const CASE_FILE = 'kazakhstan-2022.yaml';
const SEEDS = [11, 22, 33];

interface Run {
  game: Game;
  result: ResultFile;
  fileName: string;
  rationales: string[];
}

function loadCase(file: string): Scenario {
  const r = loadScenario(readFileSync(join(ROOT, 'scenarios', file)), file);
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return r.scenario;
}

/** The class run's room vote on the proposal at each Council vote. */
const ROOM_VOTE = { support: 14, abstain: 3, object: 5 };

/**
 * A random playthrough, played again move by move with a rationale at every decision (and, for
 * the class run, the room's tally at the first one and at each Council vote), so the result
 * holds real written reasons.
 */
function playWithRationales(s: Scenario, role: string, seed: number, k: number, classMode: boolean): Run {
  const auto = randomPlaythrough(s, role, seed);
  const moves = [...auto.log()];
  const plain = auto.debrief().decisions.map((d) => d.yours.id);
  auto.stop();
  const game = Game.start(s, { role, seed });
  const rationales: string[] = [];
  let n = 0;
  for (const m of moves) {
    let ok: boolean;
    if (m.type === 'CHOOSE' || m.type === 'CALL_VOTE') {
      n++;
      // Markup and a formula in a student's words must stay text, on the page and in the CSV.
      const rationale =
        n === 1
          ? `Run ${k}: <img src=x onerror="window.__pwned=1"> we act first.\nSecond line, «quoted».`
          : n === 2
            ? `=HYPERLINK("http://example.invalid","run ${k}")`
            : `Run ${k}, decision ${n}: because the treaty says so.`;
      rationales.push(rationale);
      const tally = classMode && n === 1 && m.type === 'CHOOSE' ? { [m.choice]: 17 } : undefined;
      ok =
        m.type === 'CHOOSE'
          ? game.choose(m.choice, { rationale, ...(tally ? { tally } : {}) })
          : game.callVote({ rationale, ...(classMode ? { tally: ROOM_VOTE } : {}) });
    } else {
      ok = game.send(m);
    }
    if (!ok) throw new Error(`move ${JSON.stringify(m)} did not apply on replay`);
  }
  if (!game.ended) throw new Error('the replayed run did not end');
  // Rationales do not change the run.
  if (game.debrief().decisions.some((d, i) => d.yours.id !== plain[i])) throw new Error('rationales changed the run');
  const result = buildResult(game, {
    startedAt: `2026-11-27T10:0${k}:00+01:00`,
    finishedAt: `2026-11-27T10:3${k}:05+01:00`,
    mode: classMode ? 'class' : 'solo',
    appVersion: '0.1.0',
    ...(k === 1 ? { student: 'Ana García' } : {}),
    ...(k === 2 ? { team: 'Team Blue' } : {}),
    ...(k === 3 ? { student: 'Айгерим', team: 'Team Red' } : {}),
  });
  return { game, result, fileName: resultFileName(result), rationales };
}

/** Per step: how many decisions took each option, from the runs' own debriefs. */
function expectedCounts(runs: readonly Run[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of runs) {
    for (const d of r.game.debrief().decisions) {
      const m = out.get(d.step) ?? new Map<string, number>();
      m.set(d.yours.id, (m.get(d.yours.id) ?? 0) + 1);
      out.set(d.step, m);
    }
  }
  return out;
}

const scenario = loadCase(CASE_FILE);
const role = scenario.roles[0]?.id ?? '';
const runs = SEEDS.map((seed, i) => playWithRationales(scenario, role, seed, i + 1, i === 1));
const MALFORMED = 'article-four_kazakhstan-2022_chair_damaged.json';
const FOREIGN = 'lesson-plan.json';

let site: Site;
let dir: string;
let paths: string[];
/** The three results as the node side reads the same bytes. */
let loaded: LoadedResult[];

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
  dir = mkdtempSync(join(tmpdir(), 'article-four-results-'));
  const files: { name: string; text: string }[] = runs.map((r) => ({
    name: r.fileName,
    text: serializeResult(r.result),
  }));
  const first = files[0]?.text ?? '';
  // A file cut short in the middle (a damaged download), and somebody else's JSON.
  files.splice(1, 0, { name: MALFORMED, text: first.slice(0, Math.floor(first.length / 2)) });
  files.push({ name: FOREIGN, text: `${JSON.stringify({ title: 'Lesson plan', weeks: [1, 2, 3] })}\n` });
  paths = files.map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, f.text);
    return p;
  });
  const node = loadResultFiles(files);
  expect(node.results).toHaveLength(3);
  loaded = node.results;
});

afterAll(async () => {
  for (const r of runs) r.game.stop();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface StepOnPage {
  step: string;
  caption: string;
  rows: { id: string; count: number; history: boolean; label: string }[];
}

async function stepsOnPage(page: Page): Promise<StepOnPage[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#summary .step')].map((a) => ({
      step: a.dataset.step ?? '',
      caption: a.querySelector('caption')?.textContent ?? '',
      rows: [...a.querySelectorAll<HTMLElement>('table.distribution tr[data-option]')].map((tr) => ({
        id: tr.dataset.option ?? '',
        count: Number(tr.querySelector('.count')?.textContent),
        history: tr.classList.contains('is-history') && (tr.querySelector('th')?.textContent ?? '').includes('History'),
        label: tr.querySelector('.option-label')?.textContent ?? '',
      })),
    })),
  );
}

describe('instructor dashboard', () => {
  it('counts three results, reports the malformed and the foreign file, and shows the runs’ own distributions', async () => {
    const { page, context, errors, writes } = await openDashboard(site);
    try {
      const announced = await loadFiles(page, paths);
      expect(announced).toBe('3 results loaded, 2 files skipped.');
      expect(await page.getAttribute('#live', 'role')).toBe('status');
      expect(await page.textContent('#result-count')).toBe('3');
      expect(await page.textContent('[data-mode="solo"]')).toBe('2');
      expect(await page.textContent('[data-mode="class"]')).toBe('1');

      // Skipped files, by name and with the reason.
      const problems = await page.$$eval('#problems li', (lis) =>
        lis.map((li) => ({ file: (li as HTMLElement).dataset.file ?? '', text: li.textContent ?? '' })),
      );
      expect(problems.map((p) => p.file)).toEqual([MALFORMED, FOREIGN]);
      expect(problems[0]?.text).toContain('is not valid JSON');
      expect(problems[1]?.text).toContain(`${FOREIGN} is not an Article Four result file`);
      expect(await page.textContent('#problems h2')).toBe('2 files skipped');

      // Every step: the bars show exactly the counts the runs made, history's choice marked.
      const expected = expectedCounts(runs);
      const steps = await stepsOnPage(page);
      expect(new Set(steps.map((s) => s.step))).toEqual(new Set(expected.keys()));
      for (const s of steps) {
        const want = expected.get(s.step) ?? new Map<string, number>();
        const shown = new Map(s.rows.filter((r) => r.count > 0).map((r) => [r.id, r.count]));
        expect(shown, `counts at ${s.step}`).toEqual(want);
      }

      // The chosen decision: the step where the three runs split the most.
      const chosen = [...expected.entries()].sort(
        ([, a], [, b]) =>
          b.size - a.size || [...b.values()].reduce((x, y) => x + y) - [...a.values()].reduce((x, y) => x + y),
      )[0];
      if (!chosen) throw new Error('no decisions in the runs');
      const [stepId, counts] = chosen;
      expect(counts.size, 'the runs split at some step').toBeGreaterThanOrEqual(2);
      const onPage = steps.find((s) => s.step === stepId);
      if (!onPage) throw new Error(`step ${stepId} is not on the page`);
      for (const row of onPage.rows) expect(row.count, row.id).toBe(counts.get(row.id) ?? 0);
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const history = scenario.steps.find((x) => x.id === stepId)?.history?.choice;
      const decisions = runs.flatMap((r) => r.game.debrief().decisions.filter((d) => d.step === stepId));
      if (history) {
        expect(onPage.rows.filter((r) => r.history).map((r) => r.id)).toEqual([history]);
        const matched = decisions.filter((d) => d.matched).length;
        expect(onPage.caption).toContain(`${matched} of ${total} decision`);
      }
      // Labels are the case's.
      const step = scenario.steps.find((x) => x.id === stepId);
      for (const c of step?.choices ?? []) {
        expect(onPage.rows.find((r) => r.id === c.id)?.label).toBe(c.label);
      }

      // The class run's vote on the proposal, beside the Council's outcomes at each vote it held.
      const voteSteps = new Set(runs[1]?.result.decisions.filter((d) => d.kind === 'vote').map((d) => d.step));
      expect(voteSteps.size, 'the class run holds a Council vote').toBeGreaterThan(0);
      const roomVotes = await page.$$eval('#summary .step', (as) =>
        as.flatMap((a) => {
          const line = a.querySelector('.proposal-votes');
          return line ? [[(a as HTMLElement).dataset.step ?? '', line.textContent ?? '']] : [];
        }),
      );
      expect(new Map(roomVotes as [string, string][])).toEqual(
        new Map([...voteSteps].map((id) => [id, 'Class votes on the proposal: support 14 · abstain 3 · object 5'])),
      );

      // Rationales side by side, as text: markup stays text and runs nothing.
      const quotes = await page.$$eval('#summary .rationale blockquote', (qs) => qs.map((q) => q.textContent ?? ''));
      for (const r of runs) for (const text of r.rationales) expect(quotes).toContain(text);
      expect(await page.locator('#summary img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      const who = await page.$$eval('#summary .rationale-who strong', (s) => s.map((x) => x.textContent ?? ''));
      expect(new Set(who)).toEqual(new Set(['Ana García', 'Team Blue', 'Айгерим (Team Red)']));

      // Endings reached and meters at the end.
      const endings = await page.$$eval('#summary table.endings-table tr[data-ending]', (trs) =>
        trs.map((tr) => [(tr as HTMLElement).dataset.ending ?? '', Number(tr.querySelector('.count')?.textContent)]),
      );
      const reached = new Map<string, number>();
      for (const r of runs) {
        const id = r.result.ending?.id ?? '';
        reached.set(id, (reached.get(id) ?? 0) + 1);
      }
      expect(new Map(endings.filter(([, n]) => Number(n) > 0) as [string, number][])).toEqual(reached);
      expect(endings.map(([id]) => id).sort()).toEqual(scenario.endings.map((e) => e.id).sort());
      const meters = await page.$$eval('#summary table.meters-table tr[data-meter]', (trs) =>
        trs.map((tr) => (tr as HTMLElement).dataset.meter ?? ''),
      );
      expect(meters).toEqual([...scenario.meters.map((m) => m.id), 'objectives']);

      expect(errors).toEqual([]);
      expect(writes).toEqual([]);
      expect(foreignRequests(site)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('downloads a CSV whose rows are the loaded results’, with the keyboard', async () => {
    const { page, context, errors, writes } = await openDashboard(site);
    try {
      await loadFiles(page, paths);
      // The file input, then Download CSV, by Tab alone, each with a visible focus ring.
      await page.focus('#main');
      await tabTo(page, '#files');
      expect(await focusVisible(page)).toBe(true);
      await tabTo(page, '#download-csv');
      expect(await focusVisible(page)).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toMatch(/^article-four_results_\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.csv$/);
      const path = await download.path();
      const csv = readFileSync(path, 'utf8');
      expect(csv).toBe(resultsToCsv(loaded, { bom: true, scenarios: [scenario] }));
      const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
      expect(rows[0]).toBe(
        'file,group,student,team,scenario,scenario_id,seat,seat_id,seed,mode,started_at,finished_at,turn,date,step,step_id,choice,choice_id,outcome,outcome_id,history_choice,history_choice_id,matched,rationale,tally,tally_by_id,ending,ending_id',
      );
      const decisions = runs.reduce((n, r) => n + r.result.decisions.length, 0);
      // Each row ends with the ending's title, then its id for machines.
      for (const r of runs) {
        const e = r.result.ending;
        if (e) expect(csv).toContain(`,${csvCell(e.title)},${csvCell(e.id)}\r\n`);
      }
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""run 1"")"`);
      for (const r of runs) expect(csv).toContain(`${r.fileName},`);
      expect(csv).not.toContain(MALFORMED);
      // Header, one line per decision, and the empty string after the final CRLF (the line
      // break inside each first rationale is a bare LF, inside quotes).
      expect(rows.length).toBe(1 + decisions + 1);
      expect(errors).toEqual([]);
      expect(writes).toEqual([]);
      expect(foreignRequests(site)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('adds files loaded later, clears, and loads files dropped on the page', async () => {
    const { page, context, errors } = await openDashboard(site);
    try {
      await loadFiles(page, [paths[0] ?? '']);
      expect(await page.textContent('#result-count')).toBe('1');
      // A second batch is added; the copy of the first file is reported and counted once.
      expect(await loadFiles(page, paths)).toBe('2 results loaded, 3 files skipped (3 results in all).');
      expect(await page.textContent('#result-count')).toBe('3');
      expect(await page.textContent(`#problems li[data-file="${runs[0]?.fileName}"]`)).toContain('counted once');

      await page.click('#clear');
      await page.waitForFunction(() => document.getElementById('live')?.textContent === 'Cleared: no results loaded.');
      expect(await page.isHidden('#summary')).toBe(true);
      expect(await page.isHidden('#problems')).toBe(true);
      expect(await page.isDisabled('#download-csv')).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('files');

      // Dropped anywhere on the page.
      const files = runs.map((r) => ({ name: r.fileName, text: serializeResult(r.result) }));
      const before = await renders(page);
      await page.evaluate((list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
        document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, files);
      await page.waitForFunction((n) => {
        const d = (window as unknown as { __dashboard: { renders: number; busy: boolean } }).__dashboard;
        return d.renders > n && !d.busy;
      }, before);
      expect(await page.textContent('#result-count')).toBe('3');
      expect(await page.evaluate(() => document.body.classList.contains('is-dragging'))).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('drops a batch still being read when Clear is pressed', async () => {
    const { page, context, errors } = await openDashboard(site);
    try {
      await loadFiles(page, [paths[0] ?? '']);
      // Reading a file waits until the test releases it, so Clear always comes mid-batch.
      await page.evaluate(() => {
        const read = Blob.prototype.arrayBuffer;
        const gate = new Promise<void>((resolve) => {
          (window as unknown as { __release: () => void }).__release = resolve;
        });
        Blob.prototype.arrayBuffer = async function (this: Blob) {
          await gate;
          return read.call(this);
        };
      });
      await page.setInputFiles('#files', paths);
      await page.waitForFunction(() => document.getElementById('live')?.textContent === 'Reading 5 files…');
      await page.click('#clear');
      await page.waitForFunction(() => document.getElementById('live')?.textContent === 'Cleared: no results loaded.');
      await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
      await page.waitForFunction(() => !(window as unknown as { __dashboard: { busy: boolean } }).__dashboard.busy);
      // The batch read after the clear is dropped: nothing shown, nothing announced.
      expect(await page.isHidden('#summary')).toBe(true);
      expect(await page.isHidden('#glance')).toBe(true);
      expect(await page.isHidden('#problems')).toBe(true);
      expect(await page.isVisible('#empty')).toBe(true);
      expect(await page.textContent('#live')).toBe('Cleared: no results loaded.');
      // Files loaded after the clear count as usual.
      expect(await loadFiles(page, paths)).toBe('3 results loaded, 2 files skipped.');
      expect(await page.textContent('#result-count')).toBe('3');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('passes axe and looks right at 1280×800, on a 1920×1080 projector, and in print', async () => {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const { page, context, errors } = await openDashboard(site, viewport);
      try {
        const file = (suffix: string) =>
          join(
            ROOT,
            'artifacts',
            `dashboard${name === 'laptop' ? '' : `-${viewport.width}x${viewport.height}`}${suffix}.png`,
          );
        if (name === 'laptop') {
          const empty = await axe(page);
          expect(empty, describeViolations(empty)).toEqual([]);
          await page.screenshot({ path: file('-empty') });
        }
        await loadFiles(page, paths);
        const violations = await axe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        // Nothing wider than the window.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: file('') });
        await page.locator('#summary .step').first().scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, -120));
        await page.screenshot({ path: file('-steps') });
        if (name === 'laptop') {
          // A4 at 96 dpi, as printed: light, no controls.
          await page.emulateMedia({ media: 'print' });
          await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
          await page.setViewportSize({ width: 794, height: 1123 });
          await page.evaluate(() => window.scrollTo(0, 0));
          expect(await page.isHidden('#drop')).toBe(true);
          expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
          await page.screenshot({ path: file('-print') });
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
    expect(foreignRequests(site)).toEqual([]);
  });
});
