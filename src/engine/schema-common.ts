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
