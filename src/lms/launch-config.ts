/**
 * What a SCORM package tells the game at launch, in a `<meta name="article-four-lms">` that
 * `npm run build:scorm` writes into the package's index.html: the SCORM version the package was
 * made for (its API is looked for first) and the case, seat and length a teacher pinned. And the
 * screen a launch opens. Pure.
 */
import type { FlowEvent } from '../ui/flow/flow-types';
import type { Route } from '../ui/flow/routes';
import type { SaveRead } from '../ui/save-store';
import type { ScormVersion } from './find-api';

export const LMS_META = 'article-four-lms';

export interface Pin {
  case: string;
  seat?: string;
  length?: string;
}

export interface LaunchConfig {
  scorm: ScormVersion;
  pin: Pin | null;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The meta's content: `scorm=1.2&case=ID&seat=ROLE&length=L` (all but `scorm` optional). */
export function launchMeta(config: LaunchConfig): string {
  const p = new URLSearchParams({ scorm: config.scorm });
  if (config.pin) {
    p.set('case', config.pin.case);
    if (config.pin.seat) p.set('seat', config.pin.seat);
    if (config.pin.length) p.set('length', config.pin.length);
  }
  return p.toString();
}

/** The meta's content read back (ids that are not ids are ignored). */
export function readLaunchConfig(content: string | null | undefined): LaunchConfig {
  const p = new URLSearchParams(content ?? '');
  const id = (name: string) => {
    const v = p.get(name);
    return v !== null && ID.test(v) ? v : undefined;
  };
  const c = id('case');
  const seat = id('seat');
  const length = id('length');
  return {
    scorm: p.get('scorm') === '1.2' ? '1.2' : '2004',
    pin: c ? { case: c, ...(seat ? { seat } : {}), ...(length ? { length } : {}) } : null,
  };
}

/**
 * The screen a launch opens: the address's own when it names one (a reload inside the LMS's
 * frame), else the saved run where the student left it, else the pinned seat's briefing (or the
 * pinned case's seats), else the address's (the title). A pinned length is chosen for the case first.
 */
export function launchRoute(
  pin: Pin | null,
  initial: Route,
  saved: SaveRead,
  addressNamesScreen: boolean,
): { route: Route; events: FlowEvent[] } {
  const events: FlowEvent[] = pin?.length ? [{ type: 'LENGTH', scenario: pin.case, length: pin.length }] : [];
  if (addressNamesScreen) return { route: initial, events };
  if (saved.kind === 'ok') return { route: { screen: saved.run.screen }, events };
  if (pin?.seat) return { route: { screen: 'briefing', scenario: pin.case, role: pin.seat }, events };
  if (pin) return { route: { screen: 'seats', scenario: pin.case }, events };
  return { route: initial, events };
}
