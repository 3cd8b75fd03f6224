/**
 * Making a result file checked against its schema (Zod): what "Save results" downloads and what
 * the dashboard rebuilds from a replay. The game loads it only once "Save results" is on screen.
 */
import type { Game } from '../engine/game';
import { assembleResult, type BuildResultOptions } from './result-build';
import { describeIssues } from './result-issues';
import { type ResultFile, ResultSchema } from './result-schema';

function checkClock(value: string, what: string): void {
  if (!ResultSchema.shape.startedAt.safeParse(value).success) {
    throw new Error(`${what} must be an ISO 8601 date and time with an offset or Z, not "${value}"`);
  }
}

/**
 * The result of a run (finished or not). Throws only when the options are wrong: a clock value
 * that is not ISO 8601 with an offset, an empty appVersion, or a Council-teams record that is not
 * a Council vote of this run.
 */
export function buildResult(game: Game, opts: BuildResultOptions): ResultFile {
  const checked = ResultSchema.safeParse(assembleResult(game, opts, checkClock));
  if (!checked.success) throw new Error(`the result does not fit its schema: ${describeIssues(checked.error.issues)}`);
  return checked.data;
}
