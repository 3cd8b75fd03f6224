/**
 * YAML traps (issue 16): a comma or a colon in unquoted text, a tab in the indentation. Each is
 * one error at the place to fix, with the corrected text; the errors that would follow from it
 * are not reported; the file's other errors still are. Fixtures: tests/fixtures/yaml-traps/,
 * each the template with one change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, formatDiagnostic, loadScenario } from '../../src/engine';
import { decodeSource, parseYamlSource, type SourceText } from '../../src/engine/yaml-source';
import { fixture, ROOT, runCli } from '../helpers';

const trapFile = (name: string) => fixture(join('yaml-traps', name));
const read = (name: string) => readFileSync(trapFile(name), 'utf8');

/** Errors of a text, as `check` finds them (lint asked for), as `LINE:COL message`. */
function check(text: string, file = 'case.yaml'): string[] {
  const r = loadScenario(text, file, { lint: true });
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors.map((d: Diagnostic) => `${d.line}:${d.column} ${d.message}`);
}

/** Line (1-based) and column of the first `needle` in `text`. */
function at(text: string, needle: string): string {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not in the text`);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${(before[before.length - 1] as string).length + 1}`;
}

const COMMA = (cut: string, fixed: string) =>
  `put this text in quotes: inside { }, YAML ends unquoted text at a comma, so "${cut}" was read as a field of its own. Write: ${fixed}`;
const FLOW_COLON = (fixed: string) =>
  `put this text in quotes: inside { }, YAML reads a colon followed by a space as the start of a new field. Write: ${fixed}`;
const COLON = (fixed: string) =>
  `put this text in quotes: YAML reads a colon followed by a space as the start of a new field. Write: ${fixed}`;
const TAB = (also = '') =>
  `this line is indented with a tab${also}, and tabs can't indent YAML: use spaces (set your editor to indent with spaces)`;

describe('each trap is one error, at the text to quote or the tab, with the fix', () => {
  const cases: [file: string, where: string, message: string][] = [
    [
      'comma-in-braces.yaml',
      'Both sides fired, on both sides.',
      COMMA('on both sides.', 'reason: "Both sides fired, on both sides."'),
    ],
    [
      'commas-in-braces.yaml',
      'A member asked, twice,',
      COMMA('twice, and got nothing, again.', 'reason: "A member asked, twice, and got nothing, again."'),
    ],
    ['colon-in-braces.yaml', 'Worst case: foreign', FLOW_COLON('reason: "Worst case: foreign troops fire on crowds."')],
    ['colon-in-text.yaml', 'Note: the force', COLON('text: "Note: the force guards airports and power stations."')],
    [
      'colon-in-list.yaml',
      'Question: was',
      `teacher › discussion[0]: expected a string, found a mapping: ${COLON('"Question: was the request a case of aggression by a state or an internal affair?"')}`,
    ],
    ['tab-indent.yaml', '\tdate: 2024-01-06', TAB()],
  ];

  it.each(cases)('%s', (file, where, message) => {
    const text = read(file);
    const errors = check(text, file);
    expect(errors).toEqual([`${at(text, where)} ${message}`]);
  });

  it('names the exact places (the fixtures as written)', () => {
    expect(check(read('comma-in-braces.yaml'))[0]).toMatch(/^88:53 /);
    expect(check(read('commas-in-braces.yaml'))[0]).toMatch(/^94:55 /);
    expect(check(read('colon-in-braces.yaml'))[0]).toMatch(/^147:60 /);
    expect(check(read('colon-in-text.yaml'))[0]).toMatch(/^132:11 /);
    expect(check(read('colon-in-list.yaml'))[0]).toMatch(/^16:7 /);
    expect(check(read('tab-indent.yaml'))[0]).toMatch(/^104:1 /);
  });

  it('loads each fixture once fixed as the message says', () => {
    const fixes: [string, string, string][] = [
      [
        'comma-in-braces.yaml',
        'reason: Both sides fired, on both sides.',
        'reason: "Both sides fired, on both sides."',
      ],
      [
        'colon-in-braces.yaml',
        'reason: Worst case: foreign troops fire on crowds.',
        'reason: "Worst case: foreign troops fire on crowds."',
      ],
      [
        'colon-in-text.yaml',
        'text: Note: the force guards airports and power stations.',
        'text: "Note: the force guards airports and power stations."',
      ],
      ['tab-indent.yaml', '\tdate:', '    date:'],
    ];
    for (const [file, from, to] of fixes) {
      const r = loadScenario(read(file).replace(from, to), file);
      expect(r.ok ? [] : r.errors.map(formatDiagnostic), file).toEqual([]);
    }
  });
});

describe('the rest of the file is still checked', () => {
  it('reports a trap and an unrelated schema error, and nothing else', () => {
    const text = read('trap-and-schema-error.yaml');
    expect(check(text)).toEqual([
      `${at(text, 'ten')} minutes: expected a number, found the text "ten"`,
      `${at(text, 'Both sides')} ${COMMA('on both sides.', 'reason: "Both sides fired, on both sides."')}`,
    ]);
  });

  it('reports a tab and an unknown reference after it', () => {
    const text = read('tab-indent.yaml').replace('next: abandoned', 'next: abandonned');
    expect(check(text)).toEqual([
      `${at(text, '\tdate')} ${TAB()}`,
      `${at(text, 'abandonned')} step "no_help" › next: unknown step or ending "abandonned" (did you mean "abandoned"?)`,
    ]);
  });

  it('reports every trap of a file, each once', () => {
    const text = read('comma-in-braces.yaml')
      .replace('text: The force guards airports', 'text: Note: the force guards airports')
      .replace(
        'reason: "Foreign troops fire on crowds." }\n        next:',
        'reason: Worst case: troops fire. }\n        next:',
      );
    expect(check(text).map((e) => e.split(' put ')[0])).toEqual([
      at(text, 'Both sides'),
      at(text, 'Note: the force'),
      at(text, 'Worst case'),
    ]);
  });

  it('places errors after a repair where they are in the file as written', () => {
    // After the trap on the same line, and after a trap that spans two lines.
    const text = read('comma-in-braces.yaml')
      .replace(
        '- { meter: civilian_harm, delta: 5, reason: "Talk of foreign troops angers the crowds." }',
        '- { meter: civilian_harm, reason: Talk, of troops,\n              angers crowds., delta: five }',
      )
      .replace(
        'text: The force guards airports and power stations.',
        'text: Note: the force guards airports\n      and power stations.',
      )
      .replace('lean: 60', 'lean: sixty');
    expect(check(text)).toEqual([
      `${at(text, 'Both sides')} ${COMMA('on both sides.', 'reason: "Both sides fired, on both sides."')}`,
      `${at(text, 'Talk, of')} ${COMMA('of troops, angers crowds.', 'reason: "Talk, of troops, angers crowds."')}`,
      `${at(text, 'five }')} step "request" › choice "send_to_council" › effects[1] › delta: expected a number, found the text "five"`,
      `${at(text, 'sixty')} step "council" › council › member "member_a" › lean: expected a number, found the text "sixty"`,
      `${at(text, 'Note: the force')} ${COLON('text: "Note: the force guards airports and power stations."')}`,
    ]);
  });
});

describe('what is not a trap', () => {
  it('leaves the template, the tutorial and the mini fixture alone', () => {
    for (const path of [
      join(ROOT, 'src', 'authoring', 'template.yaml'),
      fixture('tutorial.yaml'),
      fixture('mini.yaml'),
    ]) {
      const r = loadScenario(readFileSync(path), path);
      expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([]);
    }
  });

  it('does not take a field of the format after a comma for text', () => {
    // `counterfactual` with no value is a field given no value, not the rest of a sentence.
    const text = read('comma-in-braces.yaml').replace(
      'reason: Both sides fired, on both sides. }',
      'reason: "Both sides fired.", counterfactual }',
    );
    const errors = check(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/unknown key "counterfactual"/);
  });

  it('allows tabs inside a text and after a colon', () => {
    const text = read('comma-in-braces.yaml')
      .replace('reason: Both sides fired, on both sides.', 'reason: "Both sides fired."')
      .replace(
        '    text: The force guards airports and power stations.',
        '    text: |\n      The force guards\n      \tairports.',
      )
      .replace('    title: Troops arrive', '    title:\tTroops arrive');
    const r = loadScenario(text, 'case.yaml');
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([]);
  });

  it('keeps other YAML errors, with a hint where a colon is the likely cause', () => {
    const unclosed = read('colon-in-text.yaml').replace(
      'title: A member asks for help',
      'title: [A member asks for help',
    );
    const errors = check(unclosed);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^8:1 YAML: Flow sequence in block collection/);
    expect(errors[1]).toBe(
      `${at(unclosed, 'Note: the force')} ${COLON('text: "Note: the force guards airports and power stations."')}`,
    );
    // An anchor before the text: not a trap this reader repairs, but the hint says what to look for.
    const anchored = read('colon-in-text.yaml').replace('text: Note: the force', 'text: &a Note: the force');
    expect(check(anchored)).toEqual([
      `${at(anchored, '&a')} YAML: Nested mappings are not allowed in compact mappings (usually a colon followed by a space in unquoted text: put the text in quotes)`,
    ]);
  });
});

describe('tabs', () => {
  it('is one error for every line indented with tabs, naming the others', () => {
    const text = read('tab-indent.yaml')
      .replace('    title: The Council decides', '\ttitle: The Council decides')
      .replace('    text: The members must agree by consensus.', '\ttext: The members must agree by consensus.');
    expect(check(text)).toEqual([`${at(text, '\tdate')} ${TAB(' (so are lines 105, 106)')}`]);
  });

  it('is one error for a file indented with tabs throughout', () => {
    const text = read('comma-in-braces.yaml')
      .replace('reason: Both sides fired, on both sides.', 'reason: "Both sides fired."')
      .replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2));
    const errors = check(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^13:1 this line is indented with a tab \(so are \d+ more lines: 14, 15, 16, …\)/);
  });

  it('guesses what a stray tab stood for from the lines around it, so nothing follows from it', () => {
    const template = readFileSync(join(ROOT, 'src', 'authoring', 'template.yaml'), 'utf8');
    const strays: [string, string][] = [
      ['  objectives:\n', '\tobjectives:\n'], // the first field under `teacher:`
      ['      - id: call_it_internal', '\t- id: call_it_internal'], // a list item, its fields below it
      ['        label: Call it an internal affair', '\tlabel: Call it an internal affair'], // a list item's field
      ['    history:\n      choice: consensus', '\thistory:\n      choice: consensus'], // a field of a step
    ];
    for (const [from, to] of strays) {
      const text = template.replace(from, to);
      expect(text).not.toBe(template);
      expect(check(text), to).toEqual([`${at(text, '\t')} ${TAB()}`]);
    }
  });

  it('points at the tab when spaces come before it', () => {
    const text = read('tab-indent.yaml').replace('\tdate:', '  \t  date:');
    expect(check(text)).toEqual([`${at(text, '\t  date')} ${TAB()}`]);
  });
});

describe('the YAML reader on its own (as the timeline loader uses it)', () => {
  it('stops at the traps, one error each, unless asked to repair them', () => {
    const src = decodeSource(read('tab-indent.yaml'), 'tab.yaml') as SourceText;
    const plain = parseYamlSource(src);
    expect(Array.isArray(plain) && plain.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([`104:1 ${TAB()}`]);
    const repaired = parseYamlSource(src, { repair: true });
    if (Array.isArray(repaired)) throw new Error('expected the repaired file');
    expect(repaired.traps.map((d) => d.line)).toEqual([104]);
    expect((repaired.data as { steps: { date: string }[] }).steps[1]?.date).toBe('2024-01-06');
  });
});

describe('scenario check', () => {
  it('prints the trap as FILE:LINE:COL and exits 1', async () => {
    const path = trapFile('comma-in-braces.yaml');
    const r = await runCli(['check', path]);
    expect(r.stdout).toBe(
      `${path}:88:53: error: ${COMMA('on both sides.', 'reason: "Both sides fired, on both sides."')}\n`,
    );
    expect(r.stderr).toBe('1 file checked: 1 error, 0 warnings\n');
    expect(r.code).toBe(1);
  });

  it('gives the trap in --json with the yaml code', async () => {
    const path = trapFile('tab-indent.yaml');
    const r = await runCli(['check', '--json', path]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBe(1);
    expect(out.diagnostics).toEqual([
      { file: path, line: 104, column: 1, severity: 'error', message: TAB(), code: 'yaml' },
    ]);
  });
});
