/**
 * The scenario files a player opened, kept in localStorage so that a reload, or a saved run of
 * one of them, still finds them: the newest few, one per scenario id. A file is kept compiled
 * (the loaded scenario as JSON, stamped with the app's version), so a later start does not parse
 * and validate the YAML again (a 1.8 MB file took 10–15 s on every start). Reading never throws;
 * anything malformed, or compiled by another version, is dropped (its saved run then asks for
 * the file again). A file may not take the id of a case that comes with the game.
 */

import { version as packageVersion } from '../../package.json';
import type { Diagnostic, LoadResult, Scenario } from '../engine/index';
import { isolateScenario } from './bidi';
import { byDate } from './case-summary';
import type { CaseEntry } from './cases';
import { StorageKey } from './keys';
import { asKeyValue, local, type StoreLike } from './storage';

/** The engine's loader, for records kept as YAML only: passed in, so this module never carries it. */
export type YamlLoader = (text: string, file: string) => LoadResult;

export interface OpenedRecord {
  /** The scenario's id: a file opened again with the same id replaces the older one. */
  id: string;
  file: string;
  /** The YAML (older records; parsed again on each start). */
  text: string;
  /** The loaded scenario and its warnings as JSON, with the version that compiled it. */
  compiled?: string;
  version?: string;
}

/** How many opened files are kept (the newest). */
export const MAX_OPENED = 5;
/** At most this much text in all, so the saved run and settings always have room beside them. */
export const MAX_OPENED_CHARS = 2_000_000;
const VERSION: string = packageVersion ?? '0';

const size = (r: OpenedRecord) => r.text.length + (r.compiled?.length ?? 0);

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
        typeof x.text === 'string' &&
        (x.compiled === undefined || typeof x.compiled === 'string'),
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

/** The record to keep for a file that loaded: compiled, without its YAML. */
export function compiledRecord(file: string, scenario: Scenario, warnings: readonly Diagnostic[]): OpenedRecord {
  return { id: scenario.id, file, text: '', compiled: JSON.stringify({ scenario, warnings }), version: VERSION };
}

/** Keeps an opened file (newest first). False when storage is unavailable or full: it then lasts only until a reload. */
export function rememberOpened(record: OpenedRecord, store: StoreLike = local): boolean {
  if (size(record) > MAX_OPENED_CHARS) return false;
  const kept = [record];
  let chars = size(record);
  for (const r of readOpened(store)) {
    if (r.id === record.id || kept.length === MAX_OPENED || chars + size(r) > MAX_OPENED_CHARS) continue;
    kept.push(r);
    chars += size(r);
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

/** The case a record holds, or null when it no longer loads (or was compiled by another version). */
function entryOf(r: OpenedRecord, load: YamlLoader | undefined): CaseEntry | null {
  if (r.compiled !== undefined) {
    if (r.version !== VERSION) return null;
    try {
      const { scenario, warnings } = JSON.parse(r.compiled) as { scenario: Scenario; warnings: Diagnostic[] };
      if (scenario?.id !== r.id || !Array.isArray(scenario.roles) || !Array.isArray(warnings)) return null;
      return { ok: true, file: r.file, scenario, warnings, opened: true };
    } catch {
      return null;
    }
  }
  const result = load?.(r.text, r.file);
  return result?.ok
    ? { ok: true, file: r.file, scenario: result.scenario, warnings: result.warnings, opened: true }
    : null;
}

function startOf(c: CaseEntry): string {
  return c.ok ? c.scenario.dates.start : '9999';
}

/**
 * The bundled cases with the files the player opened (`records`, newest first), in the order they
 * happened. A file with the id of a bundled case never replaces it (files kept before that rule
 * are left out), and every case's text is isolated (see bidi.ts).
 */
export function casesWithOpened(
  bundled: readonly CaseEntry[],
  records: readonly OpenedRecord[],
  /** Every bundled case's id, loaded or not (bundled cases may load lazily). */
  bundledIds: Iterable<string> = [],
  /** Loads records kept as YAML only (older ones); without it they are left out. */
  load?: YamlLoader,
): CaseEntry[] {
  const out = bundled.map((c) => (c.ok ? { ...c, scenario: isolateScenario(c.scenario) } : c));
  const ids = new Set([...bundledIds, ...out.flatMap((c) => (c.ok ? [c.scenario.id] : []))]);
  for (const r of records) {
    if (ids.has(r.id)) continue;
    const entry = entryOf(r, load);
    if (!entry?.ok || ids.has(entry.scenario.id)) continue;
    ids.add(entry.scenario.id);
    out.push({ ...entry, scenario: isolateScenario(entry.scenario) });
  }
  return byDate(out, startOf);
}
