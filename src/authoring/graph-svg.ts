/**
 * The scenario's statechart as a self-contained SVG document, drawn here with no library: seats,
 * steps (labelled boxes listing their choices) and endings (rounded, shaded) as nodes, every
 * choice, outcome, verdict and branch as an arrow, the historical path thick and orange (one
 * seat's with `role`, else every seat's), counterfactual steps and endings dashed, and the step
 * `current` outlined and labelled "You are here".
 *
 * Layout: layers by longest path from the seats (after turning back the edges that close a
 * cycle), a waypoint in each layer a long edge crosses, a few barycentre sweeps to order each
 * layer, and each node pulled towards its neighbours without overlapping. Edges that close a
 * cycle curve round the right-hand side.
 *
 * Pure TypeScript with no DOM and no `node:` imports: the CLI (`graph --format svg|html`) and the
 * browser's authoring workbench both call `graphSvg`. Scenario text is made safe (no control or
 * bidi characters: safe-text.ts) and escaped for XML; every node and arrow has a `<title>` and an
 * `aria-label`, and the document a title and a description that says history's path in words.
 */
import { safeLine } from '../cli/safe-text';
import type { Scenario } from '../engine';
import { type Edge, scenarioEdges } from './diagram';

export interface GraphSvgOptions {
  /** Highlight this seat's historical path only (default: every seat's). */
  role?: string;
  /** A step (or ending) id to mark as where the player or author is. */
  current?: string;
}

const COLOR = {
  history: '#c2410c',
  edge: '#64748b',
  text: '#0f172a',
  muted: '#475569',
  step: '#ffffff',
  stepStroke: '#475569',
  ending: '#e8eef7',
  endingStroke: '#34507a',
  seat: '#f1f5f9',
  current: '#1d4ed8',
} as const;

const FONT = 'Inter, Helvetica, Arial, sans-serif';
const MARGIN = 24;
const LEGEND_H = 56;
const NODE_GAP = 28;
const LAYER_GAP = 84;
const STEP_W = 220;
const ENDING_W = 180;
const SEAT_W = 180;
const DUMMY_W = 12;
/** Room on the right for the edges that close a cycle. */
const BACK_ROOM = 72;

/** Text made safe for a terminal and for XML: no control, bidi or non-characters, no lone surrogates; then escaped. */
function xml(text: string): string {
  return safeLine(text)
    .replace(/[\uFFFE\uFFFF]/g, '')
    .replace(/\p{Cs}/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** At most `max` characters (code points), with an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(safeLine(text));
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Words in lines of at most `width` characters, at most `lines` of them (the last clipped). */
function wrapWords(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of safeLine(text).split(/\s+/).filter(Boolean)) {
    if (line && Array.from(`${line} ${word}`).length > width) {
      out.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return out.map((l) => clip(l, width));
  const kept = out.slice(0, lines);
  kept[lines - 1] = clip(`${kept[lines - 1]} ${out.slice(lines).join(' ')}`, width);
  return kept.map((l) => clip(l, width));
}

const num = (n: number) => String(Math.round(n * 10) / 10);

interface GNode {
  key: string;
  kind: 'seat' | 'step' | 'ending' | 'dummy';
  /** The scenario id (seat, step or ending). */
  id: string;
  w: number;
  h: number;
  layer: number;
  x: number;
  y: number;
  /** Text lines: the heading, then smaller lines. */
  title: string[];
  lines: string[];
  counterfactual: boolean;
  label: string;
}

/** An edge as drawn: a scenario transition, or a seat's arrow to its start. */
interface GEdge {
  from: string;
  to: string;
  label: string;
  short: string;
  historical: boolean;
  seats: string[];
  seat: boolean;
  /** The transitions it stands for: parallel ones off history's path are drawn as one arrow. */
  count: number;
}

/**
 * One arrow for the transitions between the same two nodes that are not on history's path (their
 * labels joined); each historical transition keeps an arrow of its own.
 */
function mergeParallel(edges: GEdge[]): GEdge[] {
  const merged: GEdge[] = [];
  const byPair = new Map<string, GEdge>();
  for (const e of edges) {
    if (e.historical) {
      merged.push(e);
      continue;
    }
    const pair = `${e.from}\u0000${e.to}`;
    const first = byPair.get(pair);
    if (!first) {
      const copy = { ...e };
      byPair.set(pair, copy);
      merged.push(copy);
      continue;
    }
    first.label = `${first.label}; ${e.label}`;
    first.short = clip(`${first.short}, ${e.short}`, 34);
    first.count += 1;
  }
  return merged;
}

/** The short label an arrow carries: the choice's number in its step (the full label is the arrow's title). */
function shortLabel(s: Scenario, e: Edge): string {
  const step = s.steps.find((x) => x.id === e.from);
  const parts: string[] = [];
  if (e.choice !== undefined) {
    const n = (step?.choices.findIndex((c) => c.id === e.choice) ?? -1) + 1;
    parts.push(e.outcome !== undefined ? `${n} → ${e.outcome}` : String(n));
  }
  if (e.verdict) parts.push(e.verdict);
  if (e.branch) parts.push(e.branch);
  return clip(parts.join(' · '), 34);
}

export function graphSvg(scenario: Scenario, options: GraphSvgOptions = {}): string {
  const s = scenario;
  const role = options.role !== undefined && s.roles.some((r) => r.id === options.role) ? options.role : undefined;
  const prefix = `a4g-${s.id}${role ? `-${role}` : ''}`;
  const edges = scenarioEdges(s, role);

  // ---- nodes
  const nodes = new Map<string, GNode>();
  const add = (n: Omit<GNode, 'layer' | 'x' | 'y'>) => nodes.set(n.key, { ...n, layer: 0, x: 0, y: 0 });
  for (const r of s.roles) {
    const title = wrapWords(`Seat: ${r.title}`, 26, 2);
    add({
      key: `seat:${r.id}`,
      kind: 'seat',
      id: r.id,
      w: SEAT_W,
      h: 14 + 15 * title.length,
      title,
      lines: [],
      counterfactual: false,
      label: `Seat: ${safeLine(r.title)}, starts at step ${r.start}`,
    });
  }
  for (const st of s.steps) {
    const title = wrapWords(`${st.council ? 'Council · ' : ''}${st.title}`, 30, 2);
    const lines = [
      `${st.date}${st.counterfactual ? ' · counterfactual' : ''}`,
      ...st.choices.map((c, i) => clip(`${i + 1}. ${c.label}`, 38)),
    ];
    add({
      key: st.id,
      kind: 'step',
      id: st.id,
      w: STEP_W,
      h: 14 + 15 * title.length + 14 * lines.length,
      title,
      lines,
      counterfactual: st.counterfactual,
      label: `Step ${st.id}: ${st.council ? 'Council, ' : ''}${safeLine(st.title)}, ${st.date}${st.counterfactual ? ', counterfactual' : ''}${st.choices.length ? `; choices: ${st.choices.map((c, i) => `${i + 1}. ${safeLine(c.label)}`).join('; ')}` : ''}`,
    });
  }
  for (const e of s.endings) {
    if (nodes.has(e.id)) continue;
    const title = wrapWords(`End: ${e.title}`, 24, 2);
    add({
      key: e.id,
      kind: 'ending',
      id: e.id,
      w: ENDING_W,
      h: 18 + 15 * title.length + 14,
      title,
      lines: [`${e.tone}${e.counterfactual ? ' · counterfactual' : ''}`],
      counterfactual: e.counterfactual,
      label: `Ending ${e.id}: ${safeLine(e.title)} (${e.tone}${e.counterfactual ? ', counterfactual' : ''})`,
    });
  }

  const drawn: GEdge[] = [
    ...s.roles.map((r) => ({
      from: `seat:${r.id}`,
      to: r.start,
      label: `Seat ${r.id} starts here`,
      short: '',
      historical: role === undefined || role === r.id,
      seats: role === undefined || role === r.id ? [r.id] : [],
      seat: true,
      count: 1,
    })),
    ...mergeParallel(edges.map((e) => ({ ...e, short: shortLabel(s, e), seat: false, count: 1 }))),
  ].filter((e) => nodes.has(e.from) && nodes.has(e.to));

  // ---- turn back the edges that close a cycle (depth first from the seats, then the rest)
  const out = new Map<string, string[]>();
  for (const e of drawn) {
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const discovery: string[] = [];
  for (const root of nodes.keys()) {
    if (state.has(root)) continue;
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    state.set(root, 'open');
    discovery.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; i: number };
      const next = out.get(top.id) ?? [];
      const to = next[top.i++];
      if (to === undefined) {
        state.set(top.id, 'done');
        stack.pop();
      } else if (state.get(to) === 'open') {
        back.add(`${top.id}\u0000${to}`);
      } else if (!state.has(to)) {
        state.set(to, 'open');
        discovery.push(to);
        stack.push({ id: to, i: 0 });
      }
    }
  }
  const isBack = (e: GEdge) => e.from === e.to || back.has(`${e.from}\u0000${e.to}`);

  // ---- layers: longest path over the forward edges (in topological order: reverse finishing order)
  const preds = new Map<string, string[]>();
  for (const e of drawn) {
    if (isBack(e)) continue;
    const list = preds.get(e.to);
    if (list) list.push(e.from);
    else preds.set(e.to, [e.from]);
  }
  const layerOf = new Map<string, number>();
  const layerFor = (id: string): number => {
    // Iterative: a chain of steps may be long.
    const stack = [id];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as string;
      if (layerOf.has(top)) {
        stack.pop();
        continue;
      }
      const ps = preds.get(top) ?? [];
      const missing = ps.filter((p) => !layerOf.has(p));
      if (missing.length > 0) {
        stack.push(...missing);
        continue;
      }
      layerOf.set(top, ps.length === 0 ? 0 : 1 + Math.max(...ps.map((p) => layerOf.get(p) ?? 0)));
      stack.pop();
    }
    return layerOf.get(id) ?? 0;
  };
  for (const n of nodes.values()) n.layer = layerFor(n.key);

  // ---- waypoints: a dummy node in each layer a forward edge crosses (one chain per pair of nodes)
  const chains = new Map<string, string[]>();
  const parallel = new Map<string, GEdge[]>();
  for (const e of drawn) {
    if (isBack(e)) continue;
    const pair = `${e.from}\u0000${e.to}`;
    const list = parallel.get(pair);
    if (list) {
      list.push(e);
      continue;
    }
    parallel.set(pair, [e]);
    const a = nodes.get(e.from) as GNode;
    const b = nodes.get(e.to) as GNode;
    const chain = [a.key];
    for (let l = a.layer + 1; l < b.layer; l++) {
      const key = `dummy:${chains.size}:${l}`;
      nodes.set(key, {
        key,
        kind: 'dummy',
        id: key,
        w: DUMMY_W,
        h: 0,
        layer: l,
        x: 0,
        y: 0,
        title: [],
        lines: [],
        counterfactual: false,
        label: '',
      });
      chain.push(key);
    }
    chain.push(b.key);
    chains.set(pair, chain);
  }
  for (const [pair, chain] of chains) {
    const n = parallel.get(pair)?.length ?? 1;
    for (const key of chain.slice(1, -1)) {
      const d = nodes.get(key) as GNode;
      d.w = DUMMY_W * n;
    }
  }

  // ---- order each layer: discovery order, then barycentre sweeps down and up
  const layerCount = 1 + Math.max(0, ...[...nodes.values()].map((n) => n.layer));
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  const rank = new Map(discovery.map((id, i) => [id, i]));
  const sorted = [...nodes.values()].sort((a, b) => (rank.get(a.key) ?? 1e9) - (rank.get(b.key) ?? 1e9));
  for (const n of sorted) layers[n.layer]?.push(n.key);
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const chain of chains.values()) {
    for (let i = 0; i + 1 < chain.length; i++) {
      const a = chain[i] as string;
      const b = chain[i + 1] as string;
      (down.get(a) ?? down.set(a, []).get(a))?.push(b);
      (up.get(b) ?? up.set(b, []).get(b))?.push(a);
    }
  }
  const pos = new Map<string, number>();
  const index = () => {
    for (const layer of layers) for (const [i, k] of layer.entries()) pos.set(k, i);
  };
  index();
  const sweep = (layer: string[], neighbours: Map<string, string[]>) => {
    const bary = new Map<string, number>();
    for (const [i, k] of layer.entries()) {
      const ns = neighbours.get(k) ?? [];
      bary.set(k, ns.length ? ns.reduce((a, n) => a + (pos.get(n) ?? 0), 0) / ns.length : i);
    }
    layer.sort((a, b) => (bary.get(a) ?? 0) - (bary.get(b) ?? 0));
    for (const [i, k] of layer.entries()) pos.set(k, i);
  };
  for (let round = 0; round < 8; round++) {
    for (let l = 1; l < layers.length; l++) sweep(layers[l] as string[], up);
    for (let l = layers.length - 2; l >= 0; l--) sweep(layers[l] as string[], down);
  }

  // ---- x: packed, then each node pulled towards its neighbours' centres without overlap
  const node = (k: string) => nodes.get(k) as GNode;
  const gap = (a: GNode, b: GNode) => (a.kind === 'dummy' || b.kind === 'dummy' ? NODE_GAP / 2 : NODE_GAP);
  for (const layer of layers) {
    let x = 0;
    for (const [i, k] of layer.entries()) {
      const n = node(k);
      if (i > 0) x += gap(node(layer[i - 1] as string), n);
      n.x = x;
      x += n.w;
    }
  }
  const place = (layer: string[], neighbours: Map<string, string[]>) => {
    const want = layer.map((k) => {
      const n = node(k);
      const ns = neighbours.get(k) ?? [];
      if (ns.length === 0) return n.x;
      const centre = ns.reduce((a, m) => a + node(m).x + node(m).w / 2, 0) / ns.length;
      return centre - n.w / 2;
    });
    const left = [...want];
    for (let i = 1; i < layer.length; i++) {
      const prev = node(layer[i - 1] as string);
      left[i] = Math.max(left[i] as number, (left[i - 1] as number) + prev.w + gap(prev, node(layer[i] as string)));
    }
    const right = [...want];
    for (let i = layer.length - 2; i >= 0; i--) {
      const n = node(layer[i] as string);
      right[i] = Math.min(right[i] as number, (right[i + 1] as number) - n.w - gap(n, node(layer[i + 1] as string)));
    }
    let prevEnd = Number.NEGATIVE_INFINITY;
    for (const [i, k] of layer.entries()) {
      const n = node(k);
      const x = ((left[i] as number) + (right[i] as number)) / 2;
      const min = i === 0 ? Number.NEGATIVE_INFINITY : prevEnd + gap(node(layer[i - 1] as string), n);
      n.x = Math.max(x, min);
      prevEnd = n.x + n.w;
    }
  };
  for (let round = 0; round < 6; round++) {
    for (let l = 1; l < layers.length; l++) place(layers[l] as string[], up);
    for (let l = layers.length - 2; l >= 0; l--) place(layers[l] as string[], down);
  }
  const all = [...nodes.values()];
  const minX = Math.min(...all.map((n) => n.x));
  const hasBack = drawn.some(isBack);
  for (const n of all) n.x += MARGIN - minX;

  // ---- y: each layer as tall as its tallest node
  let y = MARGIN + LEGEND_H;
  const layerTop: number[] = [];
  const layerH: number[] = [];
  for (const layer of layers) {
    const h = Math.max(0, ...layer.map((k) => node(k).h));
    layerTop.push(y);
    layerH.push(h);
    for (const k of layer) {
      const n = node(k);
      n.y = n.kind === 'dummy' ? y : y + (h - n.h) / 2;
      if (n.kind === 'dummy') n.h = h;
    }
    y += h + LAYER_GAP;
  }
  const maxX = Math.max(...all.map((n) => n.x + n.w));
  const key = legend(s, role, options.current);
  const width = Math.ceil(Math.max(maxX + MARGIN + (hasBack ? BACK_ROOM : 0), key.width + MARGIN));
  const height = Math.ceil(y - LAYER_GAP + MARGIN);

  // ---- drawing
  const title = `Statechart of ${safeLine(s.title)}`;
  const seatsShown = role ? s.roles.filter((r) => r.id === role) : s.roles;
  const pathWords = seatsShown.map((r) => {
    const steps = [r.start];
    const hist = edges.filter((e) => e.seats.includes(r.id));
    for (let at = r.start, i = 0; i <= hist.length; i++) {
      const e = hist.find((x) => x.from === at);
      if (!e) break;
      steps.push(e.to);
      at = e.to;
    }
    return `History's path for seat ${r.id}: ${steps.join(' → ')}`;
  });
  const desc = `${s.steps.length} steps, ${s.endings.length} endings and ${edges.length} transitions${
    role ? `, seen from seat ${role}` : ''
  }. ${pathWords.join('. ')}.${options.current ? ` Current step: ${options.current}.` : ''}`;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="graphics-document document" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="${FONT}" class="a4-graph">`,
    `<title id="${prefix}-title">${xml(title)}</title>`,
    `<desc id="${prefix}-desc">${xml(desc)}</desc>`,
    '<defs>',
    ...(['edge', 'history'] as const).map(
      (k) =>
        `<marker id="${prefix}-arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="${k === 'history' ? 5 : 7}" markerHeight="${k === 'history' ? 5 : 7}" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLOR[k]}"/></marker>`,
    ),
    '</defs>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  parts.push(key.svg);

  // Edges first, so that boxes sit on top of them.
  const outgoing = new Map<string, number>();
  const outIndex = new Map<GEdge, number>();
  for (const e of drawn) {
    const k = outgoing.get(e.from) ?? 0;
    outIndex.set(e, k);
    outgoing.set(e.from, k + 1);
  }
  const backCount = new Map<string, number>();
  const edgeParts: string[] = [];
  const labelParts: string[] = [];
  for (const e of drawn) {
    const a = node(e.from);
    const b = node(e.to);
    const stroke = e.historical ? COLOR.history : COLOR.edge;
    const widthPx = e.historical ? 3 : 1.3;
    const marker = `url(#${prefix}-arrow-${e.historical ? 'history' : 'edge'})`;
    let d: string;
    let lx: number;
    let ly: number;
    if (isBack(e)) {
      const k = backCount.get(e.from) ?? 0;
      backCount.set(e.from, k + 1);
      const bulge = 36 + 10 * k;
      const x1 = a.x + a.w;
      const y1 = a.y + a.h / 2 + (e.from === e.to ? -8 : 0);
      const x2 = b.x + b.w;
      const y2 = b.y + b.h / 2 + (e.from === e.to ? 8 : 0);
      const cx = Math.max(x1, x2) + bulge;
      d = `M${num(x1)},${num(y1)} C${num(cx)},${num(y1)} ${num(cx)},${num(y2)} ${num(x2 + 2)},${num(y2)}`;
      lx = cx - 4;
      ly = (y1 + y2) / 2;
    } else {
      const pair = `${e.from}\u0000${e.to}`;
      const group = parallel.get(pair) ?? [e];
      const chain = (chains.get(pair) ?? [e.from, e.to]).map(node);
      const offset = (group.indexOf(e) - (group.length - 1) / 2) * 10;
      const pts: [number, number][] = [];
      pts.push([a.x + a.w / 2 + offset, a.y + a.h]);
      for (const dmy of chain.slice(1, -1)) {
        const cx = dmy.x + dmy.w / 2 + offset;
        pts.push([cx, dmy.y], [cx, dmy.y + dmy.h]);
      }
      pts.push([b.x + b.w / 2 + offset, b.y - 2]);
      const segs: string[] = [`M${num(pts[0]?.[0] ?? 0)},${num(pts[0]?.[1] ?? 0)}`];
      for (let i = 1; i < pts.length; i++) {
        const [x0, y0] = pts[i - 1] as [number, number];
        const [x1, y1] = pts[i] as [number, number];
        if (x0 === x1) segs.push(`L${num(x1)},${num(y1)}`);
        else {
          const my = (y0 + y1) / 2;
          segs.push(`C${num(x0)},${num(my)} ${num(x1)},${num(my)} ${num(x1)},${num(y1)}`);
        }
      }
      d = segs.join(' ');
      // The label on the first stretch, staggered among the arrows leaving the same node.
      const [x0, y0] = pts[0] as [number, number];
      const [x1, y1] = pts[1] as [number, number];
      const n = outgoing.get(e.from) ?? 1;
      const t = n === 1 ? 0.5 : 0.2 + (0.6 * (outIndex.get(e) ?? 0)) / (n - 1);
      // The point at t on the first stretch (a cubic with controls (x0, my) and (x1, my), or a line).
      const my = (y0 + y1) / 2;
      lx = x0 + (x1 - x0) * (3 * t * t - 2 * t * t * t);
      ly = x0 === x1 ? y0 + (y1 - y0) * t : (1 - t) ** 3 * y0 + 3 * (1 - t) * t * my + t ** 3 * y1;
    }
    const seatText = e.seats.length > 0 ? `; history's path (seat ${e.seats.join(', seat ')})` : '';
    const what = e.count > 1 ? `${e.count} transitions: ` : '';
    const name = e.seat
      ? `Seat ${e.from.slice(5)} starts at ${e.to}${seatText}`
      : `From ${e.from} to ${e.to}${e.label ? `: ${what}${safeLine(e.label)}` : ''}${seatText}`;
    const cls = `edge${e.seat ? ' seat-edge' : ' transition'}${e.historical ? ' historical' : ''}${isBack(e) ? ' back' : ''}`;
    edgeParts.push(
      `<g class="${cls}" data-from="${xml(e.from)}" data-to="${xml(e.to)}"${e.seats.length ? ` data-seats="${xml(e.seats.join(' '))}"` : ''} role="graphics-object group" aria-label="${xml(name)}">`,
      `<title>${xml(name)}</title>`,
      `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${widthPx}" marker-end="${marker}"/>`,
      '</g>',
    );
    if (e.short) {
      labelParts.push(
        `<text x="${num(lx)}" y="${num(ly + 3.5)}" font-size="10" text-anchor="middle" fill="${e.historical ? COLOR.history : COLOR.muted}" stroke="#ffffff" stroke-width="3" paint-order="stroke" aria-hidden="true">${xml(e.short)}</text>`,
      );
    }
  }
  parts.push('<g class="edges">', ...edgeParts, '</g>');

  parts.push('<g class="nodes">');
  for (const n of all) {
    if (n.kind === 'dummy') continue;
    const current = options.current !== undefined && n.kind !== 'seat' && n.id === options.current;
    parts.push(drawNode(n, current, prefix));
  }
  parts.push('</g>');
  parts.push('<g class="edge-labels">', ...labelParts, '</g>');
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function drawNode(n: GNode, current: boolean, prefix: string): string {
  const cls = `node ${n.kind}${n.counterfactual ? ' counterfactual' : ''}${current ? ' current' : ''}`;
  const label = `${n.label}${current ? ', current step' : ''}`;
  const dash = n.counterfactual ? ' stroke-dasharray="5 4"' : '';
  const out: string[] = [
    `<g class="${cls}" id="${prefix}-${n.kind}-${xml(n.id)}" data-id="${xml(n.id)}" role="graphics-object group" aria-label="${xml(label)}"${current ? ' aria-current="step"' : ''}>`,
    `<title>${xml(label)}</title>`,
  ];
  const x = num(n.x);
  const y = num(n.y);
  if (n.kind === 'seat') {
    const i = 12;
    const pts = [
      [n.x + i, n.y],
      [n.x + n.w - i, n.y],
      [n.x + n.w, n.y + n.h / 2],
      [n.x + n.w - i, n.y + n.h],
      [n.x + i, n.y + n.h],
      [n.x, n.y + n.h / 2],
    ]
      .map(([a, b]) => `${num(a as number)},${num(b as number)}`)
      .join(' ');
    out.push(`<polygon points="${pts}" fill="${COLOR.seat}" stroke="${COLOR.muted}" stroke-width="1.2"/>`);
  } else if (n.kind === 'ending') {
    out.push(
      `<rect x="${x}" y="${y}" width="${n.w}" height="${n.h}" rx="${num(Math.min(18, n.h / 2))}" fill="${COLOR.ending}" stroke="${COLOR.endingStroke}" stroke-width="1.5"${dash}/>`,
      `<rect x="${num(n.x + 3)}" y="${num(n.y + 3)}" width="${n.w - 6}" height="${num(n.h - 6)}" rx="${num(Math.min(15, n.h / 2 - 3))}" fill="none" stroke="${COLOR.endingStroke}" stroke-width="0.8"${dash}/>`,
    );
  } else {
    out.push(
      `<rect x="${x}" y="${y}" width="${n.w}" height="${n.h}" rx="4" fill="${COLOR.step}" stroke="${COLOR.stepStroke}" stroke-width="1.2"${dash}/>`,
    );
  }
  if (current) {
    out.push(
      `<rect x="${num(n.x - 5)}" y="${num(n.y - 5)}" width="${n.w + 10}" height="${num(n.h + 10)}" rx="8" fill="none" stroke="${COLOR.current}" stroke-width="3"/>`,
      `<text x="${x}" y="${num(n.y - 9)}" font-size="11" font-weight="700" fill="${COLOR.current}">You are here</text>`,
    );
  }
  const top = n.kind === 'ending' ? 8 : 4;
  const pad = n.kind === 'seat' ? 18 : 8;
  const anchor = n.kind === 'step' ? 'start' : 'middle';
  const tx = n.kind === 'step' ? n.x + pad : n.x + n.w / 2;
  n.title.forEach((line, i) => {
    out.push(
      `<text x="${num(tx)}" y="${num(n.y + top + 14 + 15 * i)}" font-size="12" font-weight="600" text-anchor="${anchor}" fill="${COLOR.text}">${xml(line)}</text>`,
    );
  });
  n.lines.forEach((line, i) => {
    out.push(
      `<text x="${num(tx)}" y="${num(n.y + top + 14 + 15 * n.title.length + 14 * i)}" font-size="10.5" text-anchor="${anchor}" fill="${i === 0 ? COLOR.muted : COLOR.text}">${xml(line)}</text>`,
    );
  });
  out.push('</g>');
  return out.join('\n');
}

/** The key to the drawing, across its top: what the orange path, the dashes, the shaded boxes and the blue outline mean. */
function legend(s: Scenario, role: string | undefined, current: string | undefined): { svg: string; width: number } {
  const heading = `${safeLine(s.title)}${role ? ` · seat ${role}` : ''}`;
  const y = MARGIN + 30;
  const items: string[] = [];
  let x = MARGIN;
  const item = (mark: string, text: string, w: number) => {
    items.push(
      `${mark}<text x="${num(x + 34)}" y="${num(y + 4)}" font-size="11" fill="${COLOR.text}">${xml(text)}</text>`,
    );
    x += 34 + w;
  };
  item(
    `<line x1="${x}" y1="${y}" x2="${x + 26}" y2="${y}" stroke="${COLOR.history}" stroke-width="3"/>`,
    role ? `History's path (seat ${role})` : "History's path (every seat)",
    role ? 200 : 170,
  );
  item(
    `<rect x="${x}" y="${y - 7}" width="26" height="14" rx="2" fill="#ffffff" stroke="${COLOR.stepStroke}" stroke-dasharray="4 3"/>`,
    'Counterfactual',
    100,
  );
  item(
    `<rect x="${x}" y="${y - 7}" width="26" height="14" rx="7" fill="${COLOR.ending}" stroke="${COLOR.endingStroke}"/>`,
    'Ending',
    60,
  );
  if (current) {
    item(
      `<rect x="${x}" y="${y - 7}" width="26" height="14" rx="3" fill="none" stroke="${COLOR.current}" stroke-width="3"/>`,
      'You are here',
      90,
    );
  }
  const note = 'Arrows: choice number (→ outcome · branch); hover for the full label';
  item('', note, 0);
  const title = clip(heading, 90);
  const svg = [
    '<g class="legend" aria-hidden="true">',
    `<text x="${MARGIN}" y="${MARGIN + 6}" font-size="14" font-weight="700" fill="${COLOR.text}">${xml(title)}</text>`,
    ...items,
    '</g>',
  ].join('\n');
  // Widths as estimated for the font sizes used: about 0.55 em a character.
  return { svg, width: Math.max(x + 34 + note.length * 6, MARGIN + Array.from(title).length * 8) };
}
