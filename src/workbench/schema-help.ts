/**
 * Help from the scenario format's JSON Schema (scenarios/scenario.schema.json, which
 * `npm run scenario -- schema` writes from the engine's Zod schema): the keys a mapping may have,
 * what a key is for and what it takes, the values an enum allows. And, beyond the schema, which
 * declared ids a key refers to (a `meter:` names a meter, a `next:` a step or an ending), read
 * from the text itself. Pure: no editor, no DOM.
 */
import { outline, type Seg } from './yaml-path';

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
}

export interface KeyHelp {
  name: string;
  description: string;
  /** What the key takes, in words: "a whole number from 0 to 100", "one of: good, mixed, bad". */
  takes: string;
  required: boolean;
}

export interface ValueOption {
  label: string;
  detail: string;
}

/** Kinds of declared ids a value can name. */
export type IdKind = 'meter' | 'flag' | 'step' | 'ending' | 'source' | 'actor' | 'place' | 'role' | 'length' | 'choice';

const ID_PATTERN = '^[a-z][a-z0-9_-]{0,63}$';

export class SchemaHelp {
  constructor(private readonly root: JsonSchema) {}

  private resolve(s: JsonSchema): JsonSchema {
    if (!s.$ref) return s;
    const m = /^#\/\$defs\/(.+)$/.exec(s.$ref);
    const target = m ? this.root.$defs?.[m[1] as string] : s.$ref === '#' ? this.root : undefined;
    return target ? { ...target, ...(s.description ? { description: s.description } : {}) } : {};
  }

  /** A schema with its `$ref` followed and its `anyOf`/`oneOf` branches listed. */
  private expand(s: JsonSchema | undefined, depth = 0): JsonSchema[] {
    if (!s || depth > 20) return [];
    const r = this.resolve(s);
    const branches = r.anyOf ?? r.oneOf;
    if (branches) {
      return branches.flatMap((b) =>
        this.expand(b, depth + 1).map((x) =>
          x.description || !r.description ? x : { ...x, description: r.description },
        ),
      );
    }
    return [r];
  }

  /** The schemas a value at `path` may match. */
  at(path: readonly Seg[]): JsonSchema[] {
    let here = this.expand(this.root);
    for (const seg of path) {
      here = here.flatMap((s): JsonSchema[] => {
        if (typeof seg === 'number') return this.expand(s.items);
        const prop = s.properties?.[seg];
        if (prop) return this.expand(prop);
        return typeof s.additionalProperties === 'object' ? this.expand(s.additionalProperties) : [];
      });
      if (here.length === 0) return [];
    }
    return here;
  }

  /** True when the value at `path` is a mapping in some branch. */
  isMapping(path: readonly Seg[]): boolean {
    return this.at(path).some((s) => s.properties !== undefined || typeOf(s).includes('object'));
  }

  /** The keys a mapping at `path` may have, in the schema's order. */
  keys(path: readonly Seg[]): KeyHelp[] {
    const out = new Map<string, KeyHelp>();
    for (const s of this.at(path)) {
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        if (name === '$schema' || out.has(name)) continue;
        out.set(name, this.help(name, this.expand(prop), (s.required ?? []).includes(name)));
      }
    }
    return [...out.values()];
  }

  /** Help for the key at the end of `path`, or null for a key the schema does not have there. */
  key(path: readonly Seg[]): KeyHelp | null {
    const name = path[path.length - 1];
    if (typeof name !== 'string') return null;
    const parents = this.at(path.slice(0, -1));
    const own = parents.filter((p) => p.properties?.[name]);
    if (own.length > 0) {
      return this.help(
        name,
        own.flatMap((p) => this.expand(p.properties?.[name])),
        own.some((p) => (p.required ?? []).includes(name)),
      );
    }
    const extra = parents.find((p) => typeof p.additionalProperties === 'object');
    if (extra && typeof extra.additionalProperties === 'object') {
      return this.help(name, this.expand(extra.additionalProperties), false);
    }
    return null;
  }

  /** The values the schema lists for `path` (an enum, true/false). */
  values(path: readonly Seg[]): ValueOption[] {
    const out: ValueOption[] = [];
    for (const s of this.at(path)) {
      for (const v of s.enum ?? []) out.push({ label: String(v), detail: s.description ?? '' });
      if (s.const !== undefined) out.push({ label: String(s.const), detail: s.description ?? '' });
      if (typeOf(s).includes('boolean')) {
        out.push({ label: 'true', detail: 'yes' }, { label: 'false', detail: 'no' });
      }
    }
    const seen = new Set<string>();
    return out.filter((o) => !seen.has(o.label) && seen.add(o.label));
  }

  private help(name: string, schemas: JsonSchema[], required: boolean): KeyHelp {
    const description = schemas.map((s) => s.description).find((d) => d) ?? '';
    return { name, description, takes: takes(schemas, (s) => this.expand(s)), required };
  }
}

function typeOf(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.properties) return ['object'];
  return [];
}

function range(s: JsonSchema): string {
  if (s.minimum !== undefined && s.maximum !== undefined) return ` from ${s.minimum} to ${s.maximum}`;
  if (s.minimum !== undefined) return ` of at least ${s.minimum}`;
  if (s.maximum !== undefined) return ` of at most ${s.maximum}`;
  return '';
}

/** "an id" → "ids", "a whole number from 1 to 9" → "whole numbers from 1 to 9". */
function plural(words: string): string {
  if (words.startsWith('one of: ')) return `values, each ${words}`;
  if (words === 'true or false') return 'true/false values';
  const m = /^(?:an? )?(id|date|mapping|whole number|number|text|list|items)(.*)$/.exec(words);
  if (!m) return words;
  const noun = m[1] === 'text' ? 'texts' : m[1] === 'items' ? 'items' : `${m[1]}s`;
  return `${noun}${m[2]}`;
}

/** What a value of these schemas is, in words. */
function takes(schemas: JsonSchema[], expand: (s: JsonSchema | undefined) => JsonSchema[], depth = 0): string {
  const words = schemas.map((s) => {
    if (s.enum) return `one of: ${s.enum.map(String).join(', ')}`;
    const t = typeOf(s);
    if (t.includes('string')) {
      if (s.pattern === ID_PATTERN) return 'an id';
      if (s.pattern?.startsWith('^\\d{4}')) return 'a date (YYYY, YYYY-MM or YYYY-MM-DD)';
      return s.maxLength ? `text (at most ${s.maxLength} characters)` : 'text';
    }
    if (t.includes('integer')) return `a whole number${range(s)}`;
    if (t.includes('number')) return `a number${range(s)}`;
    if (t.includes('boolean')) return 'true or false';
    if (t.includes('array')) {
      const inner = depth < 2 ? takes(expand(s.items), expand, depth + 1) : 'items';
      return `a list of ${inner.split(', or ').map(plural).join(' or ')}`;
    }
    if (t.includes('object')) return 'a mapping';
    return 'anything';
  });
  return [...new Set(words)].join(', or ');
}

/** Which declared ids the value at `path` names, if any. */
export function idKindOf(path: readonly Seg[]): IdKind[] {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const key = keys[keys.length - 1];
  const top = keys[0];
  const inMoves = keys.includes('moves');
  switch (key) {
    case 'meter':
      return ['meter'];
    case 'flag':
    case 'set':
    case 'clear':
      return ['flag'];
    case 'next':
    case 'consensus':
    case 'blocked':
      return ['step', 'ending'];
    case 'to':
      return inMoves ? ['place'] : ['step', 'ending'];
    case 'from':
    case 'place':
      return ['place'];
    case 'start':
      return top === 'roles' ? ['step'] : [];
    case 'visited':
      return ['step'];
    case 'chose':
      return ['choice'];
    case 'choice':
      return keys.includes('history') ? ['choice'] : [];
    case 'actor':
    case 'decider':
    case 'host':
      return ['actor'];
    case 'sources':
    case 'source':
      return top === 'sources' ? [] : ['source'];
    case 'role':
      return ['role'];
    case 'length':
      return ['length'];
    default:
      return [];
  }
}

/** Which declared ids the keys of the mapping at `path` are (a seat's `objectives` are meters). */
export function keyIdKindOf(path: readonly Seg[]): IdKind[] {
  const key = path[path.length - 1];
  if (key === 'objectives' && path[0] === 'roles') return ['meter'];
  if (key === 'tone_for') return ['role'];
  return [];
}

const SECTIONS: Record<string, IdKind> = {
  meters: 'meter',
  flags: 'flag',
  steps: 'step',
  endings: 'ending',
  sources: 'source',
  actors: 'actor',
  places: 'place',
  roles: 'role',
  lengths: 'length',
};

/** The ids the text declares, by kind (choices: every step's choices, in order). */
export function declaredIds(text: string): Record<IdKind, string[]> {
  const out = Object.fromEntries(
    [...Object.values(SECTIONS), 'choice'].map((k) => [k, [] as string[]]),
  ) as unknown as Record<IdKind, string[]>;
  const clean = (v: string) => v.replace(/^["']|["']$/g, '');
  for (const k of outline(text)) {
    if (k.path[k.path.length - 1] !== 'id' || k.value === '') continue;
    const [section] = k.path;
    if (k.path.length === 3 && typeof section === 'string' && SECTIONS[section]) {
      out[SECTIONS[section] as IdKind].push(clean(k.value));
    } else if (k.path.length === 5 && section === 'steps' && k.path[2] === 'choices') {
      out.choice.push(clean(k.value));
    }
  }
  out.length.unshift('full');
  for (const kind of Object.keys(out) as IdKind[]) out[kind] = [...new Set(out[kind])];
  return out;
}
