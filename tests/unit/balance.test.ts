/** The balance report: what it measures, on small scenarios whose answers are known. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { balanceReport, pathDifference } from '../../src/authoring/balance';
import { parseArgs } from '../../src/cli/args';
import { runBalance } from '../../src/cli/balance';
import { loadScenario, type Scenario } from '../../src/engine';
import { fixture } from '../helpers';

const MINI = readFileSync(fixture('mini.yaml'), 'utf8');

function load(text: string): Scenario {
  const r = loadScenario(text, 'balance.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

describe('balance report', () => {
  it('plays each seat with four policies and places greedy, history and the best policy among random runs', () => {
    const [chair, host] = balanceReport(load(MINI), { runs: 60 });
    for (const seat of [chair, host]) {
      expect(seat?.runs).toBe(60);
      const r = seat?.random;
      expect(r && r.min <= r.p25 && r.p25 <= r.p50 && r.p50 <= r.p75 && r.p75 <= r.max).toBe(true);
      for (const p of [seat?.greedy, seat?.history, seat?.best]) {
        expect(p?.percentile).toBeGreaterThanOrEqual(0);
        expect(p?.percentile).toBeLessThanOrEqual(100);
      }
      // The search starts from the better of greedy and history, so it never does worse than greedy.
      expect(seat?.best.mean ?? 0).toBeGreaterThanOrEqual((seat?.greedy.mean ?? 0) - 1);
    }
    expect(chair?.dominated).toEqual([]);
    // The host decides the first step: history asked the alliance, which ranks first of two by forecast.
    expect(host?.steps.find((x) => x.step === 'ask')).toMatchObject({ history: 'ask_yes', historyRank: 1 });
  });

  it('finds a dominated option and history the worst by forecast', () => {
    const text = MINI.replace(
      '{ meter: credibility, delta: 8, reason: Members are spared a divisive call. }',
      '{ meter: credibility, delta: 2, reason: Members are spared a divisive call. }, { meter: harm, delta: 5, reason: Worse still. }',
    ).replace('history: { choice: ask_yes,', 'history: { choice: ask_no,');
    const [host] = balanceReport(load(text), { runs: 60, roles: ['host'] });
    expect(host?.dominated).toContainEqual({
      step: 'ask',
      worse: 'ask_no',
      better: 'ask_yes',
      meters: expect.any(Array),
    });
    expect(host?.steps.find((x) => x.step === 'ask')?.historyWorst).toBe(true);
    expect(host?.targets.noDominated).toBe(false);
    expect(host?.targets.historyWorstAtMostOneInFive).toBe(false);
  });

  it('counts good endings for the seat by tone_for', () => {
    const s = load(MINI);
    const before = balanceReport(s, { runs: 40, roles: ['chair'] })[0];
    expect(before?.strategies.goodEndings).toEqual([]);
    expect(before?.targets.twoGoodStrategies).toBe(false);
    const text = MINI.replace(
      '  - { id: success, title: Troops sent, tone: mixed,',
      '  - { id: success, title: Troops sent, tone: mixed, tone_for: { chair: good },',
    );
    const after = balanceReport(load(text), { runs: 40, roles: ['chair'] })[0];
    expect(after?.strategies.goodEndings).toEqual(['success']);
    expect(after?.strategies.goodShare).toBeGreaterThan(0);
  });

  it('measures how far two paths differ', () => {
    const a = new Map([
      ['s1', 'x'],
      ['s2', 'y'],
    ]);
    expect(pathDifference(a, a)).toBe(0);
    expect(pathDifference(a, new Map([['s1', 'z']]))).toBe(2);
    expect(pathDifference(a, new Map([['s3', 'z']]))).toBe(3);
  });

  it('the CLI prints the report, --json for scripts, and refuses a bad --runs', () => {
    const lines: string[] = [];
    const out = (...l: string[]) => lines.push(...l);
    expect(runBalance(parseArgs([fixture('mini.yaml'), '--runs', '30'], ['runs', 'role']), out)).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('Seat chair: 30 runs per policy');
    expect(text).toMatch(/greedy +mean [\d.]+ +\(percentile [\d.]+ of random play\)/);
    expect(text).toContain('Targets:');
    lines.length = 0;
    runBalance(parseArgs([fixture('mini.yaml'), '--runs', '30', '--role', 'host', '--json'], ['runs', 'role']), out);
    const json = JSON.parse(lines.join('\n'));
    expect(json.scenario).toBe('mini');
    expect(json.seats.map((x: { role: string }) => x.role)).toEqual(['host']);
    expect(() => runBalance(parseArgs([fixture('mini.yaml'), '--runs', '1'], ['runs', 'role']), out)).toThrow(/--runs/);
  });
});
