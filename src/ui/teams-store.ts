/**
 * The Council teams a teacher set up, per case, in localStorage: set up before the lesson, they
 * are still there when the class starts. Reading never throws; anything malformed is dropped.
 */
import { cleanTeams, type TeamSetup } from '../classroom/council-teams';
import { StorageKey } from './keys';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function readAll(store: Storage | undefined): Record<string, unknown> {
  try {
    const data: unknown = JSON.parse(store?.getItem(StorageKey.Teams) ?? '{}');
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The teams set up for a case (none: an empty list). */
export function readTeams(scenario: string, store: Storage | undefined = storage()): TeamSetup[] {
  return cleanTeams(readAll(store)[scenario]);
}

/** Keeps the teams set up for a case; an empty list forgets them. Returns false when storage fails. */
export function writeTeams(
  scenario: string,
  teams: readonly TeamSetup[],
  store: Storage | undefined = storage(),
): boolean {
  if (!store) return false;
  const all = readAll(store);
  const clean = cleanTeams(teams);
  if (clean.length > 0) all[scenario] = clean;
  else delete all[scenario];
  try {
    store.setItem(StorageKey.Teams, JSON.stringify(all));
    return true;
  } catch {
    return false;
  }
}
