/**
 * How long a case takes, per length, from the words its paths show: reading at 200 words a
 * minute plus time per decision (alone, or as a class that discusses and votes). Measured over
 * seeded random runs of every seat; the case cards, the seat screen and the teacher guide show it.
 */

import { FULL_LENGTH } from './constants';
import { sampleLength } from './path-lengths';
import type { Scenario } from './schema';
import { playMinutes } from './words';

export interface LengthEstimate {
  length: string;
  label: string;
  description?: string;
  /** Mean words a path shows, lowest and highest over the seats. */
  words: { min: number; max: number };
  decisions: { min: number; max: number };
  /** Minutes of play, lowest and highest over the seats. */
  solo: { min: number; max: number };
  class: { min: number; max: number };
}

/** The lengths a case offers: the full case first, then those it declares. */
export function lengthsOf(s: Scenario): { id: string; label: string; description?: string }[] {
  return [
    { id: FULL_LENGTH, label: 'Full case' },
    ...s.lengths.map((l) => ({ id: l.id, label: l.label, ...(l.description ? { description: l.description } : {}) })),
  ];
}

export function lengthEstimates(s: Scenario, runs = 16): LengthEstimate[] {
  return lengthsOf(s).map((l) => {
    const seats = s.roles.map((r) => sampleLength(s, r.id, l.id, runs));
    const range = (f: (x: (typeof seats)[number]) => number) => ({
      min: Math.min(...seats.map(f)),
      max: Math.max(...seats.map(f)),
    });
    return {
      length: l.id,
      label: l.label,
      ...(l.description ? { description: l.description } : {}),
      words: range((x) => Math.round(x.words.mean)),
      decisions: range((x) => Math.round(x.decisions.mean)),
      solo: range((x) => playMinutes(x.words.mean, x.decisions.mean, 'solo')),
      class: range((x) => playMinutes(x.words.mean, x.decisions.mean, 'class')),
    };
  });
}

/** "about 25 min", or "about 20–25 min": rounded to 5 minutes (at least 5). */
export function minutesText(r: { min: number; max: number }): string {
  const round = (x: number) => Math.max(5, Math.round(x / 5) * 5);
  const a = round(r.min);
  const b = round(r.max);
  return a === b ? `about ${a} min` : `about ${a}–${b} min`;
}
