/**
 * Save data: the persisted XState snapshot plus the event log, under a versioned format.
 * A save is checked before use: its version, its scenario (by id and content hash), and that
 * replaying its events from the seed gives exactly the saved snapshot.
 */

import type { GameEvent } from './events';
import { isGameEvent } from './events';
import type { Scenario } from './schema';
import { z } from './zod';

export const SAVE_VERSION = 1;

export class SaveError extends Error {
  override name = 'SaveError';
}

export interface SaveData {
  kind: 'article-four-save';
  version: number;
  scenario: string;
  scenarioHash: string;
  role: string;
  seed: number;
  /** The length played, when not the full case. */
  length?: string;
  events: GameEvent[];
  snapshot: unknown;
}

const SaveShape = z.object({
  kind: z.literal('article-four-save'),
  version: z.number().int(),
  scenario: z.string(),
  scenarioHash: z.string(),
  role: z.string(),
  seed: z.number().int(),
  length: z.string().max(64).optional(),
  events: z.array(z.unknown()).max(10000),
  snapshot: z.unknown(),
});

/** FNV-1a over the scenario's JSON: a save made for other content is detected. */
export function scenarioHash(s: Scenario): string {
  const text = JSON.stringify(s);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Checks a save's shape against the scenario; throws SaveError with a message for the player. */
export function parseSave(s: Scenario, raw: unknown): SaveData {
  const parsed = SaveShape.safeParse(raw);
  if (!parsed.success) throw new SaveError('The saved game is damaged and cannot be read.');
  const save = parsed.data;
  if (save.version > SAVE_VERSION) {
    throw new SaveError('The saved game was made by a newer version of Article Four.');
  }
  if (save.version < SAVE_VERSION) {
    throw new SaveError('The saved game was made by an older version of Article Four and cannot be resumed.');
  }
  if (save.scenario !== s.id) throw new SaveError(`The saved game belongs to another case ("${save.scenario}").`);
  if (save.scenarioHash !== scenarioHash(s)) {
    throw new SaveError('The case has changed since this game was saved, so it cannot be resumed exactly.');
  }
  if (!s.roles.some((r) => r.id === save.role))
    throw new SaveError('The saved game names a seat this case does not have.');
  if (save.length !== undefined && !s.lengths.some((l) => l.id === save.length))
    throw new SaveError('The saved game was played at a length this case does not have.');
  if (!save.events.every(isGameEvent)) throw new SaveError('The saved game is damaged and cannot be read.');
  return { ...save, events: save.events as GameEvent[] };
}
