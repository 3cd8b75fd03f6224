/**
 * The bundled cases: every `scenarios/*.yaml`, imported as text by Vite and parsed with the
 * engine's own loader, so the game and the CLI share one loader. A case that fails to load
 * is kept with its errors, to be shown to the player instead of a blank screen.
 */
import { type Diagnostic, formatDiagnostic, loadScenario, type Scenario } from '../engine/index';

export type CaseEntry =
  /** `opened`: from a file the player opened (not bundled). */
  | { ok: true; file: string; scenario: Scenario; warnings: Diagnostic[]; opened?: boolean }
  | { ok: false; file: string; errors: string[] };

const bundled = import.meta.glob('../../scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

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

/** The bundled cases; in development, `?fixtures` adds the test fixtures (never in a build). */
export async function loadCases(): Promise<CaseEntry[]> {
  const files: Record<string, string> = { ...bundled };
  if (import.meta.env.DEV && new URLSearchParams(location.search).has('fixtures')) {
    const fixtures = import.meta.glob('../../tests/fixtures/*.yaml', { query: '?raw', import: 'default' });
    for (const [path, load] of Object.entries(fixtures)) files[path] = (await load()) as string;
  }
  return parseCases(files);
}
