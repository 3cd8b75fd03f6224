/**
 * The format's fixed names that the game reads at run time: the whole case's length id and the
 * phases of a step. Apart from the schema (Zod), so that the game's screens and engine can use
 * them without building the scenario schema, which only the loader needs.
 */

/** The whole case, always available: the length a run has unless another is chosen. */
export const FULL_LENGTH = 'full';

/** The phases a step can belong to, in the order a case moves through them. */
export const PHASES = [
  'request',
  'assessment',
  'consultation',
  'council',
  'response',
  'consequences',
  'withdrawal',
  'aftermath',
] as const;
export type Phase = (typeof PHASES)[number];
