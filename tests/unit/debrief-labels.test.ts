/**
 * The debrief gives people words, not ids (issue 12): a class's tally comes with each option's
 * label, and the result drawn with its text, so no screen or printed report shows
 * "ch req consult 12" or "Result drawn: believed".
 */
import { describe, expect, it } from 'vitest';
import { Game } from '../../src/engine';
import { loadFixture } from '../helpers';

const mini = loadFixture('mini.yaml');

describe('the debrief’s labels', () => {
  it('labels a choice’s tally in the step’s order, and gives the result drawn as its text', () => {
    const g = Game.start(mini, { role: 'chair', seed: 1 });
    g.send({ type: 'CHOOSE', choice: 'assess_yes', tally: { assess_no: 3, assess_yes: 12 } });
    const d = g.debrief().decisions[0];
    expect(d?.yours.votes).toEqual([
      { id: 'assess_yes', label: 'It meets Article 4', count: 12 },
      { id: 'assess_no', label: 'It is an internal affair', count: 3 },
    ]);
    expect(d?.yours.tally).toEqual({ assess_no: 3, assess_yes: 12 });
    expect(['believed', 'doubted']).toContain(d?.yours.outcome);
    expect(d?.yours.outcomeText).toBe(
      d?.yours.outcome === 'believed' ? 'Members accept the claim.' : 'Observers doubt the claim.',
    );
    g.stop();
  });

  it('labels a Council vote’s tally by position; a choice without a tally or outcome has neither', () => {
    const g = Game.start(mini, { role: 'chair', seed: 1 });
    g.send({ type: 'CHOOSE', choice: 'assess_yes' });
    while (g.currentStep() !== 'vote' && !g.ended) g.send({ type: 'CONTINUE' });
    g.send({ type: 'CALL_VOTE', tally: { object: 2, support: 9, abstain: 1 } });
    const [first, vote] = g.debrief().decisions;
    expect(first?.yours.votes).toBeUndefined();
    expect(vote?.yours.votes?.map((v) => `${v.label} ${v.count}`)).toEqual(['Support 9', 'Abstain 1', 'Object 2']);
    g.stop();
  });
});
