/**
 * The statechart pane: the SVG the worker draws (graph-pane.ts, with `graphSvg`), for the run's
 * seat with the step it stands at and history's path highlighted. Drawn only while the pane is
 * shown (and again when the run or the text changes), parsed as SVG (never as HTML) and kept to
 * drawing elements before it joins the page.
 */
import type { EngineClient } from './engine-client';
import type { RunPlace } from './play-pane';

/** Elements and attributes a drawing needs; anything else (script, foreignObject, event handlers, links out) is dropped. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'marker',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'title',
  'desc',
  'style',
]);

function sanitize(el: Element): void {
  for (const child of [...el.children]) {
    if (!ELEMENTS.has(child.localName)) child.remove();
    else sanitize(child);
  }
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    const value = attr.value.trim().toLowerCase();
    if (name.startsWith('on') || ((name === 'href' || name === 'xlink:href') && !value.startsWith('#'))) {
      el.removeAttribute(attr.name);
    } else if (/url\(\s*['"]?(?!#)/.test(value)) {
      el.removeAttribute(attr.name);
    }
  }
}

/** The SVG text as an element of this document, or null when it does not parse as SVG. */
export function svgElement(text: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) return null;
  sanitize(root);
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

export class GraphPane {
  private place: RunPlace | null = null;
  private drawn: RunPlace | null = null;
  private visible = false;

  constructor(
    private readonly target: HTMLElement,
    private readonly status: HTMLElement,
    private readonly worker: EngineClient,
  ) {
    // A drawing wider than the pane scrolls: the keyboard reaches it and scrolls it with the arrows.
    target.tabIndex = 0;
    target.setAttribute('role', 'region');
    target.setAttribute('aria-label', 'The statechart (scrolls)');
  }

  /** Where the run stands now (null: no scenario to draw). */
  update(place: RunPlace | null): void {
    this.place = place;
    if (this.visible) void this.render();
  }

  /** The pane was shown or hidden. */
  shown(visible: boolean): void {
    this.visible = visible;
    if (visible) void this.render();
  }

  private async render(): Promise<void> {
    const place = this.place;
    if (place === this.drawn) return;
    if (!place) {
      this.drawn = null;
      this.target.replaceChildren();
      this.status.textContent = 'No statechart while the scenario has errors.';
      return;
    }
    this.drawn = place;
    this.status.textContent = 'Drawing the statechart…';
    let svg: SVGSVGElement | null = null;
    try {
      const text = await this.worker.request<'graph'>({
        type: 'graph',
        scenario: place.scenario,
        role: place.role,
        ...(place.current ? { current: place.current } : {}),
      });
      // A newer place was asked for meanwhile: it draws itself.
      if (this.place !== place) return;
      svg = svgElement(text);
    } catch (e) {
      this.drawn = null;
      this.status.textContent = `The statechart could not be drawn: ${(e as Error).message}`;
      return;
    }
    if (!svg) {
      this.status.textContent = 'The statechart could not be drawn.';
      return;
    }
    this.target.replaceChildren(svg);
    const step = place.current ? place.scenario.steps.find((st) => st.id === place.current) : undefined;
    const ending = place.current ? place.scenario.endings.find((e) => e.id === place.current) : undefined;
    this.status.textContent = step
      ? `The run stands at “${step.title}” (outlined, “You are here”); history’s path is drawn thick.`
      : ending
        ? `The run ended at “${ending.title}”; history’s path is drawn thick.`
        : 'History’s path is drawn thick.';
    // The step outlined, in the middle of the pane's scrolled view (the page itself does not move).
    const here = svg.querySelector('[aria-current="step"]');
    if (here) {
      const box = here.getBoundingClientRect();
      const view = this.target.getBoundingClientRect();
      this.target.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
      this.target.scrollTop += box.top + box.height / 2 - (view.top + view.height / 2);
    }
  }
}
