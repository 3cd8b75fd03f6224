/** The scenario format's building blocks: its version, ids, texts and dates (see schema.ts). */
import { z } from './zod';

export const FORMAT_CURRENT = 1;
export const FORMAT_MIN_COMPATIBLE = 1;

export const ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, 'ids are lower-case letters, digits, "_" and "-", starting with a letter (at most 64)')
  .describe('A stable id: lower-case letters, digits, "_" and "-", starting with a letter.');

export const Text = (what: string, max = 4000) =>
  z.string().min(1, `${what} must not be empty`).max(max).describe(what);

export const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are written YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('A date: YYYY, YYYY-MM or YYYY-MM-DD.');

/**
 * A private note for the case's authors: never shown to players, never in the debrief, a report or
 * a result file. (A source's `note`, by contrast, is shown to students beside the source.)
 */
export const AuthorNote = z
  .string()
  .max(2000)
  .optional()
  .describe(
    'A private note for authors (a reminder, a to-do, a doubt): never shown to players, in the debrief, a report or a result file.',
  );

/**
 * Labels a claim or an invented element may carry besides `contested` and `counterfactual`, each
 * shown to students as a small badge with its meaning.
 */
export const CLAIM_LABELS = ['uncertain', 'inferred', 'simplified'] as const;
export type ClaimLabel = (typeof CLAIM_LABELS)[number];

/** What each label means, as students read it beside the badge. */
export const CLAIM_LABEL_TEXT: Readonly<Record<ClaimLabel, { badge: string; meaning: string }>> = {
  uncertain: { badge: 'Uncertain', meaning: 'the sources do not settle this: it may not be so.' },
  inferred: { badge: 'Inferred', meaning: 'no source says this outright; it is deduced from what they do say.' },
  simplified: { badge: 'Simplified', meaning: 'the real events were more complicated than shown here.' },
};

export const ClaimLabels = z
  .array(z.enum(CLAIM_LABELS))
  .default([])
  .describe(
    'Labels shown to students as badges: `uncertain` (the sources do not settle it), `inferred` (deduced, not stated by a source), `simplified` (the real events were more complicated).',
  );
