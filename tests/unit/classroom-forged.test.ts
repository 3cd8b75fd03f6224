/**
 * Forged result files (issue 17): the dashboard replays each result against its case and counts
 * only what replays, rebuilt from the replay. Each forgery here is flagged with a reason and
 * counted nowhere: not in the endings, the choices, the meters or the tallies.
 */
import { describe, expect, it } from 'vitest';
import {
  buildResult,
  type DashboardSummary,
  type LoadedResult,
  parseResultFile,
  type ResultFile,
  serializeResult,
  summarise,
} from '../../src/classroom';
import { Game } from '../../src/engine';
import { CLASS_RESULT_OPTIONS, FORGED_ENDING, loadFixture } from '../helpers';

const mini = loadFixture('mini.yaml');

/** Chair, seed 1: request → vote (blocked) → wait → stalemate, the room's votes typed at the first decision. */
function genuine(student: string, tally?: Record<string, number>): ResultFile {
  const g = Game.start(mini, { role: 'chair', seed: 1 });
  expect(g.choose('assess_yes', { rationale: 'It is an attack.', ...(tally ? { tally } : {}) })).toBe(true);
  expect(g.callVote({})).toBe(true);
  while (!g.ended) expect(g.continue()).toBe(true);
  const r = buildResult(g, { ...CLASS_RESULT_OPTIONS, student });
  g.stop();
  return r;
}

/** Through the file reader, as the dashboard reads it: the forgery must be a well-formed file. */
function load(fileName: string, r: ResultFile): LoadedResult {
  const parsed = parseResultFile(serializeResult(r), fileName);
  if (!parsed.ok) throw new Error(`${fileName} ${parsed.reason}`);
  return parsed;
}

const forge = (student: string, edit: (r: ResultFile) => void): ResultFile => {
  const r = structuredClone(genuine(student));
  edit(r);
  return r;
};

const FORGERIES: [string, ResultFile, RegExp][] = [
  [
    'an impossible choice',
    forge('Impossible choice', (r) => {
      const d = r.decisions[0] as ResultFile['decisions'][number];
      d.choice = { id: 'nuke', label: 'Nuke them' };
      d.matched = false;
    }),
    /decision 1 takes an option “A request arrives” does not offer/,
  ],
  [
    'an impossible step',
    forge('Impossible step', (r) => {
      (r.decisions[0] as ResultFile['decisions'][number]).step = 'nowhere';
    }),
    /decision 1 is at a step the case does not have/,
  ],
  [
    'an ending its moves do not reach',
    forge('Unreachable ending', (r) => {
      r.ending = { id: 'collapse', title: 'Collapse', tone: 'bad', historical: false, counterfactual: true };
    }),
    /says it ended at “Collapse”; its moves end at “Stalemate”/,
  ],
  [
    'a nonexistent ending',
    forge('Nonexistent ending', (r) => {
      r.ending = { ...FORGED_ENDING };
    }),
    /names an ending the case does not have/,
  ],
  [
    'decisions contradicting the move log',
    forge('Contradiction', (r) => {
      const d = r.decisions[0] as ResultFile['decisions'][number];
      d.choice = { id: 'assess_no', label: 'It is an internal affair' };
      d.matched = false;
      delete d.outcome;
    }),
    /says decision 1 took “It is an internal affair” at “A request arrives”; its moves took “It meets Article 4” at “A request arrives”/,
  ],
  [
    'a meter at 1e308',
    forge('Huge meter', (r) => {
      (r.meters[0] as ResultFile['meters'][number]).value = 1e308;
    }),
    /says “Credibility” ended at 1\.00e\+308, outside its range 0–100/,
  ],
  [
    'a label the case does not have (kept out: labels come from the replay)',
    forge('Relabelled', (r) => {
      (r.decisions[0] as ResultFile['decisions'][number]).history = { id: 'assess_yes', label: 'Hacked' };
      r.meters[0] = { ...(r.meters[0] as ResultFile['meters'][number]), value: 99 };
    }),
    /says “Credibility” ended at 99; its moves give \d+/,
  ],
];

function countedEverywhere(summary: DashboardSummary) {
  const s = summary.scenarios[0];
  const seat = s?.seats[0];
  return {
    count: summary.count,
    endings: Object.fromEntries((s?.endings ?? []).filter((e) => e.count > 0).map((e) => [e.id, e.count])),
    choices: seat?.steps.flatMap((x) =>
      x.options.filter((o) => o.count > 0).map((o) => `${x.step}:${o.id}:${o.count}`),
    ),
    meters: seat?.meters.map((m) => [m.id, m.end.max]),
    tally: seat?.steps.map((x) => x.tally),
  };
}

describe('forged result files', () => {
  const real = load('real.json', genuine('Ada'));
  const alone = summarise([real], [mini]);

  for (const [what, forged, reason] of FORGERIES) {
    it(`flags ${what}, and counts it nowhere`, () => {
      const summary = summarise([real, load('forged.json', forged)], [mini]);
      expect(summary.flagged).toHaveLength(1);
      expect(summary.flagged[0]?.fileName).toBe('forged.json');
      expect(summary.flagged[0]?.reasons.join('; ')).toMatch(reason);
      expect(countedEverywhere(summary)).toEqual(countedEverywhere(alone));
      expect(JSON.stringify(summary.scenarios)).not.toContain('The students won the game');
      expect(JSON.stringify(summary.scenarios)).not.toContain('Hacked');
      // The reasons quote the case's labels and titles, never an id or the file's own words.
      const reasons = summary.flagged[0]?.reasons.join('; ') ?? '';
      expect(reasons).not.toMatch(/nuke|nowhere|students_won|assess_|credibility|Nuke them|The students won/);
    });
  }

  it('flags 10,000-vote tallies (the engine accepts them; no room holds that many)', () => {
    const stuffed = load('stuffed.json', genuine('Stuffer', { assess_yes: 10_000, assess_no: 10_000 }));
    const summary = summarise([real, stuffed], [mini]);
    expect(summary.flagged.map((f) => f.reasons)).toEqual([
      ['decision 1 has a class vote of 20,000 votes (more than 1000 in one room)'],
    ]);
    expect(countedEverywhere(summary)).toEqual(countedEverywhere(alone));
    // Without its case the tally is still implausible.
    expect(summarise([stuffed], []).flagged).toHaveLength(1);
  });

  it('flags a second file under the same name, counting the first only', () => {
    const again = load('again.json', genuine(' ada '));
    const summary = summarise([real, again], [mini]);
    expect(summary.count).toBe(1);
    expect(summary.flagged).toEqual([
      {
        fileName: 'again.json',
        who: 'ada',
        scenario: 'mini',
        reasons: [expect.stringContaining('same name as real.json')],
      },
    ]);
  });

  it('flags a meter out of its own range when the case is not available', () => {
    const huge = load('huge.json', FORGERIES[5]?.[1] as ResultFile);
    const summary = summarise([huge], []);
    expect(summary.count).toBe(0);
    expect(summary.flagged[0]?.reasons[0]).toMatch(/outside its range 0–100/);
  });

  it('keeps names, rationales and tallies from the file, the rest from the replay', () => {
    const summary = summarise([load('a.json', genuine('Ada', { assess_yes: 12, assess_no: 3 }))], [mini]);
    expect(summary.flagged).toEqual([]);
    const step = summary.scenarios[0]?.seats[0]?.steps.find((x) => x.step === 'request');
    expect(step?.tally).toEqual({ assess_yes: 12, assess_no: 3 });
    expect(step?.rationales.map((x) => [x.who, x.rationale])).toEqual([['Ada', 'It is an attack.']]);
  });
});
