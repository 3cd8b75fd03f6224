/**
 * The dashboard's order of decision steps (dashboard-order.ts): by date, then the case's order,
 * never against any run's own order; and the decision numbers students saw.
 */
import { describe, expect, it } from 'vitest';
import { decisionNumberText, stepOrder } from '../../src/classroom';
import { type StepVisit, turnsOf } from '../../src/classroom/dashboard-order';
import { loadOrThrow, playThrough, SCENARIO_DIR } from '../helpers';

const run = (...steps: [string, string][]): StepVisit[] =>
  steps.map(([step, date], i) => ({ step, date, turn: i + 1 }));

describe('stepOrder', () => {
  it('puts a branch’s step among the steps of its day, not after the last', () => {
    const a = run(['ask', '2022-01-05'], ['size', '2022-01-06'], ['arm', '2022-01-07'], ['lessons', '2022-01-20']);
    const b = run(['ask', '2022-01-05'], ['stance', '2022-01-06'], ['lessons', '2022-01-20']);
    expect(stepOrder([a, b])).toEqual(['ask', 'size', 'stance', 'arm', 'lessons']);
    // Loaded the other way round, the same order but for the tie at 6 January (first seen first).
    expect(stepOrder([b, a])).toEqual(['ask', 'stance', 'size', 'arm', 'lessons']);
  });

  it('never goes against a run’s own order, whatever the dates say', () => {
    const a = run(['late', '2022-01-10'], ['early', '2022-01-05']);
    expect(stepOrder([a])).toEqual(['late', 'early']);
  });

  it('sorts a date of a month or a year as its first day, after the steps a run took before it', () => {
    const a = run(['letter', '2021-05-14'], ['soldier', '2021-05-27'], ['council', '2021-05'], ['july', '2021-07-03']);
    const b = run(['other', '2021-05-02'], ['july', '2021-07-03']);
    expect(stepOrder([a, b])).toEqual(['other', 'letter', 'soldier', 'council', 'july']);
  });

  it('survives a run that comes back to a step', () => {
    const a = run(['a', '2020-01-01'], ['b', '2020-01-02'], ['a', '2020-01-01'], ['c', '2020-01-03']);
    expect(stepOrder([a])).toEqual(['a', 'b', 'c']);
  });

  it('orders the bundled cases’ seats by date, each run in its own order', () => {
    // Not Kyrgyzstan: one of its steps ("Russian troops in Osh") comes early on some paths and late
    // on others, so no order follows every run; it sits at its date (the next test).
    for (const file of ['kazakhstan-2022.yaml', 'armenia-2021.yaml']) {
      const s = loadOrThrow(`${SCENARIO_DIR}/${file}`);
      for (const role of s.roles) {
        const runs = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
          const g = playThrough(s, role.id, seed);
          const d = g.debrief().decisions.map((x) => ({ step: x.step, date: x.date, turn: x.turn }));
          g.stop();
          return d;
        });
        const order = stepOrder(runs, s);
        expect(new Set(order).size).toBe(order.length);
        for (const r of runs) {
          const at = r.map((v) => order.indexOf(v.step));
          expect(at, `${file} ${role.id}`).toEqual([...at].sort((x, y) => x - y));
        }
      }
    }
  });

  it('puts a step reached early on one path and late on another at its date', () => {
    const early = run(['request', '2010-06-12'], ['bilateral', '2010-06-13'], ['secretaries', '2010-06-14']);
    const late = run(
      ['request', '2010-06-12'],
      ['secretaries', '2010-06-14'],
      ['blocked', '2010-06-17'],
      ['bilateral', '2010-06-13'],
    );
    expect(stepOrder([early, late])).toEqual(['request', 'bilateral', 'secretaries', 'blocked']);
  });
});

describe('decision numbers', () => {
  it('says the number every student saw, or which numbers they saw', () => {
    expect(decisionNumberText([9])).toBe('Decision 9');
    expect(decisionNumberText([7, 9])).toBe('Decision 7 or 9');
    expect(decisionNumberText([5, 6, 9])).toBe('Decision 5, 6 or 9');
    expect(decisionNumberText([])).toBe('');
    expect(turnsOf([9, 7, 9])).toEqual([7, 9]);
  });
});
