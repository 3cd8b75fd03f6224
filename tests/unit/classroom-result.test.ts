/** Result files: "Save results" builds a file that validates, round-trips and replays; bad files are refused by name. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  buildResult,
  cleanName,
  describeProblem,
  loadResultFiles,
  localTimestamp,
  MAX_RESULT_BYTES,
  parseResultFile,
  RESULT_VERSION,
  type ResultFile,
  ResultSchema,
  replayResult,
  resultFileName,
  serializeResult,
  slug,
  tooLargeProblem,
} from '../../src/classroom';
import { Game } from '../../src/engine';
import { rulesHash, scenarioHash } from '../../src/engine/save';
import { bundledScenarioFiles, loadFixture, loadOrThrow, playThrough, ROOT } from '../helpers';

const mini = loadFixture('mini.yaml');
const committedSchema = z.fromJSONSchema(
  JSON.parse(readFileSync(join(ROOT, 'docs', 'result.schema.json'), 'utf8')) as Parameters<typeof z.fromJSONSchema>[0],
);

const STARTED = '2026-11-27T10:02:00+01:00';
const FINISHED = '2026-11-27T10:31:05+01:00';
const base = { startedAt: STARTED, finishedAt: FINISHED, mode: 'solo' as const, appVersion: '0.1.0' };

/** A host run that writes a rationale and a class tally at every decision, to its end. */
function notedRun(seed: number): Game {
  const g = Game.start(mini, { role: 'host', seed });
  expect(
    g.choose('ask_yes', { rationale: 'They asked, so "we" answer, quickly.', tally: { ask_yes: 17, ask_no: 4 } }),
  ).toBe(true);
  expect(g.choose('assess_yes', { rationale: '=Article 4 applies\nsecond line', tally: { assess_yes: 12 } })).toBe(
    true,
  );
  expect(g.callVote({ rationale: 'Put it to the vote.', tally: { consensus: 20, blocked: 1 } })).toBe(true);
  while (!g.ended) expect(g.continue()).toBe(true);
  return g;
}

/** Every way a result must agree with the run it came from. */
function expectMatchesRun(r: ResultFile, g: Game): void {
  const d = g.debrief();
  const view = g.view();
  expect(r.kind).toBe('article-four-result');
  expect(r.version).toBe(RESULT_VERSION);
  expect(r.scenario).toEqual({ id: g.scenario.id, title: g.scenario.title, hash: rulesHash(g.scenario) });
  expect(r.seat.id).toBe(d.role);
  expect(r.seat.title).toBe(g.scenario.roles.find((x) => x.id === d.role)?.title);
  expect(r.seed).toBe(d.seed);
  expect(r.decisions.map((x) => x.turn)).toEqual(d.decisions.map((x) => x.turn));
  r.decisions.forEach((x, i) => {
    const y = d.decisions[i];
    expect(y).toBeDefined();
    if (!y) return;
    expect(x.step).toBe(y.step);
    expect(x.title).toBe(y.title);
    expect(x.date).toBe(y.date);
    expect(x.kind).toBe(g.state().decisions[i]?.kind);
    expect(x.choice).toEqual({ id: y.yours.id, label: y.yours.label });
    expect(x.outcome).toBe(y.yours.outcome);
    expect(x.rationale).toBe(y.yours.rationale);
    expect(x.tally).toEqual(y.yours.tally);
    expect(x.history).toEqual(y.history?.choice);
    expect(x.matched).toBe(y.matched);
  });
  expect(r.ending).toEqual(
    d.ending
      ? {
          id: d.ending.id,
          title: d.ending.title,
          tone: d.ending.tone,
          historical: d.ending.historical,
          counterfactual: d.ending.counterfactual,
        }
      : null,
  );
  expect(r.meters).toEqual(
    view.meters.map((m) => ({
      id: m.id,
      label: m.label,
      value: m.value,
      min: m.min,
      max: m.max,
      higherIs: m.higherIs,
    })),
  );
  expect(r.series).toEqual(d.series);
  expect(r.objectives).toEqual(d.objectives);
  expect(r.events).toEqual(g.log());
}

/** Validates with Zod and with the committed JSON Schema, round-trips through JSON and parseResultFile. */
function expectValidFile(r: ResultFile): void {
  expect(ResultSchema.safeParse(r).success).toBe(true);
  const text = serializeResult(r);
  expect(committedSchema.safeParse(JSON.parse(text)).success).toBe(true);
  expect(JSON.parse(text)).toEqual(r);
  const name = resultFileName(r);
  expect(parseResultFile(text, name)).toEqual({ ok: true, fileName: name, result: r });
  expect(parseResultFile(new TextEncoder().encode(text), name)).toEqual({ ok: true, fileName: name, result: r });
}

describe('buildResult ("Save results")', () => {
  it('keeps every decision with its rationale and class tally, the ending, meters and event log', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const g = notedRun(seed);
      const r = buildResult(g, { ...base, mode: 'class', student: 'Ana García', team: 'Team Blue' });
      expectMatchesRun(r, g);
      expectValidFile(r);
      expect(r.mode).toBe('class');
      expect(r.student).toBe('Ana García');
      expect(r.team).toBe('Team Blue');
      expect(r.startedAt).toBe(STARTED);
      expect(r.finishedAt).toBe(FINISHED);
      expect(r.decisions[0]?.rationale).toBe('They asked, so "we" answer, quickly.');
      expect(r.decisions[0]?.tally).toEqual({ ask_yes: 17, ask_no: 4 });
      const vote = r.decisions.find((x) => x.step === 'vote');
      expect(vote?.kind).toBe('vote');
      expect(['consensus', 'blocked']).toContain(vote?.choice.id);
      expect(vote?.history).toEqual({ id: 'consensus', label: 'Consensus reached' });
      expect(vote?.tally).toEqual({ consensus: 20, blocked: 1 });
      g.stop();
    }
  });

  it('builds valid files from seeded playthroughs of the fixture, from every seat', () => {
    for (const role of mini.roles.map((r) => r.id)) {
      for (let seed = 1; seed <= 15; seed++) {
        const g = playThrough(mini, role, seed);
        const r = buildResult(g, base);
        expectMatchesRun(r, g);
        expectValidFile(r);
        g.stop();
      }
    }
  });

  it.each(bundledScenarioFiles().map((f) => [basename(f), f]))(
    'builds valid files from every seat of %s',
    (_, file) => {
      const s = loadOrThrow(file);
      for (const role of s.roles.map((r) => r.id)) {
        for (const seed of [1, 2, 3]) {
          const g = playThrough(s, role, seed);
          const r = buildResult(g, { ...base, student: `Student ${seed}` });
          expectMatchesRun(r, g);
          expectValidFile(r);
          expect(r.ending).not.toBeNull();
          g.stop();
        }
      }
    },
  );

  it('saves an unfinished run with ending null', () => {
    const g = Game.start(mini, { role: 'host', seed: 1 });
    let r = buildResult(g, base);
    expect(r.decisions).toEqual([]);
    expect(r.ending).toBeNull();
    expectValidFile(r);
    g.choose('ask_yes');
    r = buildResult(g, base);
    expect(r.decisions).toHaveLength(1);
    expect(r.ending).toBeNull();
    expectMatchesRun(r, g);
    expectValidFile(r);
  });

  it('puts a name in the file only if one was typed', () => {
    const g = playThrough(mini, 'chair', 1);
    for (const blank of [undefined, '', '   ', '\n\t']) {
      const r = buildResult(g, { ...base, student: blank, team: blank });
      expect('student' in r).toBe(false);
      expect('team' in r).toBe(false);
      expectValidFile(r);
    }
    const named = buildResult(g, { ...base, student: '  Ana \n García ', team: ' Blue\u202e ' });
    expect(named.student).toBe('Ana García');
    expect(named.team).toBe('Blue');
    expect(cleanName('x'.repeat(200))).toHaveLength(80);
    expect(cleanName('😀'.repeat(60))).toBe('😀'.repeat(40));
    expectValidFile(buildResult(g, { ...base, student: '😀'.repeat(60) }));
  });

  it('takes clock values from the caller: an ISO string as written, a Date in UTC', () => {
    const g = playThrough(mini, 'chair', 2);
    const r = buildResult(g, { ...base, startedAt: new Date(Date.UTC(2026, 10, 27, 9, 2)), finishedAt: FINISHED });
    expect(r.startedAt).toBe('2026-11-27T09:02:00.000Z');
    expect(r.finishedAt).toBe(FINISHED);
    expect(() => buildResult(g, { ...base, finishedAt: 'yesterday' })).toThrow(/ISO 8601/);
    expect(() => buildResult(g, { ...base, finishedAt: '2026-11-27T10:31' })).toThrow(/ISO 8601/);
    expect(() => buildResult(g, { ...base, finishedAt: new Date(Number.NaN) })).toThrow(/invalid Date/);
    expect(localTimestamp(new Date(2026, 10, 27, 10, 31, 5))).toMatch(/^2026-11-27T10:31:05[+-]\d{2}:\d{2}$/);
    expectValidFile(buildResult(g, { ...base, finishedAt: localTimestamp(new Date(2026, 10, 27, 10, 31, 5)) }));
  });

  it('replays from the file to exactly the same run', () => {
    for (const seed of [1, 2, 3]) {
      const g = notedRun(seed);
      const r = parseResultFile(serializeResult(buildResult(g, base)), 'r.json');
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const replayed = replayResult(r.result, mini);
      expect(replayed.ok).toBe(true);
      if (!replayed.ok) return;
      expect(replayed.game.debrief()).toEqual(g.debrief());
      expect(replayed.game.state()).toEqual(g.state());
      replayed.game.stop();
      const edited = structuredClone(r.result);
      (edited.decisions[0] as ResultFile['decisions'][number]).choice.id = 'ask_no';
      expect(replayResult(edited, mini)).toEqual({ ok: false, reason: expect.stringMatching(/does not match/) });
      expect(replayResult({ ...r.result, scenario: { ...r.result.scenario, hash: '00000000' } }, mini)).toEqual({
        ok: false,
        reason: expect.stringMatching(/different version/),
      });
      expect(replayResult({ ...r.result, scenario: { ...r.result.scenario, id: 'other' } }, mini).ok).toBe(false);
    }
  });
});

describe('resultFileName', () => {
  const r = (extra: Partial<ResultFile> = {}) => ({
    scenario: { id: 'kazakhstan-2022', title: 'K', hash: '01234567' },
    seat: { id: 'chair', title: 'Chair' },
    finishedAt: '2026-11-27T10:31:05+01:00',
    ...extra,
  });

  it('names the case, seat, typed names and the time (to the second, as written)', () => {
    expect(resultFileName(r())).toBe('article-four_kazakhstan-2022_chair_2026-11-27T10-31-05.json');
    expect(resultFileName(r({ finishedAt: '2026-11-27T09:31:05.123Z' }))).toBe(
      'article-four_kazakhstan-2022_chair_2026-11-27T09-31-05.json',
    );
    expect(resultFileName(r({ student: 'Ana García' }))).toBe(
      'article-four_kazakhstan-2022_chair_ana-garcia_2026-11-27T10-31-05.json',
    );
    expect(resultFileName(r({ student: 'Ana', team: 'Team Blue' }))).toBe(
      'article-four_kazakhstan-2022_chair_ana_team-blue_2026-11-27T10-31-05.json',
    );
  });

  it('slugs any script and keeps only letters, digits and dashes', () => {
    expect(slug('Айгерим Омарова')).toBe('айгерим-омарова');
    expect(slug('Zoë  O’Brien-Smith')).toBe('zoe-o-brien-smith');
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('CON: <a>|"b"?*')).toBe('con-a-b');
    expect(slug('!!!')).toBe('');
    expect(slug('a'.repeat(100))).toHaveLength(40);
    expect(resultFileName(r({ student: '???' }))).toBe('article-four_kazakhstan-2022_chair_2026-11-27T10-31-05.json');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (name) => {
        const file = resultFileName(r({ student: name }));
        expect(file).toMatch(/^article-four_kazakhstan-2022_chair_([\p{L}\p{M}\p{N}-]+_)?2026-11-27T10-31-05\.json$/u);
        expect(file).not.toMatch(/[/\\:*?"<>|]/);
      }),
    );
  });
});

describe('parseResultFile', () => {
  const g = notedRun(7);
  const good = buildResult(g, { ...base, student: 'Ana' });
  const goodText = serializeResult(good);
  const bad = (text: string | Uint8Array, name = 'bad.json') => {
    const p = parseResultFile(text, name);
    expect(p.ok).toBe(false);
    if (p.ok) throw new Error('expected a problem');
    expect(p.fileName).toBe(name);
    return p.reason;
  };
  const withField = (patch: (x: Record<string, unknown>) => void) => {
    const x = JSON.parse(goodText) as Record<string, unknown>;
    patch(x);
    return JSON.stringify(x);
  };

  it('reports malformed JSON by name', () => {
    expect(bad('{"kind": "article-four-result",', 'half.json')).toMatch(/^is not valid JSON/);
    expect(bad(goodText.slice(0, goodText.length / 2))).toMatch(/not valid JSON/);
    expect(bad('')).toBe('is empty');
    expect(bad('  \n')).toBe('is empty');
    expect(bad(new Uint8Array([0xff, 0xfe, 0x00, 0x7b]))).toMatch(/not UTF-8/);
  });

  it('reports foreign files: other JSON, a saved game, a scenario', () => {
    expect(bad('{"hello": "world"}', 'notes.json')).toBe('is not an Article Four result file');
    for (const text of ['[]', '"text"', '42', 'null', '[{"kind": "article-four-result"}]']) {
      expect(bad(text)).toBe('is not an Article Four result file');
    }
    expect(bad(JSON.stringify(g.save()), 'save.json')).toMatch(/saved game, not a result file/);
    expect(bad(JSON.stringify(mini), 'mini.json')).toMatch(/scenario file/);
  });

  it('reads a file of every older format, migrated to the current one', () => {
    const contentHash = scenarioHash(mini);
    for (const version of [1, 2]) {
      const older = parseResultFile(
        withField((x) => {
          x.version = version;
          x.scenario = { ...(x.scenario as object), hash: contentHash };
        }),
        `format-${version}.json`,
      );
      expect(older.ok).toBe(true);
      if (!older.ok) return;
      expect(older.result.version).toBe(RESULT_VERSION);
      // Formats 1–2 hashed the whole case: the hash is kept, as `contentHash`.
      expect(older.result.scenario).toEqual({ id: 'mini', title: mini.title, contentHash });
      const { scenario: _, ...rest } = older.result;
      const { scenario: __, ...now } = good;
      expect(rest).toEqual({ ...now, version: RESULT_VERSION });
    }
    // A current file with an old-style hash, or with both, is not valid.
    expect(bad(withField((x) => ((x.scenario as Record<string, unknown>).contentHash = contentHash)))).toMatch(
      /invalid fields: scenario/,
    );
    expect(bad(withField((x) => delete (x.scenario as Record<string, unknown>).hash))).toMatch(
      /invalid fields: scenario/,
    );
  });

  it('reports a file from a newer (or unknown) version', () => {
    expect(
      bad(
        withField((x) => (x.version = RESULT_VERSION + 1)),
        'future.json',
      ),
    ).toMatch(new RegExp(`newer version of Article Four.*format ${RESULT_VERSION + 1}`));
    expect(bad(withField((x) => (x.version = 0)))).toMatch(/unknown result format version \(0\)/);
    expect(bad(withField((x) => (x.version = '1')))).toMatch(/unknown result format version/);
    expect(bad(withField((x) => delete x.version))).toMatch(/unknown result format version \(missing\)/);
  });

  it('reports invalid fields with their path', () => {
    expect(
      bad(withField((x) => (((x.decisions as { turn: unknown }[])[0] as { turn: unknown }).turn = 'one'))),
    ).toMatch(/invalid fields: decisions\[0\]\.turn/);
    expect(bad(withField((x) => (x.startedAt = 'Tuesday')))).toMatch(/invalid fields: startedAt/);
    expect(bad(withField((x) => (x.mode = 'exam')))).toMatch(/invalid fields: mode/);
    expect(bad(withField((x) => (x.student = '')))).toMatch(/invalid fields: student/);
    expect(bad(withField((x) => (x.extra = 1)))).toMatch(/invalid fields/);
    expect(bad(withField((x) => delete x.meters))).toMatch(/invalid fields: meters/);
    expect(bad(withField((x) => ((x.scenario as { id: string }).id = '../etc')))).toMatch(
      /invalid fields: scenario\.id/,
    );
    expect(bad(withField((x) => (x.events = [{ type: 'EXPLODE' }])))).toMatch(/invalid event log: event 1/);
    expect(bad(withField((x) => (x.events = [{ type: 'CONTINUE' }, { type: 'LOBBY', actor: 7 }])))).toMatch(
      /invalid event log: event 2 is not a move/,
    );
    const manyTallies = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`o${i}`, 1]));
    expect(bad(withField((x) => (x.events = [{ type: 'CHOOSE', choice: 'a', tally: manyTallies }])))).toMatch(
      /invalid event log: event 1/,
    );
    expect(
      bad(withField((x) => (((x.decisions as { matched: boolean }[])[0] as { matched: boolean }).matched = false))),
    ).toMatch(/matched disagrees/);
    expect(
      bad(
        withField((x) => {
          const d = x.decisions as { turn: number }[];
          (d[1] as { turn: number }).turn = 1;
        }),
      ),
    ).toMatch(/turn is out of order/);
    const many = bad(
      withField((x) => {
        Object.assign(x, { scenario: 1, seat: 2, seed: 'x', mode: 3 });
      }),
    );
    expect(many).toMatch(/and 1 more$/);
  });

  it('refuses files over the size limit unread, and accepts a byte order mark', () => {
    const huge = `{"kind":"article-four-result","pad":"${'x'.repeat(MAX_RESULT_BYTES)}"}`;
    expect(parseResultFile(huge, 'huge.json')).toEqual({ ok: false, ...tooLargeProblem('huge.json', huge.length) });
    expect(parseResultFile(new TextEncoder().encode(huge), 'huge.json')).toEqual({
      ok: false,
      ...tooLargeProblem('huge.json', huge.length),
    });
    expect(bad('é'.repeat(MAX_RESULT_BYTES / 2 + 1))).toMatch(/too large/);
    expect(parseResultFile(`\uFEFF${goodText}`, 'bom.json')).toEqual({ ok: true, fileName: 'bom.json', result: good });
  });

  it('never throws, whatever the file holds', () => {
    const never = (text: string) => {
      const p = parseResultFile(text, 'x.json');
      expect(typeof p.ok).toBe('boolean');
      if (!p.ok) expect(p.reason.length).toBeGreaterThan(0);
    };
    fc.assert(fc.property(fc.string(), never), { numRuns: 300 });
    fc.assert(fc.property(fc.json(), never), { numRuns: 300 });
    // Damage a real result at a random place, or replace one field with random JSON.
    fc.assert(
      fc.property(fc.nat(goodText.length - 1), fc.string({ maxLength: 3 }), (at, junk) =>
        never(goodText.slice(0, at) + junk + goodText.slice(at + 1)),
      ),
      { numRuns: 300 },
    );
    const keys = Object.keys(good);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) =>
        never(withField((x) => (x[key] = value as unknown))),
      ),
      { numRuns: 300 },
    );
  });
});

describe('tooLargeProblem', () => {
  it('names the file, its size and the limit in MB, as the dashboard shows it', () => {
    const problem = tooLargeProblem('class 3b.json', 6 * 1024 * 1024 + 1);
    expect(problem).toEqual({
      fileName: 'class 3b.json',
      reason: 'is too large to be a result file (6.0 MB; the limit is 5.0 MB)',
    });
    expect(describeProblem(problem)).toBe(
      'class 3b.json is too large to be a result file (6.0 MB; the limit is 5.0 MB).',
    );
    expect(tooLargeProblem('x.json', MAX_RESULT_BYTES + 60_000).reason).toMatch(/\(5\.1 MB; the limit is 5\.0 MB\)$/);
  });
});

describe('loadResultFiles', () => {
  it('loads many files, skips bad ones by name, counts an identical copy once', () => {
    const a = buildResult(playThrough(mini, 'chair', 1), { ...base, student: 'A' });
    const b = buildResult(playThrough(mini, 'host', 2), { ...base, student: 'B' });
    const out = loadResultFiles([
      { name: 'a.json', text: serializeResult(a) },
      { name: 'broken.json', text: '{' },
      { name: 'b.json', text: new TextEncoder().encode(serializeResult(b)) },
      { name: 'a (copy).json', text: serializeResult(a) },
    ]);
    expect(out.results).toEqual([
      { fileName: 'a.json', result: a },
      { fileName: 'b.json', result: b },
    ]);
    expect(out.problems.map((p) => p.fileName)).toEqual(['broken.json', 'a (copy).json']);
    expect(out.problems[1]?.reason).toBe('is the same result as a.json, so it is counted once');
    expect(describeProblem(out.problems[0] as (typeof out.problems)[number])).toMatch(
      /^broken\.json is not valid JSON/,
    );
  });
});
