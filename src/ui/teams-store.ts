/**
 * The Council teams a teacher set up, per case, in localStorage: set up before the lesson, they
 * are still there when the class starts. Reading never throws; anything malformed is dropped.
 */
import { cleanTeams, type TeamSetup } from '../classroom/council-teams';
import { StorageKey } from './keys';
import { asKeyValue, type KeyValue, local, type StoreLike } from './storage';

function readAll(store: KeyValue): Record<string, unknown> {
  try {
    const data: unknown = JSON.parse(store.get(StorageKey.Teams) ?? '{}');
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The teams set up for a case (none: an empty list). */
export function readTeams(scenario: string, store: StoreLike = local): TeamSetup[] {
  const all = readAll(asKeyValue(store));
  return Object.hasOwn(all, scenario) ? cleanTeams(all[scenario]) : [];
}

/** Keeps the teams set up for a case; an empty list forgets them. Returns false when storage fails. */
export function writeTeams(scenario: string, teams: readonly TeamSetup[], store: StoreLike = local): boolean {
  const kv = asKeyValue(store);
  const all = readAll(kv);
  const clean = cleanTeams(teams);
  // Own properties only: a case id such as "__proto__" is plain data.
  if (clean.length > 0)
    Object.defineProperty(all, scenario, { value: clean, enumerable: true, configurable: true, writable: true });
  else delete all[scenario];
  return kv.set(StorageKey.Teams, JSON.stringify(all));
}
