/**
 * The options a step offers a player, in the order and with the numbers every front end shows:
 * the browser's number keys and the terminal's numbers are the same. Pure.
 *
 * - A choice step: the choices the run offers, as the case lists them, numbered 1, 2, 3…
 * - A Council step: the members listed objecting first, then abstaining, then supporting (each
 *   as the case lists them; `councilMemberOrder`, fixed when the decision opens), each member that
 *   can be lobbied numbered in that order, and the vote after them. A number stays with its
 *   member: lobbying one leaves the other members' numbers, and the vote's, as they were. The
 *   vote is number 9 at most (the last number key); members after the eighth then number from 10.
 *   Where the seat casts its own member's vote (`seatVote`), the vote is three options, one per
 *   position (support, abstain, object, in that order, numbered together), in place of one; the
 *   one the model's lean gives is the default.
 * - A narrative step: Continue, which has no number (the Enter key).
 */
import type { GameEvent } from './events';
import type { ChoiceView, CouncilMemberView, CouncilView, Position, StepView } from './view-types';

export type StepOption =
  | { kind: 'choose'; number: number; choice: ChoiceView }
  | { kind: 'lobby'; number: number; member: CouncilMemberView }
  | { kind: 'vote'; number: number; position?: Position }
  | { kind: 'continue' };

export interface StepOptionsInput {
  /** At a Council: the order its members are listed in (`councilMemberOrder` when the decision opened). Default: as they stand now. */
  memberOrder?: readonly string[];
  /** Whether the player may lobby a member at all (class mode: not one a team holds). Default: every member with a lobby. */
  lobbyOffered?: (actor: string) => boolean;
}

/** The highest number a key can type; a Council's vote takes it when more members can be lobbied. */
const LAST_KEY = 9;

const POSITION_RANK: Record<Position, number> = { object: 0, abstain: 1, support: 2 };

/**
 * The order a Council's members are listed in: those objecting first (whom to lobby), then those
 * abstaining, then supporters, each group as the case lists them. Front ends compute it when the
 * decision opens and keep it, so that lobbying never reshuffles the list or its numbers.
 */
export function councilMemberOrder(council: Pick<CouncilView, 'members'>): string[] {
  return council.members
    .map((m, i) => ({ actor: m.actor, key: POSITION_RANK[m.position] * 1000 + i }))
    .sort((a, b) => a.key - b.key)
    .map((m) => m.actor);
}

/** The Council's members in `order` (members it does not name after them, as the case lists them). */
export function membersInOrder(council: Pick<CouncilView, 'members'>, order?: readonly string[]): CouncilMemberView[] {
  const rank = new Map((order ?? councilMemberOrder(council)).map((actor, i) => [actor, i]));
  const last = council.members.length;
  return [...council.members].sort((a, b) => (rank.get(a.actor) ?? last) - (rank.get(b.actor) ?? last));
}

/**
 * The options open at a step, in the order they are shown, each with its number. At a Council,
 * members already lobbied are not options any more, but keep their numbers (no other option takes them).
 */
export function stepOptions(step: StepView, input: StepOptionsInput = {}): StepOption[] {
  if (step.kind === 'choices') {
    return step.choices.map((choice, i) => ({ kind: 'choose', number: i + 1, choice }));
  }
  if (step.kind === 'council' && step.council) {
    const offered = (m: CouncilMemberView) => m.lobby !== undefined && (input.lobbyOffered?.(m.actor) ?? true);
    const members = membersInOrder(step.council, input.memberOrder).filter(offered);
    const votes: (Position | undefined)[] = step.council.seatVote ? ['support', 'abstain', 'object'] : [undefined];
    const vote = Math.min(LAST_KEY - votes.length + 1, members.length + 1);
    const options: StepOption[] = [];
    members.forEach((member, i) => {
      const n = i + 1;
      if (!member.lobby?.done) options.push({ kind: 'lobby', number: n < vote ? n : n + votes.length, member });
    });
    votes.forEach((position, i) => {
      options.push({ kind: 'vote', number: vote + i, ...(position ? { position } : {}) });
    });
    return options;
  }
  return [{ kind: 'continue' }];
}

/** The key that takes an option in the browser: "1"–"9", "Enter" for Continue, or null (no key). */
export function optionKey(option: StepOption): string | null {
  if (option.kind === 'continue') return 'Enter';
  return option.number <= LAST_KEY ? String(option.number) : null;
}

/** The move an option sends. */
export function optionMove(option: StepOption): GameEvent {
  if (option.kind === 'choose') return { type: 'CHOOSE', choice: option.choice.id };
  if (option.kind === 'lobby') return { type: 'LOBBY', actor: option.member.actor };
  if (option.kind === 'vote') return { type: 'CALL_VOTE', ...(option.position ? { position: option.position } : {}) };
  return { type: 'CONTINUE' };
}
