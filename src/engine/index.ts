/**
 * Article Four's engine: pure TypeScript, no Phaser, no DOM. Front ends and tools import
 * from here only.
 */

export { exhaustivePlaythroughs, randomPlaythrough } from './autoplay';
export { compileScenario, machineConfig, START_STATE } from './compiler';
export { councilPositions, verdictOf } from './council';
export { createCouncilMachine } from './council-machine';
export { type Debrief, type DebriefDecision, historySummary } from './debrief';
export { type Diagnostic, formatDiagnostic } from './diagnostics';
export { type DecisionNotes, type GameEvent, isGameEvent, MAX_RATIONALE, type TeamPositions } from './events';
export { Game, type StartOptions } from './game';
export { LINT_RULES, type LintCode, lintScenario } from './lint';
export { type LoadOptions, type LoadResult, loadScenario } from './loader';
export { candidateMoves, legalMoves } from './moves';
export type { RunContext } from './run-context';
export { SAVE_VERSION, type SaveData, SaveError, scenarioHash } from './save';
export {
  type Condition,
  FORMAT_CURRENT,
  FORMAT_MIN_COMPATIBLE,
  type Next,
  PHASES,
  type Phase,
  type Scenario,
  ScenarioSchema,
} from './schema';
export { CLAIM_LABEL_TEXT, CLAIM_LABELS, type ClaimLabel } from './schema-common';
export { councilAsCast, outcomeLabel, type VoteCall, voteView, withoutAuthorNote } from './view';
export type * from './view-types';
