/**
 * The dashboard's views and their addresses, so Back, Forward and a reload behave: the dashboard
 * (no hash, or the id of a place on it), `#present` (the summary large, for a projector) and
 * `#path/N` (the path of the N-th result counted, beside history).
 */
export type Route = { view: 'dashboard' } | { view: 'present' } | { view: 'path'; index: number };

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  if (h === 'present') return { view: 'present' };
  const m = /^path\/(\d{1,6})$/.exec(h);
  if (m) return { view: 'path', index: Number(m[1]) };
  return { view: 'dashboard' };
}

export function routeHash(route: Route): string {
  if (route.view === 'present') return '#present';
  if (route.view === 'path') return `#path/${route.index}`;
  return '';
}

/** Where a decision's detail is on the dashboard: the n-th step (1-based) of a case's seat, both counted from 1. */
export function decisionAnchor(caseIndex: number, seatIndex: number, step: number): string {
  return `decision-${caseIndex}-${seatIndex}-${step}`;
}
