/**
 * Pathological scenarios generated as text, for the CLI's bounds tests
 * (tests/unit/cli-check-bounds.test.ts) and the attack corpus (attack-corpus.ts): a Council of
 * `n` lobbiable members, and `n` steps in a chain or a tree.
 */
export const HEAD = (start: string, actors: string[]) => `format: 1
id: generated
title: Generated
dates: { start: 2020-01-01, end: 2020-01-31 }
region: Testland
summary: A generated case.
minutes: 5
teacher:
  objectives: [Test.]
sources:
  - { id: src-a, title: Source A, publisher: Test Press }
meters:
  - { id: credibility, label: Credibility, description: Trust., start: 50 }
actors:
${actors.map((a) => `  - { id: ${a}, name: Land ${a}, kind: member, stance: Acts., interests: Influence. }`).join('\n')}
roles:
  - { id: chair, title: Chair, actor: ${actors[0]}, summary: Chair., brief: You chair., start: ${start}, objectives: { credibility: 1 } }
`;
export const END = `endings:
  - { id: fin, title: The end, tone: mixed, text: Done., sources: [src-a] }
`;

/** One Council vote with `n` lobbiable members. */
export function council(n: number): string {
  const actors = Array.from({ length: n }, (_, i) => `m${i}`);
  const members = actors
    .map(
      (a, i) =>
        `        - { actor: ${a}, lean: ${i % 2 ? -30 : 40}, lobby: { label: Lobby ${a}, add: 25, effects: [{ meter: credibility, delta: -1, reason: Concession. }] } }`,
    )
    .join('\n');
  return `${HEAD('v', actors)}steps:
  - id: v
    phase: council
    date: 2020-01-01
    title: Vote
    text: Vote.
    sources: [src-a]
    council:
      proposal: Act
      members:
${members}
      consensus: fin
      blocked: fin
${END}`;
}

/** `n` steps, each step i leading on to `next(i)` (or the ending past n). */
export function steps(n: number, to: (i: number) => number[]): string {
  const target = (k: number) => (k < n ? `s${k}` : 'fin');
  const list = Array.from({ length: n }, (_, i) => {
    const next = to(i);
    return next.length === 1
      ? `  - { id: s${i}, phase: request, date: 2020-01-01, title: Step ${i}, text: Text., next: ${target(next[0] as number)} }`
      : `  - { id: s${i}, phase: request, date: 2020-01-01, title: Step ${i}, text: Text., choices: [${next.map((k, c) => `{ id: c${i}x${c}, label: Go ${c}, next: ${target(k)} }`).join(', ')}] }`;
  });
  return `${HEAD('s0', ['red'])}steps:\n${list.join('\n')}\n${END}`;
}
