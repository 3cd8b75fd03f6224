/**
 * A scenario file that could not be opened: every error as `line:column — message`, with the
 * offending line of the file and a caret under the column, and a way back.
 */
import type { Diagnostic } from '../../engine/index';
import { h } from '../dom';
import { heading, type ScreenResult } from './common';
import { BUNDLED_ID, copyId, openFileItem, renameScenario } from './open-file';

export interface ScenarioErrorsProps {
  file: string;
  errors: Diagnostic[];
  /** The file's text, to show the offending lines ('' when it could not be read as text). */
  source: string;
  onOpenFile(file: File): void;
  onBack(): void;
}

/** How much of a long line to show around the column (fits the panel at the default text size). */
const WINDOW = 40;

/** The offending line with a caret under the column; long lines are cut around the column. */
export function excerpt(lines: string[], line: number, column: number): HTMLElement | null {
  const text = lines[line - 1];
  if (text === undefined || text.trim() === '') return null;
  let start = 0;
  let end = text.length;
  if (text.length > WINDOW) {
    // Skip the indentation, then keep the column near the middle.
    const indent = text.length - text.trimStart().length;
    start = Math.max(Math.min(indent, column - 1), column - 1 - WINDOW / 2);
    start = Math.max(0, Math.min(start, text.length - WINDOW));
    end = Math.min(text.length, start + WINDOW);
  }
  const shown = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  const gutter = `${line} | `;
  // Tabs stay tabs under the caret so it lines up whatever the tab width.
  const lead = `${start > 0 ? ' ' : ''}${text.slice(start, Math.max(start, column - 1)).replace(/[^\t]/g, ' ')}`;
  return h(
    'pre',
    // Focusable so a line wider than the panel (large text) can be scrolled with the keyboard.
    { class: 'source-excerpt', tabindex: 0, 'aria-label': `Line ${line} of the file` },
    h('span', { class: 'gutter' }, gutter),
    h('code', null, shown),
    '\n',
    h('span', { class: 'caret', 'aria-hidden': 'true' }, `${' '.repeat(gutter.length)}${lead}^`),
  );
}

/** For a file refused for using a bundled case's id: "Open it as ID-copy" (the file with its id changed). */
function openAsCopy(p: ScenarioErrorsProps): HTMLElement | null {
  const id =
    p.errors.length === 1 && p.errors[0]?.code === BUNDLED_ID ? /"([^"]+)"/.exec(p.errors[0].message)?.[1] : null;
  const renamed = id ? renameScenario(p.source, id, copyId(id)) : null;
  if (!id || renamed === null) return null;
  const open = () => p.onOpenFile(new File([renamed], p.file, { type: 'application/yaml' }));
  return h(
    'li',
    null,
    h(
      'button',
      { type: 'button', class: 'btn btn-primary', 'data-action': 'open-as-copy', onclick: open },
      h(
        'span',
        { class: 'label' },
        `Open it as ${copyId(id)}`,
        h('small', null, 'The case that comes with the game stays as it is'),
      ),
    ),
  );
}

export function renderScenarioErrors(p: ScenarioErrorsProps): ScreenResult {
  const n = p.errors.length;
  const title = heading(1, `${p.file} could not be opened`);
  title.id = 'scenario-errors-heading';
  const lines = p.source.replace(/\r\n?/g, '\n').split('\n');
  const root = h(
    'section',
    { class: 'screen-scenario-errors', 'aria-labelledby': title.id },
    h('button', { type: 'button', class: 'btn btn-quiet btn-small back', onclick: p.onBack }, '← Back to the title'),
    h('span', { class: 'kicker' }, 'Open a scenario file'),
    title,
    h(
      'p',
      { class: 'lede', 'data-error-count': n },
      `The file has ${n} ${n === 1 ? 'error' : 'errors'}. Fix ${n === 1 ? 'it' : 'them'} in the file, save it, and open it again.`,
    ),
    h(
      'ol',
      { class: 'scenario-errors', 'aria-label': 'Errors' },
      ...p.errors.map((d) =>
        h(
          'li',
          { class: 'scenario-error', 'data-line': d.line, 'data-column': d.column },
          h('p', { class: 'scenario-error-where' }, h('strong', null, `${d.line}:${d.column}`), ` — ${d.message}`),
          excerpt(lines, d.line, d.column),
        ),
      ),
    ),
    h(
      'ul',
      { class: 'menu' },
      openAsCopy(p),
      openFileItem(p.onOpenFile),
      h(
        'li',
        null,
        h(
          'button',
          { type: 'button', class: 'btn', 'data-action': 'title', onclick: p.onBack },
          h('span', { class: 'label' }, 'Back to the title'),
        ),
      ),
    ),
  );
  return { root, heading: title, layout: 'side' };
}
