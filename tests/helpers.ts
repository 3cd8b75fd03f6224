/** Shared test helpers: loading fixtures and bundled scenarios, and playing runs headless. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../src/cli/main';
import { formatDiagnostic, type Game, loadScenario, type Scenario } from '../src/engine';
import { randomPlaythrough } from '../src/engine/autoplay';

export const ROOT = join(import.meta.dirname, '..');
export const SCENARIO_DIR = join(ROOT, 'scenarios');

/**
 * Scenarios already loaded, by path. Loading a bundled case (YAML and Zod) takes 0.2–0.7 s; the
 * unit project shares modules across its files (`isolate: false`), so each file is loaded once a
 * worker. Callers get their own deep copy, as they did when every call loaded the file.
 */
const loaded = new Map<string, Scenario>();

export function loadOrThrow(path: string): Scenario {
  let s = loaded.get(path);
  if (!s) {
    const r = loadScenario(readFileSync(path), path);
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
    s = r.scenario;
    loaded.set(path, s);
  }
  return structuredClone(s);
}

/** A bundled case by its id (scenarios/ID.yaml). */
export const bundledScenario = (id: string) => loadOrThrow(join(SCENARIO_DIR, `${id}.yaml`));

export const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', name);
export const loadFixture = (name: string) => loadOrThrow(fixture(name));

export function bundledScenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

/** A seeded random playthrough to an ending (see src/engine/autoplay.ts). */
export function playThrough(s: Scenario, role: string, seed: number): Game {
  return randomPlaythrough(s, role, seed);
}

/** Fixed clock values and app version for result files built in tests (class mode). */
export const CLASS_RESULT_OPTIONS = {
  startedAt: '2026-11-27T10:00:00Z',
  finishedAt: '2026-11-27T10:40:00Z',
  mode: 'class' as const,
  appVersion: '0.1.0',
};

/** An ending no case has, as a forged result file claims it (issue 17: the dashboard must flag it). */
export const FORGED_ENDING = {
  id: 'students_won',
  title: 'The students won the game',
  tone: 'good' as const,
  historical: true,
  counterfactual: false,
};

/** Runs the CLI in-process (`main(argv, io)`) with `input` as standard input; resolves to its exit code and output. */
export async function runCli(args: string[], input = '', cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(input ? [input] : []),
    cwd,
  });
  return { code, stdout, stderr, all: stdout + stderr };
}
