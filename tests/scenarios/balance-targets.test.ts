/**
 * Real dilemmas in every bundled case: the balance report's JSON (`scenario balance FILE --json`,
 * 200 runs per policy) meets its targets for every seat. The figures are held, never the time.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SeatBalance } from '../../src/authoring/balance';
import { parseArgs } from '../../src/cli/args';
import { runBalance } from '../../src/cli/balance';
import { bundledScenarioFiles } from '../helpers';

function report(file: string): { scenario: string; seats: SeatBalance[] } {
  const lines: string[] = [];
  const code = runBalance(parseArgs([file, '--runs', '200', '--json'], ['runs', 'role']), (...l) => lines.push(...l));
  expect(code).toBe(0);
  return JSON.parse(lines.join('\n'));
}

describe.each(bundledScenarioFiles().map((f) => [basename(f), f]))('%s', (_name, file) => {
  const { seats } = report(file);
  it.each(seats.map((s) => [s.role, s]))('seat %s meets every balance target', (_role, seat) => {
    expect(seat.dominated, 'dominated options').toEqual([]);
    expect(seat.greedy.mean, "greedy's mean vs random play's 75th percentile").toBeLessThanOrEqual(seat.random.p75);
    expect(seat.historyWorstShare, "share of steps where history's option is the worst").toBeLessThanOrEqual(0.2);
    expect(
      seat.historyGains.filter((g) => g.now.length + g.later.length === 0),
      'historical choices that gain the seat nothing',
    ).toEqual([]);
    expect(seat.strategies.maxDifference, 'decisions between two paths to a good ending').toBeGreaterThanOrEqual(3);
    expect(Object.values(seat.targets).every(Boolean)).toBe(true);
  });
});
