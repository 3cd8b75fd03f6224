/**
 * Council teams on one screen: teams of students each hold a member state's seat in the
 * Collective Security Council, read its role sheet, and cast its vote (support, abstain or
 * object) at each Council step. The alliance decides by consensus, and the engine alone says what
 * that means (`verdictOf`, `councilAsCast`): this module only puts the teams' votes in the form
 * the engine reads, and reads back what it decided. Members no team holds keep the position the
 * game gives them.
 */
import { verdictOf } from '../engine/council';
import { MAX_RATIONALE, type TeamPositions } from '../engine/events';
import type { Scenario } from '../engine/schema';
import { councilAsCast } from '../engine/view';
import type { CouncilView, GameView, Position } from '../engine/view-types';
import type { CouncilTeamsRecord } from './result-schema';

/** A team, the member state it holds, and its vote at the current Council step (none yet: undefined). */
export interface CouncilTeam {
  team: string;
  actor: string;
  vote?: Position;
  rationale?: string;
}

export interface CouncilMemberTally {
  actor: string;
  name: string;
  leader?: string;
  /** The team holding this member, if one does. */
  team?: string;
  /** The member's vote: the team's, or the game's for a member no team holds; undefined while a team has not voted. */
  position?: Position;
  source: 'team' | 'game';
  /** The position the game gives this member (its lean after shifts and lobbying). */
  gamePosition: Position;
}

export interface CouncilTally {
  members: CouncilMemberTally[];
  counts: Record<Position, number>;
  /** Members whose team has not voted yet. */
  waitingFor: string[];
  /** Members that object: any one of them blocks the proposal. */
  blockers: { actor: string; name: string; team?: string }[];
  /** `blocked` as soon as one member objects; `consensus` when all have voted and none objects. */
  verdict: 'consensus' | 'blocked' | 'pending';
  /** True when the verdict is in and is the one the game reaches if the vote is called now. */
  agreesWithGame: boolean;
  /** Teams whose member does not sit on this Council. */
  notSitting: string[];
}

/** The alliance's rule, as the engine has it (`verdictOf`): true when no member objects. */
export function consensusReached(positions: readonly Position[]): boolean {
  return verdictOf(positions) === 'consensus';
}

/** The teams by the member they hold; throws if two teams hold the same member (see `checkTeams`). */
function teamsByActor(teams: readonly CouncilTeam[]): Map<string, CouncilTeam> {
  const byActor = new Map<string, CouncilTeam>();
  for (const t of teams) {
    if (byActor.has(t.actor)) throw new Error(`two teams hold "${t.actor}"`);
    byActor.set(t.actor, t);
  }
  return byActor;
}

/**
 * The Council's vote with the teams' votes for the members they hold, as the engine counts it.
 * Throws if two teams hold the same member (a set-up mistake: see `checkTeams`).
 */
export function tallyCouncil(view: CouncilView, teams: readonly CouncilTeam[]): CouncilTally {
  const byActor = teamsByActor(teams);
  const cast = councilAsCast(view, teamPositions(view, teams));
  const members = cast.members.map((m, i): CouncilMemberTally => {
    const t = byActor.get(m.actor);
    // A seat a team holds has no position until the engine counts the team's vote.
    const position = t && !m.team ? undefined : m.position;
    return {
      actor: m.actor,
      name: m.name,
      ...(m.leader ? { leader: m.leader } : {}),
      ...(t ? { team: t.team } : {}),
      ...(position ? { position } : {}),
      source: t ? 'team' : 'game',
      gamePosition: view.members[i]?.position ?? m.position,
    };
  });
  const counts: Record<Position, number> = { support: 0, abstain: 0, object: 0 };
  for (const m of members) if (m.position) counts[m.position]++;
  const waitingFor = members.filter((m) => !m.position).map((m) => m.actor);
  const blockers = members
    .filter((m) => m.position === 'object')
    .map((m) => ({ actor: m.actor, name: m.name, ...(m.team ? { team: m.team } : {}) }));
  // The engine's verdict on the votes cast so far: one objection blocks whatever the rest vote.
  const engine = verdictOf(members.map((m) => m.position));
  const verdict = engine === 'consensus' && waitingFor.length > 0 ? 'pending' : engine;
  const sitting = new Set(view.members.map((m) => m.actor));
  return {
    members,
    counts,
    waitingFor,
    blockers,
    verdict,
    agreesWithGame: verdict !== 'pending' && (verdict === 'consensus') === view.wouldPass,
    notSitting: teams.filter((t) => !sitting.has(t.actor)).map((t) => t.team),
  };
}

/** The positions to send with the Council's vote: each sitting member a team holds and has voted for. */
export function teamPositions(view: CouncilView, teams: readonly CouncilTeam[]): TeamPositions {
  const sitting = new Set(view.members.map((m) => m.actor));
  // Object.fromEntries defines own properties, so any id (even "__proto__") is a plain key.
  return Object.fromEntries(teams.flatMap((t) => (t.vote && sitting.has(t.actor) ? [[t.actor, t.vote] as const] : [])));
}

/**
 * The Council as the teams voted it so far (members no team holds, or whose team has not voted,
 * as the game has them): what the chamber draws. `wouldPass` is the engine's verdict on it.
 */
export function councilAsVoted(view: CouncilView, teams: readonly CouncilTeam[]): CouncilView {
  return councilAsCast(view, teamPositions(view, teams));
}

/** A team set-up: the team's name and the member state it holds. */
export type TeamSetup = Pick<CouncilTeam, 'team' | 'actor'>;

export const MAX_TEAM_NAME = 60;

/**
 * Team set-ups from a stored or typed value: names trimmed and cut to MAX_TEAM_NAME, blank names
 * and malformed entries dropped, at most one team per member (the first), at most 20 teams.
 */
export function cleanTeams(raw: unknown): TeamSetup[] {
  if (!Array.isArray(raw)) return [];
  const out: TeamSetup[] = [];
  const held = new Set<string>();
  for (const x of raw) {
    if (!x || typeof x !== 'object') continue;
    const { team, actor } = x as Record<string, unknown>;
    if (typeof team !== 'string' || typeof actor !== 'string' || !actor) continue;
    const name = team.trim().replace(/\s+/g, ' ').slice(0, MAX_TEAM_NAME);
    if (!name || held.has(actor)) continue;
    held.add(actor);
    out.push({ team: name, actor });
    if (out.length === 20) break;
  }
  return out;
}

/** Names for teams not yet named: "Team A", "Team B", … skipping names already taken. */
export function defaultTeamNames(count: number, taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((t) => t.trim().toLowerCase()));
  const out: string[] = [];
  for (let i = 0; out.length < count && i < 26 * 27; i++) {
    const letters =
      i < 26
        ? String.fromCharCode(65 + i)
        : `${String.fromCharCode(64 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;
    const name = `Team ${letters}`;
    if (!used.has(name.toLowerCase())) out.push(name);
  }
  return out;
}

/** Votes per position (support / abstain / object), e.g. as the class tally of the Council decision. */
export function teamTally(tally: CouncilTally): Record<string, number> {
  return { ...tally.counts };
}

/**
 * The teams' rationales as one text for the decision's rationale (the engine keeps one per
 * decision): "Team A (Russia, object): …", one per line, cut to the engine's limit.
 */
export function combineTeamRationales(view: CouncilView, teams: readonly CouncilTeam[]): string | undefined {
  const lines = teams.flatMap((t) => {
    const r = t.rationale?.trim();
    if (!r) return [];
    const name = view.members.find((m) => m.actor === t.actor)?.name ?? t.actor;
    return [`${t.team} (${name}${t.vote ? `, ${t.vote}` : ''}): ${r.replace(/\s+/g, ' ')}`];
  });
  if (lines.length === 0) return undefined;
  const text = lines.join('\n');
  return text.length > MAX_RATIONALE ? `${text.slice(0, MAX_RATIONALE - 1)}…` : text;
}

/** The record's votes: each team holding a sitting member, with the position it cast. */
function recordVotes(
  teams: readonly CouncilTeam[],
  positionOf: (actor: string) => Position | undefined,
): CouncilTeamsRecord['votes'] {
  return teams.flatMap((t) => {
    const position = positionOf(t.actor);
    if (!position) return [];
    const rationale = t.rationale?.trim().slice(0, MAX_RATIONALE);
    return [{ team: t.team, actor: t.actor, position, ...(rationale ? { rationale } : {}) }];
  });
}

/**
 * What the result file keeps of a Council step played by teams, read from the engine's vote:
 * call it with the view right after the vote (`view.last.vote`). The positions and the verdict
 * are the engine's; the teams give their names and reasons.
 */
export function councilTeamsRecordOfVote(view: GameView, teams: readonly CouncilTeam[]): CouncilTeamsRecord {
  const last = view.last;
  const vote = last?.vote;
  if (!last || !vote) throw new Error('the last decision is not a Council vote');
  const cast = new Map(vote.members.filter((m) => m.team).map((m) => [m.actor, m.position]));
  return {
    turn: last.turn,
    step: last.step,
    consensus: vote.verdict === 'consensus',
    votes: recordVotes(teams, (actor) => cast.get(actor)),
  };
}

/**
 * What the result file keeps of a Council step played by teams, before the vote is called (the
 * vote is decision `view.turn + 1`); the verdict is the engine's on the teams' votes. Prefer
 * `councilTeamsRecordOfVote` after the vote.
 */
export function councilTeamsRecord(view: GameView, teams: readonly CouncilTeam[]): CouncilTeamsRecord {
  const council = view.step?.council;
  if (!view.step || !council) throw new Error('the current step is not a Council vote');
  const positions = new Map(Object.entries(teamPositions(council, teams)));
  return {
    turn: view.turn + 1,
    step: view.step.id,
    consensus: councilAsVoted(council, teams).wouldPass,
    votes: recordVotes(teams, (actor) => positions.get(actor)),
  };
}

export interface CouncilSeat {
  actor: string;
  name: string;
  leader?: string;
  /** The Council steps this member sits on, in the case's order. */
  councils: { step: string; title: string; date: string; proposal: string }[];
}

/** The member states that sit on any Council step of the case: the seats teams can hold. */
export function councilSeats(scenario: Scenario): CouncilSeat[] {
  const seats = new Map<string, CouncilSeat>();
  for (const step of scenario.steps) {
    if (!step.council) continue;
    for (const m of step.council.members) {
      let seat = seats.get(m.actor);
      if (!seat) {
        const a = scenario.actors.find((x) => x.id === m.actor);
        seat = { actor: m.actor, name: a?.name ?? m.actor, ...(a?.leader ? { leader: a.leader } : {}), councils: [] };
        seats.set(m.actor, seat);
      }
      seat.councils.push({ step: step.id, title: step.title, date: step.date, proposal: step.council.proposal });
    }
  }
  return [...seats.values()];
}

/** Set-up problems with a list of teams: blank names, the same name or member twice, unknown members. */
export function checkTeams(scenario: Scenario, teams: readonly Pick<CouncilTeam, 'team' | 'actor'>[]): string[] {
  const problems: string[] = [];
  const seats = new Set(councilSeats(scenario).map((s) => s.actor));
  const names = new Set<string>();
  const actors = new Set<string>();
  teams.forEach((t, i) => {
    const name = t.team.trim();
    if (!name) problems.push(`team ${i + 1} has no name`);
    else if (names.has(name.toLowerCase())) problems.push(`two teams are called "${name}"`);
    names.add(name.toLowerCase());
    if (!seats.has(t.actor)) problems.push(`"${t.actor}" does not sit on the Council in this case`);
    else if (actors.has(t.actor)) problems.push(`two teams hold "${t.actor}"`);
    actors.add(t.actor);
  });
  return problems;
}

export interface RoleSheet {
  scenario: { id: string; title: string; summary: string; region: string; dates: { start: string; end: string } };
  actor: {
    id: string;
    name: string;
    kind: string;
    leader?: string;
    stance: string;
    interests: string;
  };
  /** Seats of the case played as this actor (their briefing), if any. */
  seats: { id: string; title: string; summary: string; brief: string }[];
  /** The Council steps this member votes on. */
  councils: CouncilSeat['councils'];
}

/** What a printable role sheet shows for a team holding `actorId`. Throws for an unknown actor. */
export function roleSheet(scenario: Scenario, actorId: string): RoleSheet {
  const a = scenario.actors.find((x) => x.id === actorId);
  if (!a) throw new Error(`"${scenario.id}" has no actor "${actorId}"`);
  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      region: scenario.region,
      dates: { ...scenario.dates },
    },
    actor: {
      id: a.id,
      name: a.name,
      kind: a.kind,
      ...(a.leader ? { leader: a.leader } : {}),
      stance: a.stance,
      interests: a.interests,
    },
    seats: scenario.roles
      .filter((r) => r.actor === a.id)
      .map((r) => ({ id: r.id, title: r.title, summary: r.summary, brief: r.brief })),
    councils: councilSeats(scenario).find((s) => s.actor === a.id)?.councils ?? [],
  };
}
