/**
 * Where each screen lives in the address: `#/case/kyrgyzstan-2010/guide` opens that case's
 * teacher guide in any browser. Hash routes, so the game works from any folder, a file:// copy
 * and inside an LMS package alike; the query (`?seed=N`) is left alone. Pure: no DOM.
 */

export type Route =
  | { screen: 'title' }
  | { screen: 'cases' }
  | { screen: 'credits' }
  | { screen: 'settings' }
  | { screen: 'timeline'; scenario?: string; all?: boolean }
  | { screen: 'seats'; scenario: string }
  | { screen: 'briefing'; scenario: string; role: string }
  | { screen: 'guide'; scenario: string }
  | { screen: 'teams'; scenario: string }
  | { screen: 'role-sheets'; scenario: string }
  | { screen: 'glossary'; scenario: string }
  /** The run in this browser: its step, result or Council vote. */
  | { screen: 'play' }
  | { screen: 'ending' }
  | { screen: 'debrief' }
  /** Settings and the glossary opened from the run's top bar: the run stays open beneath. */
  | { screen: 'run-settings' }
  | { screen: 'run-glossary' };

export type RouteScreen = Route['screen'];

/** The routes that belong to the open run. */
export const RUN_SCREENS: readonly RouteScreen[] = ['play', 'ending', 'debrief', 'run-settings', 'run-glossary'];

export function isRunRoute(r: Route): boolean {
  return RUN_SCREENS.includes(r.screen);
}

/** Case and role ids as they appear in a route (the schema allows letters, digits, `-` and `_`). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function id(part: string | undefined): string | null {
  if (part === undefined) return null;
  let text: string;
  try {
    text = decodeURIComponent(part);
  } catch {
    return null;
  }
  return ID.test(text) ? text : null;
}

/** The route of an address's hash (`#/cases`); anything unknown is the title. */
export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '');
  const [head, a, b, c] = parts;
  const title: Route = { screen: 'title' };
  switch (head) {
    case undefined:
      return title;
    case 'cases':
      return parts.length === 1 ? { screen: 'cases' } : title;
    case 'credits':
      return parts.length === 1 ? { screen: 'credits' } : title;
    case 'settings':
      return parts.length === 1 ? { screen: 'settings' } : title;
    case 'timeline': {
      if (parts.length === 1) return { screen: 'timeline' };
      const scenario = id(a);
      if (!scenario || parts.length > 3 || (b !== undefined && b !== 'all')) return title;
      return { screen: 'timeline', scenario, ...(b === 'all' ? { all: true } : {}) };
    }
    case 'case': {
      const scenario = id(a);
      if (!scenario) return title;
      if (parts.length === 2) return { screen: 'seats', scenario };
      if (b === 'seat' && parts.length === 4) {
        const role = id(c);
        return role ? { screen: 'briefing', scenario, role } : title;
      }
      if (parts.length !== 3) return title;
      if (b === 'guide') return { screen: 'guide', scenario };
      if (b === 'teams') return { screen: 'teams', scenario };
      if (b === 'role-sheets') return { screen: 'role-sheets', scenario };
      if (b === 'glossary') return { screen: 'glossary', scenario };
      return title;
    }
    case 'play': {
      if (parts.length === 1) return { screen: 'play' };
      if (parts.length !== 2) return title;
      if (a === 'ending') return { screen: 'ending' };
      if (a === 'debrief') return { screen: 'debrief' };
      if (a === 'settings') return { screen: 'run-settings' };
      if (a === 'glossary') return { screen: 'run-glossary' };
      return title;
    }
    default:
      return title;
  }
}

/** The hash of a route: `routeHash(parseRoute(h))` gives back a canonical `h`. */
export function routeHash(r: Route): string {
  const e = encodeURIComponent;
  switch (r.screen) {
    case 'title':
      return '#/';
    case 'cases':
    case 'credits':
    case 'settings':
      return `#/${r.screen}`;
    case 'timeline':
      return r.scenario ? `#/timeline/${e(r.scenario)}${r.all ? '/all' : ''}` : '#/timeline';
    case 'seats':
      return `#/case/${e(r.scenario)}`;
    case 'briefing':
      return `#/case/${e(r.scenario)}/seat/${e(r.role)}`;
    case 'guide':
    case 'teams':
    case 'role-sheets':
    case 'glossary':
      return `#/case/${e(r.scenario)}/${r.screen}`;
    case 'play':
      return '#/play';
    case 'ending':
    case 'debrief':
      return `#/play/${r.screen}`;
    case 'run-settings':
      return '#/play/settings';
    case 'run-glossary':
      return '#/play/glossary';
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return routeHash(a) === routeHash(b);
}

/** The case a route is about, if any. */
export function routeCase(r: Route): string | undefined {
  return 'scenario' in r ? r.scenario : undefined;
}

/**
 * Where a screen's own Back button leads when the browser has no earlier screen of ours (a
 * link opened in a fresh tab): the screen it sits under.
 */
export function parentRoute(r: Route): Route {
  switch (r.screen) {
    case 'title':
    case 'cases':
    case 'credits':
    case 'settings':
      return { screen: 'title' };
    case 'timeline':
      return r.scenario ? { screen: 'seats', scenario: r.scenario } : { screen: 'title' };
    case 'seats':
      return { screen: 'cases' };
    case 'briefing':
    case 'guide':
    case 'teams':
      return { screen: 'seats', scenario: r.scenario };
    case 'role-sheets':
      return { screen: 'guide', scenario: r.scenario };
    case 'glossary':
      return { screen: 'seats', scenario: r.scenario };
    case 'play':
    case 'ending':
    case 'debrief':
      return { screen: 'title' };
    case 'run-settings':
    case 'run-glossary':
      return { screen: 'play' };
  }
}
