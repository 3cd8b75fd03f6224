/**
 * Time estimates per case and length, measured by the engine from the words its paths show
 * (engine/estimates.ts). Measuring plays a few dozen seeded runs, so it runs after the screen has
 * rendered, one case per tick, and is kept for the visit.
 */
import { type LengthEstimate, lengthEstimates, minutesText } from '../engine/estimates';
import type { Scenario } from '../engine/schema';

const cache = new WeakMap<Scenario, LengthEstimate[]>();

/** The estimates of a case, measured now if not yet. */
export function estimatesOf(s: Scenario): LengthEstimate[] {
  let e = cache.get(s);
  if (!e) {
    e = lengthEstimates(s);
    cache.set(s, e);
  }
  return e;
}

export function knownEstimates(s: Scenario): LengthEstimate[] | undefined {
  return cache.get(s);
}

/** Measures the cases one per tick after the current render, calling `ready` after each. */
export function measureLater(
  cases: readonly Scenario[],
  ready: (s: Scenario, e: LengthEstimate[]) => void,
): () => void {
  let stopped = false;
  const queue = [...cases];
  const next = () => {
    if (stopped) return;
    const s = queue.shift();
    if (!s) return;
    ready(s, estimatesOf(s));
    window.setTimeout(next, 0);
  };
  window.setTimeout(next, 0);
  return () => {
    stopped = true;
  };
}

/** "about 20 min alone, 35–40 min as a class". */
export function estimateText(e: LengthEstimate): string {
  return `${minutesText(e.solo)} alone, ${minutesText(e.class).replace('about ', '')} as a class`;
}

/**
 * Fills the time estimates a screen shows (`data-estimate` spans): from the build's measurements
 * (`measured`, bundled cases) at once, else measured here one case per tick. Returns how to stop.
 */
export function fillEstimates(
  main: HTMLElement,
  measured: (id: string) => LengthEstimate[] | undefined,
  scenario: (id: string) => Scenario | undefined,
): (() => void) | null {
  const spans = [...main.querySelectorAll<HTMLElement>('[data-estimate]')];
  if (spans.length === 0) return null;
  const fill = (s: { id: string }, estimates: LengthEstimate[]) => {
    for (const el of main.querySelectorAll<HTMLElement>('[data-estimate]')) {
      if (el.dataset.estimate !== s.id) continue;
      const e = estimates.find((x) => x.length === el.dataset.length);
      if (e) el.textContent = estimateText(e);
    }
  };
  const pending: Scenario[] = [];
  for (const id of new Set(spans.map((el) => el.dataset.estimate ?? ''))) {
    const s = scenario(id);
    const known = measured(id) ?? (s ? knownEstimates(s) : undefined);
    if (known) fill({ id }, known);
    else if (s) pending.push(s);
  }
  return pending.length > 0 ? measureLater(pending, fill) : null;
}
