/** The result of a decision shows the meters, date and place as they stood right after it. */
import { describe, expect, it } from 'vitest';
import { Game } from '../../src/engine';
import { loadFixture } from '../helpers';

const s = loadFixture('mini.yaml');
const value = (meters: { id: string; value: number }[], id: string) => meters.find((m) => m.id === id)?.value;

/** A seed whose first draw brings the riots when the request step opens. */
function seedWithRiots(): number {
  for (let seed = 1; seed < 200; seed++) {
    const g = Game.start(s, { role: 'host', seed });
    g.choose('ask_yes');
    const riots = g.view().step?.news.some((n) => n.id === 'riots');
    g.stop();
    if (riots) return seed;
  }
  throw new Error('no seed brings the riots');
}

describe('the result view', () => {
  it('stands before the next step’s news: that news is shown, and moves the gauges, when its step opens', () => {
    const g = Game.start(s, { role: 'host', seed: seedWithRiots() });
    g.choose('ask_yes');
    const v = g.view();
    const last = v.last;
    if (!last) throw new Error('no result');
    expect(last.entries.map((e) => [e.meter, e.delta])).toEqual([['credibility', 5]]);
    expect(value(last.meters, 'credibility')).toBe(55);
    expect(value(last.meters, 'harm')).toBe(10);
    expect(last.date).toBe('2020-01-01');
    expect(last.phase).toBe('request');
    expect(last.visited).toEqual(['ask']);
    // The step it leads to has already opened in the engine, with its news and their effects.
    expect(value(v.meters, 'harm')).toBe(15);
    expect(v.step?.news[0]?.entries.map((e) => [e.meter, e.delta])).toEqual([['harm', 5]]);
    g.stop();
  });

  it('lists lobbying costs in the ledger of the vote they prepare', () => {
    const g = Game.start(s, { role: 'chair', seed: 3 });
    g.choose('assess_yes');
    g.lobby('blue');
    g.callVote();
    const last = g.view().last;
    expect(last?.entries.filter((e) => e.cause === 'lobby:blue').map((e) => e.delta)).toEqual([-2]);
    g.stop();
  });

  it('says what history did only after the decision, and whether the player matched it', () => {
    const g = Game.start(s, { role: 'host', seed: 1 });
    expect(g.view().step?.choices.every((c) => !('counterfactual' in c))).toBe(true);
    g.choose('ask_no');
    expect(g.view().last?.history).toEqual({ label: 'Ask the alliance', matched: false });
    g.stop();
    const h = Game.start(s, { role: 'host', seed: 1 });
    h.choose('ask_yes');
    expect(h.view().last?.history).toEqual({ label: 'Ask the alliance', matched: true });
    h.stop();
  });
});
