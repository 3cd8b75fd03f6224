/**
 * The scenario files a player opened, kept in localStorage so that a reload, or a saved run of
 * one of them, still finds them: the newest few, one per scenario id. Reading never throws;
 * anything malformed is dropped.
 */
import { StorageKey } from './keys';
import { asKeyValue, local, type StoreLike } from './storage';

export interface OpenedRecord {
  /** The scenario's id: a file opened again with the same id replaces the older one. */
  id: string;
  file: string;
  text: string;
}

/** How many opened files are kept (the newest). */
export const MAX_OPENED = 5;
/** At most this much text in all, so the saved run and settings always have room beside them. */
export const MAX_OPENED_CHARS = 2_000_000;

/** The files kept, newest first. */
export function readOpened(store: StoreLike = local): OpenedRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(asKeyValue(store).get(StorageKey.Opened) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data
    .filter(
      (x): x is OpenedRecord =>
        !!x &&
        typeof x === 'object' &&
        typeof x.id === 'string' &&
        typeof x.file === 'string' &&
        typeof x.text === 'string',
    )
    .slice(0, MAX_OPENED);
}

function write(records: readonly OpenedRecord[], store: StoreLike): boolean {
  const kv = asKeyValue(store);
  if (records.length === 0) {
    kv.remove(StorageKey.Opened);
    return true;
  }
  return kv.set(StorageKey.Opened, JSON.stringify(records));
}

/** Keeps an opened file (newest first). False when storage is unavailable or full: it then lasts only until a reload. */
export function rememberOpened(record: OpenedRecord, store: StoreLike = local): boolean {
  if (record.text.length > MAX_OPENED_CHARS) return false;
  const kept = [record];
  let chars = record.text.length;
  for (const r of readOpened(store)) {
    if (r.id === record.id || kept.length === MAX_OPENED || chars + r.text.length > MAX_OPENED_CHARS) continue;
    kept.push(r);
    chars += r.text.length;
  }
  return write(kept, store);
}

/** Forgets the opened file of scenario `id`. */
export function forgetOpened(id: string, store: StoreLike = local): void {
  write(
    readOpened(store).filter((r) => r.id !== id),
    store,
  );
}
