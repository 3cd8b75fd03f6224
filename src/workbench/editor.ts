/**
 * The Author page's editor: CodeMirror 6 with YAML highlighting, completion and hover help from
 * the scenario schema (assist.ts), the checker's findings as lint marks (set by the page through
 * `showProblems`), search, undo, and the site's dark look with colours readable on it.
 *
 * Keyboard: Tab indents (two spaces; YAML has no tabs). To leave the editor with the keyboard,
 * press Escape and then Tab or Shift+Tab (CodeMirror's convention), or Ctrl+M (Shift+Alt+M on a
 * Mac) to let Tab move the focus until pressed again.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  HighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  type ViewUpdate,
} from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { schemaCompletion, schemaHover } from './assist';
import type { Problem } from './problems-model';

/** Colours for YAML on the site's dark panel (#0e151c), each at least 7:1 against it. */
const highlight = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: '#f2c46d' },
  { tag: [t.string, t.special(t.string), t.content], color: '#e6e1d6' },
  { tag: [t.number, t.bool, t.null, t.atom], color: '#9fd8f7' },
  { tag: [t.keyword, t.typeName, t.labelName, t.meta], color: '#e7b3d4' },
  { tag: [t.comment, t.lineComment], color: '#a9b5be', fontStyle: 'italic' },
  { tag: [t.punctuation, t.separator, t.squareBracket, t.brace], color: '#c9d2d8' },
  { tag: t.invalid, color: '#ffb38a' },
]);

const theme = EditorView.theme(
  {
    '&': {
      color: 'var(--text)',
      backgroundColor: 'var(--panel)',
      fontSize: '0.92rem',
      height: '100%',
      border: '1px solid var(--line-strong)',
      borderRadius: 'var(--radius)',
    },
    '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
    '.cm-scroller': {
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      lineHeight: '1.55',
    },
    '.cm-content': { caretColor: 'var(--focus)', padding: '0.5rem 0' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--focus)', borderLeftWidth: '2px' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: '#2f4a63',
    },
    '.cm-activeLine': { backgroundColor: 'rgba(255, 255, 255, 0.04)' },
    '.cm-gutters': {
      backgroundColor: 'var(--panel-solid)',
      color: 'var(--muted)',
      borderRight: '1px solid var(--line)',
    },
    '.cm-activeLineGutter': { backgroundColor: 'rgba(255, 255, 255, 0.06)', color: 'var(--text)' },
    '.cm-tooltip': {
      backgroundColor: 'var(--card)',
      color: 'var(--text)',
      border: '1px solid var(--line-strong)',
      borderRadius: '6px',
      maxWidth: '28rem',
    },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: '#2f4a63', color: 'var(--text)' },
    '.cm-completionDetail': { color: 'var(--muted)', fontStyle: 'normal', marginLeft: '0.75em' },
    '.cm-completionInfo': { padding: '0.5rem 0.75rem' },
    '.cm-diagnostic': { padding: '0.35rem 0.6rem' },
    '.cm-diagnostic-error': { borderLeft: '4px solid #ff8a8a' },
    '.cm-diagnostic-warning': { borderLeft: '4px solid var(--worse)' },
    '.cm-lintRange-error': {
      backgroundImage: 'none',
      textDecoration: 'underline wavy #ff8a8a',
      textUnderlineOffset: '3px',
    },
    '.cm-lintRange-warning': {
      backgroundImage: 'none',
      textDecoration: 'underline wavy var(--worse)',
      textUnderlineOffset: '3px',
    },
    '.cm-panels': { backgroundColor: 'var(--card)', color: 'var(--text)' },
    '.cm-panels input, .cm-panels button': { font: 'inherit', color: 'inherit' },
    '.cm-textfield': { backgroundColor: 'var(--panel)', border: '1px solid var(--line-strong)' },
    '.cm-button': {
      backgroundImage: 'none',
      backgroundColor: 'var(--card-hover)',
      border: '1px solid var(--line-strong)',
    },
    '.cm-searchMatch': { backgroundColor: 'rgba(227, 169, 59, 0.25)', outline: '1px solid var(--accent)' },
    '.cm-selectionMatch': { backgroundColor: 'rgba(108, 195, 240, 0.18)' },
    '.cm-foldPlaceholder': { backgroundColor: 'var(--card-hover)', border: 'none', color: 'var(--text)' },
  },
  { dark: true },
);

export interface EditorHooks {
  /** After every change of the text. */
  changed(update: ViewUpdate): void;
  /** After the selection moved (no change of text). */
  moved(update: ViewUpdate): void;
}

export function createEditor(
  parent: HTMLElement,
  doc: string,
  selection: { anchor: number; head: number } | null,
  hooks: EditorHooks,
): EditorView {
  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    foldGutter(),
    drawSelection(),
    EditorState.allowMultipleSelections.of(true),
    indentUnit.of('  '),
    indentOnInput(),
    syntaxHighlighting(highlight),
    bracketMatching(),
    closeBrackets(),
    autocompletion({ override: [schemaCompletion], icons: false }),
    highlightActiveLine(),
    highlightSelectionMatches(),
    yaml(),
    schemaHover,
    lintGutter(),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      ...lintKeymap,
      indentWithTab,
    ]),
    EditorView.lineWrapping,
    theme,
    EditorView.contentAttributes.of({
      'aria-label': 'Scenario file (YAML)',
      'aria-describedby': 'editor-help',
      // Editable text is in the tab order anyway; said outright, so that checkers (axe) see that
      // the scrolling box around it can be reached with the keyboard.
      tabindex: '0',
    }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) hooks.changed(u);
      else if (u.selectionSet) hooks.moved(u);
    }),
  ];
  const length = doc.length;
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions,
      ...(selection ? { selection: EditorSelection.single(clamp(selection.anchor), clamp(selection.head)) } : {}),
    }),
  });
}

/** Shows the checker's findings as the editor's lint marks. */
export function showProblems(view: EditorView, problems: readonly Problem[]): void {
  const length = view.state.doc.length;
  const diagnostics: Diagnostic[] = problems.map((p) => ({
    from: Math.min(p.from, length),
    to: Math.min(p.to, length),
    severity: p.severity,
    message: `Line ${p.line}, column ${p.column}: ${p.message}`,
    source: p.code,
  }));
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** Replaces the whole text (undoable), putting the cursor at `cursor`. */
export function replaceText(view: EditorView, text: string, cursor = 0): void {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: Math.min(cursor, text.length) },
    scrollIntoView: true,
  });
}

/** Moves the cursor to a problem and gives the editor the focus. */
export function goTo(view: EditorView, from: number, to: number): void {
  view.dispatch({
    selection: { anchor: Math.min(from, view.state.doc.length), head: Math.min(to, view.state.doc.length) },
    effects: EditorView.scrollIntoView(Math.min(from, view.state.doc.length), { y: 'center' }),
  });
  view.focus();
}
