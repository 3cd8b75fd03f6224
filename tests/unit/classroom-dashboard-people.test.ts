/**
 * Who a result is from and its group on the dashboard (dashboard-people.ts): a group read from a
 * prefix of the name typed, else from a file renamed by hand, else from the team typed with a
 * student's name; groups compared without case or spaces; the teacher's edits win.
 */
import { describe, expect, it } from 'vitest';
import {
  buildResult,
  groupKey,
  type LoadedResult,
  peopleOf,
  personOf,
  resultFileName,
  splitFilePrefix,
  splitPrefix,
} from '../../src/classroom';
import { CLASS_RESULT_OPTIONS, loadFixture, playThrough } from '../helpers';

const mini = loadFixture('mini.yaml');
const done = playThrough(mini, 'host', 1);

function result(names: { student?: string; team?: string }, fileName?: string): LoadedResult {
  const r = buildResult(done, { ...CLASS_RESULT_OPTIONS, ...names });
  return { fileName: fileName ?? resultFileName(r), result: r };
}

describe('splitPrefix', () => {
  it.each([
    ['P3 - Ana', 'P3', 'Ana'],
    ['P3 – Ana García', 'P3', 'Ana García'],
    ['P3 — Ana', 'P3', 'Ana'],
    ['P3: Ana', 'P3', 'Ana'],
    ['Period 3 | Ana', 'Period 3', 'Ana'],
    ['7B / Ana', '7B', 'Ana'],
    ['[P3] Ana', 'P3', 'Ana'],
    ['(Block A) Team Blue', 'Block A', 'Team Blue'],
    ['  P3 -  Ana  ', 'P3', 'Ana'],
  ])('reads the group of %j', (name, group, rest) => {
    expect(splitPrefix(name)).toEqual({ group, rest });
  });

  it.each([
    'Ana García',
    'Jean-Paul',
    '10:30 Ana',
    'Ana -',
    'A very long class name that is not a group - Ana',
    ' - Ana',
  ])('reads no group in %j', (name) => {
    expect(splitPrefix(name).group).toBeUndefined();
    expect(splitPrefix(name).rest).toBe(name.trim());
  });
});

describe('splitFilePrefix', () => {
  it('reads the group before the first underscore or spaced dash of a file renamed by hand', () => {
    expect(splitFilePrefix('period3_ana.json')).toEqual({ group: 'period3', rest: 'ana' });
    expect(splitFilePrefix('P3 - Ana García.json')).toEqual({ group: 'P3', rest: 'Ana García' });
    expect(splitFilePrefix('p3_article-four_mini_host_2026-11-27T10-40-00.json').group).toBe('p3');
    expect(splitFilePrefix('p3__ana.JSON')).toEqual({ group: 'p3', rest: 'ana' });
  });

  it('reads none in a name the game gave, or a name without a separator', () => {
    expect(splitFilePrefix('article-four_mini_host_ana_2026-11-27T10-40-00.json').group).toBeUndefined();
    expect(splitFilePrefix('ana.json')).toEqual({ rest: 'ana' });
    expect(splitFilePrefix('ana-garcia.json')).toEqual({ rest: 'ana-garcia' });
  });
});

describe('personOf', () => {
  it('names the student and team typed, without their group', () => {
    expect(personOf(result({ student: 'P3 - Ana' }))).toEqual({ name: 'Ana', group: { label: 'P3', source: 'name' } });
    expect(personOf(result({ student: 'Ana', team: 'P3 - Blue' }))).toEqual({
      name: 'Ana (Blue)',
      group: { label: 'P3', source: 'name' },
    });
    // A team alone is the result's own name, not a group.
    expect(personOf(result({ team: 'Team Blue' }))).toEqual({ name: 'Team Blue' });
    // A team with a student's name is the student's group.
    expect(personOf(result({ student: 'Ana', team: 'Blue' }))).toEqual({
      name: 'Ana (Blue)',
      group: { label: 'Blue', source: 'team' },
    });
  });

  it('prefers a group in the name, then a renamed file, then the team', () => {
    expect(personOf(result({ student: 'Ana', team: 'Blue' }, 'period3_ana.json')).group).toEqual({
      label: 'period3',
      source: 'file',
    });
    expect(personOf(result({ student: 'P5 - Ana' }, 'period3_ana.json')).group?.label).toBe('P5');
  });

  it('names a result without a name by its renamed file, or by when it was saved', () => {
    expect(personOf(result({}, 'p5_dmitri.json'))).toEqual({ name: 'dmitri', group: { label: 'p5', source: 'file' } });
    expect(personOf(result({}, 'ana_maria_lopez.json'))).toEqual({
      name: 'maria lopez',
      group: { label: 'ana', source: 'file' },
    });
    expect(personOf(result({}))).toEqual({ name: 'Unnamed, saved 10:40' });
  });
});

describe('peopleOf', () => {
  const files = [
    result({}, 'p3_dmitri.json'),
    result({ student: 'P3 - Ana' }),
    result({ student: 'p 3 - Ben' }),
    result({ student: 'P10 - Chloé' }),
    result({ student: 'Eve' }),
  ];

  it('makes one group of names that differ in case, spaces or dashes, labelled as first typed', () => {
    const people = peopleOf(files);
    expect(people.map((p) => [p.name, p.group?.key, p.group?.label])).toEqual([
      ['dmitri', 'p3', 'P3'],
      ['Ana', 'p3', 'P3'],
      ['Ben', 'p3', 'P3'],
      ['Chloé', 'p10', 'P10'],
      ['Eve', undefined, undefined],
    ]);
    expect(groupKey('Period 3')).toBe('period3');
    expect(groupKey('P-3.')).toBe('p3');
  });

  it('applies the teacher’s edits: another group, or none', () => {
    const people = peopleOf(files, {
      [files[4]?.fileName as string]: ' P10 ',
      [files[1]?.fileName as string]: '',
      'not-loaded.json': 'P99',
    });
    // Ana left P3, so its label is the next one typed in a name ("p 3"), before the file's.
    expect(people.map((p) => p.group?.label)).toEqual(['p 3', undefined, 'p 3', 'P10', 'P10']);
    expect(people[4]?.group?.source).toBe('edited');
    // An edit that is only spaces or dashes is no group either.
    expect(peopleOf(files, { [files[0]?.fileName as string]: ' - ' })[0]?.group).toBeUndefined();
  });
});
