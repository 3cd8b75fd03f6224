/**
 * Versioned formats and their migration chains. Every stored format (the engine's saves, the
 * UI's stored run, result files) has a current version, a minimum version still read, and one
 * small pure step per version, from version n to n + 1. A file at or above the minimum is
 * brought up to the current version step by step, never refused for its age; a file above the
 * current version was written by a newer Article Four and is refused.
 */

/** A JSON object as read from a file or from storage. */
export type Json = Record<string, unknown>;

/** One step: a value of version n in, the same value in version n + 1's shape out. Pure. */
export type MigrationStep = (from: Json) => Json;

export interface MigrationChain {
  /** The version written today. */
  current: number;
  /** The oldest version still read (migrated). */
  minimum: number;
  /** `steps[n]` migrates version n to n + 1, for every n from `minimum` to `current - 1`. */
  steps: Readonly<Record<number, MigrationStep>>;
}

export type Migrated =
  | { ok: true; value: Json; from: number }
  | { ok: false; problem: 'no-version' | 'too-old' | 'too-new'; version?: number };

/** True when `x` is a plain JSON object (not null, not an array). */
export function isJsonObject(x: unknown): x is Json {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/**
 * Brings `value` (which carries its `version`) up to `chain.current`. The value passed in is not
 * changed. Each step's result gets the next version number, whatever the step wrote.
 */
export function migrate(chain: MigrationChain, value: Json): Migrated {
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, problem: 'no-version' };
  if (version > chain.current) return { ok: false, problem: 'too-new', version };
  if (version < chain.minimum) return { ok: false, problem: 'too-old', version };
  let out: Json = value;
  for (let v = version; v < chain.current; v++) {
    const step = chain.steps[v];
    if (!step) throw new Error(`no migration from version ${v} to ${v + 1}`);
    out = { ...step(out), version: v + 1 };
  }
  return { ok: true, value: out, from: version };
}

/** The versions a chain cannot migrate (a missing step): empty for a complete chain. Tests call it. */
export function missingSteps(chain: MigrationChain): number[] {
  const out: number[] = [];
  for (let v = chain.minimum; v < chain.current; v++) if (!chain.steps[v]) out.push(v);
  return out;
}
