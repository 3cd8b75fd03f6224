/** Reading scenario files from disk for the CLI, with the same limits as the loader. */
import { readFileSync, statSync } from 'node:fs';
import { type Diagnostic, type LoadOptions, type LoadResult, loadScenario } from '../engine';
import { MAX_FILE_BYTES } from '../engine/yaml-source';

export function loadScenarioFile(path: string, options: LoadOptions = {}): LoadResult {
  const fail = (message: string): LoadResult => ({
    ok: false,
    errors: [{ file: path, line: 1, column: 1, severity: 'error', message, code: 'file' } satisfies Diagnostic],
    warnings: [],
  });
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return fail('not a file');
    size = st.size;
  } catch {
    return fail('no such file');
  }
  if (size > MAX_FILE_BYTES) {
    return fail(`file is ${(size / 1048576).toFixed(1)} MB; a scenario may be at most ${MAX_FILE_BYTES / 1048576} MB`);
  }
  try {
    return loadScenario(readFileSync(path), path, options);
  } catch (e) {
    return fail(`cannot read: ${(e as Error).message}`);
  }
}
