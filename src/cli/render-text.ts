/** Renders the engine's views as plain terminal text (no colours, so output is the same everywhere). */
import type { Debrief, Forecast, GameView, LedgerEntry, Scenario, StepView } from '../engine';

const WIDTH = 78;

export function wrap(text: string, indent = ''): string[] {
  const lines: string[] = [];
  for (const para of text.replace(/\*\*|\*/g, '').split(/\n\s*\n/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if ((indent + line + word).length > WIDTH && line) {
        lines.push(indent + line.trimEnd());
        line = '';
      }
      line += `${word} `;
    }
    if (line) lines.push(indent + line.trimEnd());
    lines.push('');
  }
  lines.pop();
  return lines;
}

export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : `${r}`;
}

export function forecastText(f: Forecast): string {
  if (f.meters.length === 0) return 'no immediate change to the meters';
  return f.meters
    .map((m) =>
      m.min === m.max
        ? `${m.label} ${signed(m.expected)}`
        : `${m.label} ${signed(m.expected)} (${signed(m.min)} to ${signed(m.max)})`,
    )
    .join(', ');
}

export function ledgerLines(entries: readonly LedgerEntry[], labels: Map<string, string>): string[] {
  return entries
    .filter((e) => e.delta !== 0)
    .map((e) => `    ${(labels.get(e.meter) ?? e.meter).padEnd(24)} ${signed(e.delta).padStart(5)}  ${e.reason}`);
}

export function briefing(s: Scenario, roleId: string): string[] {
  const role = s.roles.find((r) => r.id === roleId);
  return [
    `=== ${s.title} ===`,
    ...wrap(s.summary),
    '',
    `Your seat: ${role?.title ?? roleId}`,
    ...wrap(role?.summary ?? ''),
    '',
    ...wrap(role?.brief ?? ''),
    '',
  ];
}

export function stepLines(step: StepView, labels: Map<string, string>): string[] {
  const where = step.place ? ` · ${step.place.name}` : '';
  const lines = [
    `--- ${step.date}${where} · ${step.phase} ---`,
    `${step.title}${step.counterfactual ? '  [counterfactual: this did not happen]' : ''}`,
    ...wrap(step.text),
  ];
  if (step.sources.length > 0) lines.push(`Sources: ${step.sources.map((x) => x.title).join('; ')}`);
  for (const n of step.news) {
    lines.push('', ...wrap(`News: ${n.text}${n.counterfactual ? ' [counterfactual]' : ''}`));
    lines.push(...ledgerLines(n.entries, labels));
  }
  lines.push('');
  return lines;
}

/** The numbered options for the current step; returns the lines and what each number sends. */
export function optionLines(view: GameView): {
  lines: string[];
  options: ({ kind: 'choose'; id: string } | { kind: 'lobby'; id: string } | { kind: 'vote' } | { kind: 'continue' })[];
} {
  const step = view.step;
  if (!step) return { lines: [], options: [] };
  const lines: string[] = [];
  const options: (
    | { kind: 'choose'; id: string }
    | { kind: 'lobby'; id: string }
    | { kind: 'vote' }
    | { kind: 'continue' }
  )[] = [];
  if (step.kind === 'choices') {
    lines.push('Choices:');
    for (const c of step.choices) {
      options.push({ kind: 'choose', id: c.id });
      lines.push(` ${options.length}. ${c.label}`);
      if (c.detail) lines.push(...wrap(c.detail, '     '));
      lines.push(`     Forecast: ${forecastText(c.forecast)}`);
    }
  } else if (step.kind === 'council' && step.council) {
    const council = step.council;
    lines.push(`The Council considers: ${council.proposal}`);
    for (const m of council.members) {
      lines.push(
        `   ${m.name.padEnd(14)} ${m.position.padEnd(8)} (lean ${m.lean})${m.reasons.length ? ` — ${m.reasons.join(' · ')}` : ''}`,
      );
    }
    lines.push('', 'Choices:');
    options.push({ kind: 'vote' });
    lines.push(` 1. Call the vote now (as things stand: ${council.wouldPass ? 'consensus' : 'blocked'})`);
    for (const m of council.members) {
      if (!m.lobby || m.lobby.done) continue;
      options.push({ kind: 'lobby', id: m.actor });
      lines.push(` ${options.length}. Lobby ${m.name}: ${m.lobby.label}`);
      lines.push(`     Cost: ${forecastText(m.lobby.forecast)}`);
    }
  } else {
    options.push({ kind: 'continue' });
    lines.push(' 1. Continue');
  }
  return { lines, options };
}

export function debriefLines(d: Debrief, s: Scenario): string[] {
  const lines = ['', '=== Debrief ==='];
  if (d.ending) {
    lines.push(
      `Ending: ${d.ending.title} (${d.ending.tone})${d.ending.counterfactual ? ' [counterfactual]' : ''}${d.ending.historical ? ' [closest to history]' : ''}`,
    );
    lines.push(...wrap(d.ending.text), '');
  }
  lines.push('Your path beside history:');
  for (const x of d.decisions) {
    lines.push(` ${x.turn}. ${x.date} · ${x.title}${x.counterfactual ? ' [counterfactual]' : ''}`);
    lines.push(`    You: ${x.yours.label}`);
    if (x.history) {
      if (x.history.choice)
        lines.push(`    History: ${x.history.choice.label} ${x.matched ? '(same as you)' : '(different)'}`);
      lines.push(...wrap(x.history.text, '      '));
      if (x.history.contested)
        lines.push(...wrap(`Contested: ${x.history.contestedNote ?? 'sources disagree'}`, '      '));
      for (const q of x.history.quotes)
        lines.push(...wrap(`"${q.text}" (${q.speaker}${q.date ? `, ${q.date}` : ''}; ${q.source.title})`, '      '));
      lines.push(
        `      Sources: ${x.history.sources.map((src) => `${src.title} (${src.publisher}${src.date ? `, ${src.date}` : ''})`).join('; ')}`,
      );
    }
  }
  lines.push('', 'Meters over the run (start, then after each decision):');
  for (const m of d.series) lines.push(`    ${m.label.padEnd(24)} ${m.values.join(' → ')}`);
  lines.push(
    '',
    `Your seat's objectives: ${d.objectives.start} at the start, ${d.objectives.end} at the end (out of 100)`,
  );
  lines.push('', 'Endings:');
  for (const e of d.endings)
    lines.push(
      `    ${e.reached ? '*' : ' '} ${e.title}${e.historical ? ' [closest to history]' : ''}${e.counterfactual ? ' [counterfactual]' : ''}${e.reached ? ' (reached)' : ''}`,
    );
  if (d.related.length > 0) {
    lines.push('', 'Compare:');
    for (const r of d.related) lines.push(...wrap(`${r.scenario}: ${r.note}`, '    '));
  }
  lines.push('', `(${s.id}, seat ${d.role}, seed ${d.seed})`);
  return lines;
}
