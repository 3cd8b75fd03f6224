/** Help from the scenario JSON Schema (src/workbench/schema-help.ts): keys, what they take, values, ids. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredIds, idKindOf, type JsonSchema, keyIdKindOf, SchemaHelp } from '../../src/workbench/schema-help';
import { ROOT } from '../helpers';

const schema = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'scenario.schema.json'), 'utf8')) as JsonSchema;
const help = new SchemaHelp(schema);

describe('SchemaHelp', () => {
  it('lists the top-level keys in the schema’s order, required ones marked', () => {
    const keys = help.keys([]);
    expect(keys.map((k) => k.name).slice(0, 4)).toEqual(['format', 'id', 'title', 'dates']);
    expect(keys.find((k) => k.name === 'steps')?.required).toBe(true);
    expect(keys.find((k) => k.name === 'host')?.required).toBe(false);
    expect(keys.some((k) => k.name === '$schema')).toBe(false);
  });

  it('follows lists and `$ref`s: a step, a choice, an effect, a condition', () => {
    const step = help.keys(['steps', 0]).map((k) => k.name);
    expect(step).toEqual(expect.arrayContaining(['id', 'phase', 'title', 'text', 'choices', 'council', 'next']));
    expect(help.keys(['steps', 3, 'choices', 1, 'effects', 0]).map((k) => k.name)).toEqual([
      'meter',
      'delta',
      'reason',
    ]);
    // A condition is a union: every branch's keys are offered.
    const when = help.keys(['steps', 0, 'choices', 0, 'when']).map((k) => k.name);
    expect(when).toEqual(expect.arrayContaining(['meter', 'gte', 'flag', 'chose', 'visited', 'all', 'any', 'not']));
  });

  it('says what a key is for and what it takes', () => {
    expect(help.key(['steps', 0, 'phase'])).toMatchObject({
      description: 'Where the step sits in the alliance’s decision process.',
      takes: expect.stringMatching(/^one of: request, assessment, consultation, council/),
      required: true,
    });
    expect(help.key(['steps', 0, 'sources'])?.takes).toBe('a list of ids');
    expect(help.key(['steps', 0, 'date'])?.takes).toMatch(/^a date/);
    expect(help.key(['meters', 0, 'higher_is'])?.takes).toBe('one of: better, worse');
    expect(help.key(['steps', 0, 'titel'])).toBeNull();
    // A seat's objectives: any meter id as a key, each a number.
    expect(help.key(['roles', 0, 'objectives', 'credibility'])?.takes).toMatch(/number/);
  });

  it('lists the values an enum or a flag allows', () => {
    expect(help.values(['endings', 0, 'tone']).map((v) => v.label)).toEqual(['good', 'mixed', 'bad']);
    expect(help.values(['steps', 0, 'counterfactual']).map((v) => v.label)).toEqual(['true', 'false']);
    expect(help.values(['steps', 0, 'title'])).toEqual([]);
    expect(help.isMapping(['steps', 0, 'choices', 0])).toBe(true);
    expect(help.isMapping(['steps', 0, 'sources', 0])).toBe(false);
  });
});

describe('ids', () => {
  it('knows which ids a key names', () => {
    expect(idKindOf(['steps', 0, 'choices', 0, 'effects', 0, 'meter'])).toEqual(['meter']);
    expect(idKindOf(['steps', 0, 'choices', 0, 'next'])).toEqual(['step', 'ending']);
    expect(idKindOf(['steps', 0, 'moves', 0, 'to'])).toEqual(['place']);
    expect(idKindOf(['steps', 0, 'choices', 0, 'set', 1])).toEqual(['flag']);
    expect(idKindOf(['steps', 0, 'sources', 0])).toEqual(['source']);
    expect(idKindOf(['sources', 0, 'title'])).toEqual([]);
    expect(idKindOf(['roles', 0, 'start'])).toEqual(['step']);
    expect(keyIdKindOf(['roles', 0, 'objectives'])).toEqual(['meter']);
  });

  it('reads the ids the template declares', () => {
    const ids = declaredIds(readFileSync(join(ROOT, 'src', 'authoring', 'template.yaml'), 'utf8'));
    expect(ids.meter).toEqual(['credibility', 'civilian_harm']);
    expect(ids.step).toEqual(['request', 'council', 'deploy', 'no_help']);
    expect(ids.choice).toEqual(['send_to_council', 'call_it_internal', 'guard_sites', 'fight']);
    expect(ids.source).toEqual(['my-source']);
    expect(ids.flag).toEqual(['troops_sent']);
    expect(ids.role).toEqual(['alliance']);
    expect(ids.length).toEqual(['full']);
  });
});
