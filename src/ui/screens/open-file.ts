/**
 * Opening a scenario file from the player's computer: the "Open a scenario file" control (a real
 * file input with a visible label), drag and drop, and reading the file with the engine's own
 * loader, as the CLI does. The file is read locally and never sent anywhere; what it says is
 * only ever shown as text.
 */
import type { Diagnostic, Scenario } from '../../engine/index';
import { h, uid } from '../dom';

export type OpenedFile =
  | { ok: true; file: string; scenario: Scenario; warnings: Diagnostic[]; source: string }
  | { ok: false; file: string; errors: Diagnostic[]; source: string };

const YAML_NAME = /\.ya?ml$/i;

function problem(file: string, message: string): OpenedFile {
  return {
    ok: false,
    file,
    errors: [{ file, line: 1, column: 1, severity: 'error', message, code: 'file' }],
    source: '',
  };
}

/** The code of the error that refuses a file using the id of a case that comes with the game. */
export const BUNDLED_ID = 'bundled-id';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The top-level `id:` line of `source` naming `id` (1-based), or 0. */
function idLine(source: string, id: string): number {
  const re = new RegExp(`^id:[ \\t]*(["']?)${escapeRegExp(id)}\\1[ \\t]*(#.*)?$`);
  return source.split(/\r?\n/).findIndex((l) => re.test(l)) + 1;
}

/** The id offered instead of a bundled case's (ids are at most 64 characters). */
export function copyId(id: string): string {
  return `${id.slice(0, 59)}-copy`;
}

/** The file with its top-level `id:` changed to `to`, or null when the line cannot be found. */
export function renameScenario(source: string, from: string, to: string): string | null {
  const line = idLine(source, from);
  if (!line) return null;
  const lines = source.split('\n');
  const text = lines[line - 1] as string;
  lines[line - 1] = `id:${text.slice(3).replace(from, to)}`;
  return lines.join('\n');
}

function refuseBundled(name: string, scenario: Scenario, source: string): OpenedFile {
  const line = idLine(source, scenario.id) || 1;
  const message =
    `this file uses the id "${scenario.id}" of a case that comes with the game; opening it would hide the real case, ` +
    `so it was not opened. Change its id, or open it as "${copyId(scenario.id)}"`;
  return {
    ok: false,
    file: name,
    errors: [{ file: name, line, column: 1, severity: 'error', message, code: BUNDLED_ID }],
    source,
  };
}

/**
 * Reads a scenario file locally and loads it with the engine's loader. A file whose id is
 * `bundled(id)` is refused (see BUNDLED_ID). Never throws.
 */
export async function readScenarioFile(
  file: File,
  bundled: (id: string) => boolean = () => false,
): Promise<OpenedFile> {
  const name = file.name || 'scenario.yaml';
  if (!YAML_NAME.test(name)) return problem(name, 'this is not a scenario file: choose a .yaml or .yml file');
  // The YAML loader and Zod load only now, in their own chunk: the first screen never needs them.
  const [{ loadScenarioCore: loadScenario }, { MAX_FILE_BYTES }] = await Promise.all([
    import('../../engine/loader-core'),
    import('../../engine/yaml-source'),
  ]);
  // The loader checks the size too; checking here first avoids reading a huge file at all.
  if (file.size > MAX_FILE_BYTES) {
    return problem(name, `the file is too large: a scenario may be at most ${MAX_FILE_BYTES / 1048576} MB`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return problem(name, `the file could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  const result = loadScenario(bytes, name);
  // The text: kept for a reload when the file loads; otherwise for showing the offending lines
  // (invalid UTF-8 shows as replacement characters).
  const source = new TextDecoder('utf-8').decode(bytes);
  if (result.ok && bundled(result.scenario.id)) return refuseBundled(name, result.scenario, source);
  if (result.ok) return { ok: true, file: name, scenario: result.scenario, warnings: result.warnings, source };
  return { ok: false, file: name, errors: result.errors, source };
}

/** The title menu's "Open a scenario file" item: a file input (focusable) with a visible label. */
export function openFileItem(onFile: (file: File) => void): HTMLElement {
  const id = uid('open-file');
  const input = h('input', {
    type: 'file',
    id,
    accept: '.yaml,.yml',
    class: 'file-input',
    'data-action': 'open-file',
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) onFile(file);
  });
  return h(
    'li',
    { class: 'open-file' },
    input,
    h(
      'label',
      { for: id, class: 'btn' },
      h(
        'span',
        { class: 'label' },
        'Open a scenario file',
        h('small', null, 'A .yaml file from your computer, or drop one here'),
      ),
    ),
  );
}

function hasFiles(e: DragEvent): boolean {
  return [...(e.dataTransfer?.types ?? [])].includes('Files');
}

/**
 * Lets the player drop a .yaml file anywhere on the page while `active()` holds (the title and
 * case screens); `indicator` is marked while a file is held over the page. A file dropped at any
 * other time is ignored, and the browser never navigates away to open it itself.
 */
export function listenForDrops(indicator: HTMLElement, active: () => boolean, onFile: (file: File) => void): void {
  const set = (on: boolean) => indicator.classList.toggle('drop-active', on);
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    const ok = active();
    if (e.dataTransfer) e.dataTransfer.dropEffect = ok ? 'copy' : 'none';
    set(ok);
  });
  window.addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) set(false);
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    set(false);
    const file = e.dataTransfer?.files[0];
    if (file && active()) onFile(file);
  });
}
