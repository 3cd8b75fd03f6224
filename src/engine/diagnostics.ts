/** Errors and warnings about a scenario file, each with a place in the file. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  severity: Severity;
  message: string;
  /** A short stable name for the rule that raised it, e.g. `schema`, `reference`, `unreachable-step`. */
  code: string;
}

/** `FILE:LINE:COL: error: message` or `FILE:LINE:COL: warning: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  return `${where}: ${d.severity}: ${d.message}`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
}

/** The errors and the warnings of a file, each sorted by place. */
export function bySeverity(list: Diagnostic[]): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  return {
    errors: sortDiagnostics(list.filter((f) => f.severity === 'error')),
    warnings: sortDiagnostics(list.filter((f) => f.severity === 'warning')),
  };
}
