/** Lengths: a class lesson routed by { length } conditions, short texts, and what a path shows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Game, loadScenario, type Scenario } from '../../src/engine';
import { lengthEstimates, minutesText } from '../../src/engine/estimates';
import { sampleLength } from '../../src/engine/path-lengths';
import { countWords, measurePath, playMinutes } from '../../src/engine/words';
import { fixture } from '../helpers';

const MINI = readFileSync(fixture('mini.yaml'), 'utf8');

/** Mini with a class lesson that skips the request step's narrative in favour of a short text. */
const WITH_CLASS = MINI.replace(
  'roles:\n',
  'lengths:\n  - { id: class, label: Class lesson, short_text: true, max_words: 100, decisions: { min: 1, max: 3 } }\nroles:\n',
)
  .replace(
    '    text: The host asks for troops.\n',
    '    text: The host asks for troops, at length and with many words.\n    short_text: Troops?\n',
  )
  .replace('        next: alone\n', '        next: [{ when: { length: class }, to: stalemate }, { to: alone }]\n');

function load(text: string): Scenario {
  const r = loadScenario(text, 'lengths.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

describe('lengths', () => {
  const s = load(WITH_CLASS);

  it('routes a run by its length and shows short texts where the length asks', () => {
    const full = Game.start(s, { role: 'host', seed: 1 });
    full.choose('ask_no');
    expect(full.view().step?.id).toBe('alone');
    const lesson = Game.start(s, { role: 'host', seed: 1, length: 'class' });
    expect(lesson.view().length).toBe('class');
    lesson.choose('ask_no');
    expect(lesson.ended).toBe(true);
    const chair = Game.start(s, { role: 'chair', seed: 1, length: 'class' });
    expect(chair.view().step?.text).toBe('Troops?');
    expect(Game.start(s, { role: 'chair', seed: 1 }).view().step?.text).toContain('at length');
    for (const g of [full, lesson, chair]) g.stop();
  });

  it('keeps the length through save, restore and replay, and refuses an unknown one', () => {
    const g = Game.start(s, { role: 'host', seed: 4, length: 'class' });
    const save = g.save();
    expect(save.length).toBe('class');
    const back = Game.restore(s, JSON.parse(JSON.stringify(save)));
    back.choose('ask_no');
    expect(back.ended).toBe(true);
    expect(back.debrief().length).toBe('class');
    expect(() => Game.start(s, { role: 'host', seed: 1, length: 'nap' })).toThrow(/no length "nap"/);
    // A full-case save carries no length, as before lengths existed.
    expect(Game.start(s, { role: 'host', seed: 1 }).save()).not.toHaveProperty('length');
    g.stop();
    back.stop();
  });

  it('refuses a { length } condition that names no declared length, and a length called full', () => {
    const bad = loadScenario(WITH_CLASS.replace('{ when: { length: class }', '{ when: { length: clas }'), 'x.yaml');
    expect(bad.ok ? [] : bad.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('unknown length "clas" (did you mean "class"?)'),
    ]);
    const full = loadScenario(WITH_CLASS.replace('{ id: class, label', '{ id: full, label'), 'x.yaml');
    expect(full.ok).toBe(false);
  });

  it('counts the words a path shows, and the decisions and votes it takes', () => {
    expect(countWords('The host asks — for troops, now.')).toBe(6);
    const g = Game.start(s, { role: 'chair', seed: 1 });
    g.choose('assess_yes');
    g.callVote();
    const m = measurePath(s, g.state());
    expect(m.decisions).toBe(2);
    expect(m.votes).toBe(1);
    // At least the step titles and narratives of the path.
    const least = ['A request arrives', 'The host asks for troops, at length and with many words.', 'The Council votes']
      .map(countWords)
      .reduce((a, b) => a + b, 0);
    expect(m.words).toBeGreaterThan(least);
    const lesson = sampleLength(s, 'chair', 'class', 20);
    const whole = sampleLength(s, 'chair', 'full', 20);
    expect(lesson.words.max).toBeLessThan(whole.words.max);
    g.stop();
  });

  it('estimates minutes per length from the words: 200 a minute plus time per decision', () => {
    expect(playMinutes(2000, 6, 'solo')).toBe(13);
    expect(playMinutes(2000, 6, 'class')).toBe(22);
    expect(minutesText({ min: 21, max: 24 })).toBe('about 20–25 min');
    expect(minutesText({ min: 1, max: 2 })).toBe('about 5 min');
    const e = lengthEstimates(s, 8);
    expect(e.map((x) => x.length)).toEqual(['full', 'class']);
    expect(e[1]?.label).toBe('Class lesson');
    expect(e[1]?.class.max ?? 0).toBeLessThanOrEqual(e[0]?.class.max ?? 0);
  });

  it('the checker holds a length to its budget', () => {
    const r = loadScenario(
      WITH_CLASS.replace('max_words: 100, decisions: { min: 1, max: 3 }', 'decisions: { min: 4, max: 8 }'),
      'x.yaml',
      {
        lint: true,
      },
    );
    const warnings = r.warnings.filter((w) => w.code === 'length-over-budget').map((w) => w.message);
    expect(warnings.some((w) => /paths take 1–\d decisions; the length allows 4–8/.test(w))).toBe(true);
  });
});
