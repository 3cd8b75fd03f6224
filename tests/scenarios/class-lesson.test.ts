/**
 * A case that fits a 45-minute lesson: every bundled case offers a class lesson, and on every path
 * of every seat it takes 5–8 decisions, keeps the Council vote and shows at most its word budget
 * (3,000 by default) before the ending. Paths are walked exhaustively (every sequence of choices,
 * voting at once or after lobbying every member, two seeds, as far as a cap allows) and sampled at
 * random (lobbying any members).
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exhaustivePlaythroughs } from '../../src/engine';
import { sampleLength } from '../../src/engine/path-lengths';
import { measurePath } from '../../src/engine/words';
import { bundledScenarioFiles, loadOrThrow } from '../helpers';

const RANDOM_RUNS = 200;
const SEEDS = [1, 2];
const CAP = 3000;

describe.each(bundledScenarioFiles().map((f) => [basename(f), f]))('%s', { timeout: 300_000 }, (_name, file) => {
  const s = loadOrThrow(file);
  const lesson = s.lengths.find((l) => l.id === 'class');

  it('offers a class lesson', () => {
    expect(lesson?.label.toLowerCase()).toContain('class lesson');
  });

  it.each(s.roles.map((r) => r.id))('seat %s: every path fits the class lesson', (role) => {
    if (!lesson) throw new Error('no class lesson');
    const random = sampleLength(s, role, 'class', RANDOM_RUNS);
    const seen = {
      words: random.words.max,
      fewest: random.decisions.min,
      most: random.decisions.max,
      votes: random.votes.min,
    };
    let walked = 0;
    for (const seed of SEEDS) {
      const r = exhaustivePlaythroughs(
        s,
        role,
        seed,
        CAP,
        (game) => {
          const m = measurePath(s, game.state());
          seen.words = Math.max(seen.words, m.words);
          seen.fewest = Math.min(seen.fewest, m.decisions);
          seen.most = Math.max(seen.most, m.decisions);
          seen.votes = Math.min(seen.votes, m.votes);
        },
        'class',
        // Lobbying adds words (replies, reasons) but no decision: vote at once, or lobby everyone first.
        'none-or-all',
      );
      walked += r.runs;
    }
    expect(walked).toBeGreaterThan(0);
    expect(seen.words, 'words shown before the ending').toBeLessThanOrEqual(lesson.max_words);
    expect(seen.fewest, 'fewest decisions').toBeGreaterThanOrEqual(lesson.decisions.min);
    expect(seen.most, 'most decisions').toBeLessThanOrEqual(lesson.decisions.max);
    expect(seen.votes, 'Council votes on the path with fewest').toBeGreaterThanOrEqual(1);
  });
});
