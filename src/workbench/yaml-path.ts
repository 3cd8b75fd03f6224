/**
 * Where a place in a scenario's YAML text sits: the path of keys and list items that leads to it,
 * and whether a key or a value is being typed there. Read from the lines' indentation (block
 * mappings and lists, `key: |` text, values continued on more-indented lines) and, within a line,
 * from `{ … }` and `[ … ]`, so it answers while the text is half typed and not valid YAML yet.
 * Pure: the editor's completion and hover help ask it, and so do the unit tests.
 */

/** A step of a path: a key, or the index of a list item. */
export type Seg = string | number;

export type Context =
  | {
      kind: 'key';
      /** The mapping the key is typed in (for a line starting with `- `, the new list item). */
      path: Seg[];
      /** Where the word being typed starts (an offset in the text), and the word so far. */
      from: number;
      prefix: string;
      /** Keys the same mapping already has, above and below. */
      siblings: string[];
      /** True when the word follows `- ` on its line: it may also be a list item's value. */
      afterDash: boolean;
    }
  | {
      kind: 'value';
      /** The key (or list item) whose value is typed. */
      path: Seg[];
      from: number;
      prefix: string;
    }
  | { kind: 'none' };

interface Frame {
  col: number;
  seg: Seg | null;
  kind: 'root' | 'key' | 'item';
  /** Items counted so far in this list (for `item` children). */
  items: number;
  /** A key with nothing after its colon: its value is on the lines below. */
  open: boolean;
}

interface Line {
  indent: number;
  dashes: number[];
  key?: { name: string; col: number; end: number };
  /** The value after `key:` (or after the last `- `), trimmed, and where it starts. */
  value: string;
  valueCol: number;
  blank: boolean;
  comment: boolean;
}

const KEY = /^("[^"\n]*"|'[^'\n]*'|[A-Za-z_$][\w$-]*)[ \t]*:(?=[ \t]|$)/;
const WORD = /^[\w$-]*$/;

function unquote(k: string): string {
  return (k.startsWith('"') && k.endsWith('"')) || (k.startsWith("'") && k.endsWith("'")) ? k.slice(1, -1) : k;
}

/** The value without a trailing comment (` # …` outside quotes). */
function stripComment(v: string): string {
  let quote: string | null = null;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(v[i - 1] ?? '')) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(v[i - 1] ?? ''))) {
      return v.slice(0, i).trimEnd();
    }
  }
  return v.trimEnd();
}

function readLine(text: string): Line {
  let i = 0;
  while (text[i] === ' ') i++;
  const indent = i;
  const dashes: number[] = [];
  while (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  const rest = text.slice(i);
  const blank = rest.trim() === '' && dashes.length === 0;
  const comment = dashes.length === 0 && rest.startsWith('#');
  const m = KEY.exec(rest);
  if (m && !comment) {
    const name = unquote(m[1] as string);
    let v = i + m[0].length;
    while (text[v] === ' ' || text[v] === '\t') v++;
    return {
      indent,
      dashes,
      key: { name, col: i, end: i + (m[1] as string).length },
      value: stripComment(text.slice(v)),
      valueCol: v,
      blank,
      comment,
    };
  }
  return { indent, dashes, value: comment ? '' : stripComment(rest), valueCol: i, blank, comment };
}

/** How far `{`/`[` nesting goes up (positive) or down over a piece of text, quotes skipped. */
function bracketBalance(s: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (const c of s) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth;
}

/** Reads the lines of a text top down, keeping the path of open mappings and lists. */
class Reader {
  readonly stack: Frame[] = [{ col: -1, seg: null, kind: 'root', items: 0, open: true }];
  /** Keys seen under each frame. */
  readonly keys = new Map<Frame, string[]>();
  /** Lines more indented than this column belong to the text above (`key: |`, or a value continued). */
  private textAbove = -1;
  /** An unclosed `{`/`[` value: where it started, its depth and the path it belongs to. */
  flow: { start: number; depth: number; path: Seg[] } | null = null;
  /** Called with each key read and its path (the key included). */
  onKey?: (path: Seg[], value: string, line: number, col: number) => void;

  path(): Seg[] {
    return this.stack.slice(1).map((f) => f.seg as Seg);
  }

  top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  popTo(col: number, kind: 'key' | 'item'): void {
    for (;;) {
      const top = this.top();
      if (top.kind === 'root' || top.col < col) return;
      // A list may sit at its key's own indentation.
      if (top.col === col && kind === 'item' && top.kind === 'key' && top.open) return;
      this.stack.pop();
    }
  }

  pushItem(col: number): void {
    this.popTo(col, 'item');
    const parent = this.top();
    this.stack.push({ col, seg: parent.items++, kind: 'item', items: 0, open: true });
  }

  pushKey(name: string, col: number, open: boolean): Frame {
    this.popTo(col, 'key');
    const parent = this.top();
    const list = this.keys.get(parent) ?? [];
    list.push(name);
    this.keys.set(parent, list);
    const frame: Frame = { col, seg: name, kind: 'key', items: 0, open };
    this.stack.push(frame);
    return frame;
  }

  /**
   * True when the line belongs to a text or an unclosed `{ … }` above (and has been taken in). The
   * line being typed belongs to a text only when indented past its key, even when still blank.
   */
  inside(text: string, typing = false): boolean {
    if (this.flow) {
      this.flow.depth += bracketBalance(text);
      if (this.flow.depth <= 0) this.flow = null;
      return true;
    }
    if (this.textAbove >= 0) {
      const indent = text.length - text.trimStart().length;
      if ((!typing && text.trim() === '') || indent > this.textAbove) return true;
      this.textAbove = -1;
    }
    return false;
  }

  read(text: string, offset: number, n: number): void {
    if (this.inside(text)) return;
    const line = readLine(text);
    if (line.blank || line.comment) return;
    for (const d of line.dashes) this.pushItem(d);
    if (line.key) {
      this.pushKey(line.key.name, line.key.col, line.value === '');
      this.onKey?.(this.path(), line.value, n, line.key.col);
    }
    this.after(line, offset);
  }

  /** What the value of a line means for the lines below it. */
  after(line: Line, offset: number): void {
    const v = line.value;
    if (v === '') return;
    const owner = line.key ? line.key.col : (line.dashes[line.dashes.length - 1] ?? -1);
    if (owner < 0) return;
    if (v.startsWith('{') || v.startsWith('[')) {
      const depth = bracketBalance(v);
      if (depth > 0) this.flow = { start: offset + line.valueCol, depth, path: this.path() };
      return;
    }
    // `key: |`, `key: >-`, or a plain or quoted value: lines indented past its key continue it.
    this.textAbove = owner;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Inside `{ … }` / `[ … ]`: whether a key or a value is typed at the end of `s`, and its path. */
function flowContext(base: Seg[], s: string, offset: number): Context {
  type F = { open: string; path: Seg[]; key: string | null; colon: boolean; index: number; tokenStart: number };
  const stack: F[] = [];
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const top = stack[stack.length - 1];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if (c === '{' || c === '[') {
      const path = top ? [...top.path, top.open === '{' ? (top.key ?? '') : top.index] : base;
      stack.push({ open: c, path, key: null, colon: false, index: 0, tokenStart: i + 1 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (top && c === ',') {
      top.key = null;
      top.colon = false;
      top.index++;
      top.tokenStart = i + 1;
    } else if (top && top.open === '{' && !top.colon && c === ':') {
      top.key = unquote(s.slice(top.tokenStart, i).trim());
      top.colon = true;
      top.tokenStart = i + 1;
    }
  }
  const top = stack[stack.length - 1];
  if (!top || quote) return { kind: 'none' };
  const raw = s.slice(top.tokenStart);
  const prefix = raw.trimStart();
  if (!WORD.test(prefix)) return { kind: 'none' };
  const from = offset + s.length - prefix.length;
  if (top.open === '[') return { kind: 'value', path: [...top.path, top.index], from, prefix };
  if (top.colon) return { kind: 'value', path: [...top.path, top.key ?? ''], from, prefix };
  // The keys already written in this `{ … }`.
  const siblings = [...s.slice(s.lastIndexOf('{') + 1).matchAll(/(?:^|,)\s*([\w$-]+)\s*:/g)].map((m) => m[1] as string);
  return { kind: 'key', path: top.path, from, prefix, siblings, afterDash: false };
}

/** What is typed at `pos`: a key of some mapping, a value of some key, or neither (text, a comment). */
export function contextAt(text: string, pos: number): Context {
  const starts = lineStarts(text);
  let n = 0;
  while (n + 1 < starts.length && (starts[n + 1] as number) <= pos) n++;
  const lines = text.split('\n');
  const r = new Reader();
  for (let i = 0; i < n; i++) r.read(lines[i] as string, starts[i] as number, i);
  const start = starts[n] as number;
  const full = lines[n] ?? '';
  const prefix = full.slice(0, pos - start);
  if (r.flow) return flowContext(r.flow.path, text.slice(r.flow.start, pos), r.flow.start);
  // A line of a text above (`key: |`): nothing to complete.
  if (r.inside(prefix.trim() === '' ? prefix : full, true)) return { kind: 'none' };
  const line = readLine(prefix);
  if (line.comment) return { kind: 'none' };
  for (const d of line.dashes) r.pushItem(d);
  if (line.key) {
    r.popTo(line.key.col, 'key');
    const keyPath = [...r.path(), line.key.name];
    const v = line.value;
    if (v.startsWith('{') || v.startsWith('['))
      return flowContext(keyPath, prefix.slice(line.valueCol), start + line.valueCol);
    if (/^[|>]/.test(v) || !WORD.test(v) || prefix.length > line.valueCol + v.length) {
      // Text, a quoted value, or a space after the value: nothing to offer.
      return { kind: 'none' };
    }
    return { kind: 'value', path: keyPath, from: start + line.valueCol, prefix: v };
  }
  const rest = prefix.slice(line.valueCol);
  if (rest.startsWith('{') || rest.startsWith('[')) return flowContext(r.path(), rest, start + line.valueCol);
  if (!WORD.test(rest)) return { kind: 'none' };
  const col = line.valueCol;
  r.popTo(col, 'key');
  const container = r.top();
  const path = r.path();
  // The keys of the same mapping: those above, and those below until the mapping closes.
  const below: string[] = [];
  r.pushKey('\u0000typed', col, true);
  r.keys.set(
    container,
    (r.keys.get(container) ?? []).filter((k) => k !== '\u0000typed'),
  );
  for (let i = n + 1; i < lines.length && i < n + 5000; i++) {
    if (!r.stack.includes(container)) break;
    r.read(lines[i] as string, starts[i] as number, i);
  }
  below.push(...(r.keys.get(container) ?? []));
  return {
    kind: 'key',
    path,
    from: start + col,
    prefix: rest,
    siblings: [...new Set(below)],
    afterDash: line.dashes.length > 0,
  };
}

/** The key under `pos`, with its whole path (the key last) and where it is: for hover help. */
export function keyAt(text: string, pos: number): { path: Seg[]; from: number; to: number } | null {
  let from = pos;
  let to = pos;
  while (from > 0 && /[\w$-]/.test(text[from - 1] ?? '')) from--;
  while (to < text.length && /[\w$-]/.test(text[to] ?? '')) to++;
  if (from === to) return null;
  let after = to;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (text[after] !== ':' || !/^[\s,}\]]?$/.test(text[after + 1] ?? '')) return null;
  const ctx = contextAt(text, to);
  if (ctx.kind !== 'key' || ctx.from !== from) return null;
  return { path: [...ctx.path, text.slice(from, to)], from, to };
}

/** Every key of the text (block keys only) with its path, value, line and column (0-based). */
export function outline(text: string): { path: Seg[]; value: string; line: number; col: number }[] {
  const out: { path: Seg[]; value: string; line: number; col: number }[] = [];
  const r = new Reader();
  r.onKey = (path, value, line, col) => out.push({ path, value, line, col });
  const starts = lineStarts(text);
  text.split('\n').forEach((l, i) => {
    r.read(l, starts[i] as number, i);
  });
  return out;
}
