/**
 * Game events, under one set of limits: the engine's guard and save parsing read them with
 * `parseGameEvent` (events.ts, no Zod), result files with `GameEventSchema` (events-schema.ts);
 * hand-readers.test.ts holds the two to the same answers. Record keys such as "constructor" are
 * plain data; "__proto__" is refused, never followed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResultEventSchema, ResultSchema } from '../../src/classroom/result-schema';
import { Game } from '../../src/engine';
import {
  isGameEvent,
  MAX_EVENT_ID,
  MAX_RATIONALE,
  MAX_TALLY_OPTIONS,
  MAX_TALLY_VOTES,
  MAX_TEAM_POSITIONS,
  notesOf,
  parseGameEvent,
} from '../../src/engine/events';
import { GameEventSchema } from '../../src/engine/events-schema';
import { loadFixture } from '../helpers';

const mini = loadFixture('mini.yaml');
const counts = (n: number, votes = 1) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`o${i}`, votes]));
const positions = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`m${i}`, 'support']));

describe('game events', () => {
  it('accepts every move of the game, with its notes', () => {
    for (const e of [
      { type: 'CHOOSE', choice: 'ask_yes' },
      { type: 'CHOOSE', choice: 'ask_yes', rationale: 'Why not.', tally: { ask_yes: 3, ask_no: 0 } },
      { type: 'LOBBY', actor: 'blue' },
      { type: 'CALL_VOTE' },
      { type: 'CALL_VOTE', rationale: '', tally: { support: 2 }, positions: { red: 'object', blue: 'abstain' } },
      { type: 'CONTINUE' },
    ]) {
      expect(isGameEvent(e), JSON.stringify(e)).toBe(true);
      expect(parseGameEvent(e)).toEqual(e);
    }
  });

  it('refuses anything else: unknown types, missing or extra fields, wrong types', () => {
    for (const e of [
      null,
      undefined,
      'CONTINUE',
      [],
      {},
      { type: 'EXPLODE' },
      { type: 'CHOOSE' },
      { type: 'CHOOSE', choice: 7 },
      { type: 'CHOOSE', choice: 'a', script: 'x' },
      { type: 'LOBBY' },
      { type: 'LOBBY', actor: 'a', rationale: 'x' },
      { type: 'CONTINUE', choice: 'a' },
      { type: 'CALL_VOTE', positions: { red: 'maybe' } },
      { type: 'CALL_VOTE', positions: ['support'] },
      { type: 'CALL_VOTE', tally: { a: -1 } },
      { type: 'CALL_VOTE', tally: { a: 1.5 } },
      { type: 'CALL_VOTE', tally: { a: '3' } },
      { type: 'CALL_VOTE', tally: null },
      { type: 'CHOOSE', choice: 'a', rationale: 5 },
    ]) {
      expect(isGameEvent(e), JSON.stringify(e)).toBe(false);
      expect(parseGameEvent(e)).toBeUndefined();
    }
  });

  it('keeps the limits in one place, exactly at their edges', () => {
    const ok = (e: unknown) => expect(isGameEvent(e), JSON.stringify(e).slice(0, 80)).toBe(true);
    const no = (e: unknown) => expect(isGameEvent(e), JSON.stringify(e).slice(0, 80)).toBe(false);
    ok({ type: 'CHOOSE', choice: 'a', rationale: 'x'.repeat(MAX_RATIONALE) });
    no({ type: 'CHOOSE', choice: 'a', rationale: 'x'.repeat(MAX_RATIONALE + 1) });
    ok({ type: 'CHOOSE', choice: 'c'.repeat(MAX_EVENT_ID) });
    no({ type: 'CHOOSE', choice: 'c'.repeat(MAX_EVENT_ID + 1) });
    no({ type: 'LOBBY', actor: 'c'.repeat(MAX_EVENT_ID + 1) });
    ok({ type: 'CHOOSE', choice: 'a', tally: counts(MAX_TALLY_OPTIONS) });
    no({ type: 'CHOOSE', choice: 'a', tally: counts(MAX_TALLY_OPTIONS + 1) });
    ok({ type: 'CHOOSE', choice: 'a', tally: { a: MAX_TALLY_VOTES } });
    no({ type: 'CHOOSE', choice: 'a', tally: { a: MAX_TALLY_VOTES + 1 } });
    no({ type: 'CHOOSE', choice: 'a', tally: { ['k'.repeat(MAX_EVENT_ID + 1)]: 1 } });
    ok({ type: 'CALL_VOTE', positions: positions(MAX_TEAM_POSITIONS) });
    no({ type: 'CALL_VOTE', positions: positions(MAX_TEAM_POSITIONS + 1) });
    expect([MAX_RATIONALE, MAX_EVENT_ID, MAX_TALLY_OPTIONS, MAX_TALLY_VOTES, MAX_TEAM_POSITIONS]).toEqual([
      2000, 64, 50, 10_000, 20,
    ]);
  });

  it('reads ids such as "constructor" or "toString" as plain data, and refuses a "__proto__" key', () => {
    const e = JSON.parse(
      '{"type":"CALL_VOTE","tally":{"constructor":2,"toString":1},"positions":{"constructor":"object"}}',
    );
    expect(isGameEvent(e)).toBe(true);
    const parsed = parseGameEvent(e);
    expect(parsed).toEqual(e);
    if (parsed?.type !== 'CALL_VOTE') throw new Error('expected a vote');
    expect(Object.getPrototypeOf(parsed.tally)).toBe(Object.prototype);
    expect(Object.keys(parsed.tally ?? {})).toEqual(['constructor', 'toString']);
    expect(parsed.positions?.constructor).toBe('object');
    for (const text of [
      '{"type":"CHOOSE","choice":"a","tally":{"__proto__":3}}',
      '{"type":"CALL_VOTE","positions":{"__proto__":{"polluted":"support"}}}',
      '{"type":"CALL_VOTE","positions":{"__proto__":"support"}}',
      '{"type":"CONTINUE","__proto__":{"polluted":true}}',
    ]) {
      expect(isGameEvent(JSON.parse(text)), text).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is the schema result files read their event logs with', () => {
    expect(ResultEventSchema).toBe(GameEventSchema);
    expect(ResultSchema.shape.events.element).toBe(GameEventSchema);
  });

  it('agrees with itself as a guard, a parser and inside a save, whatever the value', () => {
    const g = Game.start(mini, { role: 'chair', seed: 1 });
    const save = JSON.parse(JSON.stringify(g.save()));
    g.stop();
    const arbitraryEvent = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          type: fc.constantFrom('CHOOSE', 'LOBBY', 'CALL_VOTE', 'CONTINUE', 'OTHER'),
          choice: fc.oneof(fc.string({ maxLength: 70 }), fc.integer()),
          actor: fc.string({ maxLength: 3 }),
          rationale: fc.string({ maxLength: 5 }),
          tally: fc.dictionary(fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 10_002 }), { maxKeys: 3 }),
          positions: fc.dictionary(fc.string({ maxLength: 3 }), fc.constantFrom('support', 'abstain', 'object', 'no')),
        },
        { requiredKeys: ['type'] },
      ),
    );
    fc.assert(
      fc.property(arbitraryEvent, (e) => {
        const guard = isGameEvent(e);
        expect(parseGameEvent(e) !== undefined).toBe(guard);
        // A save whose log holds an event the guard refuses is damaged; one it accepts is read (then replayed).
        let message = '';
        try {
          Game.restore(mini, { ...save, events: [e] }).stop();
        } catch (err) {
          message = err instanceof Error ? err.message : String(err);
        }
        expect(/damaged and cannot be read/.test(message)).toBe(!guard);
      }),
      { numRuns: 300 },
    );
  });
});

describe('notesOf', () => {
  it('trims a rationale, leaves out empty notes, and keeps a tally as given', () => {
    expect(notesOf({ type: 'CHOOSE', choice: 'a', rationale: '  why  ', tally: { a: 1 } })).toEqual({
      rationale: 'why',
      tally: { a: 1 },
    });
    expect(notesOf({ type: 'CALL_VOTE', rationale: '   ', tally: {} })).toEqual({});
    expect(notesOf({ type: 'LOBBY', actor: 'blue' })).toEqual({});
  });
});
