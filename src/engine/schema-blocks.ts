/** The scenario format's building blocks in Zod: ids, texts, dates, author notes, claim labels (see schema.ts). */
import { CLAIM_LABELS, ID_PATTERN } from './schema-common';
import { z } from './zod';

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

export const ClaimLabels = z
  .array(z.enum(CLAIM_LABELS))
  .default([])
  .describe(
    'Labels shown to students as badges: `uncertain` (the sources do not settle it), `inferred` (deduced, not stated by a source), `simplified` (the real events were more complicated).',
  );
