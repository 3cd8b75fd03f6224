/**
 * The Collective Security Council as its own machine: members take positions that follow
 * their lean, the meters and flags, and the player's lobbying; the vote passes by consensus
 * (no objection). `verdictOf` is the one place the consensus rule is written: the machine's
 * guard, the view's `wouldPass` and `last.vote`, and the classroom's team tallies all call it.
 * `councilTransitions` is the state node the scenario compiler nests for a council step;
 * `council-machine.ts` runs the same node on its own, for tests and tools.
 */
import { holds } from './conditions';
import type { TeamPositions } from './events';
import type { RunContext } from './run-context';
import type { Council, CouncilMember, Scenario } from './schema';
import type { Position, Verdict } from './view-types';

export interface MemberPosition {
  actor: string;
  lean: number;
  position: Position;
  reasons: string[];
  /** True when the team holding this seat cast the position (class mode), not the member's lean. */
  team?: true;
}

/** The alliance's rule: consensus when no member objects (an empty Council agrees), else blocked. */
export function verdictOf(positions: Iterable<Position | undefined>): Verdict {
  for (const p of positions) if (p === 'object') return 'blocked';
  return 'consensus';
}

const POSITIONS: ReadonlySet<unknown> = new Set<Position>(['support', 'abstain', 'object']);

/**
 * The position a team cast for `actor`, if any. Only own properties count (an actor id such as
 * "constructor" is an id like any other), and only the three positions.
 */
export function teamPositionOf(teams: TeamPositions | undefined, actor: string): Position | undefined {
  if (!teams || !Object.hasOwn(teams, actor)) return undefined;
  const p = teams[actor];
  return POSITIONS.has(p) ? p : undefined;
}

/** The player's own vote at a Council: the member whose vote the seat casts, and the position cast. */
export interface SeatVote {
  actor: string;
  position: Position;
}

/**
 * The member whose vote the player's seat casts at `council` (see its `seat_votes`), or undefined
 * when the model votes for every member. `true`: the member that is the seat's own actor; a
 * mapping: the member it names for the seat. Only a member sitting in this Council counts.
 */
export function seatMember(s: Pick<Scenario, 'roles'>, council: Council, role: string): string | undefined {
  const sv = council.seat_votes;
  if (sv === false) return undefined;
  const actor =
    sv === true ? s.roles.find((r) => r.id === role)?.actor : Object.hasOwn(sv, role) ? sv[role] : undefined;
  return actor !== undefined && council.members.some((m) => m.actor === actor) ? actor : undefined;
}

/** Whether the run's seat may lobby `member` now: it has a lobby, its `roles` include the seat and its `when` holds. */
export function lobbyOpen(member: CouncilMember, ctx: RunContext): boolean {
  const lobby = member.lobby;
  if (!lobby) return false;
  if (lobby.roles && !lobby.roles.includes(ctx.role)) return false;
  return holds(lobby.when, ctx);
}

/** Members with the player's own vote in place: the seat's member takes the position cast, says so and is marked `own`. */
export function withSeatVote<M extends { actor: string; position: Position; reasons: string[] }>(
  members: readonly M[],
  seat: SeatVote | undefined,
): (M & { own?: true })[] {
  if (!seat) return [...members];
  return members.map((m) =>
    m.actor === seat.actor
      ? {
          ...m,
          position: seat.position,
          reasons: [...m.reasons, `Your seat cast this vote: ${seat.position}`],
          own: true,
        }
      : m,
  );
}

export function positionFor(lean: number, council: Council): Position {
  if (lean >= council.support_at) return 'support';
  if (lean <= council.object_at) return 'object';
  return 'abstain';
}

/**
 * Members with the teams' votes in place: a seat a team holds takes the team's position (its
 * lean stays the model's), says so in its reasons and is marked `team`. The one rule for how
 * teams' votes count, for the machine's guard and for the chamber a front end draws.
 */
export function withTeamPositions<M extends { actor: string; position: Position; reasons: string[] }>(
  members: readonly M[],
  teams: TeamPositions | undefined,
): (M & { team?: true })[] {
  return members.map((m) => {
    const team = teamPositionOf(teams, m.actor);
    if (!team) return m;
    return { ...m, position: team, reasons: [...m.reasons, `The team holding this seat voted: ${team}`], team: true };
  });
}

/**
 * Each member's lean and position. `seat` (the player's own vote, see `seatMember`) sets the
 * position of the seat's member; `teams` (council teams in class mode) sets the position of the
 * members a team holds; the reasons then say so.
 */
export function councilPositions(
  council: Council,
  ctx: RunContext,
  teams: TeamPositions = {},
  seat?: SeatVote,
): MemberPosition[] {
  const model = council.members.map((m): MemberPosition => {
    const reasons: string[] = [];
    const lean = memberLean(m, ctx, reasons);
    return { actor: m.actor, lean, position: positionFor(lean, council), reasons };
  });
  return withTeamPositions(withSeatVote(model, seat), teams);
}

/**
 * A member's lean now: its own, moved by each shift whose condition holds and by the player's
 * lobbying, within ±100. `reasons`, when given, collects why it moved.
 */
function memberLean(m: CouncilMember, ctx: RunContext, reasons?: string[]): number {
  let lean = m.lean;
  for (const sh of m.shifts) {
    if (holds(sh.when, ctx)) {
      lean += sh.add;
      reasons?.push(sh.reason);
    }
  }
  if (m.lobby && ctx.lobbied.includes(m.actor)) {
    lean += m.lobby.add;
    reasons?.push(`Lobbied: ${m.lobby.label}`);
  }
  return Math.max(-100, Math.min(100, lean));
}

/**
 * The verdict a vote called now would reach, with the player's own vote and the teams' positions
 * in place: the positions `councilPositions` gives (a team's vote over the seat's own, over the
 * model's), without building their reasons, since the machine's guard asks at every vote.
 */
export function councilVerdict(council: Council, ctx: RunContext, teams: TeamPositions = {}, seat?: SeatVote): Verdict {
  return verdictOf(
    council.members.map(
      (m) =>
        teamPositionOf(teams, m.actor) ??
        (seat?.actor === m.actor ? seat.position : positionFor(memberLean(m, ctx), council)),
    ),
  );
}

/** True when a vote called now reaches consensus (the machine's `consensus` guard). */
export function reachesConsensus(
  council: Council,
  ctx: RunContext,
  teams: TeamPositions = {},
  seat?: SeatVote,
): boolean {
  return councilVerdict(council, ctx, teams, seat) === 'consensus';
}

/**
 * The `on` block of a council step: lobby each member once, then call the vote. Both vote
 * transitions are guarded: a vote carrying a `position` the seat may not cast is refused.
 */
export function councilTransitions(stepId: string, council: Council, consensusTarget: string, blockedTarget: string) {
  return {
    LOBBY: council.members
      .filter((m) => m.lobby)
      .map((m) => ({
        guard: { type: 'canLobby' as const, params: { step: stepId, actor: m.actor } },
        actions: [{ type: 'lobby' as const, params: { step: stepId, actor: m.actor } }],
      })),
    CALL_VOTE: [
      {
        guard: { type: 'consensus' as const, params: { step: stepId } },
        target: consensusTarget,
        actions: [{ type: 'vote' as const, params: { step: stepId, passed: true } }],
      },
      {
        guard: { type: 'votable' as const, params: { step: stepId } },
        target: blockedTarget,
        actions: [{ type: 'vote' as const, params: { step: stepId, passed: false } }],
      },
    ],
  };
}
