/** The UI's pure parts: the scenario-text renderer, the save store and the settings store. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withOpened } from '../../src/ui/cases';
import { StorageKey } from '../../src/ui/keys';
import { casePoint, shortTitle } from '../../src/ui/map-model';
import { paragraphs, parseInline, plainText } from '../../src/ui/markup';
import { forgetOpened, MAX_OPENED, MAX_OPENED_CHARS, readOpened, rememberOpened } from '../../src/ui/opened-store';
import { readSave, runMeta, STORED_VERSION, type StoredRun, writeSave } from '../../src/ui/save-store';
import { loadSettings, storeSettings } from '../../src/ui/settings';
import { readTeams, writeTeams } from '../../src/ui/teams-store';
import { loadFixture, ROOT } from '../helpers';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

describe('scenario text', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(paragraphs('One\nline.\n\n  \nTwo.')).toEqual(['One line.', 'Two.']);
  });

  it('knows **bold** and *italic*, and nothing else', () => {
    expect(parseInline('a **b** *c* d')).toEqual([
      { text: 'a ', bold: false, italic: false },
      { text: 'b', bold: true, italic: false },
      { text: ' ', bold: false, italic: false },
      { text: 'c', bold: false, italic: true },
      { text: ' d', bold: false, italic: false },
    ]);
  });

  it('keeps HTML and unclosed markers as plain text', () => {
    const runs = parseInline('<img src=x onerror=alert(1)> 5 * 3 and **open');
    expect(runs.every((r) => !r.bold && !r.italic)).toBe(true);
    expect(runs.map((r) => r.text).join('')).toBe('<img src=x onerror=alert(1)> 5 * 3 and **open');
  });

  it('strips markers for plain strings', () => {
    expect(plainText('**Bold** and *it*.\n\nNext.')).toBe('Bold and it.\n\nNext.');
  });
});

describe('the save store', () => {
  const run: StoredRun = {
    version: STORED_VERSION,
    scenario: 'mini',
    role: 'chair',
    savedAt: 'now',
    screen: 'play',
    seen: 0,
    engine: {},
  };

  it('round-trips a run', () => {
    const s = new MemoryStorage();
    expect(writeSave(run, s)).toBe(true);
    expect(readSave(s)).toEqual({ kind: 'ok', run });
  });

  it('reports damage, clears the save and never throws', () => {
    for (const raw of ['{', 'null', '"x"', '{"version":1}', JSON.stringify({ ...run, screen: 'nowhere' })]) {
      const s = new MemoryStorage();
      s.setItem(StorageKey.Save, raw);
      const r = readSave(s);
      expect(r.kind).toBe('problem');
      expect(s.getItem(StorageKey.Save)).toBeNull();
    }
  });

  it('reports older and newer versions, and old keys', () => {
    const s = new MemoryStorage();
    s.setItem(StorageKey.Save, JSON.stringify({ ...run, version: 0 }));
    expect(readSave(s)).toMatchObject({ kind: 'problem', message: expect.stringMatching(/older version/) });
    s.setItem(StorageKey.Save, JSON.stringify({ ...run, version: 99 }));
    expect(readSave(s)).toMatchObject({ kind: 'problem', message: expect.stringMatching(/newer version/) });
    s.setItem(StorageKey.OldSaves[0] as string, '{}');
    expect(readSave(s)).toMatchObject({ kind: 'problem', message: expect.stringMatching(/older version/) });
    expect(readSave(s)).toEqual({ kind: 'none' });
  });

  it('keeps a class run’s Council teams and their votes; drops what is malformed, and teams in solo runs', () => {
    const record = {
      turn: 3,
      step: 'vote',
      consensus: false,
      votes: [{ team: 'Team Red', actor: 'red', position: 'object' as const }],
    };
    const meta = runMeta({
      ...run,
      mode: 'class',
      startedAt: '2026-11-27T10:00:00+01:00',
      teams: [{ team: ' Team Red ', actor: 'red' }, { team: '', actor: 'blue' }, 'x' as never],
      councilTeams: [record, { turn: 'x' } as never],
    });
    expect(meta).toEqual({
      startedAt: '2026-11-27T10:00:00+01:00',
      mode: 'class',
      teams: [{ team: 'Team Red', actor: 'red' }],
      councilTeams: [record],
    });
    // An older save has neither; a solo run has no teams.
    expect(runMeta(run)).toMatchObject({ mode: 'solo', teams: [], councilTeams: [] });
    expect(runMeta({ ...run, teams: [{ team: 'Team Red', actor: 'red' }] }).teams).toEqual([]);
  });
});

describe('the Council teams store', () => {
  it('keeps teams per case, cleaned, and forgets a case’s teams when emptied', () => {
    const s = new MemoryStorage();
    expect(readTeams('mini', s)).toEqual([]);
    expect(
      writeTeams(
        'mini',
        [
          { team: ' Team  Red', actor: 'red' },
          { team: ' ', actor: 'blue' },
        ],
        s,
      ),
    ).toBe(true);
    expect(writeTeams('other', [{ team: 'Team X', actor: 'x' }], s)).toBe(true);
    expect(readTeams('mini', s)).toEqual([{ team: 'Team Red', actor: 'red' }]);
    writeTeams('mini', [], s);
    expect(readTeams('mini', s)).toEqual([]);
    expect(readTeams('other', s)).toEqual([{ team: 'Team X', actor: 'x' }]);
  });

  it('never throws on damaged storage', () => {
    const s = new MemoryStorage();
    for (const raw of ['{', 'null', '[1,2]', '{"mini": "x"}', '{"mini": [{"team": 1}]}']) {
      s.setItem(StorageKey.Teams, raw);
      expect(readTeams('mini', s)).toEqual([]);
    }
    expect(writeTeams('mini', [{ team: 'Team Red', actor: 'red' }], s)).toBe(true);
    expect(readTeams('mini', s)).toEqual([{ team: 'Team Red', actor: 'red' }]);
  });
});

describe('settings', () => {
  it('are remembered, and malformed values fall back to the default', () => {
    const s = new MemoryStorage();
    const kept = { textSize: 'large', reducedMotion: true, highContrast: true, map: false, forecast: 'none' } as const;
    storeSettings(kept, s);
    expect(loadSettings(s)).toEqual(kept);
    s.setItem(StorageKey.Settings, '{"textSize":"huge","reducedMotion":"yes","map":"off","forecast":"oracle"}');
    expect(loadSettings(s).textSize).toBe('normal');
    // The map is drawn unless a player turned it off; settings kept before it existed draw it.
    expect(loadSettings(s).map).toBe(true);
    s.setItem(StorageKey.Settings, '{"textSize":"large"}');
    expect(loadSettings(s).map).toBe(true);
    // Forecasts default to the advisers' estimates.
    expect(loadSettings(s).forecast).toBe('advisers');
    s.setItem(StorageKey.Settings, 'not json');
    expect(loadSettings(s).textSize).toBe('normal');
  });
});

describe('map model', () => {
  it('shortens titles at the colon and places a case', () => {
    expect(shortTitle('Kyrgyzstan 2010: Osh burns')).toBe('Kyrgyzstan 2010');
    expect(shortTitle('No colon')).toBe('No colon');
    const s = loadFixture('mini.yaml');
    expect(casePoint(s)?.id).toBe('capital');
  });
});

describe('bundled cases', () => {
  it('keeps a case that fails to load, with its errors as FILE:LINE:COL lines', async () => {
    const { parseCases } = await import('../../src/ui/cases');
    const [entry] = parseCases({ '../../scenarios/broken.yaml': 'format: 1\nid: Not An Id\n' });
    expect(entry?.ok).toBe(false);
    if (entry && !entry.ok) {
      expect(entry.file).toBe('broken.yaml');
      expect(entry.errors.length).toBeGreaterThan(0);
      expect(entry.errors[0]).toMatch(/^broken\.yaml:\d+:\d+: /);
    }
  });
});

describe('opened scenario files', () => {
  const text = readFileSync(join(ROOT, 'tests', 'fixtures', 'mini.yaml'), 'utf8');

  it('keeps the newest few, one per scenario id, and forgets one on request', () => {
    const s = new MemoryStorage();
    expect(readOpened(s)).toEqual([]);
    expect(rememberOpened({ id: 'a', file: 'a.yaml', text: 'A1' }, s)).toBe(true);
    expect(rememberOpened({ id: 'b', file: 'b.yaml', text: 'B' }, s)).toBe(true);
    expect(rememberOpened({ id: 'a', file: 'a2.yaml', text: 'A2' }, s)).toBe(true);
    expect(readOpened(s).map((r) => r.file)).toEqual(['a2.yaml', 'b.yaml']);
    for (let i = 0; i < 10; i++) rememberOpened({ id: `x${i}`, file: `x${i}.yaml`, text: '' }, s);
    expect(readOpened(s)).toHaveLength(MAX_OPENED);
    expect(readOpened(s)[0]?.id).toBe('x9');
    // Older files give way to keep the text under the cap; a file over it is not kept.
    rememberOpened({ id: 'big', file: 'big.yaml', text: 'x'.repeat(MAX_OPENED_CHARS - 1) }, s);
    expect(readOpened(s).map((r) => r.id)).toEqual(['big', 'x9', 'x8', 'x7', 'x6']);
    rememberOpened({ id: 'big2', file: 'big2.yaml', text: 'y'.repeat(MAX_OPENED_CHARS - 1) }, s);
    expect(readOpened(s).map((r) => r.id)).toEqual(['big2', 'x9', 'x8', 'x7', 'x6']);
    expect(rememberOpened({ id: 'huge', file: 'huge.yaml', text: 'z'.repeat(MAX_OPENED_CHARS + 1) }, s)).toBe(false);
    forgetOpened('x9', s);
    expect(readOpened(s).map((r) => r.id)).not.toContain('x9');
    for (const raw of ['{', '{}', '[{"id": 1}]', 'null']) {
      s.setItem(StorageKey.Opened, raw);
      expect(readOpened(s)).toEqual([]);
    }
  });

  it('adds opened cases to the bundled ones, replacing one with the same id; a file that no longer loads is left out', () => {
    const bundled = withOpened([], [{ file: 'bundled-mini.yaml', text }]).map((c) => ({ ...c, opened: false }));
    const merged = withOpened(bundled, [
      { file: 'my-mini.yaml', text },
      { file: 'broken.yaml', text: 'id: [' },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ ok: true, file: 'my-mini.yaml', opened: true });
    expect(withOpened(bundled, [])).toEqual(bundled);
  });
});
