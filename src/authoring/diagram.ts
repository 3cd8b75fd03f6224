/**
 * The scenario's statechart as Mermaid or Graphviz DOT: steps and endings as nodes, choices,
 * outcomes, votes and branches as labelled edges, and the historical path highlighted. Scenario
 * text is made safe first (no escape sequences, control or bidi characters: see safe-text.ts).
 */
import { safeLine } from '../cli/safe-text';
import type { Condition, Next, Scenario } from '../engine';

export interface Edge {
  from: string;
  to: string;
  label: string;
  historical: boolean;
}

function conditionText(c: Condition): string {
  if ('meter' in c) {
    const parts = (['gt', 'gte', 'lt', 'lte', 'eq'] as const)
      .filter((k) => c[k] !== undefined)
      .map((k) => `${c.meter} ${{ gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' }[k]} ${c[k]}`);
    return parts.join(' and ');
  }
  if ('flag' in c) return c.is === false ? `not ${c.flag}` : c.flag;
  if ('chose' in c) return `chose ${c.chose}`;
  if ('visited' in c) return `visited ${c.visited}`;
  if ('role' in c) return `seat ${c.role}`;
  if ('length' in c) return `${c.length} length`;
  if ('all' in c) return c.all.map(conditionText).join(' and ');
  if ('any' in c) return `(${c.any.map(conditionText).join(' or ')})`;
  return `not (${conditionText(c.not)})`;
}

function nextEdges(from: string, label: string, next: Next | undefined, historical: boolean): Edge[] {
  if (next === undefined) return [];
  if (typeof next === 'string') return [{ from, to: next, label, historical }];
  return next.map((b, i) => ({
    from,
    to: b.to,
    label: b.when
      ? `${label}${label ? ' · ' : ''}if ${conditionText(b.when)}`
      : `${label}${label ? ' · ' : ''}otherwise`,
    // Along history, the fallback branch is taken unless history says otherwise.
    historical: historical && i === next.length - 1,
  }));
}

export function scenarioEdges(s: Scenario): Edge[] {
  const edges: Edge[] = [];
  for (const st of s.steps) {
    const hist = st.history?.choice;
    for (const c of st.choices) {
      const isHist = hist === c.id;
      if (c.outcomes.length === 0) edges.push(...nextEdges(st.id, c.label, c.next, isHist));
      for (const o of c.outcomes) {
        edges.push(...nextEdges(st.id, `${c.label} → ${o.id}`, o.next ?? c.next, isHist && o === c.outcomes[0]));
      }
    }
    if (st.council) {
      edges.push(...nextEdges(st.id, 'consensus', st.council.consensus, hist === 'consensus'));
      edges.push(...nextEdges(st.id, 'blocked', st.council.blocked, hist === 'blocked'));
    }
    edges.push(...nextEdges(st.id, '', st.next, true));
  }
  // Keep only historical edges on a path from a seat's start along historical edges.
  const historicalFrom = new Map<string, string[]>();
  for (const e of edges) {
    if (!e.historical) continue;
    const list = historicalFrom.get(e.from);
    if (list) list.push(e.to);
    else historicalFrom.set(e.from, [e.to]);
  }
  const onPath = new Set<string>();
  const queue = s.roles.map((r) => r.start);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (onPath.has(id)) continue;
    onPath.add(id);
    queue.push(...(historicalFrom.get(id) ?? []));
  }
  return edges.map((e) => ({ ...e, historical: e.historical && onPath.has(e.from) }));
}

const mermaidText = (t: string) => safeLine(t).replace(/"/g, '#quot;');

export function toMermaid(s: Scenario): string {
  const edges = scenarioEdges(s);
  const lines = ['flowchart TD'];
  for (const r of s.roles) lines.push(`  seat_${r.id}{{"Seat: ${mermaidText(r.title)}"}} --> ${r.start}`);
  for (const st of s.steps) {
    const kind = st.council ? 'Council · ' : '';
    lines.push(
      `  ${st.id}["${kind}${mermaidText(st.title)}<br/><small>${st.date}${st.counterfactual ? ' · counterfactual' : ''}</small>"]`,
    );
  }
  for (const e of s.endings) lines.push(`  ${e.id}(["End: ${mermaidText(e.title)}"])`);
  edges.forEach((e) => {
    lines.push(e.label ? `  ${e.from} -->|"${mermaidText(e.label)}"| ${e.to}` : `  ${e.from} --> ${e.to}`);
  });
  const seatEdges = s.roles.length;
  const hist = edges.map((e, i) => (e.historical ? i + seatEdges : -1)).filter((i) => i >= 0);
  lines.push('  classDef ending fill:#e8eef7,stroke:#34507a');
  lines.push('  classDef counterfactual stroke-dasharray: 5 5');
  lines.push(`  class ${s.endings.map((e) => e.id).join(',')} ending`);
  const cf = [...s.steps.filter((x) => x.counterfactual), ...s.endings.filter((x) => x.counterfactual)].map(
    (x) => x.id,
  );
  if (cf.length > 0) lines.push(`  class ${cf.join(',')} counterfactual`);
  if (hist.length > 0) lines.push(`  linkStyle ${hist.join(',')} stroke:#c2410c,stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}

const dotText = (t: string) => safeLine(t).replace(/\\/g, '\\\\').replace(/"/g, '\\"');

export function toDot(s: Scenario): string {
  const edges = scenarioEdges(s);
  const lines = [
    `digraph "${dotText(s.id)}" {`,
    '  rankdir=TB;',
    '  node [fontname="Inter,Helvetica,Arial", fontsize=11];',
  ];
  for (const r of s.roles) {
    lines.push(
      `  "seat:${r.id}" [shape=hexagon, label="Seat: ${dotText(r.title)}"];`,
      `  "seat:${r.id}" -> "${r.start}";`,
    );
  }
  for (const st of s.steps) {
    const style = st.counterfactual ? ', style="dashed"' : '';
    lines.push(
      `  "${st.id}" [shape=box${style}, label="${st.council ? 'Council · ' : ''}${dotText(st.title)}\\n${st.date}"];`,
    );
  }
  for (const e of s.endings) {
    lines.push(
      `  "${e.id}" [shape=doubleoctagon${e.counterfactual ? ', style="dashed"' : ''}, label="End: ${dotText(e.title)}"];`,
    );
  }
  for (const e of edges) {
    const attrs = [`label="${dotText(e.label)}"`];
    if (e.historical) attrs.push('color="#c2410c"', 'penwidth=3');
    lines.push(`  "${e.from}" -> "${e.to}" [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
