/**
 * The parts of a Council's view that follow the format's later Council fields: the player's own
 * vote (`seat_votes`), what each verdict would do (`on_consensus`, `on_blocked`), and how a
 * member's lean is marked (`estimate`, `sources`). view.ts spreads them into the CouncilView.
 */
import { type MemberPosition, type SeatVote, seatMember, verdictOf, withSeatVote } from './council';
import { forecastCertain } from './forecast';
import { partiesOf } from './parties';
import type { RunContext } from './run-context';
import type { Council, CouncilMember, Scenario } from './schema';
import type { PartyRole } from './schema-steps';
import type { CouncilView, Forecast, Position, Verdict } from './view-types';

const POSITIONS: readonly Position[] = ['support', 'abstain', 'object'];

/** The Council-level extras of a CouncilView: `seatVote` and `results`, when the case gives them. */
export function councilExtras(
  s: Scenario,
  council: Council,
  ctx: RunContext,
  positions: readonly MemberPosition[],
): Pick<CouncilView, 'seatVote' | 'results'> {
  const actor = seatMember(s, council, ctx.role);
  const seatVote =
    actor === undefined
      ? undefined
      : {
          actor,
          name: s.actors.find((a) => a.id === actor)?.name ?? actor,
          verdicts: Object.fromEntries(
            POSITIONS.map((position) => [
              position,
              verdictOf(withSeatVote(positions, { actor, position }).map((p) => p.position)),
            ]),
          ) as Record<Position, Verdict>,
        };
  const effects = (r: Council['on_consensus']) => r?.effects ?? [];
  const results =
    effects(council.on_consensus).length + effects(council.on_blocked).length > 0
      ? ({
          consensus: forecastCertain(s, ctx, effects(council.on_consensus)),
          blocked: forecastCertain(s, ctx, effects(council.on_blocked)),
        } satisfies Record<Verdict, Forecast>)
      : undefined;
  return { ...(seatVote ? { seatVote } : {}), ...(results ? { results } : {}) };
}

/** A member's extras in the view: `estimate` when its lean is the author's estimate, `party` when it is a party to the crisis. */
export function memberExtras(
  s: Pick<Scenario, 'parties' | 'host'>,
  m: CouncilMember,
): { estimate?: true; party?: PartyRole } {
  const party = partiesOf(s).find((p) => p.actor === m.actor)?.role;
  return { ...(m.estimate ? { estimate: true as const } : {}), ...(party ? { party } : {}) };
}

/** The seat's own vote a CALL_VOTE with `position` cast at `council`, or undefined (none, or not the seat's to cast). */
export function seatVoteOf(
  s: Pick<Scenario, 'roles'>,
  council: Council | undefined,
  role: string,
  position: Position | undefined,
): SeatVote | undefined {
  if (!council || position === undefined) return undefined;
  const actor = seatMember(s, council, role);
  return actor === undefined ? undefined : { actor, position };
}

/** The chamber with the player's own vote in place (the seat's member marked `own`); `wouldPass` follows. */
export function councilWithSeatVote(council: CouncilView, seat: SeatVote | undefined): CouncilView {
  if (!seat) return council;
  const members = withSeatVote(council.members, seat);
  return { ...council, members, wouldPass: verdictOf(members.map((m) => m.position)) === 'consensus' };
}
