/**
 * The modules the build makes: the bundled cases and timeline (src/build/scenarios-plugin.ts) and
 * the map's atlas (src/build/atlas-plugin.ts).
 */
declare module 'virtual:article-four/cases' {
  import type { CaseSummary, CompiledCase } from './case-summary';
  /** Every bundled case's summary, in the order they happened. */
  export const cases: CaseSummary[];
  /** Loads one case's compiled scenario (its own chunk). */
  export const loaders: Record<string, () => Promise<{ default: CompiledCase }>>;
}

/** The alliance timeline (scenarios/timeline/alliance.yaml), loaded and checked. */
declare module 'virtual:article-four/timeline' {
  import type { Timeline } from '../engine/timeline';

  const timeline: Timeline;
  export default timeline;
}

/** The map's atlas file, made by src/build/atlas-plugin.ts: its URL. */
declare module 'virtual:article-four/atlas.json?url' {
  const url: string;
  export default url;
}
