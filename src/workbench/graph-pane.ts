/**
 * The adapter between the Author page and `graphSvg` (src/authoring/graph-svg.ts: pure, no DOM),
 * the one place the page calls it: the scenario's statechart as SVG text, for a seat, with the
 * step or ending the run stands at outlined and history's path highlighted. The engine worker
 * calls it (the drawing's layout runs off the page's thread), and the statechart pane
 * (graph-view.ts) shows the text it returns.
 */
import { graphSvg } from '../authoring/graph-svg';
import type { Scenario } from '../engine';

export function statechartSvg(scenario: Scenario, role: string, current?: string): string {
  return graphSvg(scenario, { role, ...(current ? { current } : {}) });
}
