/**
 * Reading untrusted values as the project's Zod schemas read them, for what the game reads while
 * it plays and resumes (events, saves, stored Council-teams records) without loading Zod. Each
 * reader built from these is tested against its schema (tests/unit/hand-readers.test.ts): the same
 * values accepted, read to the same objects.
 */
import { isJsonObject } from './migrations';

/**
 * True when A and B are the same type: not only assignable both ways, which would miss an optional
 * field one of them lacks.
 */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when `T` is true: `Holds<Same<HandWritten, z.infer<typeof Schema>>>`. */
export type Holds<T extends true> = T;

/** What a reader returns for a value it refuses. */
export const NO: unique symbol = Symbol('refused');

/** A value as kept (fields of objects read afresh), or NO. */
export type Reader = (value: unknown) => unknown;

/** A field of an object: its reader, and whether it may be absent (or undefined). */
export interface Field {
  read: Reader;
  optional?: boolean;
}

/** A field that may be absent. */
export const optional = (read: Reader): Field => ({ read, optional: true });

/** A field that must be there. */
export const required = (read: Reader): Field => ({ read });

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * True when `s` is `min` to `max` long as Zod measures a string: in code points, counted only when
 * the UTF-16 units leave it in doubt (so a string of emoji may have up to `max`, not `max / 2`).
 */
export function fitsLength(s: string, max: number, min = 0): boolean {
  const units = s.length;
  const fitsMin = units >= 2 * min || (units >= min && codePoints(s) >= min);
  return fitsMin && (units <= max || codePoints(s) <= max);
}

/** A string `min` to `max` long (as `fitsLength` counts). */
export const text =
  (max: number, min = 0): Reader =>
  (v) =>
    typeof v === 'string' && fitsLength(v, max, min) ? v : NO;

/** A string matching `pattern` (a pattern without the g or y flag). */
export const matching =
  (pattern: RegExp): Reader =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? v : NO;

export const bool: Reader = (v) => (typeof v === 'boolean' ? v : NO);

/** Any value, as it is. */
export const anything: Reader = (v) => v;

/** One of `values` (compared as Zod's enums and literals compare: SameValueZero). */
export const oneOf =
  (values: readonly unknown[]): Reader =>
  (v) =>
    values.includes(v) ? v : NO;

/** A whole number from `min` to `max` (a safe integer, as Zod's `int()` wants). */
export const int =
  (min: number, max: number): Reader =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? v : NO;

/**
 * Zod's test for a record: an object, not an array, made by `{}` or JSON.parse or without a
 * prototype (an instance of a class is refused).
 */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (!isJsonObject(x)) return false;
  const ctor = x.constructor;
  if (typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isJsonObject(proto) && Object.hasOwn(proto, 'isPrototypeOf');
}

/**
 * `x` read as an object with `fields`: a fresh object with the fields in the order declared, or NO
 * when `x` is not an object or a field is refused or missing. Strict (Zod's `strictObject`), a key
 * not declared is refused too; else (Zod's `object`) it is left out. As in Zod, a field is read with
 * `x[key]` and keys are listed with `for…in`, so inherited fields count too; an optional field
 * given as undefined is kept as undefined.
 */
export function readObject(
  x: unknown,
  fields: Readonly<Record<string, Field>>,
  strict = true,
): Record<string, unknown> | typeof NO {
  if (!isJsonObject(x)) return NO;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const present = key in x;
    const v = x[key];
    if (field.optional && v === undefined) {
      if (present) out[key] = undefined;
      continue;
    }
    const read = present ? field.read(v) : NO;
    if (read === NO) return NO;
    out[key] = read;
  }
  if (strict) for (const key in x) if (!Object.hasOwn(fields, key)) return NO;
  return out;
}

/** A list of at most `max` items, each read by `read` (a fresh array), or NO. */
export const list =
  (read: Reader, max: number): Reader =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return NO;
    const out: unknown[] = [];
    for (const item of v) {
      const r = read(item);
      if (r === NO) return NO;
      out.push(r);
    }
    return out;
  };
