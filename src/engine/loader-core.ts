/**
 * Loads a scenario file: decodes it, parses the YAML, checks the format version, validates
 * against the schema and checks every reference. All errors are collected, each with
 * FILE:LINE:COL; nothing is thrown for any input. A linter is passed in (loader.ts passes the
 * engine's, for the CLI and the build), so the browser, which opens files with this module
 * alone, never carries the linter.
 */

import { bySeverity, type Diagnostic, sortDiagnostics } from './diagnostics';
import { LINT_RULES } from './lint-rules';
import { checkReferences, didYouMean, type Finding } from './references';
import { FORMAT_CURRENT, FORMAT_MIN_COMPATIBLE, type Scenario, ScenarioSchema } from './schema';
import { decodeSource, type ParsedYaml, type PathKey, parseYamlSource, positionOf, positionOfKey } from './yaml-source';
import { textReadAsMapping } from './yaml-traps';
import type { z } from './zod';

export type LoadResult =
  | { ok: true; scenario: Scenario; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

type Issue = z.core.$ZodIssue;

function get(data: unknown, path: readonly PathKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** A readable place in the data: `step "request" › choice "accept" › label`. */
export function describePath(data: unknown, path: readonly PathKey[]): string {
  const parts: string[] = [];
  const singular: Record<string, string> = {
    steps: 'step',
    choices: 'choice',
    outcomes: 'outcome',
    endings: 'ending',
    meters: 'meter',
    flags: 'flag',
    actors: 'actor',
    roles: 'role',
    sources: 'source',
    places: 'place',
    events: 'event',
    members: 'member',
  };
  for (let i = 0; i < path.length; i++) {
    const k = path[i] as PathKey;
    const nextKey = path[i + 1];
    if (typeof k === 'string' && typeof nextKey === 'number' && singular[k]) {
      const item = get(data, path.slice(0, i + 2)) as Record<string, unknown> | undefined;
      const id = item && typeof item === 'object' ? (item.id ?? item.actor) : undefined;
      parts.push(typeof id === 'string' ? `${singular[k]} "${id}"` : `${k}[${nextKey}]`);
      i++;
    } else if (typeof k === 'number') {
      parts.push(`[${k}]`);
    } else {
      parts.push(k);
    }
  }
  return parts.join(' › ').replace(/ › \[/g, '[');
}

function typeName(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

const ALL_KEYS = (() => {
  // Every key the schema knows, for "did you mean" on unknown keys.
  const keys = new Set<string>();
  const walk = (s: unknown, depth: number) => {
    if (depth > 12 || !s || typeof s !== 'object') return;
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def.shape as Record<string, unknown> | undefined;
    if (shape) {
      for (const [k, v] of Object.entries(shape)) {
        keys.add(k);
        walk(v, depth + 1);
      }
    }
    for (const key of ['innerType', 'element', 'in', 'out', 'schema', 'valueType']) walk(def[key], depth + 1);
    for (const opt of (def.options as unknown[]) ?? []) walk(opt, depth + 1);
    if (typeof def.getter === 'function') walk((def.getter as () => unknown)(), depth + 1);
  };
  walk(ScenarioSchema, 0);
  return keys;
})();

/** Picks the union branch whose errors say most about what the author meant. */
function bestBranch(issues: Issue[][]): Issue[] {
  let best: Issue[] = issues[0] ?? [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of issues) {
    // A branch of the wrong type altogether says least; unknown keys count one per key.
    const score = branch.reduce(
      (n, i) =>
        n +
        (i.code === 'invalid_type' && i.path.length === 0 ? 1000 : i.code === 'unrecognized_keys' ? i.keys.length : 1),
      0,
    );
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function issueToDiagnostics(parsed: ParsedYaml, issue: Issue, base: PathKey[] = []): Diagnostic[] {
  const path = [...base, ...(issue.path as PathKey[])];
  const where = describePath(parsed.data, path);
  const prefix = where ? `${where}: ` : '';
  const mk = (message: string, pos = positionOf(parsed, path)): Diagnostic => ({
    file: parsed.file,
    line: pos.line,
    column: pos.column,
    severity: 'error',
    message,
    code: 'schema',
  });
  const value = get(parsed.data, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) =>
        mk(`${prefix}unknown key "${k}"${didYouMean(k, ALL_KEYS)}`, positionOfKey(parsed, path, k)),
      );
    case 'invalid_union':
      if (issue.errors.length > 0 && value !== null && typeof value === 'object') {
        return bestBranch(issue.errors as Issue[][]).flatMap((i) => issueToDiagnostics(parsed, i, path));
      }
      return [
        mk(`${prefix}${issue.message === 'Invalid input' ? `${typeName(value)} is not allowed here` : issue.message}`),
      ];
    case 'invalid_type':
      if (value === undefined) {
        const last = path[path.length - 1];
        return [
          mk(
            `${describePath(parsed.data, path.slice(0, -1)) || 'the file'}: missing "${String(last)}"`,
            positionOf(parsed, path.slice(0, -1)),
          ),
        ];
      }
      {
        const found = `${prefix}expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}, found ${typeName(value)}`;
        // `- Note: see the map` in a list of texts: a YAML trap the YAML alone cannot see.
        const trap = issue.expected === 'string' ? textReadAsMapping(value) : null;
        return [mk(trap ? `${found}: ${trap}` : found)];
      }
    default:
      return [mk(`${prefix}${issue.message}`)];
  }
}

function formatCheck(parsed: ParsedYaml): Diagnostic | null {
  const data = parsed.data;
  const at = (p: PathKey[]) => positionOf(parsed, p);
  const mk = (message: string, p: PathKey[]): Diagnostic => ({
    file: parsed.file,
    ...at(p),
    severity: 'error',
    message,
    code: 'format',
  });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return mk(`a scenario is a YAML mapping that starts with "format: ${FORMAT_CURRENT}", not ${typeName(data)}`, []);
  }
  const format = (data as Record<string, unknown>).format;
  if (format === undefined) return mk(`missing "format": add "format: ${FORMAT_CURRENT}" at the top`, []);
  if (typeof format !== 'number' || !Number.isInteger(format)) {
    return mk(`"format" must be a whole number such as ${FORMAT_CURRENT}`, ['format']);
  }
  if (format > FORMAT_CURRENT) {
    return mk(
      `this file is scenario format ${format}; this version of Article Four reads formats ${FORMAT_MIN_COMPATIBLE} to ${FORMAT_CURRENT}: update the game`,
      ['format'],
    );
  }
  if (format < FORMAT_MIN_COMPATIBLE) {
    return mk(
      `scenario format ${format} is no longer read (this version reads ${FORMAT_MIN_COMPATIBLE} to ${FORMAT_CURRENT})`,
      ['format'],
    );
  }
  return null;
}

/** What a linter finds in a scenario that loaded. */
export type Linter = (s: Scenario) => Finding[];

/** Loads a scenario from text or bytes, linted by `lint` when given. `file` names it in every diagnostic. */
export function loadScenarioCore(input: string | Uint8Array, file: string, lint?: Linter): LoadResult {
  try {
    const decoded = decodeSource(input, file);
    if ('severity' in decoded) return { ok: false, errors: [decoded], warnings: [] };
    // YAML traps (yaml-traps.ts) are errors, but repaired, so the checks below still see the rest of the file.
    const parsed = parseYamlSource(decoded, { repair: true, isKey: (k) => ALL_KEYS.has(k) });
    if (Array.isArray(parsed)) return { ok: false, errors: parsed, warnings: [] };
    const traps = parsed.traps;
    const formatError = formatCheck(parsed);
    if (formatError) return { ok: false, errors: sortDiagnostics([...traps, formatError]), warnings: [] };

    const result = ScenarioSchema.safeParse(parsed.data);
    if (!result.success) {
      const errors = result.error.issues.flatMap((i) => issueToDiagnostics(parsed, i));
      return { ok: false, errors: dedupe(sortDiagnostics([...traps, ...errors])), warnings: [] };
    }
    const found = checkReferences(result.data);
    if (lint && traps.length === 0 && !found.some((f) => f.severity === 'error')) found.push(...lint(result.data));
    const findings = found.map(
      (f): Diagnostic => ({
        file,
        ...positionOf(parsed, f.path, f.atKey),
        severity: f.severity,
        message:
          f.code in LINT_RULES ? `${f.message} [${f.code}]` : `${describePath(parsed.data, f.path)}: ${f.message}`,
        code: f.code,
      }),
    );
    const { errors, warnings } = bySeverity([...traps, ...findings]);
    if (errors.length > 0) return { ok: false, errors, warnings };
    return { ok: true, scenario: result.data, warnings };
  } catch (e) {
    // Defence in depth: no input may crash a caller.
    const message =
      e instanceof RangeError ? 'the file is nested too deeply to read' : `could not be read: ${(e as Error).message}`;
    return {
      ok: false,
      errors: [{ file, line: 1, column: 1, severity: 'error', message, code: 'file' }],
      warnings: [],
    };
  }
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
