/**
 * How long a seat's paths are at one length, over seeded random runs: words shown before the
 * ending, decisions, Council votes. The checker holds a length to its budget with it; `stats`
 * reports it; the game's time estimates read it.
 */
import { randomPlaythrough } from './autoplay';
import type { Scenario } from './schema';
import { measurePath } from './words';

export interface Spread {
  min: number;
  mean: number;
  max: number;
}

export interface LengthSample {
  role: string;
  length: string;
  runs: number;
  words: Spread;
  decisions: Spread;
  votes: Spread;
  /** The run (seed) that showed the most words. */
  longest: { seed: number; words: number };
}

function spread(xs: readonly number[]): Spread {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return { min: Math.min(...xs), mean: Math.round(mean * 10) / 10, max: Math.max(...xs) };
}

/**
 * Seeds 1..runs from one seat at one length (`full` for the whole case); `stop` may end the
 * sample early (after at least one run), e.g. when the linter's time budget is spent.
 */
export function sampleLength(
  s: Scenario,
  role: string,
  length: string,
  runs: number,
  stop?: () => boolean,
): LengthSample {
  const words: number[] = [];
  const decisions: number[] = [];
  const votes: number[] = [];
  let longest = { seed: 1, words: -1 };
  for (let seed = 1; seed <= runs && !(seed > 1 && stop?.()); seed++) {
    const game = randomPlaythrough(s, role, seed, 1000, length);
    const m = measurePath(s, game.state());
    game.stop();
    words.push(m.words);
    decisions.push(m.decisions);
    votes.push(m.votes);
    if (m.words > longest.words) longest = { seed, words: m.words };
  }
  return { role, length, runs, words: spread(words), decisions: spread(decisions), votes: spread(votes), longest };
}
