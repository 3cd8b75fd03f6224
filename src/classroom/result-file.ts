/**
 * Result files, everything but the schema (result-schema.ts), from one place: making them
 * (result-build.ts, result-check.ts), naming their download (result-name.ts), reading and migrating them
 * (result-read.ts, result-migrations.ts), and replaying them against a case (result-replay.ts).
 */
export {
  type BuildResultOptions,
  type ClockValue,
  cleanName,
  localTimestamp,
  RESULT_MIME_TYPE,
  serializeResult,
} from './result-build';
export { buildResult } from './result-check';
export { RESULT_MIGRATIONS } from './result-migrations';
export { resultFileName, slug } from './result-name';
export {
  describeProblem,
  type LoadedResult,
  loadResultFiles,
  type ParsedResult,
  parseResultFile,
  type ResultProblem,
  tooLargeProblem,
} from './result-read';
export { madeWithOtherVersion, replayResult } from './result-replay';
