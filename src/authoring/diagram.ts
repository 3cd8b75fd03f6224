/**
 * The scenario's statechart as Mermaid or Graphviz DOT: steps and endings as nodes, choices,
 * outcomes, votes and branches as labelled edges, and the historical path highlighted. Scenario
 * text is made safe first (no escape sequences, control or bidi characters: see safe-text.ts).
 */
import { safeLine } from '../cli/safe-text';
import type { Condition, Next, Scenario } from '../engine';
import { nextOf } from '../engine/conditions';
import { FULL_LENGTH } from '../engine/schema';

export interface Edge {
  from: string;
  to: string;
  label: string;
  /** On the historical path of the seat asked for (`scenarioEdges(s, role)`), or of any seat. */
  historical: boolean;
  /** The seats whose historical path takes this edge (only the seat asked for, when one was). */
  seats: string[];
  /** The move: a choice (and its outcome), a Council verdict, or absent for a step's `next`. */
  choice?: string;
  outcome?: string;
  verdict?: 'consensus' | 'blocked';
  /** The branch of a branching `next`: "if CONDITION" or "otherwise". */
  branch?: string;
}

/** What is known of a run when a condition is read: the seat, and along a path, the steps visited and choices taken. */
export interface Known {
  role?: string;
  visited?: ReadonlySet<string>;
  chosen?: ReadonlySet<string>;
}

/**
 * Whether a condition holds as far as `known` tells: true, false, or undefined when it depends on
 * what only a run knows (meters, flags, and what `known` leaves out). Lengths read as the full case.
 */
export function knownHolds(c: Condition | undefined, known: Known): boolean | undefined {
  if (c === undefined) return true;
  if ('role' in c) return known.role === undefined ? undefined : c.role === known.role;
  if ('length' in c) return c.length === FULL_LENGTH;
  if ('visited' in c) return known.visited ? known.visited.has(c.visited) : undefined;
  if ('chose' in c) return known.chosen ? known.chosen.has(c.chose) : undefined;
  if ('not' in c) {
    const v = knownHolds(c.not, known);
    return v === undefined ? undefined : !v;
  }
  if ('all' in c) {
    const vs = c.all.map((x) => knownHolds(x, known));
    return vs.includes(false) ? false : vs.every((v) => v === true) ? true : undefined;
  }
  if ('any' in c) {
    const vs = c.any.map((x) => knownHolds(x, known));
    return vs.includes(true) ? true : vs.every((v) => v === false) ? false : undefined;
  }
  return undefined;
}

/**
 * Whether a seat can ever be offered something with this `when` in the full case: false only when
 * the condition cannot hold for that seat (it names another seat, or another length), whatever the run.
 */
export function seatCanSee(when: Condition | undefined, role: string): boolean {
  return knownHolds(when, { role }) !== false;
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
  if ('decisions' in c) {
    const { gte, lte } = c.decisions;
    return [gte !== undefined && `decisions ≥ ${gte}`, lte !== undefined && `decisions ≤ ${lte}`]
      .filter(Boolean)
      .join(' and ');
  }
  if ('all' in c) return c.all.map(conditionText).join(' and ');
  if ('any' in c) return `(${c.any.map(conditionText).join(' or ')})`;
  return `not (${conditionText(c.not)})`;
}

/** An edge with the move it stands for: `key` names the step, the move and the branch. */
type KeyedEdge = Omit<Edge, 'historical' | 'seats'> & { key: string };

const moveKey = (step: string, ...parts: string[]) => [step, ...parts].join('\u0000');

type Move = Pick<Edge, 'choice' | 'outcome' | 'verdict'>;

function nextEdges(from: string, label: string, next: Next | undefined, key: string, move: Move = {}): KeyedEdge[] {
  if (next === undefined) return [];
  if (typeof next === 'string') return [{ from, to: next, label, key: `${key}\u0000#0`, ...move }];
  return next.map((b, i) => {
    const branch = b.when ? `if ${conditionText(b.when)}` : 'otherwise';
    return {
      from,
      to: b.to,
      label: `${label}${label ? ' · ' : ''}${branch}`,
      key: `${key}\u0000#${i}`,
      ...move,
      branch,
    };
  });
}

/**
 * The branch of a `next` history takes, as far as can be known: the first whose condition surely
 * holds for the seat with the path so far (steps visited, choices taken); branches that depend on
 * meters or flags are passed over, and without a sure one, the fallback (the last branch) is taken.
 */
function historyBranch(next: Next, known: Known): number {
  if (typeof next === 'string') return 0;
  const sure = next.findIndex((b) => knownHolds(b.when, known) === true);
  return sure >= 0 ? sure : next.length - 1;
}

/**
 * The moves of one seat's historical path, as edge keys: from the seat's start, history's choice
 * at each step (its first outcome), the Council's historical verdict, each step's `next`, and the
 * branch `historyBranch` picks. It stops at an ending, at a step whose history names no move this
 * seat can make, or where it would enter a step a second time.
 */
export function historicalMoves(s: Scenario, role: string): string[] {
  const keys: string[] = [];
  const visited = new Set<string>();
  const chosen = new Set<string>();
  let at = s.roles.find((r) => r.id === role)?.start;
  while (at !== undefined) {
    const id: string = at;
    const st = s.steps.find((x) => x.id === id);
    if (!st || visited.has(st.id)) break;
    visited.add(st.id);
    const hist = st.history?.choice;
    let next: Next | undefined;
    let move: string;
    if (st.choices.length > 0) {
      const c = st.choices.find((x) => x.id === hist);
      if (!c || knownHolds(c.when, { role, visited, chosen }) === false) break;
      chosen.add(c.id);
      const o = c.outcomes[0];
      next = nextOf(st, c, o);
      move = moveKey(st.id, 'choice', c.id, o?.id ?? '');
    } else if (st.council) {
      if (hist !== 'consensus' && hist !== 'blocked') break;
      next = st.council[hist];
      move = moveKey(st.id, hist);
    } else {
      next = st.next;
      move = moveKey(st.id, 'next');
    }
    if (next === undefined) break;
    const branch = historyBranch(next, { role, visited, chosen });
    keys.push(`${move}\u0000#${branch}`);
    at = typeof next === 'string' ? next : next[branch]?.to;
  }
  return keys;
}

/**
 * Every edge of the statechart, each marked with the seats whose historical path takes it: only
 * `role`'s when given, else every seat's (so a branch on the seat is historical on each side).
 */
export function scenarioEdges(s: Scenario, role?: string): Edge[] {
  const edges: KeyedEdge[] = [];
  for (const st of s.steps) {
    for (const c of st.choices) {
      const key = (o: string) => moveKey(st.id, 'choice', c.id, o);
      if (c.outcomes.length === 0) edges.push(...nextEdges(st.id, c.label, nextOf(st, c), key(''), { choice: c.id }));
      for (const o of c.outcomes) {
        edges.push(
          ...nextEdges(st.id, `${c.label} → ${o.id}`, nextOf(st, c, o), key(o.id), { choice: c.id, outcome: o.id }),
        );
      }
    }
    if (st.council) {
      for (const verdict of ['consensus', 'blocked'] as const) {
        edges.push(...nextEdges(st.id, verdict, st.council[verdict], moveKey(st.id, verdict), { verdict }));
      }
    }
    // On a step with choices, `next` is the one its choices share (drawn on each choice above).
    if (st.choices.length === 0) edges.push(...nextEdges(st.id, '', st.next, moveKey(st.id, 'next')));
  }
  const seatsOf = new Map<string, string[]>();
  for (const r of s.roles) {
    if (role !== undefined && r.id !== role) continue;
    for (const key of historicalMoves(s, r.id)) {
      const list = seatsOf.get(key);
      if (list) list.push(r.id);
      else seatsOf.set(key, [r.id]);
    }
  }
  return edges.map(({ key, ...e }) => {
    const seats = seatsOf.get(key) ?? [];
    return { ...e, historical: seats.length > 0, seats };
  });
}

const mermaidText = (t: string) => safeLine(t).replace(/"/g, '#quot;');

export function toMermaid(s: Scenario, role?: string): string {
  const edges = scenarioEdges(s, role);
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

export function toDot(s: Scenario, role?: string): string {
  const edges = scenarioEdges(s, role);
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
