/**
 * `scenario graph FILE [--format mermaid|dot|svg|html] [--role ID]`: the statechart, the
 * historical path highlighted (one seat's with --role, else every seat's). `svg` is a drawing
 * made here, with no library or network (src/authoring/graph-svg.ts); `html` is a page holding
 * it, to open in any browser offline.
 */
import { toDot, toMermaid } from '../authoring/diagram';
import { graphSvg } from '../authoring/graph-svg';
import type { Scenario } from '../engine';
import { type ParsedArgs, UsageError } from './args';
import type { Cli } from './io';
import { loadOrReport } from './read-scenario';

const FORMATS = ['mermaid', 'dot', 'svg', 'html'] as const;
type Format = (typeof FORMATS)[number];

const htmlText = (t: string) =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A self-contained page: the drawing, a heading and how to read it; no script, nothing fetched. */
export function graphHtml(s: Scenario, role?: string): string {
  const svg = graphSvg(s, role ? { role } : {});
  const title = `${s.title}: statechart${role ? ` (seat ${role})` : ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${htmlText(title)}</title>
<style>
  body { margin: 0; font-family: Inter, Helvetica, Arial, sans-serif; color: #0f172a; background: #f8fafc; }
  header { padding: 1rem 1.5rem 0.5rem; }
  h1 { font-size: 1.25rem; margin: 0 0 0.25rem; }
  p { margin: 0.25rem 0; max-width: 60rem; }
  main { padding: 0.5rem 1.5rem 2rem; overflow: auto; }
  svg { background: #fff; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); max-width: none; }
  .edge:hover path, .edge:focus path { stroke-width: 4; }
</style>
</head>
<body>
<header>
<h1>${htmlText(title)}</h1>
<p>Boxes are steps (with their date and numbered choices), shaded rounded boxes are endings, hexagons are seats. The orange arrows are what really happened, ${role ? `from seat ${htmlText(role)}` : 'from every seat'}; dashed boxes are counterfactual. Each arrow is labelled with the number of its choice in the step (then the outcome and the branch); hover over an arrow or a box for its full text. Use the browser's zoom to read a large case.</p>
</header>
<main>
${svg}</main>
</body>
</html>
`;
}

export function runGraph(args: ParsedArgs, cli: Cli): number {
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError('graph needs exactly one FILE');
  const format = args.options.get('format') ?? 'mermaid';
  if (!FORMATS.includes(format as Format)) throw new UsageError('--format is mermaid, dot, svg or html');
  const roleOpt = args.options.get('role');
  if (roleOpt === true) throw new UsageError('--role needs a seat id');
  const scenario = loadOrReport(cli, file);
  if (!scenario) return 1;
  if (roleOpt !== undefined && !scenario.roles.some((r) => r.id === roleOpt)) {
    throw new UsageError(
      `no seat "${roleOpt}" in ${scenario.id}; seats: ${scenario.roles.map((r) => r.id).join(', ')}`,
    );
  }
  const role = roleOpt;
  const text: Record<Format, () => string> = {
    mermaid: () => toMermaid(scenario, role),
    dot: () => toDot(scenario, role),
    svg: () => graphSvg(scenario, role ? { role } : {}),
    html: () => graphHtml(scenario, role),
  };
  cli.write(text[format as Format]());
  return 0;
}
