/**
 * The alliance timeline (scenarios/timeline/alliance.yaml): it loads clean, every entry cites a
 * declared source, dates run oldest first, and `article4At` gives the wording in force on each
 * case's dates. Broken copies fail with FILE:LINE:COL errors at the right place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/engine/diagnostics';
import { article4At, compareDates, loadTimeline, type Timeline } from '../../src/engine/timeline';
import { ROOT, SCENARIO_DIR } from '../helpers';

const FILE = join(ROOT, 'scenarios', 'timeline', 'alliance.yaml');
const TEXT = readFileSync(FILE, 'utf8');

function bundled(): Timeline {
  const r = loadTimeline(TEXT, 'alliance.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return r.timeline;
}

/** Loads a changed copy of the bundled file and returns its formatted errors. */
function errorsOf(text: string): string[] {
  const r = loadTimeline(text, 'alliance.yaml');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors.map(formatDiagnostic);
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
}

describe('the bundled timeline', () => {
  it('loads with no error and no warning', () => {
    const r = loadTimeline(TEXT, 'alliance.yaml');
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([]);
    expect(r.warnings.map(formatDiagnostic)).toEqual([]);
  });

  it('cites at least one declared source in every entry and every wording', () => {
    const t = bundled();
    const declared = new Set(t.sources.map((s) => s.id));
    for (const e of t.entries) {
      expect(e.sources.length, e.title).toBeGreaterThan(0);
      for (const id of e.sources) expect(declared.has(id), `${e.title} cites ${id}`).toBe(true);
    }
    for (const v of t.article4) {
      expect(declared.has(v.source), v.id).toBe(true);
      for (const id of v.sources) expect(declared.has(id), `${v.id} cites ${id}`).toBe(true);
      if (v.translation) expect(declared.has(v.translation_source ?? ''), v.id).toBe(true);
    }
  });

  it('runs oldest first, from the 1992 signing to 2024', () => {
    const t = bundled();
    for (let i = 1; i < t.entries.length; i++) {
      const [a, b] = [t.entries[i - 1], t.entries[i]];
      expect(compareDates(a?.date ?? '', b?.date ?? ''), `${a?.date} before ${b?.date}`).toBeLessThanOrEqual(0);
    }
    expect(t.entries[0]?.date).toBe('1992-05-15');
    expect(t.entries.at(-1)?.date.startsWith('2024')).toBe(true);
  });

  it('marks every contested entry with a note, and names an existing case on each case entry', () => {
    const t = bundled();
    for (const e of t.entries) if (e.contested) expect(e.contested_note, e.title).toBeTruthy();
    const cases = t.entries.filter((e) => e.kind === 'case');
    expect(cases.map((e) => e.scenario)).toEqual([
      'kyrgyzstan-2010',
      'armenia-2021',
      'kazakhstan-2022',
      'armenia-2021',
    ]);
    for (const e of cases) expect(existsSync(join(SCENARIO_DIR, `${e.scenario}.yaml`)), e.title).toBe(true);
  });

  it('has the dates the sources give for the treaty, its Charter and its amendment', () => {
    const t = bundled();
    const dates = t.entries.map((e) => e.date);
    for (const d of ['1992-05-15', '1994-04-20', '2002-10-07', '2003-09-18', '2007-10-06', '2009-06-14', '2010-12-10'])
      expect(dates).toContain(d);
    // The protocol of 10 December 2010 entered into force on 19 December 2012 (zakonpravo.kz).
    expect(t.entries.find((e) => e.kind === 'amendment' && e.date === '2012-12-19')).toBeDefined();
  });

  it('gives the 1992 wording at Osh in June 2010', () => {
    const v = article4At(bundled(), '2010-06-12');
    expect(v?.id).toBe('cst-1992');
    expect(v?.language).toBe('ru');
    expect(v?.text).toContain('со стороны какого - либо государства или группы государств');
    expect(v?.translation).toContain('aggression by any state or group of states');
  });

  it('gives the amended wording (in force from 19 December 2012) in Kazakhstan 2022 and Armenia 2021', () => {
    const t = bundled();
    for (const date of ['2022-01-06', '2021-05-13', '2022-09-13']) {
      const v = article4At(t, date);
      expect(v?.id, date).toBe('cst-2010');
      expect(v?.text).toContain(
        'an armed attack threatening security, stability, territorial integrity and sovereignty',
      );
      expect(v?.text).not.toContain('group of states');
    }
  });

  it('switches wording on the day the protocol entered into force, and has none before 1994', () => {
    const t = bundled();
    expect(article4At(t, '2012-12-18')?.id).toBe('cst-1992');
    expect(article4At(t, '2012-12-19')?.id).toBe('cst-2010');
    expect(article4At(t, '2010-12-10')?.id).toBe('cst-1992');
    expect(article4At(t, '1994-04-19')).toBeUndefined();
    expect(article4At(t, '1994-04-20')?.id).toBe('cst-1992');
    // A partial date means its first day.
    expect(article4At(t, '2010-06')?.id).toBe('cst-1992');
    expect(article4At(t, '2013')?.id).toBe('cst-2010');
  });
});

describe('timeline errors', () => {
  it('reports an undeclared source at its line and column', () => {
    const broken = TEXT.replace('sources: [tass-2012-12-19]', 'sources: [tass-2012-12-91]');
    const line = lineOf(broken, 'sources: [tass-2012-12-91]');
    const column = (broken.split('\n')[line - 1] ?? '').indexOf('tass-2012-12-91') + 1;
    const errors = errorsOf(broken);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(`^alliance\\.yaml:${line}:${column}: error: .*"tass-2012-12-91", which is not declared`),
    );
  });

  it('reports entries out of date order', () => {
    const broken = TEXT.replace('- date: 2003-09-18', '- date: 2001-09-18');
    const errors = errorsOf(broken);
    expect(errors.join('\n')).toContain(`alliance.yaml:${lineOf(broken, '2001-09-18')}:`);
    expect(errors.join('\n')).toContain('entries go oldest first: 2001-09-18 comes after 2002-10-07');
  });

  it('reports a contested entry without its note, an unknown key and a bad date', () => {
    const broken = TEXT.replace(
      /contested_note: Most reports date the appeal[^\n]*\n/,
      'contestd_note: typo\n',
    ).replace('in_force: 2012-12-19', 'in_force: 19 December 2012');
    const errors = errorsOf(broken).join('\n');
    expect(errors).toContain('unknown key "contestd_note"');
    expect(errors).toContain('this date is written YYYY-MM-DD');
    const fixedKey = broken
      .replace('    contestd_note: typo\n', '')
      .replace('in_force: 19 December 2012', 'in_force: 2012-12-19');
    expect(errorsOf(fixedKey).join('\n')).toContain('a contested entry needs a contested_note');
  });

  it('reports overlapping wordings and a translation without its source', () => {
    const overlap = TEXT.replace('until: 2012-12-19', 'until: 2013-01-01');
    expect(errorsOf(overlap).join('\n')).toContain('overlaps "cst-1992", in force until 2013-01-01');
    const noSource = TEXT.replace(/ {4}translation_source: bne-2022-02\n/, '');
    expect(errorsOf(noSource).join('\n')).toContain('a translation needs its translation_source');
  });

  it('warns about a declared source nobody cites', () => {
    const extra = TEXT.replace(
      'entries:\n',
      '  - id: unused-source\n    title: Nobody cites this\n    publisher: Nobody\n\nentries:\n',
    );
    const r = loadTimeline(extra, 'alliance.yaml');
    expect(r.ok).toBe(true);
    expect(r.warnings.map(formatDiagnostic).join('\n')).toContain('source "unused-source" is declared but never cited');
  });

  it('refuses another format, a non-mapping and garbage without throwing', () => {
    expect(errorsOf(TEXT.replace('format: 1', 'format: 2'))[0]).toMatch(
      /^alliance\.yaml:\d+:9: error: this game reads timeline format 1/,
    );
    expect(errorsOf('- just\n- a list\n')[0]).toContain('a timeline is a YAML mapping');
    expect(errorsOf('format: 1\ntitle: [unclosed\n')[0]).toContain('YAML');
    expect(errorsOf(new Uint8Array([0, 1, 2]) as unknown as string)[0]).toContain('binary');
  });
});
