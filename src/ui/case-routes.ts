/**
 * Which bundled cases a route needs loaded before the flow may go there: the case it names, the
 * saved run's case for a run route, and every case for the sources page. Pure.
 */
import { isRunRoute, type Route } from './flow/routes';

export type Needed = { all: true } | { all: false; ids: string[] };

export function casesForRoute(route: Route, savedCase: () => string | null): Needed {
  if (route.screen === 'credits') return { all: true };
  const ids: string[] = [];
  if ('scenario' in route && route.scenario) ids.push(route.scenario);
  if (isRunRoute(route)) {
    const saved = savedCase();
    if (saved) ids.push(saved);
  }
  return { all: false, ids };
}
