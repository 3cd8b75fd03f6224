/**
 * Result files of older formats, brought up to RESULT_VERSION before they are checked. Each step
 * is a small pure function from format n to n + 1 (see engine/migrations.ts); a file of any format
 * from RESULT_MIN_VERSION on is read, never refused for its age.
 *
 * | step  | what changes                                                                          |
 * | 1 → 2 | nothing to rewrite: format 2 only allows `positions` in CALL_VOTE events               |
 * | 2 → 3 | `scenario.hash` (a hash of the whole case, prose included) becomes `scenario.contentHash`; |
 * |       | format 3 writes `scenario.hash` as the case's rules hash                               |
 * | 3 → 4 | nothing to rewrite: format 4 also allows `position` in CALL_VOTE events (a seat's own vote) |
 */
import { isJsonObject, type Json, type MigrationChain } from '../engine/migrations';
import { RESULT_MIN_VERSION, RESULT_VERSION } from './result-schema';

function v2to3(file: Json): Json {
  if (!isJsonObject(file.scenario)) return file;
  const { hash, ...scenario } = file.scenario;
  return { ...file, scenario: { ...scenario, contentHash: hash } };
}

export const RESULT_MIGRATIONS: MigrationChain = {
  current: RESULT_VERSION,
  minimum: RESULT_MIN_VERSION,
  steps: {
    1: (file) => file,
    2: v2to3,
    3: (file) => file,
  },
};
