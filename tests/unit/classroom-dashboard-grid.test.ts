/**
 * The dashboard's student × decision grid and groups side by side (dashboard-grid.ts,
 * dashboard-groups.ts): rows in the order loaded, columns in date order numbered as students saw
 * them, each cell the option's label and whether it was history's; flagged files nowhere; only
 * labels for a person to read. Expected values come from the runs themselves.
 */

import { describe, expect, it } from 'vitest';
import {
  buildResult,
  type GridRow,
  type LoadedResult,
  NO_GROUP,
  type SeatSummary,
  shortLabel,
  summarise,
} from '../../src/classroom';
import { compareGroups } from '../../src/classroom/dashboard-groups';
import { Game } from '../../src/engine';
import { outcomeLabel } from '../../src/engine/view';
import { CLASS_RESULT_OPTIONS, FORGED_ENDING, loadFixture, loadOrThrow, playThrough, SCENARIO_DIR } from '../helpers';

const mini = loadFixture('mini.yaml');
const base = CLASS_RESULT_OPTIONS;

function play(moves: { choice?: string; rationale?: string; tally?: Record<string, number> }[]): Game {
  const g = Game.start(mini, { role: 'host', seed: 4 });
  for (const m of moves) expect(m.choice ? g.choose(m.choice, m) : g.callVote(m)).toBe(true);
  while (!g.ended) g.continue();
  return g;
}

function seatOf(files: readonly LoadedResult[], groups = {}): SeatSummary {
  const seat = summarise(files, [mini], { groups }).scenarios[0]?.seats[0];
  if (!seat) throw new Error('no seat');
  return seat;
}

describe('the grid of a seat', () => {
  const games = [
    play([
      { choice: 'ask_yes', rationale: 'We cannot cope.', tally: { ask_yes: 10, ask_no: 2 } },
      { choice: 'assess_yes' },
      {},
    ]),
    play([{ choice: 'ask_no', rationale: 'Alone.' }]),
    play([{ choice: 'ask_yes' }, { choice: 'assess_no' }]),
  ];
  const names = ['P3 - Ana', 'P3 - Ben', 'P5 - Chloé'];
  const files: LoadedResult[] = games.map((g, i) => ({
    fileName: `r${i}.json`,
    result: buildResult(g, { ...base, student: names[i] }),
  }));
  const forged = structuredClone(files[0] as LoadedResult);
  forged.fileName = 'forged.json';
  forged.result.student = 'P5 - Mallory';
  forged.result.ending = { ...FORGED_ENDING };
  // The forged file first: it is flagged, and counts nowhere (not even in the rows' numbers).
  const seat = seatOf([forged, ...files]);
  const { columns, rows } = seat.grid;

  it('has a row per result counted, in the order loaded, named without the group', () => {
    expect(rows.map((r) => [r.index, r.name, r.group?.label, r.fileName])).toEqual([
      [1, 'Ana', 'P3', 'r0.json'],
      [2, 'Ben', 'P3', 'r1.json'],
      [3, 'Chloé', 'P5', 'r2.json'],
    ]);
    expect(rows.map((r) => r.ending?.title)).toEqual(games.map((g) => g.debrief().ending?.title));
  });

  it('has a column per step in date order, numbered as the students saw it', () => {
    expect(columns.map((c) => [c.step, c.date, c.turns, c.number, c.numberText])).toEqual([
      ['ask', '2020-01-01', [1], 1, 'Decision 1'],
      ['request', '2020-01-02', [2], 2, 'Decision 2'],
      ['vote', '2020-01-03', [3], 3, 'Decision 3'],
    ]);
    expect(columns.map((c) => [c.title, c.kind, c.history?.label, c.taken, c.matched])).toEqual([
      ['Ask for help?', 'choice', 'Ask the alliance', 3, 2],
      ['A request arrives', 'choice', 'It meets Article 4', 2, 1],
      ['The Council votes', 'vote', 'Consensus reached', 1, games[0]?.debrief().decisions[2]?.matched ? 1 : 0],
    ]);
  });

  it('gives each cell the option taken, marked when it was history’s', () => {
    games.forEach((g, i) => {
      const row = rows[i] as GridRow;
      const decisions = g.debrief().decisions;
      expect(row.cells.flat().map((c) => [c.turn, c.choice.label, c.matched])).toEqual(
        decisions.map((d) => [d.turn, d.yours.label, d.matched]),
      );
      expect(row.cells.map((c) => c.length)).toEqual(
        columns.map((c) => decisions.filter((d) => d.step === c.step).length),
      );
      expect([row.decisions, row.comparable, row.matched]).toEqual([
        decisions.length,
        decisions.filter((d) => d.history).length,
        decisions.filter((d) => d.matched).length,
      ]);
    });
    const first = rows[0]?.cells[0]?.[0];
    expect(first?.rationale).toBe('We cannot cope.');
    // The room's votes by option label.
    expect(first?.tally).toEqual([
      { id: 'ask_yes', label: 'Ask the alliance', votes: 10 },
      { id: 'ask_no', label: 'Cope alone', votes: 2 },
    ]);
    // A random result drawn reads as the case names it: its label, or its text's first sentence.
    const request = rows[0]?.cells[1]?.[0];
    const drawn = mini.steps[1]?.choices
      .find((c) => c.id === 'assess_yes')
      ?.outcomes.find((o) => o.id === files[0]?.result.decisions[1]?.outcome);
    expect(request?.outcome).toBe(drawn && outcomeLabel(drawn));
    expect(request?.outcome).not.toBe(drawn?.id);
  });

  it('puts the groups side by side, with their share of history’s choices and their endings', () => {
    expect(seat.grid.groups.map((g) => [g.label, g.results, g.names, g.matched, g.comparable])).toEqual([
      ['P3', 2, ['Ana', 'Ben'], (rows[0]?.matched ?? 0) + (rows[1]?.matched ?? 0), 3 + 1],
      ['P5', 1, ['Chloé'], rows[2]?.matched, 2],
    ]);
    const p3 = seat.grid.groups[0];
    expect(p3?.share).toBe((p3?.matched ?? 0) / (p3?.comparable ?? 1));
    expect(p3?.endings.map((e) => e.id)).toEqual(mini.endings.map((e) => e.id));
    expect(p3?.endings.reduce((n, e) => n + e.count, 0)).toBe(2);
    // The forged file's ending is nowhere.
    expect(seat.endings.find((e) => e.title === FORGED_ENDING.title)).toBeUndefined();
  });

  it('is the same from the files alone, without the case', () => {
    const alone = summarise(files).scenarios[0]?.seats[0]?.grid;
    expect(alone?.columns.map((c) => [c.step, c.title, c.numberText, c.history?.label])).toEqual(
      columns.map((c) => [c.step, c.title, c.numberText, c.history?.label]),
    );
    expect(alone?.rows.map((r) => r.cells.flat().map((c) => [c.choice.label, c.matched]))).toEqual(
      rows.map((r) => r.cells.flat().map((c) => [c.choice.label, c.matched])),
    );
  });

  it('follows the teacher’s edits, and has no groups side by side with fewer than two', () => {
    const moved = seatOf(files, { 'r2.json': 'P3' });
    expect(moved.grid.groups).toEqual([]);
    const none = seatOf(files, { 'r2.json': '' });
    expect(none.grid.groups.map((g) => [g.label, g.key])).toEqual([
      ['P3', 'p3'],
      [NO_GROUP, ''],
    ]);
  });
});

describe('compareGroups', () => {
  const row = (name: string, group: string | undefined, matched: number): GridRow => ({
    index: 1,
    fileName: `${name}.json`,
    name,
    ...(group ? { group: { key: group.toLowerCase(), label: group, source: 'name' as const } } : {}),
    mode: 'solo',
    ending: null,
    cells: [],
    decisions: 4,
    comparable: 4,
    matched,
    objectives: 50,
  });

  it('sorts groups naturally, "No group" last, and counts unfinished runs', () => {
    const groups = compareGroups(
      [row('a', 'P10', 1), row('b', undefined, 2), row('c', 'P3', 3), row('d', 'P3', 4)],
      [],
    );
    expect(groups.map((g) => [g.label, g.results, g.share, g.unfinished])).toEqual([
      ['P3', 2, 7 / 8, 2],
      ['P10', 1, 1 / 4, 1],
      [NO_GROUP, 1, 2 / 4, 1],
    ]);
  });
});

describe('shortLabel', () => {
  it('keeps a short label whole and cuts a long one at a phrase or a word', () => {
    expect(shortLabel('Ask the alliance')).toBe('Ask the alliance');
    expect(shortLabel('Blocked: no consensus', 12)).toBe('Blocked');
    expect(shortLabel('Article 4 now, reviewed against evidence after 72 hours')).toBe('Article 4 now');
    expect(shortLabel('Open every January death to an independent commission')).toBe('Open every January death to…');
    expect(shortLabel('Supercalifragilisticexpialidociousnessisimo', 20)).toBe('Supercalifragilistic…');
  });
});

describe('a bundled case', () => {
  it('shows titles and labels only, never an id', () => {
    const s = loadOrThrow(`${SCENARIO_DIR}/kazakhstan-2022.yaml`);
    const role = s.roles[0]?.id ?? '';
    const results = [1, 2, 3, 4, 5, 6].map((seed) => {
      const g = playThrough(s, role, seed);
      const r = buildResult(g, { ...base, student: `Student ${seed}` });
      g.stop();
      return r;
    });
    const seat = summarise(results, [s]).scenarios[0]?.seats[0];
    const ids = new Set([
      ...s.steps.flatMap((x) => [x.id, ...x.choices.map((c) => c.id)]),
      ...s.endings.map((e) => e.id),
    ]);
    const words = [
      ...(seat?.grid.columns.flatMap((c) => [c.title, c.numberText, c.history?.label ?? '', c.history?.short ?? '']) ??
        []),
      ...(seat?.grid.rows.flatMap((r) => [
        r.name,
        r.ending?.title ?? '',
        ...r.cells
          .flat()
          .flatMap((c) => [c.choice.label, c.choice.short, c.outcome ?? '', ...(c.tally ?? []).map((t) => t.label)]),
      ]) ?? []),
    ];
    for (const w of words) expect(ids.has(w), w).toBe(false);
    expect(words.filter((w) => /^[a-z0-9]+([-_][a-z0-9]+)+$/.test(w))).toEqual([]);
  });
});
