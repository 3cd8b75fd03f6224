/**
 * The events a player (or a test) sends to a run. A decision may carry the player's written
 * rationale and, in class mode, the room's vote tally per option: both are kept with the run.
 */
export interface DecisionNotes {
  /** Why the player (or team) decided so, in their words. */
  rationale?: string;
  /** Class mode: the room's votes per option (choice ids; or support/abstain/object at a Council vote). */
  tally?: Record<string, number>;
}

/** Council teams: positions the teams holding members' seats chose, overriding the model's. */
export type TeamPositions = Record<string, 'support' | 'abstain' | 'object'>;

export type GameEvent =
  | ({ type: 'CHOOSE'; choice: string } & DecisionNotes)
  | { type: 'LOBBY'; actor: string }
  | ({ type: 'CALL_VOTE'; positions?: TeamPositions } & DecisionNotes)
  | { type: 'CONTINUE' };

export const MAX_RATIONALE = 2000;

function validNotes(x: Record<string, unknown>): boolean {
  if (x.rationale !== undefined && (typeof x.rationale !== 'string' || x.rationale.length > MAX_RATIONALE))
    return false;
  if (x.tally !== undefined) {
    if (!x.tally || typeof x.tally !== 'object' || Array.isArray(x.tally)) return false;
    const counts = Object.values(x.tally as Record<string, unknown>);
    if (
      counts.length > 50 ||
      !counts.every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 10_000)
    ) {
      return false;
    }
  }
  return true;
}

function validPositions(p: unknown): boolean {
  if (p === undefined) return true;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return false;
  const values = Object.values(p as Record<string, unknown>);
  return values.length <= 20 && values.every((v) => v === 'support' || v === 'abstain' || v === 'object');
}

function onlyKeys(x: Record<string, unknown>, allowed: string[]): boolean {
  return Object.keys(x).every((k) => allowed.includes(k));
}

export function isGameEvent(e: unknown): e is GameEvent {
  if (!e || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  switch (x.type) {
    case 'CHOOSE':
      return typeof x.choice === 'string' && onlyKeys(x, ['type', 'choice', 'rationale', 'tally']) && validNotes(x);
    case 'LOBBY':
      return typeof x.actor === 'string' && onlyKeys(x, ['type', 'actor']);
    case 'CALL_VOTE':
      return onlyKeys(x, ['type', 'rationale', 'tally', 'positions']) && validNotes(x) && validPositions(x.positions);
    case 'CONTINUE':
      return onlyKeys(x, ['type']);
    default:
      return false;
  }
}

/** The notes a decision event carries, trimmed; empty notes are left out. */
export function notesOf(e: GameEvent): DecisionNotes {
  if (e.type !== 'CHOOSE' && e.type !== 'CALL_VOTE') return {};
  const rationale = e.rationale?.trim();
  return {
    ...(rationale ? { rationale: rationale.slice(0, MAX_RATIONALE) } : {}),
    ...(e.tally && Object.keys(e.tally).length > 0 ? { tally: e.tally } : {}),
  };
}
