/**
 * What the screen builders get from the app: the flow's snapshot, the cases and settings, and
 * the ways to act (events to the flow, navigation, the live region). Builders read this and
 * return a ScreenResult; they keep no state of their own.
 */
import type { SnapshotFrom } from 'xstate';
import type { Scenario } from '../../engine/schema';
import type { CaseCard } from '../case-summary';
import type { CaseEntry } from '../cases';
import type { Drafts } from '../drafts';
import type { appMachine, FlowContext, FlowEvent } from '../flow/app-machine';
import type { Route, RouteScreen } from '../flow/routes';
import type { Settings } from '../settings';

export type AppSnapshot = SnapshotFrom<typeof appMachine>;

export interface Shell {
  snapshot: AppSnapshot;
  context: FlowContext;
  /** The cases loaded (bundled ones once needed) and opened. */
  cases: CaseEntry[];
  /** The case list: every case's summary, loaded or not. */
  list: CaseCard[];
  settings: Settings;
  /** What has been typed for the run on screen (kept across re-renders and reloads). */
  drafts: Drafts;
  scenario(id: string): Scenario | undefined;
  send(event: FlowEvent): void;
  navigate(route: Route): void;
  /** Goes back to `target` (default: the screen before, or the one this sits under). */
  back(target?: Route): void;
  /** The label of the Back button going to `backTarget()`. */
  backLabel(): string;
  announce(text: string): void;
  openFile(file: File): void;
  forgetOpened(id: string): void;
  changeSettings(patch: Partial<Settings>): void;
  /** The drafts changed: keep them for a reload. */
  keepDrafts(): void;
  /** A case card got focus or hover: the map highlights it. */
  highlightCase(id: string | null): void;
  /** Tell the scenes again (class votes change the chamber without a re-render). */
  emitScreen(): void;
}

const BACK_LABELS: Record<RouteScreen, string> = {
  title: 'Back to the title',
  cases: 'Back to the cases',
  credits: 'Back to the credits',
  settings: 'Back to the settings',
  timeline: 'Back to the timeline',
  seats: 'Back to the seats',
  briefing: 'Back to the briefing',
  guide: 'Back to the teacher guide',
  teams: 'Back to the Council teams',
  'role-sheets': 'Back to the role sheets',
  glossary: 'Back to the glossary',
  play: 'Back to the game',
  ending: 'Back to the game',
  debrief: 'Back to the debrief',
  'run-settings': 'Back to the settings',
  'run-glossary': 'Back to the glossary',
};

export function backLabelFor(route: Route): string {
  return BACK_LABELS[route.screen];
}
