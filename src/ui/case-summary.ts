/**
 * What the title, the case list, the case cards and the region map need of a case, without the
 * case itself: the build writes one per bundled case into a small index (src/build/scenarios-plugin.ts),
 * and a case opened from a file gets one when it is loaded. Pure.
 */

import type { Diagnostic } from '../engine/diagnostics';
import type { LengthEstimate } from '../engine/estimates';
import type { Scenario } from '../engine/schema';
import { casePoint, type MapPoint, memberPoints } from './map-model';

export interface CaseSummary {
  id: string;
  /** The file it came from (`kazakhstan-2022.yaml`). */
  file: string;
  title: string;
  dates: Scenario['dates'];
  region: string;
  summary: string;
  /** The author's estimate, shown until a measured one is known. */
  minutes: number;
  /** The lengths the case declares besides the full case. */
  lengths: { id: string; label: string }[];
  roles: { id: string; title: string }[];
  /** Where the case sits on the region map, and the members it shades. */
  map: { point: MapPoint | null; members: MapPoint[] };
  /** Time estimates per length, measured at build time (absent for an opened file until measured). */
  estimates?: LengthEstimate[];
}

/** A bundled case as the build compiles it: loaded, checked and linted, ready to play. */
export interface CompiledCase {
  scenario: Scenario;
  warnings: Diagnostic[];
}

export function summarize(s: Scenario, file: string, estimates?: LengthEstimate[]): CaseSummary {
  return {
    id: s.id,
    file,
    title: s.title,
    dates: s.dates,
    region: s.region,
    summary: s.summary,
    minutes: s.minutes,
    lengths: s.lengths.map((l) => ({ id: l.id, label: l.label })),
    roles: s.roles.map((r) => ({ id: r.id, title: r.title })),
    map: { point: casePoint(s), members: memberPoints(s).members },
    ...(estimates ? { estimates } : {}),
  };
}

/** Cases in the order they happened, then by file. ISO dates sort by code unit, with no collator to start. */
export function byDate<T extends { file: string }>(list: T[], start: (x: T) => string): T[] {
  return list.sort((a, b) => {
    const da = start(a);
    const db = start(b);
    return da < db ? -1 : da > db ? 1 : a.file.localeCompare(b.file);
  });
}

/** A card of the case list: a case to play (loaded or not yet), or a file that failed to load. */
export type CaseCard =
  | { ok: true; file: string; summary: CaseSummary; opened?: boolean }
  | { ok: false; file: string; errors: string[] };
