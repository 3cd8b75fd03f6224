/**
 * Scenario files parsed in the browser with the engine's own loader (the dashboard's cases, the
 * development fixtures). The game's bundled cases are compiled at build time instead
 * (src/build/scenarios-plugin.ts, src/ui/bundled-cases.ts). A case that fails to load is kept
 * with its errors, to be shown instead of a blank screen.
 */
import { type Diagnostic, formatDiagnostic } from '../engine/diagnostics';
import { loadScenarioCore as loadScenario } from '../engine/loader-core';
import type { Scenario } from '../engine/schema';

export type CaseEntry =
  /** `opened`: from a file the player opened (not bundled). */
  | { ok: true; file: string; scenario: Scenario; warnings: Diagnostic[]; opened?: boolean }
  | { ok: false; file: string; errors: string[] };

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function parseCases(files: Record<string, string>): CaseEntry[] {
  const entries: CaseEntry[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const file = fileName(path);
    let result: ReturnType<typeof loadScenario>;
    try {
      result = loadScenario(text, file);
    } catch (e) {
      entries.push({ ok: false, file, errors: [`${file}: ${e instanceof Error ? e.message : String(e)}`] });
      continue;
    }
    if (result.ok) entries.push({ ok: true, file, scenario: result.scenario, warnings: result.warnings });
    else entries.push({ ok: false, file, errors: result.errors.map(formatDiagnostic) });
  }
  return byDate(entries);
}

/** Cases in the order they happened; cases that failed to load last. */
function byDate(entries: CaseEntry[]): CaseEntry[] {
  return entries.sort((a, b) => {
    const da = a.ok ? a.scenario.dates.start : '9999';
    const db = b.ok ? b.scenario.dates.start : '9999';
    return da.localeCompare(db) || a.file.localeCompare(b.file);
  });
}

/**
 * The bundled cases with the files the player opened: an opened case replaces a bundled one with
 * the same id. Opened files that no longer load (the format moved on) are left out.
 */
export function withOpened(
  cases: readonly CaseEntry[],
  opened: readonly { file: string; text: string }[],
): CaseEntry[] {
  const out = [...cases];
  for (const o of opened) {
    const result = loadScenario(o.text, o.file);
    if (!result.ok) continue;
    const id = result.scenario.id;
    const at = out.findIndex((c) => c.ok && c.scenario.id === id);
    const entry: CaseEntry = {
      ok: true,
      file: o.file,
      scenario: result.scenario,
      warnings: result.warnings,
      opened: true,
    };
    if (at >= 0) out[at] = entry;
    else out.push(entry);
  }
  return byDate(out);
}
