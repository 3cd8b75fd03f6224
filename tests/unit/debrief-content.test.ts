/**
 * What the debrief carries: a quote's translation reaches the debrief beside the original words,
 * the original's language is claimed only when obvious, and the glossary lists every term A–Z.
 */
import { describe, expect, it } from 'vitest';
import { Game } from '../../src/engine';
import { quoteLang } from '../../src/ui/screens/debrief';
import { glossaryEntries } from '../../src/ui/screens/glossary';
import { bundledScenarioFiles, loadOrThrow, playThrough } from '../helpers';

const scenarios = bundledScenarioFiles().map(loadOrThrow);

describe('quote translations in the debrief', () => {
  it('every bundled quote given with a translation keeps it in the debrief of a run that meets it', () => {
    let met = 0;
    for (const s of scenarios) {
      for (const role of s.roles) {
        for (const seed of [1, 2, 3, 4, 5]) {
          const d = playThrough(s, role.id, seed).debrief();
          for (const x of d.decisions) {
            const step = s.steps.find((st) => st.id === x.step);
            const want = step?.history?.quotes ?? [];
            for (const q of want) {
              const got = x.history?.quotes.find((g) => g.text === q.text);
              expect(got, `${s.id} ${x.step}: ${q.text}`).toBeDefined();
              expect(got?.translation).toBe(q.translation);
              if (q.translation) met += 1;
            }
          }
        }
      }
    }
    expect(met).toBeGreaterThan(0);
  });

  it('shows Lukashenko’s words of April 2010 with their English translation', () => {
    const s = scenarios.find((x) => x.id === 'kyrgyzstan-2010');
    if (!s) throw new Error('no kyrgyzstan-2010');
    const game = Game.start(s, { role: 'alliance', seed: 1 });
    for (let i = 0; i < 10 && !game.debrief().decisions.some((d) => d.step === 'a_silence'); i++) {
      const v = game.view();
      const c = v.step?.choices[0];
      if (c) game.choose(c.id);
      else game.continue();
    }
    const d = game.debrief().decisions.find((x) => x.step === 'a_silence');
    const q = d?.history?.quotes.find((x) => x.text.includes('Тишина, ноль'));
    expect(q?.translation).toMatch(/Silence, zero/);
    expect(q && quoteLang(q)).toBe('ru');
  });

  it('claims a language for the original only when it is obvious', () => {
    expect(quoteLang({ text: 'Тишина, ноль', speaker: 'A (as quoted in Russian by Interfax)' })).toBe('ru');
    expect(quoteLang({ text: 'Тишина, ноль', speaker: 'A' })).toBeNull();
    expect(quoteLang({ text: 'Silence, zero', speaker: 'A (in Russian)' })).toBeNull();
  });
});

describe('the glossary', () => {
  for (const s of scenarios) {
    it(`${s.id}: every term, A–Z`, () => {
      const entries = glossaryEntries(s);
      expect(entries.map((e) => e.term).sort()).toEqual(s.teacher.glossary.map((g) => g.term).sort());
      const terms = entries.map((e) => e.term);
      expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
      expect(entries.length).toBeGreaterThan(0);
    });
  }
});
