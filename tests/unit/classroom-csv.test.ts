/** CSV export: RFC 4180 quoting and no spreadsheet formulas from what students typed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildResult,
  CSV_BOM,
  CSV_COLUMNS,
  csvCell,
  csvFileName,
  type ResultFile,
  resultFileName,
  resultsToCsv,
} from '../../src/classroom';
import { Game } from '../../src/engine';
import { CLASS_RESULT_OPTIONS, loadFixture, playThrough } from '../helpers';

const mini = loadFixture('mini.yaml');
const base = CLASS_RESULT_OPTIONS;

/** A strict RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        expect([',', '\r', undefined]).toContain(text[i]);
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      expect(field, 'a quote only opens a field').toBe('');
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r') {
      expect(text[i + 1], 'records end with CRLF').toBe('\n');
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      expect(c, 'a bare line feed or quote is quoted').not.toMatch(/[\n"]/);
      field += c;
      i++;
    }
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180), and semicolons for European spreadsheets', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('a; b')).toBe('"a; b"');
    expect(csvCell('')).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('Айгерим, «да»')).toBe('"Айгерим, «да»"');
  });

  it('defuses formulas: a text cell starting with = + - @ (or tab, CR) gets an apostrophe', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+7 votes')).toBe("'+7 votes");
    expect(csvCell('-2 credibility')).toBe("'-2 credibility");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('\r=cmd')).toBe('"\'\r=cmd"');
    expect(csvCell('=HYPERLINK("http://x.test","click")')).toBe('"\'=HYPERLINK(""http://x.test"",""click"")"');
    expect(csvCell('=SUM(A1,B1)')).toBe('"\'=SUM(A1,B1)"');
    expect(csvCell('a=b')).toBe('a=b');
    // Numbers and booleans the game writes are values, not text: left alone.
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('defuses formulas hidden behind spaces, invisible characters, line feeds or full-width signs', () => {
    const leads = [' ', '  ', '\u00a0', '\u200b', '\u2060', '\ufeff', '\n', ' \n\u00a0'];
    const signs = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20'];
    for (const lead of leads) {
      for (const sign of signs) {
        const cell = csvCell(`${lead}${sign}HYPERLINK("http://x.test")`);
        expect(cell.replace(/^"/, '').startsWith("'"), JSON.stringify(lead + sign)).toBe(true);
      }
    }
    for (const sign of signs) expect(csvCell(`${sign}1`).startsWith("'"), sign).toBe(true);
    expect(csvCell('\t1')).toBe("'\t1");
    expect(csvCell('\r1')).toBe('"\'\r1"');
    // Text that merely contains a sign, or starts with a space before a word, stays as typed.
    expect(csvCell(' a = b')).toBe(' a = b');
    expect(csvCell('\u00a0yes')).toBe('\u00a0yes');
  });

  it('reads back as the same text (with the apostrophe) whatever was typed', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (cells) => {
        const parsed = parseCsv(`${cells.map(csvCell).join(',')}\r\n`);
        expect(parsed).toEqual([cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('resultsToCsv', () => {
  function noted(seed: number): Game {
    const g = Game.start(mini, { role: 'host', seed });
    g.choose('ask_yes', { rationale: 'Yes, because "they" asked,\nand we must.', tally: { ask_yes: 3, ask_no: 1 } });
    g.choose('assess_yes', { rationale: '=IMPORTXML("http://evil.test")' });
    g.callVote({ rationale: '-risky but right', tally: { support: 14, abstain: 3, object: 5 } });
    while (!g.ended) g.continue();
    return g;
  }

  it('writes a header, then one row per decision of every result, in words, each id in a column of its own', () => {
    const games = [noted(1), playThrough(mini, 'chair', 2), playThrough(mini, 'host', 3)];
    const results = games.map((g, i) =>
      buildResult(g, { ...base, student: i === 0 ? '@admin, "the" student' : undefined, team: i === 1 ? 'Red' : '' }),
    );
    const loaded = results.map((r, i) => ({ fileName: `r${i}.json`, result: r }));
    const rows = parseCsv(resultsToCsv(loaded, { scenarios: [mini] }));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows.slice(1);
    expect(body).toHaveLength(results.reduce((a, r) => a + r.decisions.length, 0));
    const col = (row: string[], name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    let at = 0;
    results.forEach((r, i) => {
      for (const d of r.decisions) {
        const row = body[at++] as string[];
        expect(row).toHaveLength(CSV_COLUMNS.length);
        expect(col(row, 'file')).toBe(`r${i}.json`);
        expect(col(row, 'group')).toBe('');
        expect(col(row, 'student')).toBe(r.student ? (r.student.startsWith('@') ? `'${r.student}` : r.student) : '');
        expect(col(row, 'team')).toBe(r.team ?? '');
        expect([col(row, 'scenario'), col(row, 'scenario_id')]).toEqual([mini.title, 'mini']);
        expect([col(row, 'seat'), col(row, 'seat_id')]).toEqual([r.seat.title, r.seat.id]);
        expect(col(row, 'seed')).toBe(String(r.seed));
        expect(col(row, 'turn')).toBe(String(d.turn));
        expect(col(row, 'date')).toBe(d.date);
        expect([col(row, 'step'), col(row, 'step_id')]).toEqual([d.title, d.step]);
        expect([col(row, 'choice'), col(row, 'choice_id')]).toEqual([d.choice.label, d.choice.id]);
        const outcome = mini.steps
          .find((s) => s.id === d.step)
          ?.choices.find((c) => c.id === d.choice.id)
          ?.outcomes.find((o) => o.id === d.outcome)?.text;
        expect([col(row, 'outcome'), col(row, 'outcome_id')]).toEqual([outcome ?? '', d.outcome ?? '']);
        expect([col(row, 'history_choice'), col(row, 'history_choice_id')]).toEqual([
          d.history?.label ?? '',
          d.history?.id ?? '',
        ]);
        // Empty where history made no choice: neither the same nor another.
        expect(col(row, 'matched')).toBe(d.history ? String(d.matched) : '');
        expect([col(row, 'ending'), col(row, 'ending_id')]).toEqual([
          r.ending?.title ?? 'Saved before the end',
          r.ending?.id ?? '',
        ]);
      }
    });
    // The outcome drawn reads as the case words it.
    expect(body.some((row) => col(row, 'outcome_id') && col(row, 'outcome') !== col(row, 'outcome_id'))).toBe(true);
    const first = body.slice(0, results[0]?.decisions.length);
    expect(first.map((row) => col(row, 'rationale'))).toEqual([
      'Yes, because "they" asked,\nand we must.',
      '\'=IMPORTXML("http://evil.test")',
      "'-risky but right",
    ]);
    expect(col(first[0] as string[], 'student')).toBe('\'@admin, "the" student');
    // The room's votes by option label, and by id for machines.
    expect(col(first[0] as string[], 'tally')).toBe('Ask the alliance: 3; Cope alone: 1');
    expect(col(first[0] as string[], 'tally_by_id')).toBe('ask_yes: 3; ask_no: 1');
    // The room's vote on the proposal at the Council step.
    expect(col(first[2] as string[], 'step_id')).toBe('vote');
    expect(col(first[2] as string[], 'tally')).toBe('Support: 14; Abstain: 3; Object: 5');
    expect(col(first[2] as string[], 'tally_by_id')).toBe('support: 14; abstain: 3; object: 5');
    // No cell a spreadsheet would run as a formula.
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('gives each result the group the dashboard gives it, edits included', () => {
    const r = (student: string) => buildResult(playThrough(mini, 'host', 1), { ...base, student });
    const loaded = [
      { fileName: 'a.json', result: r('P3 - Ana') },
      { fileName: 'period5_ben.json', result: r('Ben') },
      { fileName: 'c.json', result: r('Chloé') },
    ];
    // Each result's group, on every one of its rows.
    const groupOf = (text: string) => {
      const rows = parseCsv(text).slice(1);
      const byFile = new Map(rows.map((row) => [row[0], new Set<string | undefined>()]));
      for (const row of rows) byFile.get(row[0])?.add(row[CSV_COLUMNS.indexOf('group')]);
      return [...byFile.values()].map((set) => (set.size === 1 ? [...set][0] : [...set]));
    };
    expect(groupOf(resultsToCsv(loaded))).toEqual(['P3', 'period5', '']);
    expect(groupOf(resultsToCsv(loaded, { groups: { 'c.json': 'P3', 'a.json': '' } }))).toEqual(['', 'period5', 'P3']);
  });

  it('keeps a result without decisions as one row, names bare results, and can add a BOM', () => {
    const g = Game.start(mini, { role: 'host', seed: 1 });
    const empty = buildResult(g, base);
    const text = resultsToCsv([empty], { bom: true });
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[0]).toBe(resultFileName(empty as ResultFile));
    expect(rows[1]?.[CSV_COLUMNS.indexOf('ending')]).toBe('Saved before the end');
    expect(rows[1]?.[CSV_COLUMNS.indexOf('ending_id')]).toBe('');
    expect(rows[1]?.[CSV_COLUMNS.indexOf('turn')]).toBe('');
    expect(resultsToCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('names the export by the time given', () => {
    expect(csvFileName('2026-11-27T10:31:05+01:00')).toBe('article-four_results_2026-11-27T10-31-05.csv');
    expect(csvFileName('not a time')).toBe('article-four_results.csv');
  });
});
