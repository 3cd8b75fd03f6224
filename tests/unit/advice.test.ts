/** Advisers' estimates: direction, a word for the size and a rough range, never the exact numbers. */
import { describe, expect, it } from 'vitest';
import { adviserEstimate } from '../../src/engine/advice';
import type { Forecast } from '../../src/engine/view-types';

const one = (expected: number, min = expected, max = expected, outcomes = 0): Forecast => ({
  meters: [{ meter: 'credibility', label: 'Credibility', expected, min, max }],
  outcomes: Array.from({ length: outcomes }, (_, i) => ({ id: `o${i}`, probability: 1 / outcomes })),
});

describe('adviserEstimate', () => {
  it('gives a certain fall as a fall, with a rough range around it that never crosses zero', () => {
    const [a] = adviserEstimate(one(-3)).meters;
    expect(a).toMatchObject({ direction: 'down', size: 'a little' });
    expect(a?.low).toBeLessThan(-3);
    expect(a?.high).toBeGreaterThan(-3);
    expect(a?.high).toBeLessThan(0);
  });

  it('sizes a change against the meter’s scale and rounds large ranges to fives', () => {
    const [a] = adviserEstimate(one(12)).meters;
    expect(a).toMatchObject({ direction: 'up', size: 'sharply' });
    expect((a?.low ?? 0) % 5).toBe(0);
    expect((a?.high ?? 0) % 5).toBe(0);
    const [b] = adviserEstimate(one(6), new Map([['credibility', 200]])).meters;
    expect(b?.size).toBe('a little');
  });

  it('says a gamble could go either way', () => {
    const advice = adviserEstimate(one(1, -10, 8, 2));
    expect(advice.uncertain).toBe(true);
    expect(advice.meters[0]).toMatchObject({ direction: 'either' });
    expect(advice.meters[0]?.low).toBeLessThanOrEqual(-10);
    expect(advice.meters[0]?.high).toBeGreaterThanOrEqual(8);
  });

  it('gives two options a point apart the same estimate', () => {
    expect(adviserEstimate(one(-4)).meters).toEqual(adviserEstimate(one(-5)).meters);
  });
});
