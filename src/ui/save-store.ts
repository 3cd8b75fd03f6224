/**
 * The saved run in localStorage, under a versioned key. What is stored is the engine's own
 * SaveData plus where the player stood in the UI. Reading never throws: a damaged, outdated or
 * foreign save comes back as a problem with a message for the player, and is removed.
 */
import { cleanTeams, type TeamSetup } from '../classroom/council-teams';
import { type CouncilTeamsRecord, CouncilTeamsRecordSchema } from '../classroom/result-schema';
import { FORECAST_MODES, type ForecastMode } from '../engine/advice';
import { StorageKey } from './keys';

export const STORED_VERSION = 1;

export type StoredScreen = 'play' | 'ending' | 'debrief';

export interface StoredRun {
  version: typeof STORED_VERSION;
  scenario: string;
  role: string;
  savedAt: string;
  screen: StoredScreen;
  /** The last decision whose result the player has already read. */
  seen: number;
  /** The engine's SaveData (checked by Game.restore). */
  engine: unknown;
  /** When the run started (ISO 8601 with offset). Absent in saves made before classroom play. */
  startedAt?: string;
  /** Played alone or by a class on a projector. Absent in older saves: solo. */
  mode?: 'solo' | 'class';
  /** Class mode: the Council teams of this run. */
  teams?: TeamSetup[];
  /** Class mode: each team's vote at the Council steps played so far. */
  councilTeams?: CouncilTeamsRecord[];
  /** Class mode: how forecasts show in this run (solo runs follow the settings). */
  forecast?: ForecastMode;
}

export interface RunMeta {
  startedAt: string;
  mode: 'solo' | 'class';
  teams: TeamSetup[];
  councilTeams: CouncilTeamsRecord[];
  forecast?: ForecastMode;
}

/** The run's start, mode and Council teams, with what an older save lacks filled in and anything malformed dropped. */
export function runMeta(run: StoredRun): RunMeta {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  const startedAt =
    typeof run.startedAt === 'string' && iso.test(run.startedAt)
      ? run.startedAt
      : iso.test(run.savedAt)
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
      const parsed = CouncilTeamsRecordSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    }),
  };
}

export type SaveRead = { kind: 'none' } | { kind: 'ok'; run: StoredRun } | { kind: 'problem'; message: string };

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function readSave(store: Storage | undefined = storage()): SaveRead {
  if (!store) return { kind: 'none' };
  let raw: string | null;
  try {
    raw = store.getItem(StorageKey.Save);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) {
    for (const old of StorageKey.OldSaves) {
      if (store.getItem(old) !== null) {
        store.removeItem(old);
        return {
          kind: 'problem',
          message: 'Your saved game was made by an older version of Article Four and cannot be resumed.',
        };
      }
    }
    return { kind: 'none' };
  }
  const damaged = (): SaveRead => {
    clearSave(store);
    return { kind: 'problem', message: 'Your saved game is damaged and could not be read.' };
  };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return damaged();
  }
  if (!data || typeof data !== 'object') return damaged();
  const d = data as Partial<StoredRun>;
  if (typeof d.version === 'number' && d.version !== STORED_VERSION) {
    clearSave(store);
    return {
      kind: 'problem',
      message:
        d.version < STORED_VERSION
          ? 'Your saved game was made by an older version of Article Four and cannot be resumed.'
          : 'Your saved game was made by a newer version of Article Four.',
    };
  }
  if (
    d.version !== STORED_VERSION ||
    typeof d.scenario !== 'string' ||
    typeof d.role !== 'string' ||
    typeof d.savedAt !== 'string' ||
    (d.screen !== 'play' && d.screen !== 'ending' && d.screen !== 'debrief') ||
    typeof d.seen !== 'number' ||
    d.engine === undefined
  ) {
    return damaged();
  }
  return { kind: 'ok', run: d as StoredRun };
}

/** Writes the run; returns false when storage is unavailable or full. */
export function writeSave(run: StoredRun, store: Storage | undefined = storage()): boolean {
  if (!store) return false;
  try {
    store.setItem(StorageKey.Save, JSON.stringify(run));
    return true;
  } catch {
    return false;
  }
}

export function clearSave(store: Storage | undefined = storage()): void {
  try {
    store?.removeItem(StorageKey.Save);
  } catch {
    // nothing to do
  }
}
