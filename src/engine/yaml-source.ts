/**
 * Reading a scenario file safely: bytes to text, text to a YAML document with positions,
 * and paths in the data back to line and column. Hostile input (huge, binary, non-UTF-8,
 * alias bombs, deep nesting) ends in one clear diagnostic, never a throw or a hang.
 */
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { type Diagnostic, sortDiagnostics } from './diagnostics';
import { repairTraps, type TrapOptions, yamlHint } from './yaml-traps';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_NESTING = 64;
export const MAX_ALIASES = 200;

export type PathKey = string | number;

export interface SourceText {
  file: string;
  text: string;
}

/** Line and column (1-based) of an offset in the parsed text, in the file as written. */
export interface Positions {
  linePos(offset: number): { line: number; col: number };
}

export interface ParsedYaml {
  file: string;
  /** The parse of the text with its YAML traps repaired (see yaml-traps.ts); the file's own text when it has none. */
  doc: Document.Parsed;
  lines: Positions;
  data: unknown;
  /** The YAML traps found and repaired, as errors (only with `repair`; without it they end the parse). */
  traps: Diagnostic[];
}

export interface ParseOptions extends TrapOptions {
  /**
   * Go on past YAML traps: repair them and return the repaired file's data with the traps as
   * errors, so that later checks can report the file's other errors. Without it, a trap is
   * reported as YAML errors are.
   */
  repair?: boolean;
}

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

function diag(file: string, message: string, line = 1, column = 1, code = 'file'): Diagnostic {
  return { file, line, column, severity: 'error', message, code };
}

/** Bytes or text to text: rejects size, NUL bytes and invalid UTF-8. */
export function decodeSource(input: string | Uint8Array, file: string): SourceText | Diagnostic {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_FILE_BYTES) {
    return diag(
      file,
      `file is ${(size / 1048576).toFixed(1)} MB; a scenario may be at most ${MAX_FILE_BYTES / 1048576} MB`,
    );
  }
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.includes(0)) return diag(file, 'this is a binary file, not a YAML scenario (it contains NUL bytes)');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return diag(file, 'this file is not valid UTF-8 text; save it as UTF-8');
    }
  }
  if (text.includes('\u0000')) return diag(file, 'this is a binary file, not a YAML scenario (it contains NUL bytes)');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return diag(file, 'the file is empty: a scenario starts with `format: 1`');
  return { file, text };
}

/** Finds how deeply flow collections nest, without parsing, so deep nesting fails fast. */
function flowDepthExceeds(text: string, limit: number): { line: number; column: number } | null {
  let depth = 0;
  let line = 1;
  let column = 0;
  let quote: string | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    column++;
    if (ch === '\n') {
      line++;
      column = 0;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (depth > 0) quote = ch;
    } else if (ch === '#') {
      const prev = text[i - 1];
      if (prev === undefined || prev === ' ' || prev === '\t' || prev === '\n') comment = true;
    } else if (ch === '[' || ch === '{') {
      depth++;
      if (depth > limit) return { line, column };
    } else if ((ch === ']' || ch === '}') && depth > 0) {
      depth--;
    }
  }
  return null;
}

function blockDepth(node: unknown): number {
  // Iterative walk: a hostile file must not overflow the stack here.
  let max = 0;
  const stack: [unknown, number][] = [[node, 1]];
  while (stack.length > 0) {
    const [n, d] = stack.pop() as [unknown, number];
    if (d > max) max = d;
    if (d > MAX_NESTING) return d;
    if (isMap(n) || isSeq(n)) {
      for (const item of n.items) stack.push([item, d + 1]);
    } else if (isPair(n)) {
      stack.push([n.value, d]);
    }
  }
  return max;
}

/** The YAML core schema's own tags: any other (`!!js/function`, `!foo`, `!!binary`, …) is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Nodes that carry an explicit tag outside the core schema, as written, with where they start. */
function unknownTags(doc: Document.Parsed): { tag: string; offset: number }[] {
  const out: { tag: string; offset: number }[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    if (!isMap(n) && !isSeq(n) && !isScalar(n)) continue;
    const tag = (n as Node).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
      out.push({ tag: shown.replace(/[^\x21-\x7e]/g, '?').slice(0, 60), offset: (n as Node).range?.[0] ?? 0 });
    }
    if (isMap(n) || isSeq(n)) stack.push(...n.items);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Text to YAML data, or every YAML error found. YAML traps are reported once each, without their knock-on errors. */
export function parseYamlSource(src: SourceText, options: ParseOptions = {}): ParsedYaml | Diagnostic[] {
  const { file, text } = src;
  const lines = new LineCounter();
  const tooDeep = flowDepthExceeds(text, MAX_NESTING);
  if (tooDeep) {
    return [diag(file, `nesting deeper than ${MAX_NESTING} levels`, tooDeep.line, tooDeep.column, 'yaml')];
  }
  let repaired: ReturnType<typeof repairTraps>;
  try {
    const first = parseDocument(text, { lineCounter: lines, ...YAML_OPTIONS });
    repaired = repairTraps(text, first, (t) => parseDocument(t, YAML_OPTIONS), options);
  } catch (e) {
    return [diag(file, `could not be read as YAML: ${(e as Error).message}`, 1, 1, 'yaml')];
  }
  const doc = repaired.doc;
  const positions: Positions = { linePos: (offset) => lines.linePos(repaired.toOriginal(offset)) };
  const at = (offset: number) => positions.linePos(offset);
  const traps = repaired.traps.map((t) => {
    const pos = lines.linePos(t.offset);
    return diag(file, t.message, pos.line, pos.col, 'yaml');
  });
  const errors = doc.errors.map((e) => {
    const pos = at(e.pos[0]);
    const first = e.message.split('\n')[0] ?? e.message;
    const message = `YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}${yamlHint(e.code)}`;
    return diag(file, message, pos.line, pos.col, 'yaml');
  });
  if (errors.length > 0 || (traps.length > 0 && !options.repair)) return sortDiagnostics([...traps, ...errors]);
  if (blockDepth(doc.contents) > MAX_NESTING) {
    return [...traps, diag(file, `nesting deeper than ${MAX_NESTING} levels`, 1, 1, 'yaml')];
  }
  const tagged = unknownTags(doc).map(({ tag, offset }) => {
    const pos = at(offset);
    return diag(
      file,
      `YAML tag ${tag} is not allowed: a scenario holds plain text, numbers, lists and mappings (remove the tag, or quote the value)`,
      pos.line,
      pos.col,
      'yaml',
    );
  });
  if (tagged.length > 0) return sortDiagnostics([...traps, ...tagged]);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const message = /alias/i.test((e as Error).message)
      ? `too many YAML aliases (more than ${MAX_ALIASES} expansions): refusing a possible alias bomb`
      : `could not be read as YAML: ${(e as Error).message}`;
    return [...traps, diag(file, message, 1, 1, 'yaml')];
  }
  return { file, doc, lines: positions, data, traps };
}

/** The node at a path, or the deepest node on the way there. */
function nodeAt(
  doc: Document.Parsed,
  path: readonly PathKey[],
): { node: Node | null; key: Node | null; depth: number } {
  let node: unknown = doc.contents;
  let key: Node | null = null;
  let depth = 0;
  for (const k of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === k);
      if (!pair) break;
      key = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof k === 'number') {
      const item = node.items[k];
      if (item === undefined) break;
      key = null;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node: (node as Node) ?? null, key, depth };
}

/** Line and column of the value at `path` (or of its key, with `atKey`), falling back to the nearest parent. */
export function positionOf(
  parsed: ParsedYaml,
  path: readonly PathKey[],
  atKey = false,
): { line: number; column: number } {
  const { node, key, depth } = nodeAt(parsed.doc, path);
  const target = atKey && key && depth === path.length ? key : node;
  const offset = target?.range?.[0] ?? 0;
  const at = parsed.lines.linePos(offset);
  return { line: at.line, column: at.col };
}

/** Position of the key named `keyName` inside the map at `path` (for unknown keys). */
export function positionOfKey(parsed: ParsedYaml, path: readonly PathKey[], keyName: string) {
  return positionOf(parsed, [...path, keyName], true);
}
