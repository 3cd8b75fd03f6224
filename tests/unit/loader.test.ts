import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadScenario } from '../../src/engine';
import { fixture } from '../helpers';

const MINI = readFileSync(fixture('mini.yaml'), 'utf8');

function errorsOf(text: string | Uint8Array, file = 'case.yaml') {
  const r = loadScenario(text, file);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  return r.errors;
}

/** Line (1-based) of the first line of MINI containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in text`);
  return i + 1;
}

describe('loader', () => {
  it('loads a valid scenario with defaults filled in', () => {
    const r = loadScenario(MINI, 'mini.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.steps.map((s) => s.id)).toEqual(['ask', 'request', 'vote', 'wait', 'alone']);
    expect(r.scenario.steps[0]?.events).toEqual([]);
    expect(r.scenario.meters[0]?.min).toBe(0);
    expect(r.warnings).toEqual([]);
  });

  it('reports bad YAML with the line and column of the fault', () => {
    const bad = MINI.replace('title: A small test crisis', 'title: [A small test crisis');
    const errors = errorsOf(bad);
    expect(errors[0]?.message).toMatch(/^YAML: /);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(lineOf(MINI, 'title: A small test crisis'));
    expect(formatDiagnostic(errors[0] as never)).toMatch(/^case\.yaml:\d+:\d+: error: YAML: /);
  });

  it('reports wrong types at the offending value', () => {
    const bad = MINI.replace('minutes: 5', 'minutes: five');
    const [e] = errorsOf(bad);
    expect(e?.line).toBe(lineOf(MINI, 'minutes: 5'));
    expect(e?.column).toBe(10);
    expect(e?.message).toBe('minutes: expected a number, found the text "five"');
  });

  it('reports unknown keys at the key, with a suggestion', () => {
    const bad = MINI.replace('    phase: assessment', '    phase: assessment\n    titel: Oops');
    const [e] = errorsOf(bad);
    expect(e?.line).toBe(lineOf(MINI, '    phase: assessment') + 1);
    expect(e?.column).toBe(5);
    expect(e?.message).toBe('step "request": unknown key "titel" (did you mean "title"?)');
  });

  it('collects every error at once, sorted by position', () => {
    const bad = MINI.replace('minutes: 5', 'minutes: five')
      .replace('region: Testland', 'region: 12')
      .replace('  - id: chair\n', '  - id: chair\n    colour: red\n');
    const errors = errorsOf(bad);
    expect(errors.length).toBe(3);
    const lines = errors.map((e) => e.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('reports dangling references to meters, flags, steps, roles and sources', () => {
    const bad = MINI.replace('{ meter: credibility, lt: 40 }', '{ meter: credibilty, lt: 40 }')
      .replace('set: [asked]', 'set: [askd]')
      .replace('next: request\n', 'next: requets\n')
      .replace('sources: [src-a, src-b]', 'sources: [src-a, src-c]')
      .replace('when: { meter: credibility, gte: 70 }', 'when: { role: chiar }');
    const messages = errorsOf(bad).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('unknown meter "credibilty" (did you mean "credibility"?)'),
        expect.stringContaining('unknown flag "askd" (did you mean "asked"?)'),
        expect.stringContaining('unknown step or ending "requets" (did you mean "request"?)'),
        expect.stringContaining('unknown source "src-c"'),
        expect.stringContaining('unknown role "chiar" (did you mean "chair"?)'),
      ]),
    );
    expect(messages).toHaveLength(5);
  });

  it('rejects duplicate ids, including ids that differ only by case', () => {
    const bad = MINI.replace('  - id: wait\n', '  - id: Wait\n').replace('id: stalemate, title', 'id: wait, title');
    const messages = errorsOf(bad).map((e) => e.message);
    expect(messages.some((m) => m.includes('ids are lower-case'))).toBe(true);
    const bad2 = MINI.replace('id: stalemate, title', 'id: wait, title').replace('to: stalemate', 'to: wait');
    expect(errorsOf(bad2).map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('duplicate ending id "wait"')]),
    );
  });

  it('requires the last branch of a next to have no condition', () => {
    const bad = MINI.replace('      - { to: stalemate }', '      - { when: { flag: asked }, to: stalemate }');
    expect(errorsOf(bad).map((e) => e.message)).toEqual([
      expect.stringContaining('the last branch must have no `when`'),
    ]);
  });

  it('refuses a newer or older format version with a clear message', () => {
    const [newer] = errorsOf(MINI.replace('format: 1', 'format: 2'));
    expect(newer?.message).toMatch(/scenario format 2; this version of Article Four reads formats 1 to 1/);
    expect(newer?.line).toBe(lineOf(MINI, 'format: 1'));
    const [older] = errorsOf(MINI.replace('format: 1', 'format: 0'));
    expect(older?.message).toMatch(/no longer read/);
    const [missing] = errorsOf(MINI.replace('format: 1\n', ''));
    expect(missing?.message).toMatch(/missing "format"/);
  });

  it('explains an empty file, a non-mapping and a binary or non-UTF-8 file', () => {
    expect(errorsOf('')[0]?.message).toMatch(/empty/);
    expect(errorsOf('   \n# only a comment\n')[0]?.message).toMatch(/scenario is a YAML mapping|empty/);
    expect(errorsOf('- a\n- b\n')[0]?.message).toMatch(/not a list/);
    expect(errorsOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))[0]?.message).toMatch(/binary file/);
    expect(errorsOf(new Uint8Array([0x66, 0x6f, 0x72, 0xff, 0xfe, 0x3a]))[0]?.message).toMatch(/not valid UTF-8/);
  });

  it('refuses alias bombs, deep nesting and huge files with one error each', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`,
      );
    }
    const [b] = errorsOf(`format: 1\n${bomb.join('\n')}\n`);
    expect(b?.message).toMatch(/alias/);

    const [deep] = errorsOf(`format: 1\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(deep?.message).toMatch(/nesting deeper than 64 levels/);

    const indented = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(errorsOf(`format: 1\nx:\n${indented}\n`)[0]?.message).toMatch(/nesting deeper than 64 levels/);

    const huge = `format: 1\nsummary: "${'x'.repeat(30 * 1024 * 1024)}"\n`;
    const errors = errorsOf(huge);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/at most 2 MB/);
  });

  it('gives helpful messages for malformed conditions', () => {
    const bad = MINI.replace('{ meter: credibility, lt: 40 }', '{ meter: credibility, lt: 40, gte: x }');
    expect(errorsOf(bad).map((e) => e.message)).toEqual([expect.stringContaining('gte: expected a number')]);
    const bad2 = MINI.replace('{ meter: credibility, lt: 40 }', '{ flag: asked, iss: true }');
    expect(errorsOf(bad2).map((e) => e.message)).toEqual([
      expect.stringContaining('unknown key "iss" (did you mean "is"?)'),
    ]);
  });

  it('checks that a step is exactly one kind and that history names a real choice', () => {
    const bad = MINI.replace('    text: Nothing is sent.\n    next: stalemate', '    text: Nothing is sent.');
    expect(errorsOf(bad).map((e) => e.message)).toEqual([
      expect.stringContaining('needs choices, a council, or a next'),
    ]);
    const bad2 = MINI.replace('history: { choice: ask_yes,', 'history: { choice: ask_maybe,');
    expect(errorsOf(bad2).map((e) => e.message)).toEqual([expect.stringContaining('is not a choice of step "ask"')]);
  });
});
