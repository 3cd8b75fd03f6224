/**
 * Loads a scenario file with the engine's loader (loader-core.ts) and, when asked, its linter:
 * `npm run scenario -- check`, the build's check of the bundled cases, and the tests use this.
 */
import { type LintOptions, lintScenario } from './lint';
import { type LoadResult, loadScenarioCore } from './loader-core';
import type { Finding } from './references';
import type { Scenario } from './schema';

export { describePath, type Linter, type LoadResult, loadScenarioCore } from './loader-core';

export interface LoadOptions {
  /** Also run the linter (`check` does; the game does not). */
  lint?: boolean | LintOptions;
}

function linted(s: Scenario, options: LintOptions): Finding[] {
  try {
    return lintScenario(s, options);
  } catch (e) {
    // A rule that fails on a valid file is the checker's limit, not the file's fault: say so.
    const message = `the checker stopped early (${(e as Error)?.message ?? e}): its other findings are not reported`;
    return [{ code: 'lint-partial', path: [], message, severity: 'warning' }];
  }
}

/** Loads a scenario from text or bytes. `file` names it in every diagnostic. */
export function loadScenario(input: string | Uint8Array, file: string, options: LoadOptions = {}): LoadResult {
  const lint = options.lint;
  return loadScenarioCore(input, file, lint ? (s) => linted(s, lint === true ? {} : lint) : undefined);
}
