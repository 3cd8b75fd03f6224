/**
 * A Council-teams record (each team's vote at one Council step) as result files and the stored run
 * keep it, and its reader for the stored run (src/ui/save-store.ts), which the game reads without
 * Zod. Result files check it with `CouncilTeamsRecordSchema` (result-schema.ts): a type check there
 * and tests/unit/hand-readers.test.ts keep the two the same.
 */
import { MAX_RATIONALE, POSITIONS } from '../engine/events';
import { ID_PATTERN } from '../engine/schema-common';
import { bool, int, list, matching, NO, oneOf, optional, readObject, required, text } from '../engine/value-readers';
import type { Position } from '../engine/view-types';
import { MAX_NAME, MAX_TEAM_VOTES } from './result-limits';

/** How one team voted at a Council step. */
export interface CouncilTeamVote {
  /** The team's name as typed, or as the game named it. */
  team: string;
  /** The member state whose seat the team held. */
  actor: string;
  position: Position;
  rationale?: string;
}

/** Council teams on one screen: each team's vote at one Council step. */
export interface CouncilTeamsRecord {
  /** The decision (turn) of the Council vote. */
  turn: number;
  /** The Council step id. */
  step: string;
  /** True when no team (and no member without a team) objected. */
  consensus: boolean;
  votes: CouncilTeamVote[];
}

const id = matching(ID_PATTERN);

const vote = (v: unknown) =>
  readObject(v, {
    team: required(text(MAX_NAME, 1)),
    actor: required(id),
    position: required(oneOf(POSITIONS)),
    rationale: optional(text(MAX_RATIONALE, 1)),
  });

/** The record read afresh, or undefined when it is not one (as `CouncilTeamsRecordSchema` would refuse it). */
export function readCouncilTeamsRecord(x: unknown): CouncilTeamsRecord | undefined {
  const record = readObject(x, {
    turn: required(int(1, Number.MAX_SAFE_INTEGER)),
    step: required(id),
    consensus: required(bool),
    votes: required(list(vote, MAX_TEAM_VOTES)),
  });
  return record === NO ? undefined : (record as unknown as CouncilTeamsRecord);
}
