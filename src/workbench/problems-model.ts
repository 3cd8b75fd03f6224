/**
 * The checker's findings as the Author page shows them: where each one sits in the text (the
 * loader's 1-based line and column turned into a span of the editor's document), in the order of
 * the file, and the count in words. Pure.
 */
import type { Diagnostic } from '../engine';

export interface Problem {
  severity: 'error' | 'warning';
  line: number;
  column: number;
  message: string;
  code: string;
  /** Offsets in the text: the word at the loader's line and column. */
  from: number;
  to: number;
}

/** The offset where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * The span a finding marks: from its column to the end of the word or value there (a key, an id,
 * a quoted string up to its quote), at least one character when the line has one; a place past
 * the end of the text or of its line is moved back inside it.
 */
export function spanOf(text: string, starts: readonly number[], line: number, column: number): [number, number] {
  const n = Math.min(Math.max(1, line), starts.length) - 1;
  const start = starts[n] as number;
  const end = n + 1 < starts.length ? (starts[n + 1] as number) - 1 : text.length;
  const from = Math.min(start + Math.max(1, column) - 1, end);
  let to = from;
  const quote = text[from];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, from + 1);
    to = close >= 0 && close < end ? close + 1 : end;
  } else {
    while (to < end && !/[\s:,{}[\]#]/.test(text[to] as string)) to++;
  }
  if (to === from && from < end) to = from + 1;
  if (to === from && from > start) return [from - 1, from];
  return [from, to];
}

/** Errors and warnings in the order of the file, each with its span. */
export function problemsOf(text: string, errors: readonly Diagnostic[], warnings: readonly Diagnostic[]): Problem[] {
  const starts = lineStarts(text);
  return [...errors, ...warnings]
    .map((d): Problem => {
      const [from, to] = spanOf(text, starts, d.line, d.column);
      return { severity: d.severity, line: d.line, column: d.column, message: d.message, code: d.code, from, to };
    })
    .sort(
      (a, b) =>
        a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
    );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning", or "No problems". */
export function problemCount(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'No problems';
  return [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ');
}
