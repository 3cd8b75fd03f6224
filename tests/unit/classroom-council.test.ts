/** Council teams on one screen: the consensus rule with teams' votes, the record kept in results, role sheets. */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildResult,
  type CouncilTeam,
  checkTeams,
  cleanTeams,
  combineTeamRationales,
  consensusReached,
  councilAsVoted,
  councilSeats,
  councilTeamsRecord,
  defaultTeamNames,
  parseResultFile,
  replayResult,
  roleSheet,
  serializeResult,
  summarise,
  tallyCouncil,
  teamPositions,
  teamTally,
} from '../../src/classroom';
import { councilTeamsRecordOfVote } from '../../src/classroom/council-teams';
import { type CouncilView, Game } from '../../src/engine';
import { bundledScenarioFiles, CLASS_RESULT_OPTIONS, loadFixture, loadOrThrow } from '../helpers';

const mini = loadFixture('mini.yaml');
const base = CLASS_RESULT_OPTIONS;

/** The chair at the mini Council vote: Redland supports (lean 60), Blueland objects (lean -30). */
function atVote(lobbyBlue = false): Game {
  const g = Game.start(mini, { role: 'chair', seed: 1 });
  expect(g.choose('assess_yes')).toBe(true);
  if (lobbyBlue) expect(g.lobby('blue')).toBe(true);
  expect(g.view().step?.kind).toBe('council');
  return g;
}

function councilOf(g: Game): CouncilView {
  const c = g.view().step?.council;
  if (!c) throw new Error('not at a Council step');
  return c;
}

const teams = (red?: CouncilTeam['vote'], blue?: CouncilTeam['vote']): CouncilTeam[] => [
  { team: 'Team Red', actor: 'red', ...(red ? { vote: red } : {}) },
  { team: 'Team Blue', actor: 'blue', ...(blue ? { vote: blue } : {}) },
];

describe('tallyCouncil', () => {
  const view = councilOf(atVote());

  it('follows the game for the positions teams are not given', () => {
    expect(view.members.map((m) => [m.actor, m.position])).toEqual([
      ['red', 'support'],
      ['blue', 'object'],
    ]);
    expect(view.wouldPass).toBe(false);
  });

  it('waits for every team, but one objection blocks at once', () => {
    const none = tallyCouncil(view, teams());
    expect(none.verdict).toBe('pending');
    expect(none.waitingFor).toEqual(['red', 'blue']);
    expect(none.agreesWithGame).toBe(false);
    expect(tallyCouncil(view, teams('support')).verdict).toBe('pending');
    const early = tallyCouncil(view, teams('object'));
    expect(early.verdict).toBe('blocked');
    expect(early.waitingFor).toEqual(['blue']);
    expect(early.blockers).toEqual([{ actor: 'red', name: 'Redland', team: 'Team Red' }]);
  });

  it('reaches consensus when no member objects (abstaining does not block)', () => {
    for (const [red, blue] of [
      ['support', 'support'],
      ['support', 'abstain'],
      ['abstain', 'abstain'],
    ] as const) {
      const t = tallyCouncil(view, teams(red, blue));
      expect(t.verdict, `${red}/${blue}`).toBe('consensus');
      expect(t.blockers).toEqual([]);
      expect(t.waitingFor).toEqual([]);
      // The game, calling the vote now, would see Blueland object: the teams decided otherwise.
      expect(t.agreesWithGame).toBe(false);
    }
    expect(tallyCouncil(view, teams('support', 'abstain')).counts).toEqual({ support: 1, abstain: 1, object: 0 });
  });

  it('is blocked by any objecting member, and names each', () => {
    const one = tallyCouncil(view, teams('support', 'object'));
    expect(one.verdict).toBe('blocked');
    expect(one.blockers).toEqual([{ actor: 'blue', name: 'Blueland', team: 'Team Blue' }]);
    expect(one.agreesWithGame).toBe(true);
    expect(teamTally(one)).toEqual({ support: 1, abstain: 0, object: 1 });
    const both = tallyCouncil(view, teams('object', 'object'));
    expect(both.blockers.map((b) => b.actor)).toEqual(['red', 'blue']);
  });

  it('lets a member no team holds vote as the game says, lobbying included', () => {
    const onlyRed = tallyCouncil(view, [{ team: 'Team Red', actor: 'red', vote: 'support' }]);
    expect(onlyRed.verdict).toBe('blocked');
    expect(onlyRed.blockers).toEqual([{ actor: 'blue', name: 'Blueland' }]);
    expect(onlyRed.members.find((m) => m.actor === 'blue')).toMatchObject({ source: 'game', position: 'object' });
    const lobbied = councilOf(atVote(true));
    expect(lobbied.wouldPass).toBe(true);
    const after = tallyCouncil(lobbied, [{ team: 'Team Red', actor: 'red', vote: 'support' }]);
    expect(after.verdict).toBe('consensus');
    expect(after.agreesWithGame).toBe(true);
    expect(after.members.map((m) => [m.actor, m.source, m.position, m.gamePosition])).toEqual([
      ['red', 'team', 'support', 'support'],
      ['blue', 'game', 'abstain', 'abstain'],
    ]);
  });

  it('handles larger Councils, teams not sitting, and refuses one member held twice', () => {
    const big: CouncilView = {
      proposal: 'Send a mission',
      supportAt: 20,
      objectAt: -20,
      wouldPass: true,
      members: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
        actor: id,
        name: id.toUpperCase(),
        lean: 0,
        position: 'abstain' as const,
        reasons: [],
      })),
    };
    const votes: CouncilTeam[] = [
      { team: 'T1', actor: 'a', vote: 'support' },
      { team: 'T2', actor: 'b', vote: 'abstain' },
      { team: 'T3', actor: 'c', vote: 'support' },
      { team: 'T4', actor: 'zz', vote: 'object' },
    ];
    const t = tallyCouncil(big, votes);
    expect(t.verdict).toBe('consensus');
    expect(t.notSitting).toEqual(['T4']);
    expect(t.counts).toEqual({ support: 2, abstain: 4, object: 0 });
    const blocked = tallyCouncil(big, [...votes.slice(0, 3), { team: 'T5', actor: 'f', vote: 'object' }]);
    expect(blocked.blockers).toEqual([{ actor: 'f', name: 'F', team: 'T5' }]);
    expect(() => tallyCouncil(big, [...votes, { team: 'T6', actor: 'a', vote: 'object' }])).toThrow(/two teams/);
    expect(consensusReached(['support', 'abstain'])).toBe(true);
    expect(consensusReached([])).toBe(true);
    expect(consensusReached(['support', 'object'])).toBe(false);
  });
});

describe('Council teams in a result file', () => {
  it('keeps each team’s vote and rationale with the run; the dashboard shows them', () => {
    const g = atVote();
    const playing: CouncilTeam[] = [
      { team: 'Team Red', actor: 'red', vote: 'support', rationale: '  Act now.  ' },
      { team: 'Team Blue', actor: 'blue', vote: 'object', rationale: 'Not our war, "no".' },
    ];
    const view = councilOf(g);
    const record = councilTeamsRecord(g.view(), playing);
    expect(record).toEqual({
      turn: g.view().turn + 1,
      step: 'vote',
      consensus: false,
      votes: [
        { team: 'Team Red', actor: 'red', position: 'support', rationale: 'Act now.' },
        { team: 'Team Blue', actor: 'blue', position: 'object', rationale: 'Not our war, "no".' },
      ],
    });
    const rationale = combineTeamRationales(view, playing);
    expect(rationale).toBe('Team Red (Redland, support): Act now.\nTeam Blue (Blueland, object): Not our war, "no".');
    expect(
      g.callVote({ rationale, tally: teamTally(tallyCouncil(view, playing)), positions: teamPositions(view, playing) }),
    ).toBe(true);
    // Read back from the engine's vote, the record is the same.
    expect(councilTeamsRecordOfVote(g.view(), playing)).toEqual(record);
    while (!g.ended) g.continue();
    const r = buildResult(g, { ...base, councilTeams: [record] });
    // The teams' votes are moves of the run: the file keeps them, and replays to the same run.
    expect(r.events.find((e) => e.type === 'CALL_VOTE')).toMatchObject({
      positions: { red: 'support', blue: 'object' },
    });
    const replayed = replayResult(r, mini);
    expect(replayed.ok).toBe(true);
    expect(r.decisions.find((d) => d.turn === record.turn)).toMatchObject({ step: 'vote', kind: 'vote', rationale });
    const parsed = parseResultFile(serializeResult(r), 'class.json');
    expect(parsed.ok && parsed.result.councilTeams).toEqual([record]);
    const step = summarise(parsed.ok ? [parsed] : [], [mini]).scenarios[0]?.seats[0]?.steps.find(
      (s) => s.step === 'vote',
    );
    expect(step?.teamVotes).toEqual([
      {
        fileName: 'class.json',
        // Who: the file's name without .json when no name was typed.
        who: 'class',
        turn: 2,
        team: 'Team Red',
        actor: 'red',
        name: 'Redland',
        position: 'support',
        rationale: 'Act now.',
      },
      {
        fileName: 'class.json',
        who: 'class',
        turn: 2,
        team: 'Team Blue',
        actor: 'blue',
        name: 'Blueland',
        position: 'object',
        rationale: 'Not our war, "no".',
      },
    ]);
    expect(step?.tally).toEqual({ support: 1, abstain: 0, object: 1 });
  });

  it('refuses a record that is not a Council vote of the run, and a step that is not a Council', () => {
    const g = atVote();
    const record = councilTeamsRecord(g.view(), teams('support', 'support'));
    g.callVote();
    while (!g.ended) g.continue();
    expect(() => buildResult(g, { ...base, councilTeams: [{ ...record, turn: 1 }] })).toThrow(/not a Council vote/);
    expect(() => buildResult(g, { ...base, councilTeams: [{ ...record, step: 'request' }] })).toThrow(
      /not a Council vote/,
    );
    expect(() => councilTeamsRecord(Game.start(mini, { role: 'chair', seed: 1 }).view(), [])).toThrow(/not a Council/);
    expect(() => councilTeamsRecordOfVote(atVote().view(), [])).toThrow(/not a Council vote/);
    expect(combineTeamRationales(councilOf(atVote()), teams('support'))).toBeUndefined();
    const long = combineTeamRationales(councilOf(atVote()), [
      { team: 'A', actor: 'red', rationale: 'x'.repeat(1500) },
      { team: 'B', actor: 'blue', rationale: 'y'.repeat(1500) },
    ]);
    expect(long).toHaveLength(2000);
  });
});

describe('council seats and role sheets', () => {
  it('lists the members that sit on a Council, and checks team set-ups', () => {
    expect(councilSeats(mini)).toEqual([
      {
        actor: 'red',
        name: 'Redland',
        councils: [{ step: 'vote', title: 'The Council votes', date: '2020-01-03', proposal: 'Send troops' }],
      },
      {
        actor: 'blue',
        name: 'Blueland',
        councils: [{ step: 'vote', title: 'The Council votes', date: '2020-01-03', proposal: 'Send troops' }],
      },
    ]);
    expect(checkTeams(mini, teams())).toEqual([]);
    expect(
      checkTeams(mini, [
        { team: 'A', actor: 'red' },
        { team: ' a ', actor: 'red' },
        { team: ' ', actor: 'nobody' },
      ]),
    ).toEqual([
      'two teams are called "a"',
      'two teams hold "red"',
      'team 3 has no name',
      '"nobody" does not sit on the Council in this case',
    ]);
  });

  it('gives a role sheet: the member, its leader, stance and interests, the case (the glossary prints once, on its own sheet)', () => {
    const sheet = roleSheet(mini, 'blue');
    expect(sheet).toEqual({
      scenario: {
        id: 'mini',
        title: 'A small test crisis',
        summary: 'A member asks for help; the alliance decides.',
        region: 'Testland',
        dates: { start: '2020-01-01', end: '2020-01-31' },
      },
      actor: {
        id: 'blue',
        name: 'Blueland',
        kind: 'member',
        stance: 'Wary of intervention.',
        interests: 'Non-interference.',
      },
      seats: [{ id: 'host', title: 'Host government', summary: 'Survive.', brief: 'You govern the host state.' }],
      councils: [{ step: 'vote', title: 'The Council votes', date: '2020-01-03', proposal: 'Send troops' }],
    });
    expect(() => roleSheet(mini, 'green')).toThrow(/no actor "green"/);
  });

  it.each(bundledScenarioFiles().map((f) => [basename(f), f]))(
    'has a role sheet for every Council seat of %s',
    (_, file) => {
      const s = loadOrThrow(file);
      const seats = councilSeats(s);
      const members = new Set(s.steps.flatMap((x) => x.council?.members.map((m) => m.actor) ?? []));
      expect(seats.map((x) => x.actor).sort()).toEqual([...members].sort());
      expect(seats.length).toBeGreaterThan(1);
      for (const seat of seats) {
        const actor = s.actors.find((a) => a.id === seat.actor);
        const sheet = roleSheet(s, seat.actor);
        expect(sheet.actor).toEqual({
          id: actor?.id,
          name: actor?.name,
          kind: actor?.kind,
          ...(actor?.leader ? { leader: actor.leader } : {}),
          stance: actor?.stance,
          interests: actor?.interests,
        });
        expect(sheet.scenario.summary).toBe(s.summary);
        expect(sheet.councils.length).toBeGreaterThan(0);
        expect(sheet.councils.map((c) => c.step)).toEqual(seat.councils.map((c) => c.step));
        expect(sheet.seats.map((x) => x.id)).toEqual(s.roles.filter((r) => r.actor === seat.actor).map((r) => r.id));
      }
      // Every team holding a distinct seat is a valid set-up.
      expect(
        checkTeams(
          s,
          seats.map((x, i) => ({ team: `Team ${i + 1}`, actor: x.actor })),
        ),
      ).toEqual([]);
    },
  );
});

describe('the teams’ votes in the engine', () => {
  it('sends the positions of sitting members with a vote, and the engine decides as the tally says', () => {
    for (const [red, blue] of [
      ['support', 'support'],
      ['support', 'abstain'],
      ['object', 'support'],
      ['support', 'object'],
      ['abstain', 'abstain'],
    ] as const) {
      const g = atVote();
      const view = councilOf(g);
      const playing = [...teams(red, blue), { team: 'Team Green', actor: 'green', vote: 'object' as const }];
      const positions = teamPositions(view, playing);
      // A team whose member does not sit on this Council sends nothing.
      expect(positions).toEqual({ red, blue });
      const tally = tallyCouncil(view, playing);
      const voted = councilAsVoted(view, playing);
      expect(voted.wouldPass).toBe(tally.verdict === 'consensus');
      expect(voted.members.map((m) => m.position)).toEqual([red, blue]);
      expect(g.callVote({ positions })).toBe(true);
      // The result of the vote is the one the teams' tally shows.
      const passed = g.state().decisions.at(-1)?.choice === 'consensus';
      expect({ red, blue, passed }).toEqual({ red, blue, passed: tally.verdict === 'consensus' });
    }
  });

  it('leaves a member without a vote to the game, in the chamber and in the engine', () => {
    const g = atVote();
    const view = councilOf(g);
    const playing = teams('object');
    expect(teamPositions(view, playing)).toEqual({ red: 'object' });
    const voted = councilAsVoted(view, playing);
    expect(voted.members.find((m) => m.actor === 'blue')?.position).toBe(
      view.members.find((m) => m.actor === 'blue')?.position,
    );
  });
});

describe('team set-ups', () => {
  it('cleans what was typed or stored: blank, malformed and second holders dropped', () => {
    expect(cleanTeams(null)).toEqual([]);
    expect(cleanTeams('x')).toEqual([]);
    expect(
      cleanTeams([
        { team: '  Team   Red ', actor: 'red' },
        { team: '   ', actor: 'blue' },
        { team: 'Team Two', actor: 'red' },
        { team: 7, actor: 'green' },
        null,
        { team: 'x'.repeat(100), actor: 'blue' },
      ]),
    ).toEqual([
      { team: 'Team Red', actor: 'red' },
      { team: 'x'.repeat(60), actor: 'blue' },
    ]);
    expect(cleanTeams(Array.from({ length: 30 }, (_, i) => ({ team: `T${i}`, actor: `a${i}` })))).toHaveLength(20);
  });

  it('names teams A, B, C… skipping names already taken', () => {
    expect(defaultTeamNames(3)).toEqual(['Team A', 'Team B', 'Team C']);
    expect(defaultTeamNames(2, ['team a', 'Team C'])).toEqual(['Team B', 'Team D']);
    expect(defaultTeamNames(28).slice(25)).toEqual(['Team Z', 'Team AA', 'Team AB']);
  });
});
