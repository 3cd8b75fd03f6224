/**
 * Council teams beside the seat the class plays: a team never holds the member whose seat the
 * class itself plays (the class casts that vote), lobbying is offered only for members no team
 * holds (lobbying a team is talking to it), and each member's Council votes are counted as a run
 * meets them, not as the case lists them. Pure.
 */
import type { Scenario } from '../engine/schema';
import { councilSeats, type TeamSetup } from './council-teams';
import { seatRuns } from './seat-runs';

/** The teams that play beside the class at `role`, and the team that sits out because it holds the class's own member. */
export function teamsForSeat(
  s: Scenario,
  role: string,
  teams: readonly TeamSetup[],
): { teams: TeamSetup[]; sitsOut: TeamSetup | null } {
  const own = s.roles.find((r) => r.id === role)?.actor;
  return {
    teams: teams.filter((t) => t.actor !== own),
    sitsOut: teams.find((t) => t.actor === own) ?? null,
  };
}

/** Whether lobbying `actor` is a move of the class: only when no team holds it. */
export function lobbyOffered(actor: string, teams: readonly TeamSetup[]): boolean {
  return !teams.some((t) => t.actor === actor);
}

/** The seats of the case whose member is `actor` (the class playing one of them casts that vote itself). */
export function seatsOfMember(s: Scenario, actor: string): { id: string; title: string }[] {
  return s.roles.filter((r) => r.actor === actor).map((r) => ({ id: r.id, title: r.title }));
}

export interface VotesMet {
  /** The Council steps this member sits on in the case. */
  listed: number;
  /** The fewest and most of them one run met, over the runs played. */
  min: number;
  max: number;
}

/**
 * How many of each member's Council votes a run meets, over `seatRuns` (seeded random runs from
 * every seat at every length). A member on four Council steps of branches no run takes together
 * meets, say, 1–3 of them.
 */
export function councilVotesMet(s: Scenario, runs = 60): Map<string, VotesMet> {
  const seats = councilSeats(s);
  const out = new Map(seats.map((seat) => [seat.actor, { listed: seat.councils.length, min: Infinity, max: 0 }]));
  for (const visits of seatRuns(s, runs).values()) {
    for (const visited of visits) {
      for (const seat of seats) {
        const m = out.get(seat.actor) as VotesMet;
        const n = seat.councils.filter((c) => visited.has(c.step)).length;
        m.min = Math.min(m.min, n);
        m.max = Math.max(m.max, n);
      }
    }
  }
  for (const m of out.values()) if (m.min === Infinity) m.min = 0;
  return out;
}

/** "Sits on 4 Council votes in this case; a run meets 1–3 of them." */
export function votesMetText(m: VotesMet): string {
  const listed = `Sits on ${m.listed} Council vote${m.listed === 1 ? '' : 's'} in this case`;
  if (m.min === m.listed && m.max === m.listed)
    return `${listed}; every run meets ${m.listed === 1 ? 'it' : 'all of them'}.`;
  const range = m.min === m.max ? `${m.min}` : `${m.min}–${m.max}`;
  return `${listed}; a run meets ${range} of them, depending on the path.`;
}
