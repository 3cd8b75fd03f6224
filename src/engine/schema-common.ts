/**
 * The scenario format's fixed values that the game reads at run time: its version, the pattern of
 * its ids and the labels a claim may carry. Apart from the Zod building blocks (schema-blocks.ts),
 * so that the game can use them without loading Zod.
 */

export const FORMAT_CURRENT = 1;
export const FORMAT_MIN_COMPATIBLE = 1;

export const ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

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
