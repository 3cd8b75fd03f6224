/**
 * The saved run in localStorage, under a fixed key, in a versioned format. What is stored is the
 * engine's own SaveData plus where the player stood in the UI. Reading never throws: a run of an
 * older format is migrated (see STORED_MIGRATIONS); a damaged, too old, newer or foreign save comes
 * back as a problem with a message for the player, and is removed.
 *
 * Storage goes through storage.ts (`local`), which never throws and falls back to memory when
 * storage is denied. Tests pass their own store.
 */
import { cleanTeams, type TeamSetup } from '../classroom/council-teams';
import { type CouncilTeamsRecord, readCouncilTeamsRecord } from '../classroom/council-teams-record';
import { FORECAST_MODES, type ForecastMode } from '../engine/advice';
import { isJsonObject, type Json, type MigrationChain, migrate } from '../engine/migrations';
import { StorageKey } from './keys';
import { asKeyValue, local, type StoreLike } from './storage';

/** The stored run's format written today. */
export const STORED_VERSION = 2;
/** The oldest stored run still resumed (migrated to STORED_VERSION). */
export const STORED_MIN_VERSION = 1;

export type StoredScreen = 'play' | 'ending' | 'debrief';

export interface StoredRun {
  version: typeof STORED_VERSION;
  scenario: string;
  role: string;
  savedAt: string;
  screen: StoredScreen;
  /** The last decision whose result the player has already read. */
  seen: number;
  /** The engine's SaveData (checked, and migrated when older, by Game.restore). */
  engine: unknown;
  /** When the run started (ISO 8601 with offset). Format 2 on: always present when read back. */
  startedAt?: string;
  /** Played alone or by a class on a projector. Format 2 on: always present when read back. */
  mode?: 'solo' | 'class';
  /** Class mode: the Council teams of this run. */
  teams?: TeamSetup[];
  /** Class mode: each team's vote at the Council steps played so far. */
  councilTeams?: CouncilTeamsRecord[];
  /** Class mode: how forecasts show in this run (solo runs follow the settings). */
  forecast?: ForecastMode;
  /** The finished run's results were saved to a file (a new run may replace it without asking). */
  resultsSaved?: boolean;
}

export interface RunMeta {
  startedAt: string;
  mode: 'solo' | 'class';
  teams: TeamSetup[];
  councilTeams: CouncilTeamsRecord[];
  forecast?: ForecastMode;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Format 1 → 2: `mode` and `startedAt` are filled in when a run saved before classroom play lacks
 * them (solo; started when it was saved, the best known). The engine save inside migrates itself.
 */
function v1to2(run: Json): Json {
  const startedAt =
    typeof run.startedAt === 'string' && ISO.test(run.startedAt)
      ? run.startedAt
      : typeof run.savedAt === 'string' && ISO.test(run.savedAt)
        ? run.savedAt
        : undefined;
  return { ...run, mode: run.mode === 'class' ? 'class' : 'solo', ...(startedAt ? { startedAt } : {}) };
}

export const STORED_MIGRATIONS: MigrationChain = {
  current: STORED_VERSION,
  minimum: STORED_MIN_VERSION,
  steps: { 1: v1to2 },
};

/** The run's start, mode and Council teams, with what an older save lacks filled in and anything malformed dropped. */
export function runMeta(run: StoredRun): RunMeta {
  const startedAt =
    typeof run.startedAt === 'string' && ISO.test(run.startedAt)
      ? run.startedAt
      : ISO.test(run.savedAt)
        ? run.savedAt
        : new Date().toISOString();
  const mode = run.mode === 'class' ? 'class' : 'solo';
  const records = Array.isArray(run.councilTeams) ? run.councilTeams : [];
  return {
    startedAt,
    mode,
    teams: mode === 'class' ? cleanTeams(run.teams) : [],
    ...(mode === 'class' && FORECAST_MODES.includes(run.forecast as ForecastMode)
      ? { forecast: run.forecast as ForecastMode }
      : {}),
    councilTeams: records.flatMap((r) => {
      const record = readCouncilTeamsRecord(r);
      return record ? [record] : [];
    }),
  };
}

export type SaveRead = { kind: 'none' } | { kind: 'ok'; run: StoredRun } | { kind: 'problem'; message: string };

/** Where a run is kept: storage.ts's `local` by default; a Web Storage object also works (tests). */
export type SaveStore = StoreLike;

export const SaveStoreMessage = {
  Damaged: 'Your saved game is damaged and could not be read.',
  Older: 'Your saved game was made by an older version of Article Four and cannot be resumed.',
  Newer: 'Your saved game was made by a newer version of Article Four.',
} as const;

function isStoredRun(d: Json): d is Json & StoredRun {
  return (
    d.version === STORED_VERSION &&
    typeof d.scenario === 'string' &&
    typeof d.role === 'string' &&
    typeof d.savedAt === 'string' &&
    (d.screen === 'play' || d.screen === 'ending' || d.screen === 'debrief') &&
    typeof d.seen === 'number' &&
    d.engine !== undefined
  );
}

export function readSave(store: SaveStore | undefined = local): SaveRead {
  if (!store) return { kind: 'none' };
  const kv = asKeyValue(store);
  const raw = kv.get(StorageKey.Save);
  if (raw === null) {
    for (const old of StorageKey.OldSaves) {
      if (kv.get(old) !== null) {
        kv.remove(old);
        return { kind: 'problem', message: SaveStoreMessage.Older };
      }
    }
    return { kind: 'none' };
  }
  const problem = (message: string): SaveRead => {
    kv.remove(StorageKey.Save);
    return { kind: 'problem', message };
  };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return problem(SaveStoreMessage.Damaged);
  }
  if (!isJsonObject(data)) return problem(SaveStoreMessage.Damaged);
  const migrated = migrate(STORED_MIGRATIONS, data);
  if (!migrated.ok) {
    if (migrated.problem === 'too-old') return problem(SaveStoreMessage.Older);
    if (migrated.problem === 'too-new') return problem(SaveStoreMessage.Newer);
    return problem(SaveStoreMessage.Damaged);
  }
  const run = migrated.value;
  if (!isStoredRun(run)) return problem(SaveStoreMessage.Damaged);
  return { kind: 'ok', run };
}

/** Writes the run; returns false when it could not be kept beyond this visit (storage denied or full). */
export function writeSave(run: StoredRun, store: SaveStore | undefined = local): boolean {
  if (!store) return false;
  return asKeyValue(store).set(StorageKey.Save, JSON.stringify(run));
}

export function clearSave(store: SaveStore | undefined = local): void {
  if (store) asKeyValue(store).remove(StorageKey.Save);
}
