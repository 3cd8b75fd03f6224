import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import {
  compileScenario,
  councilPositions,
  createCouncilMachine,
  machineConfig,
  type Position,
  verdictOf,
} from '../../src/engine';
import { assertKnownNames } from '../../src/engine/compiler';
import { loadFixture } from '../helpers';

const mini = loadFixture('mini.yaml');

describe('compiler', () => {
  it('makes one state per step and ending, a start router, and routing states for branches', () => {
    const config = machineConfig(mini);
    const keys = Object.keys(config.states);
    for (const id of [...mini.steps.map((s) => s.id), ...mini.endings.map((e) => e.id)]) expect(keys).toContain(id);
    expect(keys).toContain('@start');
    expect(keys).toContain('route:request:assess_no');
    expect(keys).toContain('route:alone:continue');
    expect(config.states.success?.type).toBe('final');
  });

  it('refuses a configuration that names an unknown action or guard', () => {
    const config = machineConfig(mini);
    const broken = structuredClone(config);
    broken.states.ask = { ...broken.states.ask, entry: [{ type: 'enterStpe', params: { step: 'ask' } }] };
    expect(() => assertKnownNames(broken)).toThrow(/unknown action "enterStpe"/);
    const broken2 = structuredClone(config);
    (broken2.states.wait?.on as Record<string, unknown[]>).CONTINUE = [{ target: 'nowhere' }];
    expect(() => assertKnownNames(broken2)).toThrow(/missing state "nowhere"/);
  });

  it('builds machines without code generation: the config is plain JSON', () => {
    const config = machineConfig(mini);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });
});

describe('pure transitions', () => {
  const machine = compileScenario(mini);

  it('starts each seat at its first step and runs the entry events', () => {
    const [chair] = initialTransition(machine, { role: 'chair', seed: 1 });
    expect(chair.value).toBe('request');
    expect(chair.context.visited).toEqual(['request']);
    const [host] = initialTransition(machine, { role: 'host', seed: 1 });
    expect(host.value).toBe('ask');
  });

  it('applies a choice: effects, flags, ledger, decision record', () => {
    const [s0] = initialTransition(machine, { role: 'host', seed: 1 });
    const [s1] = transition(machine, s0, { type: 'CHOOSE', choice: 'ask_yes' });
    expect(s1.value).toBe('request');
    expect(s1.context.meters.credibility).toBe(55);
    expect(s1.context.flags.asked).toBe(true);
    expect(s1.context.turn).toBe(1);
    expect(s1.context.ledger[0]).toEqual({
      turn: 1,
      step: 'ask',
      cause: 'ask_yes',
      meter: 'credibility',
      delta: 5,
      reason: 'A member trusts the alliance.',
    });
    expect(s1.context.decisions[0]).toMatchObject({ turn: 1, step: 'ask', choice: 'ask_yes', kind: 'choice' });
  });

  it('ignores events the current step does not accept, without changing the snapshot', () => {
    const [s0] = initialTransition(machine, { role: 'host', seed: 1 });
    for (const ev of [
      { type: 'CHOOSE', choice: 'assess_yes' },
      { type: 'CHOOSE', choice: 'nope' },
      { type: 'CALL_VOTE' },
      { type: 'CONTINUE' },
    ] as const) {
      const [s1] = transition(machine, s0, ev);
      expect(s1.value).toBe('ask');
      expect(s1.context).toBe(s0.context);
    }
  });

  it('evaluates branching next after the choice effects apply', () => {
    // credibility 50 - 20 = 30 < 40: the branch to collapse is taken.
    const [s0] = initialTransition(machine, { role: 'chair', seed: 1 });
    const [s1] = transition(machine, s0, { type: 'CHOOSE', choice: 'assess_no' });
    expect(s1.status).toBe('done');
    expect(s1.context.ending).toBe('collapse');
  });

  it('clamps meters to their range and records the change actually applied', () => {
    const [s0] = initialTransition(machine, { role: 'host', seed: 1 });
    const [s1] = transition(machine, s0, { type: 'CHOOSE', choice: 'ask_no' });
    const [s2] = transition(machine, s1, { type: 'CONTINUE' });
    expect(s2.context.ending).toBe('collapse');
    expect(s1.context.meters.harm).toBe(30);
  });

  it('draws outcomes from the seeded generator: both outcomes occur across seeds, each seed always the same', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const [s0] = initialTransition(machine, { role: 'chair', seed });
      const [a] = transition(machine, s0, { type: 'CHOOSE', choice: 'assess_yes' });
      const [b] = transition(machine, s0, { type: 'CHOOSE', choice: 'assess_yes' });
      expect(a.context).toEqual(b.context);
      seen.add(a.context.decisions[0]?.outcome ?? '');
    }
    expect(seen).toEqual(new Set(['believed', 'doubted']));
  });
});

describe('council machine', () => {
  it('blocks while a member objects, and passes once lobbying moves it', () => {
    const m = createCouncilMachine(mini, 'vote');
    const a = createActor(m, { input: { role: 'chair', seed: 1 } }).start();
    a.send({ type: 'CALL_VOTE' });
    expect(a.getSnapshot().value).toBe('blocked');

    const b = createActor(m, { input: { role: 'chair', seed: 1 } }).start();
    b.send({ type: 'LOBBY', actor: 'blue' });
    expect(b.getSnapshot().context.lobbied).toEqual(['blue']);
    expect(b.getSnapshot().context.meters.credibility).toBe(48);
    b.send({ type: 'LOBBY', actor: 'blue' });
    expect(b.getSnapshot().context.meters.credibility).toBe(48);
    b.send({ type: 'CALL_VOTE' });
    expect(b.getSnapshot().value).toBe('consensus');
    expect(b.getSnapshot().context.decisions.at(-1)).toMatchObject({ kind: 'vote', choice: 'consensus' });
  });

  it('lets positions follow the meters through shifts', () => {
    const m = createCouncilMachine(mini, 'vote');
    const [s0] = initialTransition(m, { role: 'chair', seed: 1 });
    const strong = { ...s0, context: { ...s0.context, meters: { ...s0.context.meters, credibility: 75 } } };
    const council = mini.steps.find((x) => x.id === 'vote')?.council;
    if (!council) throw new Error('fixture has no council');
    const blue = (ctx: typeof s0.context) => councilPositions(council, ctx).find((p) => p.actor === 'blue');
    expect(blue(s0.context)).toMatchObject({ lean: -30, position: 'object' });
    expect(blue(strong.context)).toMatchObject({
      lean: -10,
      position: 'abstain',
      reasons: ['The alliance looks strong.'],
    });
    // An abstention does not block consensus.
    const [s1] = transition(m, strong as typeof s0, { type: 'CALL_VOTE' });
    expect(s1.value).toBe('consensus');
  });

  it('goes where verdictOf sends it, for every combination of teams’ positions', () => {
    const m = createCouncilMachine(mini, 'vote');
    const council = mini.steps.find((x) => x.id === 'vote')?.council;
    if (!council) throw new Error('fixture has no council');
    const [s0] = initialTransition(m, { role: 'chair', seed: 1 });
    const options: (Position | undefined)[] = [undefined, 'support', 'abstain', 'object'];
    for (const red of options) {
      for (const blue of options) {
        const positions = Object.fromEntries(
          Object.entries({ red, blue }).filter((e): e is [string, Position] => e[1] !== undefined),
        );
        const expected = verdictOf(councilPositions(council, s0.context, positions).map((p) => p.position));
        const [s1] = transition(m, s0, { type: 'CALL_VOTE', positions });
        expect(s1.value, JSON.stringify(positions)).toBe(expected);
        expect(s1.context.decisions.at(-1)?.choice).toBe(expected);
        // Blueland objects on its lean: only its team's vote can lift the block.
        expect(expected).toBe(red !== 'object' && blue !== undefined && blue !== 'object' ? 'consensus' : 'blocked');
      }
    }
  });
});
