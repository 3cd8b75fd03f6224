/**
 * The Collective Security Council as its own machine: members take positions that follow
 * their lean, the meters and flags, and the player's lobbying; the vote passes by consensus
 * (no objection). `councilTransitions` is the state node the scenario compiler nests for a
 * council step; `council-machine.ts` runs the same node on its own, for tests and tools.
 */
import { holds } from './conditions';
import type { TeamPositions } from './events';
import type { RunContext } from './run-context';
import type { Council } from './schema';
import type { Position } from './view-types';

export interface MemberPosition {
  actor: string;
  lean: number;
  position: Position;
  reasons: string[];
}

export function positionFor(lean: number, council: Council): Position {
  if (lean >= council.support_at) return 'support';
  if (lean <= council.object_at) return 'object';
  return 'abstain';
}

/**
 * Each member's lean and position. `teams` (council teams in class mode) sets the position of
 * the members a team holds; the reasons then say so.
 */
export function councilPositions(council: Council, ctx: RunContext, teams: TeamPositions = {}): MemberPosition[] {
  return council.members.map((m) => {
    let lean = m.lean;
    const reasons: string[] = [];
    for (const sh of m.shifts) {
      if (holds(sh.when, ctx)) {
        lean += sh.add;
        reasons.push(sh.reason);
      }
    }
    if (m.lobby && ctx.lobbied.includes(m.actor)) {
      lean += m.lobby.add;
      reasons.push(`Lobbied: ${m.lobby.label}`);
    }
    lean = Math.max(-100, Math.min(100, lean));
    const team = teams[m.actor];
    if (team)
      return {
        actor: m.actor,
        lean,
        position: team,
        reasons: [...reasons, `The team holding this seat voted: ${team}`],
      };
    return { actor: m.actor, lean, position: positionFor(lean, council), reasons };
  });
}

export function reachesConsensus(council: Council, ctx: RunContext, teams: TeamPositions = {}): boolean {
  return councilPositions(council, ctx, teams).every((p) => p.position !== 'object');
}

/** The `on` block of a council step: lobby each member once, then call the vote. */
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
        target: blockedTarget,
        actions: [{ type: 'vote' as const, params: { step: stepId, passed: false } }],
      },
    ],
  };
}
