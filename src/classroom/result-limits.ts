/**
 * Result files' kind, versions and limits, apart from their Zod schema (result-schema.ts), so that
 * the game can use them without loading Zod.
 */

export const RESULT_KIND = 'article-four-result';
/** The format written today. */
export const RESULT_VERSION = 4;
/** The oldest format still read (migrated to RESULT_VERSION): see result-migrations.ts. */
export const RESULT_MIN_VERSION = 1;
/** Result files larger than this are refused unread (a real one is a few kilobytes to ~200 KB). */
export const MAX_RESULT_BYTES = 5 * 1024 * 1024;
/** Longest student or team name kept. */
export const MAX_NAME = 80;
export const MAX_EVENTS = 10_000;
/** Most team votes one Council-teams record holds. */
export const MAX_TEAM_VOTES = 50;
