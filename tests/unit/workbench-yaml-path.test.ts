/** Where a place in a scenario's YAML sits (src/workbench/yaml-path.ts): what completion and hover read. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextAt, keyAt, outline } from '../../src/workbench/yaml-path';
import { ROOT } from '../helpers';

/** The context at the `§` in `text` (the mark removed). */
function at(text: string) {
  const pos = text.indexOf('§');
  return contextAt(text.slice(0, pos) + text.slice(pos + 1), pos);
}

describe('contextAt', () => {
  it('names the mapping a key is typed in, through lists of mappings', () => {
    const text = ['format: 1', 'steps:', '  - id: a', '    title: A', '    ti§', 'endings: []'].join('\n');
    const c = at(text);
    expect(c).toMatchObject({ kind: 'key', path: ['steps', 0], prefix: 'ti', afterDash: false });
    expect(c.kind === 'key' && c.siblings).toEqual(['id', 'title']);
  });

  it('counts list items, and finds keys below the cursor too', () => {
    const text = [
      'steps:',
      '  - id: a',
      '  - id: b',
      '    choices:',
      '      - id: x',
      '        label: X',
      '      - §',
      '        next: y',
      '    text: B',
    ].join('\n');
    const c = at(text);
    expect(c).toMatchObject({ kind: 'key', path: ['steps', 1, 'choices', 1], prefix: '', afterDash: true });
    expect(c.kind === 'key' && c.siblings).toEqual(['next']);
  });

  it('reads a list at its key’s own indentation', () => {
    const c = at(['steps:', '- id: a', '  pha§'].join('\n'));
    expect(c).toMatchObject({ kind: 'key', path: ['steps', 0], prefix: 'pha' });
    expect(at(['steps:', '- id: a', 'end§'].join('\n'))).toMatchObject({ kind: 'key', path: [], prefix: 'end' });
  });

  it('gives the key whose value is typed', () => {
    const c = at(['steps:', '  - id: a', '    phase: req§'].join('\n'));
    expect(c).toMatchObject({ kind: 'value', path: ['steps', 0, 'phase'], prefix: 'req' });
    expect(at('format: §')).toMatchObject({ kind: 'value', path: ['format'], prefix: '' });
  });

  it('reads `{ … }` and `[ … ]` on the line', () => {
    const effects = ['steps:', '  - id: a', '    choices:', '      - id: x', '        effects:'];
    expect(at([...effects, '          - { meter: cred§'].join('\n'))).toMatchObject({
      kind: 'value',
      path: ['steps', 0, 'choices', 0, 'effects', 0, 'meter'],
      prefix: 'cred',
    });
    const key = at([...effects, '          - { meter: a, delta: 1, re§'].join('\n'));
    expect(key).toMatchObject({ kind: 'key', path: ['steps', 0, 'choices', 0, 'effects', 0], prefix: 're' });
    expect(key.kind === 'key' && key.siblings).toEqual(['meter', 'delta']);
    expect(at('sources: [a, §')).toMatchObject({ kind: 'value', path: ['sources', 1], prefix: '' });
    expect(at('dates: { start: 2024-01-01, e§')).toMatchObject({ kind: 'key', path: ['dates'], prefix: 'e' });
  });

  it('follows a `{ … }` over several lines', () => {
    const c = at(['roles:', '  - id: r', '    objectives: {', '      credibility: 1,', '      ci§'].join('\n'));
    expect(c).toMatchObject({ kind: 'key', path: ['roles', 0, 'objectives'], prefix: 'ci' });
  });

  it('offers nothing in a text, a comment or a quoted value', () => {
    expect(at(['steps:', '  - id: a', '    text: |', '      Some te§'].join('\n'))).toEqual({ kind: 'none' });
    expect(at(['steps:', '  - id: a', '    text: A long', '      line go§'].join('\n'))).toEqual({ kind: 'none' });
    expect(at('# a comm§')).toEqual({ kind: 'none' });
    expect(at('title: "A ti§')).toEqual({ kind: 'none' });
  });

  it('takes a new line after a text at its key’s indentation as a new key', () => {
    const c = at(['steps:', '  - id: a', '    text: |', '      Some text.', '    §'].join('\n'));
    expect(c).toMatchObject({ kind: 'key', path: ['steps', 0], prefix: '' });
    const d = at(['steps:', '  - id: a', '    text: Some text.', '    §'].join('\n'));
    expect(d).toMatchObject({ kind: 'key', path: ['steps', 0], prefix: '' });
  });
});

describe('keyAt', () => {
  it('finds the key under a position, with its whole path', () => {
    const text = ['steps:', '  - id: a', '    choices:', '      - { id: x, next: b }'].join('\n');
    const next = text.indexOf('next') + 2;
    expect(keyAt(text, next)).toEqual({
      path: ['steps', 0, 'choices', 0, 'next'],
      from: text.indexOf('next'),
      to: text.indexOf('next') + 4,
    });
    expect(keyAt(text, text.indexOf('choices') + 1)?.path).toEqual(['steps', 0, 'choices']);
    // A value is not a key.
    expect(keyAt(text, text.indexOf(' a') + 1)).toBeNull();
  });
});

describe('outline', () => {
  it('lists every block key of the template with its path', () => {
    const text = readFileSync(join(ROOT, 'src', 'authoring', 'template.yaml'), 'utf8');
    const keys = outline(text);
    const ids = (section: string) =>
      keys.filter((k) => k.path.length === 3 && k.path[0] === section && k.path[2] === 'id').map((k) => k.value);
    expect(ids('steps')).toEqual(['request', 'council', 'deploy', 'no_help']);
    expect(ids('endings')).toEqual(['quiet', 'bloody', 'abandoned']);
    expect(ids('meters')).toEqual(['credibility', 'civilian_harm']);
    const choice = keys.find((k) => k.value === 'send_to_council' && k.path.at(-1) === 'id');
    expect(choice?.path).toEqual(['steps', 0, 'choices', 0, 'id']);
    expect(text.split('\n')[choice?.line ?? 0]).toContain('- id: send_to_council');
  });
});
