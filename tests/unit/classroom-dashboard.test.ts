/**
 * The instructor dashboard: result files loaded at once are counted, bad ones reported by name
 * and skipped, and the summary gives exactly the distributions of the runs that made the files.
 * Expected numbers are computed from the runs themselves (their debriefs and views).
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildResult,
  type DashboardSummary,
  type LoadedResult,
  loadResultFiles,
  RESULT_VERSION,
  type ResultFile,
  resultFileName,
  type SeatSummary,
  serializeResult,
  summarise,
} from '../../src/classroom';
import { Game, type Scenario } from '../../src/engine';
import { bundledScenarioFiles, CLASS_RESULT_OPTIONS, loadFixture, loadOrThrow, playThrough } from '../helpers';

const mini = loadFixture('mini.yaml');
const base = CLASS_RESULT_OPTIONS;

/** Plays the moves in order (a council step is voted on), then Continue to the end. */
function run(
  role: string,
  seed: number,
  moves: { choice?: string; rationale?: string; tally?: Record<string, number> }[],
): Game {
  const g = Game.start(mini, { role, seed });
  for (const m of moves) {
    const ok = m.choice ? g.choose(m.choice, m) : g.callVote(m);
    expect(ok, `${m.choice ?? 'vote'} applies`).toBe(true);
  }
  while (!g.ended) expect(g.continue()).toBe(true);
  return g;
}

/** Choice counts per step over the runs, from their debriefs. */
function expectedDistribution(games: readonly Game[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const g of games) {
    for (const d of g.debrief().decisions) {
      const m = out.get(d.step) ?? new Map<string, number>();
      m.set(d.yours.id, (m.get(d.yours.id) ?? 0) + 1);
      out.set(d.step, m);
    }
  }
  return out;
}

function seatOf(summary: DashboardSummary, scenario: string, seat: string): SeatSummary {
  const s = summary.scenarios.find((x) => x.id === scenario)?.seats.find((x) => x.id === seat);
  if (!s) throw new Error(`no summary for ${scenario}/${seat}`);
  return s;
}

/** The summary's distributions, endings and meters for one seat are exactly those of the runs. */
function expectSeatMatches(seat: SeatSummary, games: readonly Game[], scenario?: Scenario): void {
  expect(seat.count).toBe(games.length);
  const want = expectedDistribution(games);
  expect(seat.steps.map((x) => x.step).sort()).toEqual([...want.keys()].sort());
  for (const step of seat.steps) {
    const counts = want.get(step.step) as Map<string, number>;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(step.decisions).toBe(total);
    const chosen = new Map(step.options.filter((o) => o.count > 0).map((o) => [o.id, o.count]));
    expect(chosen).toEqual(counts);
    for (const o of step.options) expect(o.share).toBe(o.count / total);
    const sc = scenario?.steps.find((x) => x.id === step.step);
    if (sc) {
      // Every option of the step is listed, chosen or not.
      const ids = sc.council ? ['consensus', 'blocked'] : sc.choices.map((c) => c.id);
      expect(step.options.map((o) => o.id)).toEqual(expect.arrayContaining(ids));
      expect(step.history?.id).toBe(sc.history?.choice);
      expect(step.options.filter((o) => o.history).map((o) => o.id)).toEqual(
        sc.history?.choice ? [sc.history.choice] : [],
      );
      expect(step.matched).toBe(sc.history?.choice ? (counts.get(sc.history.choice) ?? 0) : 0);
    }
  }
  const endings = new Map<string, number>();
  for (const g of games) {
    const id = g.debrief().ending?.id;
    if (id) endings.set(id, (endings.get(id) ?? 0) + 1);
  }
  expect(new Map(seat.endings.filter((e) => e.count > 0).map((e) => [e.id, e.count]))).toEqual(endings);
  expect(seat.finished).toBe(games.filter((g) => g.ended).length);
  expect(seat.unfinished).toBe(games.filter((g) => !g.ended).length);
  if (scenario) expect(seat.endings.map((e) => e.id)).toEqual(scenario.endings.map((e) => e.id));
  for (const m of seat.meters) {
    const values = games.map((g) => g.view().meters.find((x) => x.id === m.id)?.value as number);
    expect(m.end.n).toBe(games.length);
    expect(m.end.min).toBe(Math.min(...values));
    expect(m.end.max).toBe(Math.max(...values));
    expect(m.end.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 10);
  }
  expect(seat.meters.map((m) => m.id)).toEqual(games[0]?.view().meters.map((m) => m.id));
}

describe('three result files in the dashboard', () => {
  // Three students at the host's seat take different paths, with rationales and class tallies.
  const games = [
    run('host', 1, [
      { choice: 'ask_yes', rationale: 'We cannot cope alone.', tally: { ask_yes: 10, ask_no: 2 } },
      { choice: 'assess_yes', rationale: 'Foreign-backed, they say.' },
      { rationale: 'Let the Council decide.' },
    ]),
    run('host', 2, [
      { choice: 'ask_yes', tally: { ask_yes: 5 } },
      { choice: 'assess_no', rationale: 'Internal.' },
    ]),
    run('host', 3, [{ choice: 'ask_no', rationale: 'Sovereignty first, "always".' }]),
  ];
  const names = [{ student: 'Ana' }, { student: 'Ben', team: 'Blue' }, {}];
  const results = games.map((g, i) => buildResult(g, { ...base, ...names[i] }));
  const files = results.map((r) => ({ name: resultFileName(r), text: serializeResult(r) }));
  const future = { ...JSON.parse(serializeResult(results[0] as ResultFile)), version: RESULT_VERSION + 1 };
  const loaded = loadResultFiles([
    files[0] as (typeof files)[number],
    { name: 'broken.json', text: serializeResult(results[1] as ResultFile).slice(0, 200) },
    files[1] as (typeof files)[number],
    { name: 'shopping-list.json', text: '{"eggs": 12}' },
    { name: 'from-the-future.json', text: JSON.stringify(future) },
    files[2] as (typeof files)[number],
  ]);
  const summary = summarise(loaded.results, [mini]);

  it('shows a count of three and reports the malformed, foreign and newer files by name', () => {
    expect(summary.count).toBe(3);
    expect(loaded.results.map((r) => r.fileName)).toEqual(files.map((f) => f.name));
    expect(loaded.problems.map((p) => p.fileName)).toEqual([
      'broken.json',
      'shopping-list.json',
      'from-the-future.json',
    ]);
    expect(loaded.problems[0]?.reason).toMatch(/not valid JSON/);
    expect(loaded.problems[1]?.reason).toMatch(/not an Article Four result/);
    expect(loaded.problems[2]?.reason).toMatch(/newer version/);
    expect(summary.modes).toEqual({ solo: 0, class: 3 });
    expect(summary.scenarios.map((s) => [s.id, s.count, s.known, s.otherVersions])).toEqual([['mini', 3, true, 0]]);
    expect(summary.scenarios[0]?.seats.map((s) => [s.id, s.title, s.count])).toEqual([['host', 'Host government', 3]]);
  });

  it('gives exactly the distribution of choices per step, beside history', () => {
    const seat = seatOf(summary, 'mini', 'host');
    expectSeatMatches(seat, games, mini);
    // By construction: two of the three asked the alliance, one coped alone; history asked.
    const ask = seat.steps.find((x) => x.step === 'ask');
    expect(ask?.options.map((o) => [o.id, o.label, o.count, o.share, o.history])).toEqual([
      ['ask_yes', 'Ask the alliance', 2, 2 / 3, true],
      ['ask_no', 'Cope alone', 1, 1 / 3, false],
    ]);
    expect(ask?.history).toEqual({ id: 'ask_yes', label: 'Ask the alliance' });
    expect(ask?.matched).toBe(2);
    // Class tallies are summed per option.
    expect(ask?.tally).toEqual({ ask_yes: 15, ask_no: 2 });
    expect(ask?.options.map((o) => o.votes)).toEqual([15, 2]);
    // Steps follow the case's order: ask, request, vote (only the first run voted), then none.
    expect(seat.steps.map((x) => x.step)).toEqual(['ask', 'request', 'vote']);
    expect(seat.steps.find((x) => x.step === 'vote')?.kind).toBe('vote');
  });

  it('counts the endings reached and summarises the meters at the end', () => {
    const scenario = summary.scenarios[0];
    const reached = games.map((g) => g.debrief().ending?.id);
    for (const e of scenario?.endings ?? []) {
      expect(e.count).toBe(reached.filter((id) => id === e.id).length);
      expect(e.share).toBe(e.count / 3);
    }
    expect(scenario?.finished).toBe(3);
    const cred = seatOf(summary, 'mini', 'host').meters.find((m) => m.id === 'credibility');
    expect(cred?.scale).toEqual({ min: 0, max: 100 });
    expect(cred?.higherIs).toBe('better');
    const objectives = games.map((g) => g.debrief().objectives.end);
    expect(seatOf(summary, 'mini', 'host').objectives).toEqual({
      n: 3,
      min: Math.min(...objectives),
      mean: objectives.reduce((a, b) => a + b, 0) / 3,
      max: Math.max(...objectives),
    });
  });

  it('sets the rationales side by side per step, naming who wrote them', () => {
    const seat = seatOf(summary, 'mini', 'host');
    const byStep = Object.fromEntries(
      seat.steps.map((x) => [x.step, x.rationales.map((r) => [r.who, r.choice.id, r.rationale])]),
    );
    expect(byStep).toEqual({
      ask: [
        ['Ana', 'ask_yes', 'We cannot cope alone.'],
        // No name typed, and the file named by the game: when it was saved.
        ['Unnamed, saved 10:40', 'ask_no', 'Sovereignty first, "always".'],
      ],
      request: [
        ['Ana', 'assess_yes', 'Foreign-backed, they say.'],
        ['Ben (Blue)', 'assess_no', 'Internal.'],
      ],
      vote: [['Ana', games[0]?.debrief().decisions[2]?.yours.id, 'Let the Council decide.']],
    });
    const entry = seat.steps[1]?.rationales[1];
    expect(entry).toMatchObject({ fileName: files[1]?.name, student: 'Ben', team: 'Blue', turn: 2 });
  });

  it('works from the files alone when the case is not loaded', () => {
    const alone = summarise(loaded.results);
    expect(alone.count).toBe(3);
    const scenario = alone.scenarios[0];
    expect(scenario).toMatchObject({ id: 'mini', title: mini.title, known: false, otherVersions: 0 });
    const seat = seatOf(alone, 'mini', 'host');
    expectSeatMatches(seat, games);
    // Only chosen options, but history's choice is still shown beside them.
    const request = seat.steps.find((x) => x.step === 'request');
    expect(request?.options.map((o) => [o.id, o.count, o.history]).sort()).toEqual(
      [
        ['assess_no', 1, false],
        ['assess_yes', 1, true],
      ].sort(),
    );
    expect(scenario?.endings.map((e) => e.id).sort()).toEqual(
      [...new Set(games.map((g) => g.debrief().ending?.id))].sort(),
    );
  });

  it('has no room vote on the proposal where no position was counted', () => {
    const seat = seatOf(summary, 'mini', 'host');
    for (const step of seat.steps) expect(step.proposalVotes, step.step).toBeUndefined();
  });

  it('accepts bare results too, naming them by resultFileName', () => {
    const bare = summarise(results, [mini]);
    expect(bare.count).toBe(3);
    expect(seatOf(bare, 'mini', 'host').steps[0]?.rationales[1]?.fileName).toBe(
      resultFileName(results[2] as ResultFile),
    );
  });
});

describe('the room’s vote on the proposal at a Council step', () => {
  const toVote = [{ choice: 'ask_yes' }, { choice: 'assess_yes' }];
  const games = [
    run('host', 1, [...toVote, { tally: { support: 9, abstain: 3, object: 2 } }]),
    run('host', 2, [...toVote, { tally: { support: 5, object: 3 } }]),
    run('host', 3, [...toVote, {}]),
  ];
  const seat = seatOf(
    summarise(
      games.map((g) => buildResult(g, base)),
      [mini],
    ),
    'mini',
    'host',
  );
  const vote = seat.steps.find((x) => x.step === 'vote');

  it('sums support, abstain and object over the results, beside the Council’s outcomes', () => {
    expect(vote?.kind).toBe('vote');
    expect(vote?.proposalVotes).toEqual({ support: 14, abstain: 3, object: 5 });
    expect(vote?.decisions).toBe(3);
    // The outcomes are still consensus / blocked, with no room votes of their own.
    expect(vote?.options.map((o) => [o.id, o.votes])).toEqual([
      ['consensus', 0],
      ['blocked', 0],
    ]);
    expectSeatMatches(seat, games, mini);
  });

  it('is only for Council votes', () => {
    for (const step of seat.steps.filter((x) => x.kind === 'choice')) expect(step.proposalVotes).toBeUndefined();
  });
});

describe('summarise', () => {
  // Every result is replayed against its case before it is counted: slower than reading the files.
  it('groups mixed cases and seats, each with exactly its runs’ distributions', { timeout: 30_000 }, () => {
    const scenarios = [mini, ...bundledScenarioFiles().map((f) => loadOrThrow(f))];
    const loaded: LoadedResult[] = [];
    const games = new Map<string, Game[]>();
    for (const s of scenarios) {
      for (const role of s.roles.slice(0, 2).map((r) => r.id)) {
        for (const seed of [1, 2, 3]) {
          const g = playThrough(s, role, seed);
          const r = buildResult(g, { ...base, mode: 'solo', student: `${role} ${seed}` });
          loaded.push({ fileName: `${s.id}-${role}-${seed}.json`, result: r });
          const key = `${s.id}/${role}`;
          games.set(key, [...(games.get(key) ?? []), g]);
        }
      }
    }
    // Load them out of order: grouping and order follow the cases and their seats.
    const summary = summarise([...loaded].reverse(), scenarios);
    expect(summary.count).toBe(loaded.length);
    expect(summary.modes).toEqual({ solo: loaded.length, class: 0 });
    expect(summary.scenarios.map((s) => s.id)).toEqual(scenarios.map((s) => s.id));
    for (const s of scenarios) {
      const sum = summary.scenarios.find((x) => x.id === s.id);
      expect(sum?.seats.map((x) => x.id)).toEqual(s.roles.slice(0, 2).map((r) => r.id));
      expect(sum?.count).toBe(sum?.seats.reduce((a, x) => a + x.count, 0));
      for (const seat of sum?.seats ?? []) {
        const seatGames = (games.get(`${s.id}/${seat.id}`) ?? []).slice().reverse();
        expectSeatMatches(seat, seatGames, s);
        // Steps in date order, never against a run's own order; the grid's columns alike.
        const order = seat.steps.map((x) => x.step);
        expect(seat.grid.columns.map((c) => c.step)).toEqual(order);
        for (const g of seatGames) {
          const at = g.debrief().decisions.map((d) => order.indexOf(d.step));
          expect(at).toEqual([...at].sort((a, b) => a - b));
        }
      }
    }
  });

  it('flags results made with another version of a case (they cannot be checked), and counts unfinished runs', () => {
    const done = buildResult(playThrough(mini, 'chair', 1), base);
    const g = Game.start(mini, { role: 'chair', seed: 2 });
    g.choose('assess_yes');
    const half = buildResult(g, base);
    const old: ResultFile = { ...done, scenario: { ...done.scenario, hash: '00000000' } };
    const summary = summarise([done, half, old], [mini]);
    const s = summary.scenarios[0];
    expect(s?.otherVersions).toBe(1);
    expect(summary.count).toBe(2);
    expect(summary.flagged.map((f) => f.reasons)).toEqual([
      ['was made with a different version of this case (its rules have changed), so it cannot be checked'],
    ]);
    expect(s?.finished).toBe(1);
    expect(s?.unfinished).toBe(1);
    expect(s?.endings.reduce((a, e) => a + e.count, 0)).toBe(1);
    for (const e of s?.endings ?? []) expect(e.share).toBe(e.count / 1);
  });

  it('is empty for no results', () => {
    expect(summarise([], [mini])).toEqual({
      count: 0,
      modes: { solo: 0, class: 0 },
      scenarios: [],
      files: [],
      people: [],
      groups: [],
      flagged: [],
    });
  });

  it.each(bundledScenarioFiles().map((f) => [basename(f), f]))('summarises every seat of %s', (_, file) => {
    const s = loadOrThrow(file);
    const games = s.roles.flatMap((r) => [1, 2].map((seed) => playThrough(s, r.id, seed)));
    const summary = summarise(
      games.map((g) => buildResult(g, base)),
      [s],
    );
    expect(summary.count).toBe(games.length);
    for (const r of s.roles) {
      expectSeatMatches(
        seatOf(summary, s.id, r.id),
        games.filter((g) => g.state().role === r.id),
        s,
      );
    }
  });
});
