/**
 * The readers the game uses without Zod (events.ts's `parseGameEvent`, save.ts's `saveFields`,
 * council-teams-record.ts's `readCouncilTeamsRecord`) agree with the Zod schemas they stand for:
 * whatever the value, both accept it or both refuse it, and what they read is the same object,
 * key for key and in the same order. Values are drawn near each limit (±1, and with characters
 * outside the BMP, which Zod counts once), of wrong types, with extra keys, and with `__proto__`
 * keys as JSON.parse makes them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCouncilTeamsRecord } from '../../src/classroom/council-teams-record';
import { MAX_NAME } from '../../src/classroom/result-limits';
import { CouncilTeamsRecordSchema } from '../../src/classroom/result-schema';
import {
  MAX_EVENT_ID,
  MAX_RATIONALE,
  MAX_TALLY_OPTIONS,
  MAX_TALLY_VOTES,
  MAX_TEAM_POSITIONS,
  parseGameEvent,
} from '../../src/engine/events';
import { GameEventSchema } from '../../src/engine/events-schema';
import { SAVE_VERSION, saveFields } from '../../src/engine/save';
import { z } from '../../src/engine/zod';

/** The Zod object `parseSave` checked saves with before `saveFields` was written out. */
const SaveShape = z
  .object({
    kind: z.literal('article-four-save'),
    version: z.literal(SAVE_VERSION),
    scenario: z.string(),
    rulesHash: z.string().optional(),
    contentHash: z.string().optional(),
    role: z.string(),
    seed: z.number().int(),
    length: z.string().max(64).optional(),
    events: z.array(z.unknown()).max(10000),
    snapshot: z.unknown(),
  })
  .refine((x) => (x.rulesHash === undefined) !== (x.contentHash === undefined));

/** A value with its keys' order, its prototypes and its undefined fields made visible, to compare exactly. */
function exact(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(exact);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<PropertyKey, unknown>;
    return { proto: Object.getPrototypeOf(v), entries: Reflect.ownKeys(o).map((k) => [k, exact(o[k])]) };
  }
  return Object.is(v, -0) ? '-0' : v;
}

const show = (x: unknown) => {
  try {
    return JSON.stringify(x)?.slice(0, 160) ?? String(x);
  } catch {
    return String(x);
  }
};

/** Both accept `x` or both refuse it; when they accept it, they read the same fresh object. */
function agree(schema: z.ZodType, read: (x: unknown) => unknown, x: unknown): void {
  const byZod = schema.safeParse(x);
  const byHand = read(x);
  expect(byHand !== undefined, show(x)).toBe(byZod.success);
  if (!byZod.success) return;
  expect(exact(byHand), show(x)).toEqual(exact(byZod.data));
  if (x !== null && typeof x === 'object') expect(byHand).not.toBe(x);
}

const agreeEvent = (x: unknown) => agree(GameEventSchema, parseGameEvent, x);
const agreeRecord = (x: unknown) => agree(CouncilTeamsRecordSchema, readCouncilTeamsRecord, x);
const agreeSave = (x: Record<string, unknown>) => agree(SaveShape, saveFields, x);

class Thing {
  constructor(readonly a = 1) {}
}

/** Values of the wrong type for almost any field. */
const wrong = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '', [], {}),
  fc.constantFrom(new Thing(), new Date(0), new Map(), Object.create(null), ['a']),
  fc.integer(),
  fc.string({ maxLength: 4 }),
);

/**
 * Strings of `limit - 2` to `limit + 3` UTF-16 units, ending with 0–3 characters that are two units
 * each (one code point for Zod), a lone surrogate, or one unit.
 */
const textNear = (limit: number) =>
  fc
    .tuple(
      fc.integer({ min: Math.max(0, limit - 2), max: limit + 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('😀', '\uD83D', '\uDE00', 'é', 'x'),
    )
    .map(([units, n, ch]) => 'x'.repeat(Math.max(0, units - n * ch.length)) + ch.repeat(n));

/** Mostly `good`, now and then `bad`. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });

const textOf = (limit: number) =>
  mostly(
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a', '😀', 'constructor', '__proto__') },
      { weight: 2, arbitrary: textNear(limit) },
    ),
    wrong,
  );

/** Whole numbers from `min` to `max` (mostly at either end), now and then one just out or not whole. */
const intNear = (min: number, max: number) =>
  mostly(
    fc.oneof(fc.integer({ min, max: Math.min(max, min + 2) }), fc.integer({ min: Math.max(min, max - 2), max })),
    fc.constantFrom(min - 1, max + 1, -0, 0.5, 1.5, 2 ** 53, Number.NaN, Number.NEGATIVE_INFINITY, '3', null),
  );

const positionOf = mostly(
  fc.constantFrom('support', 'abstain', 'object'),
  fc.constantFrom('Support', 'maybe', '', 'constructor', null, 1),
);

/** Keys for id records: short, at the id limit ±1 (emoji included), and names objects already have. */
const idKey = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom('a', 'b', '0', '10', 'constructor', 'toString', 'hasOwnProperty') },
  { weight: 1, arbitrary: textNear(MAX_EVENT_ID) },
);

/** A record of `n` entries, all `value`. */
const entries = (n: number, value: unknown) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));

/** Id records: small ones, ones at the size limit ±1, ones without a prototype, and other objects. */
const recordOf = (value: fc.Arbitrary<unknown>, max: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.dictionary(idKey, value, { maxKeys: 3 }) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.integer({ min: max - 1, max: max + 1 }), value).map(([n, v]) => entries(n, v)),
    },
    {
      weight: 1,
      arbitrary: fc.dictionary(idKey, value, { maxKeys: 3 }).map((d) => Object.assign(Object.create(null), d)),
    },
    { weight: 1, arbitrary: fc.array(value, { maxLength: 2 }) },
    { weight: 1, arbitrary: wrong },
  );

const tallyOf = recordOf(intNear(0, MAX_TALLY_VOTES), MAX_TALLY_OPTIONS);
const positionsOf = recordOf(positionOf, MAX_TEAM_POSITIONS);

/** The fields of `v` but `extra` (a key no schema has). */
const withoutExtra = <T extends { extra?: unknown }>({ extra: _, ...fields }: T) => fields;

/** A field's value, or undefined given outright (an optional field allows it, a required one does not). */
const orUndefined = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: a }, fc.constant(undefined));

const EVENT_FIELDS = {
  choice: orUndefined(textOf(MAX_EVENT_ID)),
  actor: orUndefined(textOf(MAX_EVENT_ID)),
  rationale: orUndefined(textOf(MAX_RATIONALE)),
  tally: orUndefined(tallyOf),
  positions: orUndefined(positionsOf),
  position: orUndefined(positionOf),
  extra: fc.anything({ maxDepth: 1 }),
} as const;

const OWN_FIELDS: Record<string, (keyof typeof EVENT_FIELDS)[]> = {
  CHOOSE: ['choice', 'rationale', 'tally'],
  LOBBY: ['actor'],
  CALL_VOTE: ['rationale', 'tally', 'positions', 'position'],
  CONTINUE: [],
};

const pick = <K extends keyof typeof EVENT_FIELDS>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, EVENT_FIELDS[k]])) as Pick<typeof EVENT_FIELDS, K>;

/** Events of a known type with their own fields (some missing), now and then a field of another type. */
const nearEvent = fc.constantFrom('CHOOSE', 'LOBBY', 'CALL_VOTE', 'CONTINUE').chain((type) =>
  fc
    .tuple(
      fc.record(pick(OWN_FIELDS[type] ?? []), { requiredKeys: [] }),
      mostly(fc.constant({}), fc.record(pick(['choice', 'actor', 'position', 'extra'] as const), { requiredKeys: [] })),
      fc.boolean(),
    )
    .map(([own, stray, keepMissing]) => {
      const e: Record<string, unknown> = { type, ...own, ...stray };
      // A required field is mostly there: a missing one is one near miss among many.
      for (const needed of ['choice', 'actor'] as const) {
        if (OWN_FIELDS[type]?.includes(needed) && !(needed in e) && !keepMissing) e[needed] = 'a';
      }
      return e;
    }),
);

/** Any fields, any type. */
const anyEvent = fc.record(
  {
    type: fc.oneof(fc.constantFrom('CHOOSE', 'LOBBY', 'CALL_VOTE', 'CONTINUE', 'OTHER', 'choose', 'toString'), wrong),
    ...EVENT_FIELDS,
  },
  { requiredKeys: [] },
);

/**
 * An event whose JSON has a `__proto__` key at the top, in its tally or in its positions, with a
 * value that would pass there under any other key.
 */
const protoEvent = fc
  .tuple(
    fc.constantFrom('top', 'tally', 'positions'),
    fc.integer({ min: 0, max: MAX_TALLY_VOTES }),
    fc.constantFrom('support', 'abstain', 'object'),
    fc.jsonValue({ maxDepth: 1 }),
  )
  .map(([where, votes, position, other]) => {
    const v = JSON.stringify(other);
    if (where === 'top') return JSON.parse(`{"type":"CONTINUE","__proto__":${v}}`);
    if (where === 'tally') return JSON.parse(`{"type":"CHOOSE","choice":"a","tally":{"a":1,"__proto__":${votes}}}`);
    return JSON.parse(`{"type":"CALL_VOTE","positions":{"__proto__":"${position}","b":"object"}}`);
  });

describe('parseGameEvent and GameEventSchema', () => {
  it('agree on events near each limit, of wrong types, with fields of other moves', () => {
    fc.assert(fc.property(nearEvent, agreeEvent), { numRuns: 2000 });
  });

  it('agree on objects with any fields, on `__proto__` keys, and on any value at all', () => {
    fc.assert(fc.property(anyEvent, agreeEvent), { numRuns: 500 });
    fc.assert(fc.property(protoEvent, agreeEvent), { numRuns: 100 });
    fc.assert(fc.property(fc.anything(), agreeEvent), { numRuns: 300 });
    fc.assert(fc.property(fc.jsonValue(), agreeEvent), { numRuns: 300 });
  });

  it('agree at each limit and on objects JSON cannot make', () => {
    const s = (n: number) => 'x'.repeat(n);
    const emoji = (units: number) => `${s(units - 2)}😀`;
    const sym = Symbol('s');
    const hidden = Object.defineProperty({ type: 'CONTINUE' }, 'secret', { value: 1, enumerable: false });
    const tallyWithSymbol = { a: 1, [sym]: 2 };
    const tallyHidden = Object.defineProperty({ a: 1 }, 'h', { value: -5, enumerable: false });
    for (const e of [
      { type: 'CHOOSE', choice: s(MAX_EVENT_ID) },
      { type: 'CHOOSE', choice: s(MAX_EVENT_ID + 1) },
      { type: 'CHOOSE', choice: emoji(MAX_EVENT_ID + 1) },
      { type: 'CHOOSE', choice: emoji(MAX_EVENT_ID + 2) },
      { type: 'CHOOSE', choice: 'a', rationale: s(MAX_RATIONALE) },
      { type: 'CHOOSE', choice: 'a', rationale: s(MAX_RATIONALE + 1) },
      { type: 'CHOOSE', choice: 'a', rationale: emoji(MAX_RATIONALE + 1) },
      { type: 'CHOOSE', choice: 'a', rationale: undefined, tally: undefined },
      { type: 'CHOOSE', choice: 'a', tally: entries(MAX_TALLY_OPTIONS, MAX_TALLY_VOTES) },
      { type: 'CHOOSE', choice: 'a', tally: entries(MAX_TALLY_OPTIONS + 1, 0) },
      { type: 'CHOOSE', choice: 'a', tally: { a: MAX_TALLY_VOTES + 1 } },
      { type: 'CHOOSE', choice: 'a', tally: { a: -0, b: 0 } },
      { type: 'CHOOSE', choice: 'a', tally: { [emoji(MAX_EVENT_ID + 1)]: 1 } },
      { type: 'CHOOSE', choice: 'a', tally: { [s(MAX_EVENT_ID + 1)]: 1 } },
      { type: 'CHOOSE', choice: 'a', tally: tallyWithSymbol },
      { type: 'CHOOSE', choice: 'a', tally: tallyHidden },
      { type: 'CHOOSE', choice: 'a', tally: new Thing() },
      { type: 'CALL_VOTE', positions: entries(MAX_TEAM_POSITIONS, 'abstain') },
      { type: 'CALL_VOTE', positions: entries(MAX_TEAM_POSITIONS + 1, 'abstain') },
      { type: 'CALL_VOTE', position: undefined, positions: Object.create(null) },
      { type: 'CONTINUE', [sym]: 1 },
      hidden,
      Object.create({ type: 'CONTINUE' }),
      Object.assign(Object.create({ extra: 1 }), { type: 'CONTINUE' }),
      Object.assign(Object.create({ choice: 'inherited' }), { type: 'CHOOSE' }),
      Object.assign(new Thing(), { type: 'CONTINUE' }),
      ['CONTINUE'],
    ]) {
      agreeEvent(e);
    }
  });
});

describe('readCouncilTeamsRecord and CouncilTeamsRecordSchema', () => {
  const idOf = fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{0,5}$/) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('a', 'kz', 'a-b_c9', 'A', '1a', '', 'a b', `a${'b'.repeat(63)}`, `a${'b'.repeat(64)}`),
    },
    { weight: 1, arbitrary: wrong },
  );
  const goodVote = { team: 'Team 1', actor: 'kz', position: 'support' };
  /** Mostly whole votes, with one or more fields drawn. */
  const vote = fc
    .tuple(
      fc.record(
        {
          team: textOf(MAX_NAME),
          actor: idOf,
          position: positionOf,
          rationale: orUndefined(textOf(MAX_RATIONALE)),
          extra: fc.anything({ maxDepth: 0 }),
        },
        { requiredKeys: [] },
      ),
      mostly(fc.constant(true), fc.constant(false)),
    )
    .map(([v, whole]) => (whole ? { ...goodVote, ...withoutExtra(v) } : v));
  const votes = fc.oneof(
    { weight: 6, arbitrary: fc.array(vote, { maxLength: 2 }) },
    { weight: 1, arbitrary: fc.integer({ min: 49, max: 51 }).map((n) => Array.from({ length: n }, () => goodVote)) },
    { weight: 1, arbitrary: wrong },
  );
  const record = fc.record(
    {
      turn: intNear(1, 3),
      step: idOf,
      consensus: mostly(fc.boolean(), wrong),
      votes,
      extra: fc.anything({ maxDepth: 0 }),
    },
    { requiredKeys: [] },
  );
  /** Mostly whole records, so that a near miss in one field is what decides. */
  const nearRecord = fc
    .tuple(record, mostly(fc.constant(true), fc.constant(false)))
    .map(([r, whole]) =>
      whole ? { turn: 1, step: 'vote', consensus: true, votes: [goodVote], ...withoutExtra(r) } : r,
    );

  it('agree on records near each limit, of wrong types, with extra keys', () => {
    fc.assert(fc.property(nearRecord, agreeRecord), { numRuns: 2000 });
    fc.assert(fc.property(fc.anything(), agreeRecord), { numRuns: 200 });
  });

  it('agree on `__proto__` keys and names at their limits', () => {
    const at = (n: number) => 'x'.repeat(n);
    for (const r of [
      JSON.parse('{"turn":1,"step":"vote","consensus":true,"votes":[],"__proto__":{"x":1}}'),
      JSON.parse(
        '{"turn":1,"step":"vote","consensus":true,"votes":[{"team":"t","actor":"a","position":"support","__proto__":1}]}',
      ),
      { turn: 1, step: 'vote', consensus: false, votes: [{ ...goodVote, team: at(MAX_NAME) }] },
      { turn: 1, step: 'vote', consensus: false, votes: [{ ...goodVote, team: at(MAX_NAME + 1) }] },
      { turn: 1, step: 'vote', consensus: false, votes: [{ ...goodVote, team: `${at(MAX_NAME - 1)}😀` }] },
      { turn: 1, step: 'vote', consensus: false, votes: [{ ...goodVote, team: '' }] },
      { turn: 1, step: 'vote', consensus: false, votes: [{ ...goodVote, rationale: '' }] },
      { turn: 1, step: 'vote', consensus: false, votes: [{ ...goodVote, rationale: undefined }] },
      { turn: 1, step: 'vote', consensus: false, votes: [{ ...goodVote, rationale: at(MAX_RATIONALE + 1) }] },
    ]) {
      agreeRecord(r);
    }
  });
});

describe('saveFields and the Zod object it replaced', () => {
  const save = fc.record(
    {
      kind: fc.oneof({ weight: 5, arbitrary: fc.constant('article-four-save') }, wrong),
      version: fc.oneof({ weight: 5, arbitrary: fc.constant(SAVE_VERSION) }, fc.constantFrom(1, 3, '2', 2.5)),
      scenario: fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 4 }) }, wrong),
      role: fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 4 }) }, wrong),
      seed: intNear(-1, 2 ** 31),
      length: orUndefined(textOf(64)),
      events: fc.oneof(
        { weight: 5, arbitrary: fc.array(fc.anything({ maxDepth: 0 }), { maxLength: 3 }) },
        fc.integer({ min: 9999, max: 10001 }).map((n) => Array.from({ length: n }, () => ({ type: 'CONTINUE' }))),
        wrong,
      ),
      snapshot: fc.anything({ maxDepth: 1 }),
      extra: fc.anything({ maxDepth: 0 }),
    },
    { requiredKeys: [] },
  );
  /** Mostly one of the two hashes, as a save has. */
  const hashes = mostly(
    fc.constantFrom({ rulesHash: '1a2b3c4d' }, { contentHash: '1a2b3c4d' }, { rulesHash: '', contentHash: undefined }),
    fc.record(
      {
        rulesHash: orUndefined(fc.oneof(fc.constant('1a'), wrong)),
        contentHash: orUndefined(fc.oneof(fc.constant('2b'), wrong)),
      },
      { requiredKeys: [] },
    ),
  );
  /** Mostly saves with every field, so that one field decides. */
  const nearSave = fc.tuple(save, hashes, mostly(fc.constant(true), fc.constant(false))).map(([s, h, whole]) => {
    const base = {
      kind: 'article-four-save',
      version: SAVE_VERSION,
      scenario: 'kz',
      role: 'chair',
      seed: 1,
      events: [],
      snapshot: {},
    };
    return whole ? { ...base, ...s, ...h } : { ...s, ...h };
  });

  it('agree on saves near each limit, of wrong types, with or without either hash', () => {
    fc.assert(fc.property(nearSave, agreeSave), { numRuns: 1000 });
  });
});
