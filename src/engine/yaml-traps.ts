/**
 * YAML traps: mistakes that are easy to make in a scenario file and that the YAML library
 * reports badly, or not at all. Each trap becomes one friendly message at the place to fix,
 * and is repaired (in a copy of the text) so that the rest of the file can still be checked
 * without the knock-on errors the trap would cause.
 *
 * - A comma in unquoted text inside `{ }`: `reason: Both sides fired, on both sides.` ends the
 *   text at the comma and makes `on both sides.` a field of its own (valid YAML, wrong data).
 * - A colon and a space in unquoted text, inside `{ }` (`Block collections are not allowed
 *   within flow collections`) or in a block (`Nested mappings are not allowed in compact
 *   mappings`): `text: Note: this happened`.
 * - A tab in a line's indentation (`Tabs are not allowed as indentation`, and a crowd of
 *   errors after it).
 *
 * Pure: text in, text and messages out.
 */
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type YAMLError,
  type YAMLMap,
} from 'yaml';

/** One change to the text: replace `start`..`end` with `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A trap, where it is (an offset in the text it was found in) and how to repair it. */
interface Trap {
  offset: number;
  message: string;
  edits: Edit[];
}

/** A trap found, its offset in the original text. */
export interface FoundTrap {
  offset: number;
  message: string;
}

export type ParseYaml = (text: string) => Document.Parsed;

export interface TrapOptions {
  /** Whether a name is a field of the format (a comma before it is not a trap); by default any identifier. */
  isKey?: (name: string) => boolean;
}

export interface TrapResult {
  /** The text with every trap repaired, and its parse. */
  text: string;
  doc: Document.Parsed;
  traps: FoundTrap[];
  /** An offset in the repaired text, back in the original text. */
  toOriginal: (offset: number) => number;
}

/** At most this many rounds of repairs (each parses the file again)... */
const MAX_ROUNDS = 8;
/** ...and at most this many characters parsed again in all, so a huge file is not parsed many times. */
const PARSE_BUDGET = 4 * 1024 * 1024;
/** A longer corrected text is shortened in the message. */
const SHOWN_TEXT = 80;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Edits made so far, batch by batch, to map offsets in the repaired text back to the original. */
class EditLog {
  private batches: Edit[][] = [];

  apply(text: string, edits: Edit[]): string {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const e of sorted) {
      out += text.slice(at, e.start) + e.text;
      at = e.end;
    }
    this.batches.push(sorted);
    return out + text.slice(at);
  }

  toOriginal(offset: number): number {
    let o = offset;
    for (let b = this.batches.length - 1; b >= 0; b--) {
      let delta = 0;
      let mapped: number | null = null;
      for (const e of this.batches[b] as Edit[]) {
        const start = e.start + delta;
        if (o < start) break;
        if (o < start + e.text.length) {
          mapped = e.start + Math.min(o - start, e.end - e.start);
          break;
        }
        delta += e.text.length - (e.end - e.start);
      }
      o = mapped ?? o - delta;
    }
    return o;
  }
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const lineEnd = (text: string, offset: number) => {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
};
const lineNumber = (text: string, offset: number) => {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** Text as a YAML quoted scalar: double quotes, or single quotes when it holds a `"` and no `'`. */
function quote(text: string): string {
  if (text.includes('"') && !text.includes("'")) return `'${text}'`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Plain text over several lines folds to one line, as YAML reads it. */
const fold = (raw: string) => raw.replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim();

function corrected(key: string, text: string): string {
  const shown = text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT)}…` : text;
  return `${key}: ${quote(shown)}`;
}

interface PairAt {
  pair: Pair;
  /** The mapping the pair belongs to (null for a single pair in a flow list). */
  map: YAMLMap | null;
  index: number;
  flow: boolean;
}

/** Every pair by the offset where its value starts, the flow mappings, and the quoted or block texts. */
function indexTree(doc: Document.Parsed) {
  const byValue = new Map<number, PairAt>();
  const flowMaps: YAMLMap[] = [];
  /** Where each quoted or block text starts and ends. */
  const texts: [number, number][] = [];
  const stack: { node: unknown; flow: boolean }[] = [{ node: doc.contents, flow: false }];
  while (stack.length > 0) {
    const { node, flow } = stack.pop() as { node: unknown; flow: boolean };
    if (isMap(node) || isSeq(node)) {
      const inFlow = flow || node.flow === true;
      if (isMap(node) && node.flow) flowMaps.push(node);
      node.items.forEach((item: unknown, index: number) => {
        if (isPair(item)) {
          const value = item.value as Node | null;
          const start = value?.range?.[0];
          if (start !== undefined && !byValue.has(start)) {
            byValue.set(start, { pair: item, map: isMap(node) ? node : null, index, flow: inFlow });
          }
          stack.push({ node: item.key, flow: inFlow }, { node: value, flow: inFlow });
        } else {
          stack.push({ node: item, flow: inFlow });
        }
      });
    } else if (isScalar(node) && node.type !== 'PLAIN' && node.range) {
      texts.push([node.range[0], node.range[1]]);
    }
  }
  return { byValue, flowMaps, texts };
}

function plainKey(text: string, pair: Pair): string | null {
  const key = pair.key;
  if (!isScalar(key) || key.type !== 'PLAIN' || !key.range) return null;
  return text.slice(key.range[0], key.range[1]);
}

/** A pair after a text inside `{ }` that is really more of that text: it has no `:`, or a key no field could have. */
function isOrphan(text: string, pair: Pair): boolean {
  const key = plainKey(text, pair);
  if (key === null) return false;
  return pair.value === null || !IDENTIFIER.test(key);
}

/** Where the text that starts the value of `map.items[index]` ends, taking in the orphans after it. */
function flowTextEnd(text: string, map: YAMLMap, index: number): { end: number; orphans: Pair[] } {
  const first = map.items[index] as Pair;
  let end = (first.value as Node).range?.[1] ?? 0;
  const orphans: Pair[] = [];
  for (let i = index + 1; i < map.items.length; i++) {
    const pair = map.items[i] as Pair;
    if (!isOrphan(text, pair)) break;
    orphans.push(pair);
    end = ((pair.value as Node | null) ?? (pair.key as Node)).range?.[1] ?? end;
  }
  return { end, orphans };
}

/** The end of a plain text that starts at `start` in a block: the end of its line, and of lines indented under its key. */
function blockTextEnd(text: string, start: number, keyColumn: number): number {
  const cut = (from: number, to: number) => {
    const line = text.slice(from, to);
    const comment = line.search(/[ \t]#/);
    return from + (comment < 0 ? line : line.slice(0, comment)).trimEnd().length;
  };
  let end = cut(start, lineEnd(text, start));
  let next = lineEnd(text, start) + 1;
  while (next < text.length) {
    const stop = lineEnd(text, next);
    const line = text.slice(next, stop);
    const indent = line.length - line.trimStart().length;
    if (line.trim() === '' || indent <= keyColumn || line.trimStart().startsWith('#')) break;
    end = cut(next, stop);
    next = stop + 1;
  }
  return end;
}

const FLOW_COLON =
  'put this text in quotes: inside { }, YAML reads a colon followed by a space as the start of a new field';
const BLOCK_COLON = 'put this text in quotes: YAML reads a colon followed by a space as the start of a new field';

/** A colon and a space in unquoted text: the YAML error is at the start of the text. */
function colonTrap(text: string, error: YAMLError, tree: ReturnType<typeof indexTree>): Trap | null {
  if (error.code !== 'BLOCK_IN_FLOW' && error.code !== 'BLOCK_AS_IMPLICIT_KEY') return null;
  const start = error.pos[0];
  const at = tree.byValue.get(start);
  if (!at) return null;
  const key = plainKey(text, at.pair);
  if (key === null) return null;
  let end: number;
  if (at.flow && at.map) {
    end = flowTextEnd(text, at.map, at.index).end;
  } else if (at.flow) {
    end = (at.pair.value as Node).range?.[1] ?? start;
  } else {
    const keyStart = (at.pair.key as Node).range?.[0] ?? start;
    end = blockTextEnd(text, start, keyStart - lineStart(text, keyStart));
  }
  const value = fold(text.slice(start, end));
  if (!/:\s/.test(text.slice(start, end)) || value === '') return null;
  return {
    offset: start,
    message: `${at.flow ? FLOW_COLON : BLOCK_COLON}. Write: ${corrected(key, value)}`,
    edits: [{ start, end, text: quote(value) }],
  };
}

/** Commas in unquoted text inside `{ }`: valid YAML, so found in the tree, not in the errors. */
function commaTraps(text: string, tree: ReturnType<typeof indexTree>, isKey: (name: string) => boolean): Trap[] {
  const traps: Trap[] = [];
  for (const map of tree.flowMaps) {
    for (let i = 0; i < map.items.length; i++) {
      const pair = map.items[i] as Pair;
      const key = plainKey(text, pair);
      const value = pair.value;
      if (key === null || !isScalar(value) || value.type !== 'PLAIN' || !value.range) continue;
      const { end, orphans } = flowTextEnd(text, map, i);
      const textLike = orphans.some((o) => {
        const name = plainKey(text, o) ?? '';
        return !IDENTIFIER.test(name) || (typeof value.value === 'string' && !isKey(name));
      });
      if (!textLike) continue;
      const start = value.range[0];
      const whole = fold(text.slice(start, end));
      const cut = fold(text.slice((orphans[0]?.key as Node | undefined)?.range?.[0] ?? start, end));
      traps.push({
        offset: start,
        message: `put this text in quotes: inside { }, YAML ends unquoted text at a comma, so "${cut.length > 40 ? `${cut.slice(0, 40)}…` : cut}" was read as a field of its own. Write: ${corrected(key, whole)}`,
        edits: [{ start, end, text: quote(whole) }],
      });
      i += orphans.length;
    }
  }
  return traps;
}

interface TabLine {
  /** Offset of the line's start, and the length of its indentation. */
  start: number;
  indent: number;
  /** Offset of the first tab. */
  tab: number;
}

/**
 * Lines indented with a tab: not comment lines, and not lines of a quoted or block text that
 * are indented with spaces past the line the text starts on (the tab is then part of the text).
 */
function tabLines(text: string, tree: ReturnType<typeof indexTree>): TabLine[] {
  const out: TabLine[] = [];
  const re = /^([ \t]*\t[ \t]*)(?=[^ \t\r\n#])/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    const ws = m[1] as string;
    const spaces = ws.indexOf('\t');
    const inText = tree.texts.some(([a, b]) => {
      if (!(a < start && start < b)) return false;
      const first = text.slice(lineStart(text, a));
      return spaces > first.length - first.trimStart().length;
    });
    if (!inText) out.push({ start, indent: ws.length, tab: start + spaces });
  }
  return out;
}

/** The width of an indentation with tab stops every `tab` columns. */
const width = (ws: string, tab: number) =>
  [...ws].reduce((n, c) => (c === '\t' ? (Math.floor(n / tab) + 1) * tab : n + 1), 0);

/** The nearest line above (or below) that has content and no tab: its indentation and its text. */
function neighbour(text: string, line: TabLine, step: -1 | 1): { indent: number; content: string } | null {
  let at = step < 0 ? line.start - 1 : lineEnd(text, line.start) + 1;
  while (at >= 0 && at < text.length) {
    const start = step < 0 ? lineStart(text, at) : at;
    const content = text.slice(start, lineEnd(text, start));
    const ws = content.match(/^[ \t]*/)?.[0] ?? '';
    if (content.trim() !== '' && !content.trimStart().startsWith('#') && !ws.includes('\t')) {
      return { indent: ws.length, content };
    }
    at = step < 0 ? start - 1 : lineEnd(text, start) + 1;
  }
  return null;
}

/**
 * Tabs in indentation: one trap for all such lines. Which indentation a tab stood for is
 * guessed from the lines around it (a child of a line that opens a block, a field of a list
 * item, a list item above its fields, a sibling of the line above or below) and from tab stops
 * of 2, 4 and 8, keeping the first guess that leaves no YAML error, or else the fewest.
 */
function tabTrap(text: string, lines: TabLine[], ctx: RoundContext): { trap: Trap; doc: Document.Parsed } {
  const indentOf = (l: TabLine) => text.slice(l.start, l.start + l.indent);
  const neighbours: ((l: TabLine) => number | null)[] = [
    (l) => {
      const up = neighbour(text, l, -1);
      if (!up || !/[:-]$/.test(up.content.replace(/[ \t]#.*$/, '').trimEnd())) return null;
      const down = neighbour(text, l, 1);
      return down && down.indent > up.indent ? down.indent : up.indent + 2;
    },
    (l) => {
      const item = neighbour(text, l, -1)?.content.match(/^( *)-( +)\S/);
      return item ? (item[1] as string).length + 1 + (item[2] as string).length : null;
    },
    (l) => {
      // A list item whose fields are on the lines below: two columns left of them.
      const down = neighbour(text, l, 1);
      return /^-[ \t]/.test(text.slice(l.start + l.indent)) && down && down.indent >= 2 ? down.indent - 2 : null;
    },
    (l) => neighbour(text, l, -1)?.indent ?? null,
    (l) => neighbour(text, l, 1)?.indent ?? null,
  ];
  const stops: ((l: TabLine) => number | null)[] = [2, 4, 8].map((tab) => (l) => width(indentOf(l), tab));
  let guesses: ((l: TabLine) => number | null)[];
  if (lines.length === 1) {
    // One stray tab: first what the lines around it suggest and a tab stop agrees with, then
    // the tab stops, then the rest of what the lines around it suggest.
    const line = lines[0] as TabLine;
    const atStops = stops.map((g) => g(line));
    const near = neighbours.map((g) => g(line)).filter((w): w is number => w !== null);
    const order = [...near.filter((w) => atStops.includes(w)), ...atStops, ...near];
    guesses = [...new Set(order)].map((w) => () => w);
  } else {
    // A file of tabs: tab stops, the same for every line, then each line's neighbours.
    guesses = [...stops, ...neighbours];
  }
  const tried = new Set<string>();
  let best: { edits: Edit[]; doc: Document.Parsed } | null = null;
  for (const guess of guesses) {
    const widths = lines.map(guess);
    if (widths.every((w) => w === null)) continue;
    const edits = lines.map((l, i) => ({
      start: l.start,
      end: l.start + l.indent,
      text: ' '.repeat(widths[i] ?? width(indentOf(l), 2)),
    }));
    const candidate = new EditLog().apply(text, edits);
    if (tried.has(candidate)) continue;
    tried.add(candidate);
    const doc = ctx.parse(candidate);
    if (!best || doc.errors.length < best.doc.errors.length) best = { edits, doc };
    if (doc.errors.length === 0 || !ctx.canParse()) break;
  }
  const first = lines[0] as TabLine;
  const others = lines.length - 1;
  const named = lines.slice(1, 4).map((l) => ctx.lineOf(l.start));
  const also =
    others === 0
      ? ''
      : others <= 3
        ? ` (so ${others === 1 ? 'is line' : 'are lines'} ${named.join(', ')})`
        : ` (so are ${others} more lines: ${named.join(', ')}, …)`;
  const message = `this line is indented with a tab${also}, and tabs can't indent YAML: use spaces (set your editor to indent with spaces)`;
  const chosen = best as { edits: Edit[]; doc: Document.Parsed };
  return { trap: { offset: first.tab, message, edits: chosen.edits }, doc: chosen.doc };
}

interface RoundContext {
  parse: ParseYaml;
  /** Whether another parse is within the budget. */
  canParse: () => boolean;
  isKey: (name: string) => boolean;
  /** The line, in the original text, of an offset in this round's text. */
  lineOf: (offset: number) => number;
}

/** The traps of one round, and the repaired text's parse when it is already known. */
function nextRound(
  text: string,
  doc: Document.Parsed,
  ctx: RoundContext,
): { traps: Trap[]; doc?: Document.Parsed } | null {
  const tree = indexTree(doc);
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const tabs = errors.length > 0 ? tabLines(text, tree) : [];
  const tabStarts = new Set(tabs.map((l) => l.start));
  const traps: Trap[] = [];
  let claimed = -1;
  for (const e of errors) {
    if (e.pos[0] < claimed) continue;
    if (tabs.length > 0 && (e.code === 'TAB_AS_INDENT' || tabStarts.has(lineStart(text, e.pos[0])))) {
      // A tab moves everything after it: repair it alone (with the traps before it), then look again.
      if (traps.length > 0) break;
      const tab = tabTrap(text, tabs, ctx);
      return { traps: [tab.trap], doc: tab.doc };
    }
    const trap = colonTrap(text, e, tree);
    if (trap) {
      traps.push(trap);
      claimed = Math.max(...trap.edits.map((x) => x.end));
    }
  }
  if (traps.length > 0) return { traps };
  if (errors.length > 0) return null;
  const commas = commaTraps(text, tree, ctx.isKey);
  return commas.length > 0 ? { traps: commas } : null;
}

/**
 * Finds and repairs the traps in `text`, round by round (a repair can bring the next trap to
 * light). `doc` is `text` parsed. What the repaired text still gets wrong is left in its parse.
 */
export function repairTraps(
  text: string,
  doc: Document.Parsed,
  parse: ParseYaml,
  options: TrapOptions = {},
): TrapResult {
  const isKey = options.isKey ?? ((name: string) => IDENTIFIER.test(name));
  const log = new EditLog();
  const traps: FoundTrap[] = [];
  const seen = new Set<string>();
  let current = text;
  let parsed = doc;
  let left = Math.floor(PARSE_BUDGET / Math.max(text.length, 1));
  const budgeted: ParseYaml = (t) => {
    left--;
    return parse(t);
  };
  const ctx: RoundContext = {
    parse: budgeted,
    canParse: () => left > 0,
    isKey,
    lineOf: (offset) => lineNumber(text, log.toOriginal(offset)),
  };
  for (let round = 0; round < MAX_ROUNDS && left > 0; round++) {
    const found = nextRound(current, parsed, ctx);
    if (!found) break;
    const fresh = found.traps.filter((t) => !seen.has(`${log.toOriginal(t.offset)}:${t.message}`));
    // A repair that did not take: stop rather than report the same trap twice.
    if (fresh.length === 0) break;
    for (const t of fresh) {
      const offset = log.toOriginal(t.offset);
      seen.add(`${offset}:${t.message}`);
      traps.push({ offset, message: t.message });
    }
    current = log.apply(
      current,
      fresh.flatMap((t) => t.edits),
    );
    parsed = found.doc && fresh.length === found.traps.length ? found.doc : budgeted(current);
  }
  return { text: current, doc: parsed, traps, toOriginal: (o) => log.toOriginal(o) };
}

/**
 * For a text that YAML read as a mapping of one field (`- Note: see the map` in a list): the
 * text, quoted, when the field's name looks like prose rather than a field of the format.
 */
export function textReadAsMapping(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (entries.length !== 1) return null;
  const [key, inner] = entries[0] as [string, unknown];
  if (/^[a-z_][a-z0-9_]*$/.test(key) || (typeof inner !== 'string' && typeof inner !== 'number')) return null;
  const whole = `${key}: ${inner}`;
  const shown = whole.length > SHOWN_TEXT ? `${whole.slice(0, SHOWN_TEXT)}…` : whole;
  return `put this text in quotes: YAML reads a colon followed by a space as the start of a new field. Write: ${quote(shown)}`;
}

/** A hint for a YAML error that is not one of the traps above but usually comes from one. */
export function yamlHint(code: string): string {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'BLOCK_IN_FLOW') {
    return ' (usually a colon followed by a space in unquoted text: put the text in quotes)';
  }
  if (code === 'TAB_AS_INDENT') return ' (indent with spaces)';
  return '';
}
