/**
 * Every scene key, asset key, bridge event name and storage key, in one place.
 * Scenes and the HTML panel refer to these, never to string literals of their own.
 */

export const SceneKey = {
  Preload: 'preload',
  World: 'world',
  Gauges: 'gauges',
  Council: 'council',
} as const;
export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];

export const AssetKey = {
  /** The map's atlas (the build's projected Natural Earth countries), loaded by the preload scene. */
  Atlas: 'region-atlas',
  /** The map drawn for the current view, redrawn whenever the view settles. */
  BakedMap: 'world-baked-map',
  /** The texture the next bake draws into while the last one shows (the two swap). */
  BakedMapNext: 'world-baked-map-next',
} as const;

/** Names of the events sent between the HTML app and the Phaser scenes (see bridge.ts). */
export const BridgeEvent = {
  /** UI → scenes: which screen shows, and what the map should show for it. */
  Screen: 'screen',
  /** UI → scenes: the run's current view (engine snapshot). */
  View: 'view',
  /** UI → scenes: where the HTML panel leaves the map free. */
  Layout: 'layout',
  /** UI → scenes: the player's settings changed. */
  Settings: 'settings',
  /** UI → scenes: a case card got focus or hover (id, or null). */
  HighlightCase: 'highlight-case',
  /** Scenes → UI: the player clicked a case on the map. */
  PickCase: 'pick-case',
  /** Scenes → UI: the world is drawn (preload done). */
  WorldReady: 'world-ready',
  /** Scenes → UI: loading progress, 0..1. */
  LoadProgress: 'load-progress',
} as const;

export const StorageKey = {
  /** The saved run. The key stays; the stored value carries its format version and is migrated (save-store.ts). */
  Save: 'article-four:save:v1',
  /** Keys of saves from older versions: found, they are reported as outdated and removed. */
  OldSaves: ['article-four:save:v0', 'article-four:save'],
  Settings: 'article-four:settings:v1',
  /** Scenario files the player opened, kept so that a reload (or a saved run of one) finds them. */
  Opened: 'article-four:opened:v1',
  /** Council teams set up per case (class mode), kept for the next lesson. */
  Teams: 'article-four:teams:v1',
} as const;

export const ScreenId = {
  Title: 'title',
  Cases: 'cases',
  Seats: 'seats',
  Briefing: 'briefing',
  Play: 'play',
  Ending: 'ending',
  Debrief: 'debrief',
  Settings: 'settings',
  /** The case's glossary, A–Z (from the top bar during a run, and from the briefing). */
  Glossary: 'glossary',
  Credits: 'credits',
  Error: 'error',
  /** A case's teacher guide (objectives, timing, questions, glossary, running it with a class). */
  TeacherGuide: 'teacher-guide',
  /** A scenario file the player opened could not be loaded. */
  ScenarioErrors: 'scenario-errors',
  /** Class mode: which team holds which member state's seat in the Council. */
  CouncilTeams: 'council-teams',
  /** The printable role sheets of the Council teams. */
  RoleSheets: 'role-sheets',
  /** The alliance timeline shared by the cases, and Article 4 over time (screens/timeline.ts). */
  Timeline: 'timeline',
  /** A question before something is lost: a new run replacing the saved one, or a replay rewinding it. */
  Confirm: 'confirm',
} as const;
export type ScreenId = (typeof ScreenId)[keyof typeof ScreenId];

/**
 * On a stylesheet's preload in the built index.html (src/build/critical-css.ts): src/main.ts makes
 * it a stylesheet once the title, styled by its inlined rules, has been painted.
 */
export const STYLES_AFTER_PAINT = 'data-after-paint';
