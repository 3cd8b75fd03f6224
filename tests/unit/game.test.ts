import { describe, expect, it } from 'vitest';
import { Game, SaveError } from '../../src/engine';
import { scenarioHash } from '../../src/engine/save';
import { loadFixture, playThrough } from '../helpers';

const mini = loadFixture('mini.yaml');

describe('Game', () => {
  it('gives identical runs for the same seed and choices', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const a = playThrough(mini, 'chair', seed);
      const b = playThrough(mini, 'chair', seed);
      expect(a.log()).toEqual(b.log());
      expect(a.state()).toEqual(b.state());
      expect(a.save()).toEqual(b.save());
    }
  });

  it('refuses events the step does not accept and tells subscribers only of real changes', () => {
    const g = Game.start(mini, { role: 'chair', seed: 1 });
    const seen: number[] = [];
    const off = g.subscribe((v) => seen.push(v.turn));
    expect(g.continue()).toBe(false);
    expect(g.choose('ask_yes')).toBe(false);
    expect(seen).toEqual([]);
    expect(g.choose('assess_yes')).toBe(true);
    expect(seen).toEqual([1]);
    off();
    g.callVote();
    expect(seen).toEqual([1]);
    expect(g.log()).toEqual([{ type: 'CHOOSE', choice: 'assess_yes' }, { type: 'CALL_VOTE' }]);
  });

  it('forecasts each option with its spread and shows the ledger after', () => {
    const g = Game.start(mini, { role: 'chair', seed: 1 });
    const yes = g.view().step?.choices.find((c) => c.id === 'assess_yes');
    expect(yes?.forecast.meters).toEqual([
      { meter: 'credibility', label: 'Credibility', expected: 5, min: -10, max: 10 },
    ]);
    expect(yes?.forecast.outcomes).toEqual([
      { id: 'believed', probability: 0.75 },
      { id: 'doubted', probability: 0.25 },
    ]);
    g.choose('assess_yes');
    const last = g.view().last;
    expect(last?.label).toBe('It meets Article 4');
    expect(last?.entries).toHaveLength(1);
    expect(last?.entries[0]?.cause).toMatch(/^assess_yes\/(believed|doubted)$/);
  });

  it('saves and restores a run exactly, mid-run and at the end', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const g = Game.start(mini, { role: 'host', seed });
      g.choose('ask_yes');
      const mid = JSON.parse(JSON.stringify(g.save()));
      const r = Game.restore(mini, mid);
      expect(r.view()).toEqual(g.view());
      expect(r.state()).toEqual(g.state());
      // The restored game goes on exactly as the original.
      g.choose('assess_yes');
      r.choose('assess_yes');
      expect(r.state()).toEqual(g.state());
      const done = playThrough(mini, 'host', seed);
      const rd = Game.restore(mini, JSON.parse(JSON.stringify(done.save())));
      expect(rd.ended).toBe(true);
      expect(rd.debrief()).toEqual(done.debrief());
    }
  });

  it('refuses damaged, foreign and outdated saves with a message for the player', () => {
    const g = Game.start(mini, { role: 'host', seed: 4 });
    g.choose('ask_yes');
    const save = g.save();
    const bad = (x: unknown) => () => Game.restore(mini, x);
    expect(bad(null)).toThrow(SaveError);
    expect(bad('{')).toThrow(/damaged/);
    expect(bad({ ...save, version: 99 })).toThrow(/newer version/);
    expect(bad({ ...save, version: 0 })).toThrow(/older version/);
    expect(bad({ ...save, scenario: 'other' })).toThrow(/another case/);
    expect(bad({ ...save, rulesHash: '00000000' })).toThrow(/rules of this case have changed/);
    expect(bad({ ...save, rulesHash: undefined })).toThrow(/damaged/);
    expect(bad({ ...save, events: [{ type: 'CHOOSE', choice: 'nope' }] })).toThrow(/does not match this case/);
    const tampered = JSON.parse(JSON.stringify(save));
    tampered.snapshot.context.meters.credibility = 99;
    expect(bad(tampered)).toThrow(/damaged/);
  });

  it('resumes a format-1 save (whole-case hash) when its moves replay to its state', () => {
    const g = Game.start(mini, { role: 'host', seed: 4 });
    g.choose('ask_yes');
    const { rulesHash: _, ...rest } = JSON.parse(JSON.stringify(g.save()));
    const v1 = { ...rest, version: 1, scenarioHash: scenarioHash(mini) };
    expect(Game.restore(mini, v1).state()).toEqual(g.state());
    // Made for another text of the case: resumed all the same, since the replay gives its state.
    const edited = { ...v1, scenarioHash: '00000000' };
    expect(Game.restore(mini, edited).state()).toEqual(g.state());
    // ...but not when the replay does not: then the case has changed (or the save was edited).
    const tampered = JSON.parse(JSON.stringify(edited));
    tampered.snapshot.context.meters.credibility = 99;
    expect(() => Game.restore(mini, tampered)).toThrow(/case has changed since this game was saved/);
    expect(() => Game.restore(mini, { ...edited, events: [{ type: 'CONTINUE' }] })).toThrow(/case has changed/);
    expect(() => Game.restore(mini, { ...v1, scenarioHash: 7 })).toThrow(/damaged/);
  });

  it('replays from an earlier decision to try another answer (a counterfactual branch)', () => {
    const g = Game.start(mini, { role: 'host', seed: 2 });
    g.choose('ask_yes');
    g.choose('assess_yes');
    g.lobby('blue');
    g.callVote();
    expect(g.ended).toBe(true);
    const branch = g.replayFrom(2);
    expect(branch.view().step?.id).toBe('request');
    expect(branch.state().turn).toBe(1);
    expect(branch.choose('assess_no')).toBe(true);
    // The original run is untouched.
    expect(g.state().turn).toBe(3);
    expect(() => g.replayFrom(9)).toThrow(/no decision 9/);
  });

  it('builds a debrief: path beside history, endings, meter series', () => {
    const g = Game.start(mini, { role: 'chair', seed: 1 });
    g.choose('assess_yes');
    g.lobby('blue');
    g.callVote();
    const d = g.debrief();
    expect(d.ending?.id).toBe('success');
    expect(d.decisions.map((x) => [x.step, x.yours.id, x.history?.choice?.id, x.matched])).toEqual([
      ['request', 'assess_yes', 'assess_yes', true],
      ['vote', 'consensus', 'consensus', true],
    ]);
    expect(d.decisions[0]?.history?.quotes[0]?.source.id).toBe('src-b');
    expect(d.endings.filter((e) => e.reached).map((e) => e.id)).toEqual(['success']);
    const cred = d.series.find((s) => s.meter === 'credibility')?.values;
    expect(cred).toHaveLength(3);
    expect(cred?.[0]).toBe(50);
    expect(cred?.[2]).toBe((cred?.[1] ?? 0) - 2);
  });

  it('rejects an unknown seat or a bad seed', () => {
    expect(() => Game.start(mini, { role: 'nobody', seed: 1 })).toThrow(/no seat "nobody"/);
    expect(() => Game.start(mini, { role: 'chair', seed: 1.5 })).toThrow(/whole number/);
  });
});

describe('rationales and class tallies', () => {
  it('keeps a decision’s rationale and tally with the run, through save and restore', () => {
    const g = Game.start(mini, { role: 'chair', seed: 1 });
    expect(
      g.choose('assess_yes', {
        rationale: '  The request came from a member.  ',
        tally: { assess_yes: 14, assess_no: 9 },
      }),
    ).toBe(true);
    g.lobby('blue');
    g.callVote({ rationale: 'Consensus matters.' });
    const d = g.debrief().decisions;
    expect(d[0]?.yours).toMatchObject({
      rationale: 'The request came from a member.',
      tally: { assess_yes: 14, assess_no: 9 },
    });
    expect(d[1]?.yours.rationale).toBe('Consensus matters.');
    const r = Game.restore(mini, JSON.parse(JSON.stringify(g.save())));
    expect(r.debrief()).toEqual(g.debrief());
  });

  it('refuses saves whose notes are malformed', () => {
    const g = Game.start(mini, { role: 'chair', seed: 1 });
    g.choose('assess_yes', { rationale: 'ok' });
    const save = g.save();
    const bad = { ...save, events: [{ type: 'CHOOSE', choice: 'assess_yes', tally: { a: -1 } }] };
    expect(() => Game.restore(mini, bad)).toThrow(/damaged/);
    const extra = { ...save, events: [{ type: 'CHOOSE', choice: 'assess_yes', script: 'x' }] };
    expect(() => Game.restore(mini, extra)).toThrow(/damaged/);
  });
});

describe('council teams', () => {
  it('lets the teams holding seats decide the vote, and keeps their positions in the log', () => {
    const blocked = Game.start(mini, { role: 'chair', seed: 1 });
    blocked.choose('assess_yes');
    // The model says Blueland objects; the team holding Blueland abstains instead.
    expect(blocked.view().step?.council?.wouldPass).toBe(false);
    expect(blocked.callVote({ positions: { blue: 'abstain' } })).toBe(true);
    expect(blocked.view().ending?.id).toBe('success');
    const again = Game.restore(mini, JSON.parse(JSON.stringify(blocked.save())));
    expect(again.view().ending?.id).toBe('success');

    const vetoed = Game.start(mini, { role: 'chair', seed: 1 });
    vetoed.choose('assess_yes');
    vetoed.lobby('blue');
    expect(vetoed.view().step?.council?.wouldPass).toBe(true);
    vetoed.callVote({ positions: { red: 'object' } });
    expect(vetoed.view().step?.id).toBe('wait');
  });
});
