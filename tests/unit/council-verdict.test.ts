/**
 * The engine alone decides a Council verdict, and the view carries it: `view.last.vote` holds
 * each member's position as cast (after lobbying, the teams' positions in place) and the verdict
 * the machine acted on; it survives save → restore, replay and fork; and the classroom's helpers
 * (tallies, the chamber while teams vote, the result record) agree with it, over random runs of
 * every bundled case, with and without Council teams.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  type CouncilTeam,
  cleanTally,
  councilAsVoted,
  councilTeamsRecord,
  tallyCouncil,
  tallyView,
  teamPositions,
} from '../../src/classroom';
import { councilTeamsRecordOfVote } from '../../src/classroom/council-teams';
import {
  type CouncilView,
  councilAsCast,
  formatDiagnostic,
  Game,
  type GameEvent,
  loadScenario,
  type Position,
  type Scenario,
  type TeamPositions,
  verdictOf,
} from '../../src/engine';
import { holds } from '../../src/engine/conditions';
import { councilPositions } from '../../src/engine/council';
import { nextRandom, seedState } from '../../src/engine/rng';
import type { Next } from '../../src/engine/schema';
import { councilWhileVoting, teamsWithVotes } from '../../src/ui/screens/class-council';
import { draftEntry, freshDraft, setDraftEntry } from '../../src/ui/screens/class-vote';
import { bundledScenarioFiles, fixture, loadFixture, loadOrThrow } from '../helpers';

const POSITIONS: Position[] = ['support', 'abstain', 'object'];

function random(seed: number) {
  let state = seedState(seed);
  return () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
}

/** Where a `next` leads from a context: the step or ending id (branches resolved as the machine does). */
function resolve(next: Next, ctx: Parameters<typeof holds>[1]): string {
  if (typeof next === 'string') return next;
  return (next.find((b) => holds(b.when, ctx)) ?? next[next.length - 1])?.to ?? '';
}

/** Where the run stands after a decision: the step entered or the ending reached. */
const whereNow = (g: Game) => g.state().ending ?? g.state().visited.at(-1);

/** Random teams' positions for some of the members (none, some or all), sometimes for a non-member too. */
function randomPositions(council: CouncilView, draw: () => number): TeamPositions | undefined {
  if (draw() < 0.3) return undefined;
  const entries = council.members
    .filter(() => draw() < 0.6)
    .map((m) => [m.actor, POSITIONS[Math.floor(draw() * 3)] as Position] as const);
  if (draw() < 0.1) entries.push(['not_a_member', 'object']);
  return Object.fromEntries(entries);
}

const teamsFor = (positions: TeamPositions | undefined): CouncilTeam[] =>
  Object.entries(positions ?? {}).map(([actor, vote]) => ({ team: `Team ${actor}`, actor, vote }));

interface VoteSeen {
  distinguishable: boolean;
  verdict: 'consensus' | 'blocked';
}

/** Calls the vote and checks the view's `last.vote` against what the engine did. */
function voteAndCheck(s: Scenario, game: Game, positions: TeamPositions | undefined): VoteSeen {
  const before = game.view();
  const step = s.steps.find((x) => x.id === before.step?.id);
  const council = before.step?.council;
  if (!step?.council || !council) throw new Error('not at a council step');
  const ctx = game.state();
  const targets = { consensus: resolve(step.council.consensus, ctx), blocked: resolve(step.council.blocked, ctx) };
  expect(game.callVote(positions ? { positions } : {})).toBe(true);

  const after = game.view();
  const vote = after.last?.vote;
  if (!vote) throw new Error(`no last.vote after the vote at ${step.id}`);
  // The verdict is what the machine did: its decision record and the step it went to.
  expect(vote.verdict).toBe(game.state().decisions.at(-1)?.choice);
  expect(whereNow(game)).toBe(targets[vote.verdict]);
  // Each member as cast: the team's position where one was given, else the model's (after lobbying).
  expect(vote.members.map((m) => m.actor)).toEqual(council.members.map((m) => m.actor));
  council.members.forEach((m, i) => {
    const cast = vote.members[i];
    const team = positions && Object.hasOwn(positions, m.actor) ? positions[m.actor] : undefined;
    expect(cast?.position).toBe(team ?? m.position);
    expect(cast?.team).toBe(team ? true : undefined);
    expect(cast?.name).toBe(m.name);
  });
  expect(vote.members.map((m) => m.position)).toEqual(
    councilPositions(step.council, ctx, positions).map((p) => p.position),
  );
  expect(vote.verdict).toBe(verdictOf(vote.members.map((m) => m.position)));
  expect(vote.council.wouldPass).toBe(vote.verdict === 'consensus');
  expect(vote.council).toEqual(councilAsCast(council, positions));
  // With no team, the view's forecast before the vote was the verdict.
  if (!positions || Object.keys(positions).length === 0) expect(council.wouldPass).toBe(vote.verdict === 'consensus');

  // The classroom's helpers agree with the engine.
  const teams = teamsFor(positions);
  const sitting = teams.filter((t) => council.members.some((m) => m.actor === t.actor));
  expect(councilAsVoted(council, teams)).toEqual(vote.council);
  expect(tallyCouncil(council, teams).verdict).toBe(vote.verdict);
  expect(teamPositions(council, teams)).toEqual(Object.fromEntries(sitting.map((t) => [t.actor, t.vote])));
  const record = councilTeamsRecordOfVote(after, teams);
  expect(record).toEqual(councilTeamsRecord(before, teams));
  expect(record.consensus).toBe(vote.verdict === 'consensus');
  expect(record.votes.map((v) => v.actor)).toEqual(sitting.map((t) => t.actor));
  return { distinguishable: targets.consensus !== targets.blocked, verdict: vote.verdict };
}

/** A random run that lobbies now and then and votes with random teams' positions; returns the votes. */
function play(s: Scenario, role: string, seed: number, onVote?: (game: Game) => void) {
  const draw = random(seed * 7 + 3);
  const game = Game.start(s, { role, seed });
  const seen: VoteSeen[] = [];
  for (let i = 0; i < 500 && !game.ended; i++) {
    const moves = game.moves();
    const lobbies = moves.filter((m) => m.type === 'LOBBY');
    const council = game.view().step?.council;
    if (council && !(lobbies.length > 0 && draw() < 0.5)) {
      seen.push(voteAndCheck(s, game, randomPositions(council, draw)));
      onVote?.(game);
      continue;
    }
    const pool = council ? lobbies : moves;
    expect(game.send(pool[Math.floor(draw() * pool.length)] as GameEvent)).toBe(true);
    // Only a vote's result carries a vote.
    if (game.view().last && game.state().decisions.at(-1)?.kind !== 'vote')
      expect(game.view().last?.vote).toBeUndefined();
  }
  expect(game.ended).toBe(true);
  return { game, seen };
}

const cases = [
  ['mini.yaml', loadFixture('mini.yaml')],
  ...bundledScenarioFiles().map((f) => [basename(f), loadOrThrow(f)] as const),
] as const;

describe.each(cases)('%s', (_name, s) => {
  it.each(s.roles.map((r) => r.id))('seat %s: last.vote is the vote the engine took, over 40 random runs', (role) => {
    const seen: VoteSeen[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const r = play(s, role, seed);
      seen.push(...r.seen);
      r.game.stop();
    }
    // Every seat meets the Council, both verdicts happen, and where the two lead differ, the run went the verdict's way.
    expect(seen.filter((v) => v.verdict === 'consensus').length).toBeGreaterThan(0);
    expect(seen.filter((v) => v.verdict === 'blocked').length).toBeGreaterThan(0);
    expect(seen.filter((v) => v.distinguishable).length).toBeGreaterThan(0);
  });

  it.each(s.roles.map((r) => r.id))('seat %s: last.vote survives save → restore, replay and fork', (role) => {
    for (let seed = 1; seed <= 6; seed++) {
      const { game } = play(s, role, seed, (g) => {
        const saved = JSON.parse(JSON.stringify(g.save()));
        const restored = Game.restore(s, saved);
        expect(restored.view().last).toEqual(g.view().last);
        restored.stop();
        const replayed = Game.replay(s, { role, seed }, g.log());
        expect(replayed.view().last?.vote).toEqual(g.view().last?.vote);
        replayed.stop();
        const fork = g.fork();
        expect(fork.view().last?.vote).toEqual(g.view().last?.vote);
        fork.stop();
      });
      game.stop();
    }
  });
});

describe('the mini Council', () => {
  const mini = loadFixture('mini.yaml');
  /** At the vote as chair: Redland supports (lean 60), Blueland objects (lean -30) unless lobbied. */
  const atVote = () => {
    const g = Game.start(mini, { role: 'chair', seed: 1 });
    expect(g.choose('assess_yes')).toBe(true);
    return g;
  };

  it('blocks on the model’s objection, passes after lobbying, and teams override the model', () => {
    const plain = atVote();
    plain.callVote();
    expect(plain.view().last?.vote).toMatchObject({
      verdict: 'blocked',
      members: [
        { actor: 'red', name: 'Redland', position: 'support' },
        { actor: 'blue', name: 'Blueland', position: 'object' },
      ],
    });
    const lobbied = atVote();
    lobbied.lobby('blue');
    lobbied.callVote();
    expect(lobbied.view().last?.vote?.verdict).toBe('consensus');
    expect(lobbied.view().last?.vote?.council.members[1]?.lobby?.done).toBe(true);
    const teams = atVote();
    teams.callVote({ positions: { blue: 'abstain' } });
    expect(teams.view().last?.vote).toMatchObject({
      verdict: 'consensus',
      members: [
        { actor: 'red', position: 'support' },
        { actor: 'blue', position: 'abstain', team: true },
      ],
    });
    expect(teams.view().last?.vote?.council.members[1]?.reasons.at(-1)).toMatch(
      /team holding this seat voted: abstain/,
    );
    for (const g of [plain, lobbied, teams]) g.stop();
  });

  it('the chamber while teams vote: votes so far on the engine’s rule, one objection blocks', () => {
    const g = atVote();
    g.lobby('blue');
    const council = g.view().step?.council as CouncilView;
    expect(council.wouldPass).toBe(true);
    const setup = [
      { team: 'Team Red', actor: 'red' },
      { team: 'Team Blue', actor: 'blue' },
    ];
    const draft = freshDraft('x');
    expect(councilWhileVoting(council, setup, draft)).toEqual(council);
    expect(tallyCouncil(council, teamsWithVotes(setup, draft)).verdict).toBe('pending');
    setDraftEntry(draft.teamVotes, 'red', 'object');
    const partial = councilWhileVoting(council, setup, draft);
    expect(partial.wouldPass).toBe(false);
    expect(partial.members[0]).toMatchObject({ actor: 'red', position: 'object', team: true });
    // Blocked already: whatever Blue votes, the engine blocks.
    expect(tallyCouncil(council, teamsWithVotes(setup, draft)).verdict).toBe('blocked');
    for (const blue of POSITIONS) {
      const probe = g.fork();
      probe.callVote({ positions: { red: 'object', blue } });
      expect(probe.view().last?.vote?.verdict).toBe('blocked');
      probe.stop();
    }
    setDraftEntry(draft.teamVotes, 'red', 'support');
    setDraftEntry(draft.teamVotes, 'blue', 'abstain');
    const full = councilWhileVoting(council, setup, draft);
    const positions = teamPositions(council, teamsWithVotes(setup, draft));
    g.callVote({ positions });
    expect(g.view().last?.vote?.council).toEqual(full);
    expect(g.view().last?.vote?.verdict).toBe('consensus');
    g.stop();
  });

  it('verdictOf: no objection is consensus (an empty Council too), one objection blocks', () => {
    expect(verdictOf([])).toBe('consensus');
    expect(verdictOf(['support', 'abstain'])).toBe('consensus');
    expect(verdictOf(['support', 'object', 'support'])).toBe('blocked');
    expect(verdictOf([undefined, 'abstain'])).toBe('consensus');
  });
});

/** The mini case with ids renamed (every string value equal to an old id), loaded by the engine's loader. */
function renamed(
  ids: Record<string, string>,
  edit?: (doc: { endings: Record<string, unknown>[] }) => void,
): ReturnType<typeof loadScenario> {
  const walk = (x: unknown): unknown => {
    if (typeof x === 'string') return Object.hasOwn(ids, x) ? ids[x] : x;
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]));
    return x;
  };
  const doc = walk(parse(readFileSync(fixture('mini.yaml'), 'utf8')));
  edit?.(doc as { endings: Record<string, unknown>[] });
  return loadScenario(stringify(doc), 'renamed.yaml');
}

describe('ids are data: Object.prototype names are ids like any other', () => {
  it('the schema accepts "constructor" and refuses the others (not lower-case ids)', () => {
    for (const id of ['toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      const r = renamed({ blue: id });
      expect(r.ok, id).toBe(false);
      if (!r.ok) expect(r.errors.map(formatDiagnostic).join('\n')).toMatch(/ids are lower-case/);
    }
  });

  // The success ending reads well for the chair only: any other seat, "constructor" too, sees its tone.
  const r = renamed({ blue: 'constructor', assess_yes: 'constructor', host: 'constructor' }, (doc) => {
    (doc.endings[0] as Record<string, unknown>).tone_for = { chair: 'good' };
  });
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  const s = r.scenario;

  it('a member "constructor" objects, is lobbied, is named, and its team’s vote counts', () => {
    const start = () => {
      const g = Game.start(s, { role: 'chair', seed: 1 });
      expect(g.moves()).toContainEqual({ type: 'CHOOSE', choice: 'constructor' });
      expect(g.choose('constructor')).toBe(true);
      return g;
    };
    const g = start();
    const council = g.view().step?.council as CouncilView;
    expect(council.members.map((m) => [m.actor, m.name, m.position])).toEqual([
      ['red', 'Redland', 'support'],
      ['constructor', 'Blueland', 'object'],
    ]);
    expect(council.wouldPass).toBe(false);
    expect(g.moves()).toEqual([{ type: 'CALL_VOTE' }, { type: 'LOBBY', actor: 'constructor' }]);
    // No team holds a seat: nothing overrides "constructor" (an empty positions object has no own key).
    expect(g.callVote({ positions: {} })).toBe(true);
    expect(g.view().last?.vote).toMatchObject({
      verdict: 'blocked',
      members: [{ actor: 'red' }, { actor: 'constructor', name: 'Blueland', position: 'object' }],
    });
    expect(g.view().last?.vote?.members[1]?.team).toBeUndefined();
    expect(whereNow(g)).toBe('wait');

    const lobbied = start();
    expect(lobbied.lobby('constructor')).toBe(true);
    expect(lobbied.moves()).toEqual([{ type: 'CALL_VOTE' }]);
    lobbied.callVote();
    expect(lobbied.view().last?.vote?.verdict).toBe('consensus');
    expect(whereNow(lobbied)).toBe('success');

    const team = start();
    const teams: CouncilTeam[] = [{ team: 'Team C', actor: 'constructor', vote: 'support' }];
    const view = team.view().step?.council as CouncilView;
    expect(tallyCouncil(view, [{ team: 'Team C', actor: 'constructor' }])).toMatchObject({
      verdict: 'pending',
      waitingFor: ['constructor'],
    });
    expect(teamsWithVotes([{ team: 'Team C', actor: 'constructor' }], freshDraft('x'))).toEqual([
      { team: 'Team C', actor: 'constructor' },
    ]);
    expect(councilAsVoted(view, teams).wouldPass).toBe(true);
    team.callVote({ positions: teamPositions(view, teams) });
    expect(team.view().last?.vote?.members[1]).toEqual({
      actor: 'constructor',
      name: 'Blueland',
      position: 'support',
      team: true,
    });
    expect(team.view().last?.vote?.verdict).toBe('consensus');
    // A "__proto__" key in the positions (own, as JSON makes it) is just a non-member.
    const proto = start();
    proto.callVote({ positions: JSON.parse('{"__proto__": "support"}') });
    expect(proto.view().last?.vote?.verdict).toBe('blocked');

    const restored = Game.restore(s, JSON.parse(JSON.stringify(team.save())));
    expect(restored.view().last).toEqual(team.view().last);
    expect(restored.view().last?.history?.label).toBe('Consensus reached');
    for (const x of [g, lobbied, team, proto, restored]) x.stop();
  });

  it('class tallies and drafts read only their own entries', () => {
    expect(cleanTally(['constructor'], {})).toBeUndefined();
    expect(cleanTally(['constructor', 'red'], { constructor: '3', red: 2 })).toEqual({ constructor: 3, red: 2 });
    expect(tallyView([{ id: 'constructor', label: 'C' }], {})).toMatchObject({ total: 0, leaders: [] });
    expect(tallyView([{ id: 'constructor', label: 'C' }], undefined).options[0]?.count).toBe(0);
    const draft = freshDraft('x');
    expect(draftEntry(draft.tally, 'constructor')).toBeUndefined();
    setDraftEntry(draft.teamVotes, '__proto__', 'object');
    expect(Object.keys(draft.teamVotes)).toEqual(['__proto__']);
    expect(draftEntry(draft.teamVotes, '__proto__')).toBe('object');
    expect(teamsWithVotes([{ team: 'P', actor: '__proto__' }], draft)).toEqual([
      { team: 'P', actor: '__proto__', vote: 'object' },
    ]);
  });

  it('a seat "constructor" plays to an ending with its own tone, and the debrief names its choices', () => {
    const g = Game.start(s, { role: 'constructor', seed: 2 });
    expect(g.choose('ask_yes')).toBe(true);
    expect(g.choose('constructor')).toBe(true);
    expect(g.view().last?.history).toEqual({ label: 'It meets Article 4', matched: true });
    const positions: TeamPositions = Object.fromEntries([['constructor', 'support']]);
    g.callVote({ positions });
    expect(g.view().last?.vote?.verdict).toBe('consensus');
    expect(g.ended).toBe(true);
    expect(g.view().ending?.tone).toBe('mixed');
    expect(JSON.stringify(g.debrief())).toContain('It meets Article 4');
    g.stop();
  });
});
