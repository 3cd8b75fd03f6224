/**
 * The Council's later fields, played by the engine: a vote's result moves meters and flags
 * (`on_consensus`, `on_blocked`), a seat casts its own member's vote (`seat_votes`, the
 * CALL_VOTE's `position`), lobbying is limited by seat and condition (`lobby.roles`, `lobby.when`),
 * a lean is marked as the author's estimate; the checker's errors for them; the terminal's options.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { optionLines } from '../../src/cli/render-text';
import {
  compileScenario,
  createCouncilMachine,
  exhaustivePlaythroughs,
  formatDiagnostic,
  Game,
  loadScenario,
} from '../../src/engine';
import { candidateMoves } from '../../src/engine/moves';
import { partiesOf } from '../../src/engine/parties';
import { rulesHash } from '../../src/engine/rules-hash';
import { optionMove, stepOptions } from '../../src/engine/step-options';
import { runTable } from '../../src/engine/table-run';
import { fixture, loadFixture } from '../helpers';

const s = loadFixture('council-seat.yaml');
const TEXT = readFileSync(fixture('council-seat.yaml'), 'utf8');

describe('a vote result’s effects and flags', () => {
  it('applies on_blocked when the vote is blocked, in the ledger under the vote’s turn', () => {
    const g = Game.start(s, { role: 'host', seed: 1 });
    expect(g.view().step?.council?.wouldPass).toBe(false);
    expect(g.callVote()).toBe(true);
    const v = g.view();
    expect(v.last?.vote?.verdict).toBe('blocked');
    expect(v.last?.entries).toEqual([
      {
        turn: 1,
        step: 'vote',
        cause: 'vote:blocked',
        meter: 'credibility',
        delta: -15,
        reason: 'A member asked and got nothing.',
      },
    ]);
    expect(v.last?.meters.find((m) => m.id === 'credibility')?.value).toBe(35);
    expect(g.state().flags).toEqual({ agreed: false, snubbed: true });
    expect(g.state().ending).toBe('stalled');
  });

  it('applies on_consensus after lobbying, with lobbying’s cost in the same result', () => {
    const g = Game.start(s, { role: 'chair', seed: 1 });
    expect(g.lobby('green')).toBe(true);
    expect(g.callVote()).toBe(true);
    const v = g.view();
    expect(v.last?.vote?.verdict).toBe('consensus');
    expect(v.last?.entries.map((e) => [e.cause, e.delta])).toEqual([
      ['lobby:green', -2],
      ['vote:consensus', 10],
    ]);
    expect(g.state().meters.credibility).toBe(58);
    expect(g.state().flags.agreed).toBe(true);
    expect(g.state().decisions.at(-1)).toMatchObject({ kind: 'vote', choice: 'consensus' });
  });

  it('forecasts what each verdict would do', () => {
    const c = Game.start(s, { role: 'chair', seed: 1 }).view().step?.council;
    expect(c?.results?.consensus.meters).toEqual([
      { meter: 'credibility', label: 'Credibility', expected: 10, min: 10, max: 10 },
    ]);
    expect(c?.results?.blocked.meters[0]?.expected).toBe(-15);
    // A Council without result effects forecasts none.
    const g = Game.start(s, { role: 'government', seed: 1 });
    expect(g.view().step?.council?.results).toBeUndefined();
  });

  it('moves the rules hash (a result decides play), and only when given', () => {
    const without = loadScenario(TEXT.replace(/ {6}on_consensus:[\s\S]*?(?=\n {2}- id: vote2)/, ''), 'x.yaml');
    if (!without.ok) throw new Error(without.errors.map(formatDiagnostic).join('\n'));
    expect(rulesHash(without.scenario)).not.toBe(rulesHash(s));
  });
});

describe('a seat casts its own member’s vote', () => {
  it('names the seat’s member in the view, with the verdict each position would reach', () => {
    const g = Game.start(s, { role: 'chair', seed: 1 });
    g.lobby('green');
    const c = g.view().step?.council;
    expect(c?.seatVote).toEqual({
      actor: 'red',
      name: 'Redland',
      verdicts: { support: 'consensus', abstain: 'consensus', object: 'blocked' },
    });
    // The seat's actor sits as a member (true), or the mapping names the member for the seat.
    expect(Game.start(s, { role: 'host', seed: 1 }).view().step?.council?.seatVote?.actor).toBe('blue');
    expect(Game.start(s, { role: 'government', seed: 1 }).view().step?.council?.seatVote?.actor).toBe('blue');
    expect(Game.start(s, { role: 'clerk', seed: 1 }).view().step?.council?.seatVote).toBeUndefined();
  });

  it('counts the position the player casts instead of the model’s lean, and says so in the result', () => {
    const g = Game.start(s, { role: 'chair', seed: 1 });
    g.lobby('green');
    expect(g.callVote({ position: 'object' })).toBe(true);
    const vote = g.view().last?.vote;
    expect(vote?.verdict).toBe('blocked');
    expect(vote?.members.find((m) => m.actor === 'red')).toEqual({
      actor: 'red',
      name: 'Redland',
      position: 'object',
      own: true,
    });
    expect(vote?.council.members.find((m) => m.actor === 'red')?.reasons).toContain('Your seat cast this vote: object');
    expect(g.state().decisions.at(-1)).toMatchObject({ choice: 'blocked', position: 'object' });
    // It survives save and restore, and a fork.
    const back = Game.restore(s, JSON.parse(JSON.stringify(g.save())));
    expect(back.view().last?.vote).toEqual(vote);
    expect(g.fork().view().last?.vote).toEqual(vote);
  });

  it('cannot outvote another member’s objection, but its own objection blocks', () => {
    // Host: green objects whatever Blueland casts; Blueland's own objection blocks too.
    const g = Game.start(s, { role: 'host', seed: 1 });
    expect(g.view().step?.council?.seatVote?.verdicts).toEqual({
      support: 'blocked',
      abstain: 'blocked',
      object: 'blocked',
    });
    const gov = Game.start(s, { role: 'government', seed: 1 });
    expect(gov.callVote({ position: 'object' })).toBe(true);
    expect(gov.state().ending).toBe('stalled');
    const gov2 = Game.start(s, { role: 'government', seed: 1 });
    expect(gov2.callVote({ position: 'abstain' })).toBe(true);
    expect(gov2.state().ending).toBe('success');
  });

  it('refuses a position from a seat that casts none, and offers it only where it does', () => {
    const g = Game.start(s, { role: 'clerk', seed: 1 });
    expect(g.callVote({ position: 'support' })).toBe(false);
    expect(g.state().handled).toBe(0);
    expect(g.moves()).toEqual([{ type: 'CALL_VOTE' }]);
    expect(Game.start(s, { role: 'chair', seed: 1 }).moves()).toEqual([
      { type: 'CALL_VOTE' },
      { type: 'CALL_VOTE', position: 'support' },
      { type: 'CALL_VOTE', position: 'abstain' },
      { type: 'CALL_VOTE', position: 'object' },
      { type: 'LOBBY', actor: 'green' },
    ]);
    // The machine's guards decide: XState's pure `transition` refuses it too.
    const m = createCouncilMachine(s, 'vote');
    const [start] = initialTransition(m, { role: 'clerk', seed: 1 });
    const [after] = transition(m, start, { type: 'CALL_VOTE', position: 'support' });
    expect(after.value).toBe('deliberating');
    const [chair] = initialTransition(m, { role: 'chair', seed: 1 });
    expect(transition(m, chair, { type: 'CALL_VOTE', position: 'object' })[0].value).toBe('blocked');
  });

  it('leaves a Council without seat_votes as it was: no position moves', () => {
    const mini = loadFixture('mini.yaml');
    const step = mini.steps.find((x) => x.id === 'vote');
    expect(candidateMoves(step)).toEqual([{ type: 'CALL_VOTE' }, { type: 'LOBBY', actor: 'blue' }]);
    expect(Game.start(mini, { role: 'chair', seed: 1 }).send({ type: 'CALL_VOTE', position: 'support' })).toBe(false);
  });

  it('numbers a vote per position in the terminal and the browser, after the members', () => {
    const g = Game.start(s, { role: 'chair', seed: 1 });
    const step = g.view().step;
    if (!step) throw new Error('no step');
    const options = stepOptions(step);
    expect(
      options.map((o) => [
        o.kind,
        o.kind === 'continue' ? null : o.number,
        o.kind === 'vote' ? (o.position ?? null) : null,
      ]),
    ).toEqual([
      ['lobby', 1, null],
      ['vote', 2, 'support'],
      ['vote', 3, 'abstain'],
      ['vote', 4, 'object'],
    ]);
    expect(optionMove(options[3] as (typeof options)[number])).toEqual({ type: 'CALL_VOTE', position: 'object' });
    expect(optionLines(g.view()).lines).toEqual([
      'The Council considers: Send help',
      '   Greenland      object   (lean -30, accused party)',
      '   Redland        support  (lean 60, author’s estimate, your vote)',
      '   Blueland       support  (lean 40, requesting party)',
      '',
      'Choices:',
      ' 1. Lobby Greenland: Promise a short mission',
      '     Cost: Credibility -2',
      ' 2. Call the vote, Redland supports (the model’s lean) (as things stand: blocked)',
      '     Result: Credibility -15',
      ' 3. Call the vote, Redland abstains (as things stand: blocked)',
      '     Result: Credibility -15',
      ' 4. Call the vote, Redland objects (as things stand: blocked)',
      '     Result: Credibility -15',
    ]);
    g.lobby('green');
    // Lobbying keeps the votes' numbers; each says the verdict and the result it would bring.
    expect(optionLines(g.view()).lines.slice(6)).toEqual([
      ' 2. Call the vote, Redland supports (the model’s lean) (as things stand: consensus)',
      '     Result: Credibility +10',
      ' 3. Call the vote, Redland abstains (as things stand: consensus)',
      '     Result: Credibility +10',
      ' 4. Call the vote, Redland objects (as things stand: blocked)',
      '     Result: Credibility -15',
    ]);
  });

  it('explores every position in exhaustive walks, and the table interpreter agrees with XState', () => {
    const endings = new Set<string>();
    const r = exhaustivePlaythroughs(s, 'chair', 1, 100, (game) => {
      endings.add(game.state().ending ?? '');
    });
    expect(r.complete).toBe(true);
    expect([...endings].sort()).toEqual(['stalled', 'success']);
    const table = runTable(s);
    const machine = compileScenario(s);
    for (const events of [
      [
        { type: 'LOBBY', actor: 'green' },
        { type: 'CALL_VOTE', position: 'abstain' },
      ],
      [{ type: 'CALL_VOTE', position: 'support' }],
      [{ type: 'CALL_VOTE', position: 'object' }],
    ] as const) {
      let run = table.start({ role: 'chair', seed: 3 });
      const actor = createActor(machine, { input: { role: 'chair', seed: 3 } }).start();
      for (const e of events) {
        run = table.send(run, e);
        actor.send(e);
      }
      expect(run.value).toBe(String(actor.getSnapshot().value));
      expect(run.context).toEqual(actor.getSnapshot().context);
      actor.stop();
    }
  });
});

describe('lobbying limited by seat and condition', () => {
  it('offers a lobby only to the seats it names', () => {
    const host = Game.start(s, { role: 'host', seed: 1 });
    expect(host.lobby('green')).toBe(false);
    expect(host.moves().some((m) => m.type === 'LOBBY')).toBe(false);
    expect(host.view().step?.council?.members.find((m) => m.actor === 'green')?.lobby).toBeUndefined();
    const chair = Game.start(s, { role: 'chair', seed: 1 });
    expect(chair.view().step?.council?.members.find((m) => m.actor === 'green')?.lobby?.label).toBe(
      'Promise a short mission',
    );
  });

  it('offers it only while its `when` holds', () => {
    const m = createCouncilMachine(s, 'vote');
    const [start] = initialTransition(m, { role: 'chair', seed: 1 });
    const poor = { ...start.context, meters: { credibility: 30 } };
    const a = createActor(m, { input: { role: 'chair', seed: 1, context: poor } }).start();
    a.send({ type: 'LOBBY', actor: 'green' });
    expect(a.getSnapshot().context.lobbied).toEqual([]);
    const b = createActor(m, { input: { role: 'chair', seed: 1 } }).start();
    b.send({ type: 'LOBBY', actor: 'green' });
    expect(b.getSnapshot().context.lobbied).toEqual(['green']);
    a.stop();
    b.stop();
  });
});

describe('a lean marked as the author’s estimate', () => {
  it('is in the view', () => {
    const members = Game.start(s, { role: 'clerk', seed: 1 }).view().step?.council?.members ?? [];
    expect(members.map((m) => [m.actor, m.estimate ?? false])).toEqual([
      ['red', true],
      ['blue', false],
      ['green', false],
    ]);
  });
});

describe('several parties to a crisis', () => {
  it('marks each member that is a party, with `host` as the requesting party', () => {
    const members = Game.start(s, { role: 'clerk', seed: 1 }).view().step?.council?.members ?? [];
    expect(members.map((m) => [m.actor, m.party ?? null])).toEqual([
      ['red', null],
      ['blue', 'requesting'],
      ['green', 'accused'],
    ]);
    expect(partiesOf(s)).toEqual([
      { actor: 'blue', role: 'requesting' },
      { actor: 'green', role: 'accused' },
    ]);
    // `parties` may list the host in another role: the listing counts.
    expect(partiesOf({ host: 'blue', parties: [{ actor: 'blue', role: 'affected' }] })).toEqual([
      { actor: 'blue', role: 'affected' },
    ]);
  });

  it('reports an unknown party actor', () => {
    const r = loadScenario(TEXT.replace('{ actor: green, role: accused }', '{ actor: gren, role: accused }'), 'x.yaml');
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([
      'x.yaml:16:14: error: parties[0] › actor: unknown actor "gren" (did you mean "green"?)',
    ]);
  });
});

describe('the checker', () => {
  const check = (text: string) => {
    const r = loadScenario(text, 'council-seat.yaml');
    return r.ok ? [] : r.errors.map(formatDiagnostic);
  };

  it('reports an unknown seat in lobby.roles, with its line and column', () => {
    expect(check(TEXT.replace('roles: [chair]', 'roles: [chiar]'))).toEqual([
      'council-seat.yaml:55:21: error: step "vote" › council › member "green" › lobby › roles[0]: unknown role "chiar" (did you mean "chair"?)',
    ]);
  });

  it('reports a seat_votes mapping to a member not in the Council, and an unknown seat', () => {
    expect(check(TEXT.replace('seat_votes: { government: blue }', 'seat_votes: { govt: green }'))).toEqual([
      'council-seat.yaml:73:27: error: step "vote2" › council › seat_votes › govt: seat_votes: "green" is not a member of this Council',
      'council-seat.yaml:73:27: error: step "vote2" › council › seat_votes › govt: unknown role "govt" (did you mean "host"?)',
    ]);
  });

  it('reports unknown flags and meters in a result, and an unknown source on a lean', () => {
    const errors = check(
      TEXT.replace('set: [agreed]', 'set: [agread]').replace('sources: [src-a]', 'sources: [src-z]'),
    );
    expect(errors).toEqual([
      'council-seat.yaml:49:21: error: step "vote" › council › member "blue" › sources[0]: unknown source "src-z" (did you mean "src-a"?)',
      'council-seat.yaml:62:15: error: step "vote" › council › on_consensus › set[0]: unknown flag "agread" (did you mean "agreed"?)',
    ]);
  });
});
