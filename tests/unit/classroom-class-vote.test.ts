/** Class mode on a projector: clean tallies the engine keeps through save/restore, shares, countdowns. */
import { describe, expect, it } from 'vitest';
import { buildResult, classNotes, cleanTally, countdown, tallyView } from '../../src/classroom';
import { Game } from '../../src/engine';
import { loadFixture } from '../helpers';

const mini = loadFixture('mini.yaml');

describe('class tallies', () => {
  it('keeps only the options offered, as whole numbers within the engine’s limits', () => {
    const ids = ['a', 'b', 'c'];
    expect(cleanTally(ids, { a: 3, b: '4', c: 0, zz: 9 })).toEqual({ a: 3, b: 4 });
    expect(cleanTally(ids, { a: 2.7, b: -1, c: Number.NaN })).toEqual({ a: 2 });
    expect(cleanTally(ids, { a: 1e9, b: 'many', c: '' })).toEqual({ a: 10_000 });
    expect(cleanTally(ids, {})).toBeUndefined();
    expect(cleanTally(ids, undefined)).toBeUndefined();
  });

  it('gives notes the engine accepts and a save restores', () => {
    const g = Game.start(mini, { role: 'host', seed: 3 });
    const options = g.view().step?.choices.map((c) => c.id) ?? [];
    const notes = classNotes(options, {
      rationale: '  Most hands went up.  ',
      tally: { ask_yes: '21', ask_no: 4.5, x: 1 },
    });
    expect(notes).toEqual({ rationale: 'Most hands went up.', tally: { ask_yes: 21, ask_no: 4 } });
    expect(classNotes(options, { rationale: ' ', tally: {} })).toEqual({});
    expect(g.choose('ask_yes', notes)).toBe(true);
    const restored = Game.restore(mini, JSON.parse(JSON.stringify(g.save())));
    expect(restored.debrief().decisions[0]?.yours).toMatchObject(notes);
    const r = buildResult(restored, {
      startedAt: '2026-11-27T10:00:00Z',
      finishedAt: '2026-11-27T10:05:00Z',
      mode: 'class',
      appVersion: '0.1.0',
    });
    expect(r.decisions[0]).toMatchObject({ rationale: 'Most hands went up.', tally: { ask_yes: 21, ask_no: 4 } });
  });

  it('shows each option’s votes and share, and which lead', () => {
    const options = [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ];
    expect(tallyView(options, { a: 6, b: 2, c: 0 })).toEqual({
      total: 8,
      leaders: ['a'],
      options: [
        { id: 'a', label: 'A', count: 6, share: 0.75, leading: true },
        { id: 'b', label: 'B', count: 2, share: 0.25, leading: false },
        { id: 'c', label: 'C', count: 0, share: 0, leading: false },
      ],
    });
    expect(tallyView(options, { a: 3, c: 3 }).leaders).toEqual(['a', 'c']);
    expect(tallyView(options, undefined)).toMatchObject({ total: 0, leaders: [] });
  });
});

describe('countdown', () => {
  it('counts down from the caller’s clock values, rounding the label up to the second', () => {
    expect(countdown(90_000, 1000, 1000)).toEqual({ remainingMs: 90_000, done: false, label: '1:30', fraction: 0 });
    expect(countdown(90_000, 1000, 1001)).toMatchObject({ label: '1:30', done: false });
    expect(countdown(90_000, 1000, 31_000)).toMatchObject({ remainingMs: 60_000, label: '1:00' });
    expect(countdown(90_000, 1000, 90_500)).toMatchObject({ remainingMs: 500, label: '0:01', done: false });
    expect(countdown(90_000, 1000, 91_000)).toEqual({ remainingMs: 0, done: true, label: '0:00', fraction: 1 });
    expect(countdown(90_000, 1000, 500_000)).toMatchObject({ remainingMs: 0, done: true });
    // A clock set back does not add time.
    expect(countdown(90_000, 1000, 0)).toMatchObject({ remainingMs: 90_000, fraction: 0 });
    expect(countdown(0, 0, 0)).toEqual({ remainingMs: 0, done: true, label: '0:00', fraction: 1 });
  });
});
