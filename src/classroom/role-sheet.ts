/**
 * What a Council team's printed role sheet lists. Teams are set up before the class picks its
 * seat, so a sheet gives each Council vote under the seats whose runs can meet it ("If the class
 * plays …", or "Whichever seat the class plays" when every seat's runs meet it), never under a
 * seat that cannot; a team whose member is the class's own seat sits that seat out (that member
 * votes as the class's decisions have it). Once the class's seat is chosen, a sheet lists only the
 * votes that seat's runs meet. Which votes a seat's runs meet is the engine's answer: seeded random runs
 * from the seat at every length, as `councilVotesMet` counts them. The glossary is not on a team's
 * sheet: it prints once, as its own sheet. Pure.
 */
import type { Scenario } from '../engine/schema';
import { councilSeats, type RoleSheet, roleSheet } from './council-teams';
import { seatRuns } from './seat-runs';
import { seatsOfMember } from './team-seats';

/** The Council steps runs from one seat met: `some` by at least one run, `every` by every run. */
export interface SeatCouncils {
  some: ReadonlySet<string>;
  every: ReadonlySet<string>;
}

/**
 * For each seat (role id), the Council steps its runs meet (`seatRuns`: seeded random runs at
 * every length the case has).
 */
export function councilStepsBySeat(s: Scenario, runs = 60): Map<string, SeatCouncils> {
  const council = new Set(s.steps.filter((st) => st.council).map((st) => st.id));
  const out = new Map<string, SeatCouncils>();
  for (const [role, visits] of seatRuns(s, runs)) {
    const met = new Map<string, number>();
    for (const visited of visits) for (const id of visited) if (council.has(id)) met.set(id, (met.get(id) ?? 0) + 1);
    out.set(role, {
      some: new Set(met.keys()),
      every: new Set([...met].filter(([, n]) => n === visits.length).map(([id]) => id)),
    });
  }
  return out;
}

/** A seat of the case, as a sheet names it. */
export interface SheetSeat {
  id: string;
  title: string;
}

/** A Council vote on a sheet: its date and the proposal (the step's title speaks to one seat, so it is left out). */
export interface SheetVote {
  step: string;
  date: string;
  proposal: string;
  /** False when some runs from these seats never reach this vote. */
  always: boolean;
}

export interface SheetVoteGroup {
  /** "Whichever seat the class plays" (every seat of the case, the team at the table in each), or "If the class plays A or B". */
  heading: string;
  /** The seats whose runs meet these votes with this team at the table. */
  seats: SheetSeat[];
  votes: SheetVote[];
}

/** A team's printed role sheet: the member's sheet with its Council votes grouped by the class's seat, and no glossary. */
export interface TeamRoleSheet extends Omit<RoleSheet, 'councils'> {
  groups: SheetVoteGroup[];
  /** The seats whose member this team holds: when the class plays one, the team sits out (`seatsOfMember`). */
  sitsOut: SheetSeat[];
}

/**
 * The sheet of the team holding `actorId`: its Council votes grouped by the seats (of those the
 * team plays beside) whose runs meet them, in the case's order; a vote no such seat meets is left
 * out. Once the class has chosen its seat (`classSeat`), only the votes that seat's runs meet,
 * under that seat alone. `met` defaults to `councilStepsBySeat(scenario)`. Throws for an unknown actor.
 */
export function teamRoleSheet(
  scenario: Scenario,
  actorId: string,
  met: ReadonlyMap<string, SeatCouncils> = councilStepsBySeat(scenario),
  classSeat?: string,
): TeamRoleSheet {
  const { councils, ...sheet } = roleSheet(scenario, actorId);
  const seat = (r: Scenario['roles'][number]): SheetSeat => ({ id: r.id, title: r.title });
  const chosen = (r: Scenario['roles'][number]) => classSeat === undefined || r.id === classSeat;
  const beside = scenario.roles.filter((r) => r.actor !== actorId && chosen(r));
  const groups: SheetVoteGroup[] = [];
  for (const c of councils) {
    const seats = beside.filter((r) => met.get(r.id)?.some.has(c.step));
    if (seats.length === 0) continue;
    const key = seats.map((r) => r.id).join('\n');
    let group = groups.find((g) => g.seats.map((x) => x.id).join('\n') === key);
    if (!group) {
      const every = seats.length === scenario.roles.length && seats.length > 1;
      group = {
        heading: every
          ? 'Whichever seat the class plays'
          : `${classSeat === undefined ? 'If the class plays' : 'The class plays'} ${seats.map((r) => `“${r.title}”`).join(' or ')}`,
        seats: seats.map(seat),
        votes: [],
      };
      groups.push(group);
    }
    group.votes.push({
      step: c.step,
      date: c.date,
      proposal: c.proposal,
      always: seats.every((r) => met.get(r.id)?.every.has(c.step)),
    });
  }
  // Each group's votes by date (ISO dates, possibly partial, sort as text); the case's order breaks ties.
  for (const g of groups) g.votes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // The groups in the case's order of seats: the widest first, then by the first seat each names.
  const rank = (g: SheetVoteGroup) => Math.min(...g.seats.map((x) => scenario.roles.findIndex((r) => r.id === x.id)));
  groups.sort((a, b) => b.seats.length - a.seats.length || rank(a) - rank(b));
  return {
    ...sheet,
    groups,
    sitsOut: seatsOfMember(scenario, actorId).filter((x) => classSeat === undefined || x.id === classSeat),
  };
}

/**
 * The sheets to print: one per team holding a Council seat of the case, or every Council seat's
 * when no team is set up; with `classSeat`, each lists only the votes that seat's runs meet.
 */
export function teamRoleSheets(
  scenario: Scenario,
  teams: readonly { team: string; actor: string }[],
  classSeat?: string,
  met: ReadonlyMap<string, SeatCouncils> = councilStepsBySeat(scenario),
): { team?: string; sheet: TeamRoleSheet }[] {
  const seat = scenario.roles.some((r) => r.id === classSeat) ? classSeat : undefined;
  if (teams.length === 0)
    return councilSeats(scenario).map((x) => ({ sheet: teamRoleSheet(scenario, x.actor, met, seat) }));
  // A team holding an actor the case does not have is a set-up mistake (`checkTeams`): no sheet.
  return teams
    .filter((t) => scenario.actors.some((a) => a.id === t.actor))
    .map((t) => ({ team: t.team.trim(), sheet: teamRoleSheet(scenario, t.actor, met, seat) }));
}
