/**
 * Forged result files in the instructor dashboard (issue 17): each result is replayed against its
 * case; a file whose claims its moves do not give, or that no run could give, is listed by name
 * with the reason under "flagged, not counted", and its numbers appear nowhere in the summary.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildResult, type ResultFile, resultFileName, serializeResult } from '../../src/classroom/index';
import { loadScenario, randomPlaythrough } from '../../src/engine/index';
import { CLASS_RESULT_OPTIONS, FORGED_ENDING } from '../helpers';
import { loadFiles, openDashboard } from './dashboard-page';
import { openSite, ROOT, type Site } from './harness';

let site: Site;
let dir: string;
/** Three genuine results of a bundled case, then two forgeries of the first. */
let paths: string[];

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
  dir = mkdtempSync(join(tmpdir(), 'article-four-forged-'));
  const file = 'kazakhstan-2022.yaml';
  const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios', file)), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const s = loaded.scenario;
  const genuine = [1, 2, 3].map((seed) => {
    const g = randomPlaythrough(s, s.roles[0]?.id ?? '', seed);
    const r = buildResult(g, { ...CLASS_RESULT_OPTIONS, student: `Student ${seed}` });
    g.stop();
    return r;
  });
  const forged: [string, (r: ResultFile) => void][] = [
    ['forged-ending.json', (r) => Object.assign(r, { ending: { ...FORGED_ENDING } })],
    ['forged-meter.json', (r) => Object.assign(r.meters[0] ?? {}, { value: 1e308 })],
  ];
  const files = [
    ...genuine.map((r) => ({ name: resultFileName(r), result: r })),
    ...forged.map(([name, edit]) => {
      const r = structuredClone(genuine[0] as ResultFile);
      r.student = name;
      edit(r);
      return { name, result: r };
    }),
  ];
  paths = files.map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, serializeResult(f.result));
    return p;
  });
});

afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('instructor dashboard and forged files', () => {
  it('flags forged files by name and with the reason, and counts them nowhere', async () => {
    const { page, context, errors } = await openDashboard(site);
    try {
      const announced = await loadFiles(page, paths);
      expect(announced).toBe('5 results loaded, 2 flagged and not counted.');
      expect(await page.textContent('#result-count')).toBe('3');
      expect(await page.textContent('[data-flagged]')).toBe('2');
      const flagged = await page.$$eval('#problems .flagged li', (lis) =>
        lis.map((li) => ({ file: (li as HTMLElement).dataset.file ?? '', text: li.textContent ?? '' })),
      );
      expect(flagged.map((f) => f.file)).toEqual(['forged-ending.json', 'forged-meter.json']);
      expect(flagged[0]?.text).toContain('names an ending the case does not have');
      expect(flagged[0]?.text).not.toContain('students_won');
      expect(flagged[1]?.text).toContain('outside its range');
      expect(await page.isVisible('#problems .flagged')).toBe(true);
      expect(await page.textContent('#summary')).not.toContain('The students won the game');
      // Kept out of the summary at a glance too: the grid's rows and the endings are the genuine runs'.
      expect(await page.$$eval('#glance tr.grid-row .grid-name', (as) => as.map((a) => a.textContent))).toEqual([
        'Student 1',
        'Student 2',
        'Student 3',
      ]);
      expect(await page.textContent('#glance')).not.toContain('The students won the game');
      expect(await page.textContent('#glance .glance-notice')).toBe('2 files not counted: see which and why.');
      expect(await page.textContent('#summary')).not.toContain('e+30');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
