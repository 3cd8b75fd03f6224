/**
 * Classroom play, the data layer: result files (schema, build, name, parse), the instructor
 * dashboard's summary and CSV, class-mode tallies and countdowns, and Council teams. Pure
 * TypeScript like the engine: no Phaser, no DOM, no clock, no network. Pages import from here.
 */

export {
  type CountdownState,
  classNotes,
  cleanTally,
  countdown,
  MAX_VOTES,
  type TallyOption,
  tallyView,
} from './class-vote';
export {
  type CouncilMemberTally,
  type CouncilSeat,
  type CouncilTally,
  type CouncilTeam,
  checkTeams,
  cleanTeams,
  combineTeamRationales,
  consensusReached,
  councilAsVoted,
  councilSeats,
  councilTeamsRecord,
  defaultTeamNames,
  MAX_TEAM_NAME,
  type RoleSheet,
  roleSheet,
  type TeamSetup,
  tallyCouncil,
  teamPositions,
  teamTally,
} from './council-teams';
export {
  CSV_BOM,
  CSV_COLUMNS,
  CSV_MIME_TYPE,
  type CsvColumn,
  type CsvOptions,
  csvCell,
  csvFileName,
  csvRow,
  resultsToCsv,
  UNFINISHED,
} from './csv';
export { shortLabel } from './dashboard-grid';
export { NO_GROUP } from './dashboard-groups';
export {
  type DashboardSummary,
  type EndingCount,
  type EndingsSummary,
  type FlaggedResult,
  type GridCell,
  type GridColumn,
  type GridRow,
  type GroupEdits,
  type GroupSummary,
  type GroupTag,
  type MeterSummary,
  type OptionCount,
  type ProposalVotes,
  type RationaleEntry,
  type ScenarioSummary,
  type SeatGrid,
  type SeatSummary,
  type Stats,
  type StepSummary,
  type SummaryOptions,
  summarise,
  type TeamVoteEntry,
  whoOf,
} from './dashboard-model';
export { decisionNumberText, stepOrder } from './dashboard-order';
export { groupKey, peopleOf, personOf, splitFilePrefix, splitPrefix } from './dashboard-people';
export {
  type BuildResultOptions,
  buildResult,
  type ClockValue,
  cleanName,
  describeProblem,
  type LoadedResult,
  loadResultFiles,
  localTimestamp,
  type ParsedResult,
  parseResultFile,
  RESULT_MIME_TYPE,
  type ResultProblem,
  replayResult,
  resultFileName,
  serializeResult,
  slug,
  tooLargeProblem,
} from './result-file';
export {
  type CouncilTeamsRecord,
  type CouncilTeamVote,
  MAX_NAME,
  MAX_RESULT_BYTES,
  RESULT_KIND,
  RESULT_VERSION,
  type ResultDecision,
  type ResultEvent,
  type ResultFile,
  type ResultMode,
  ResultSchema,
  resultJsonSchema,
  resultJsonSchemaText,
} from './result-schema';
export { MAX_ROOM_VOTES, type Verified, verifyResult, verifyResults } from './result-verify';
