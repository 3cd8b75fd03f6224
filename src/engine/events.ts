/** The events a player (or a test) sends to a run. */
export type GameEvent =
  | { type: 'CHOOSE'; choice: string }
  | { type: 'LOBBY'; actor: string }
  | { type: 'CALL_VOTE' }
  | { type: 'CONTINUE' };

export function isGameEvent(e: unknown): e is GameEvent {
  if (!e || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  switch (x.type) {
    case 'CHOOSE':
      return typeof x.choice === 'string';
    case 'LOBBY':
      return typeof x.actor === 'string';
    case 'CALL_VOTE':
    case 'CONTINUE':
      return Object.keys(x).length === 1;
    default:
      return false;
  }
}
