/**
 * What a host around the game may change when the app starts: where the saved run is kept and
 * which screen a launch opens. The SCORM package's LMS code (src/lms/scorm-launch.ts) is the one
 * host; the plain site passes none.
 */
import type { FlowDeps, FlowEvent } from './flow/flow-types';
import type { Route } from './flow/routes';
import type { SaveRead } from './save-store';

export interface AppHooks {
  /** The flow's dependencies, given the app's own (e.g. the saved run kept by the LMS). */
  deps?(base: FlowDeps): FlowDeps;
  /** The screen to open instead of the address's, given the saved run; and events the flow gets before it starts. */
  launch?(initial: Route, saved: SaveRead): { route: Route; events: FlowEvent[] };
}
