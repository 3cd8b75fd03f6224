/** Renders the engine's views as plain terminal text (no colours, so output is the same everywhere). */
import type { Debrief, Forecast, GameView, LedgerEntry, Position, Scenario, StepView } from '../engine';
import { CLAIM_LABEL_TEXT } from '../engine/schema-common';
import { membersInOrder, type StepOption, stepOptions } from '../engine/step-options';

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

/** "1-3", "2", "1, 3, 4": the numbers a player may type. */
export function numberList(numbers: readonly number[]): string {
  const contiguous = numbers.every((n, i) => i === 0 || n === (numbers[i - 1] as number) + 1);
  if (numbers.length > 1 && contiguous) return `${numbers[0]}-${numbers.at(-1)}`;
  return numbers.join(', ');
}

/** What to type, said after an answer that is not one: "a number from 1 to 3", "2", "one of 1, 3, 4". */
export function numberHint(numbers: readonly number[]): string {
  if (numbers.length === 1) return String(numbers[0]);
  const list = numberList(numbers);
  return list.includes('-') ? `a number from ${list.replace('-', ' to ')}` : `one of ${list}`;
}

const VOTE_WORD: Record<Position, string> = { support: 'supports', abstain: 'abstains', object: 'objects' };

/** An option as one short phrase, for messages: "Lobby Sovaria", "Call the vote", the choice's label. */
export function optionName(o: StepOption): string {
  if (o.kind === 'choose') return o.choice.label;
  if (o.kind === 'lobby') return `Lobby ${o.member.name}`;
  if (o.kind === 'vote') return o.position ? `Call the vote (${o.position})` : 'Call the vote';
  return 'Continue';
}

/**
 * The options at the current step, numbered as the browser numbers them (`stepOptions`, shared
 * with the browser): the lines, and the options in the order shown. At a Council, `memberOrder`
 * is the order fixed when the decision opened (`councilMemberOrder`).
 */
export function optionLines(
  view: GameView,
  memberOrder?: readonly string[],
): { lines: string[]; options: StepOption[] } {
  const step = view.step;
  if (!step) return { lines: [], options: [] };
  const options = stepOptions(step, memberOrder ? { memberOrder } : {});
  const lines: string[] = [];
  if (step.kind === 'council' && step.council) {
    const council = step.council;
    lines.push(`The Council considers: ${council.proposal}`);
    for (const m of membersInOrder(council, memberOrder)) {
      const marks = [
        ...(m.party ? [`${m.party} party`] : []),
        ...(m.estimate ? ['author’s estimate'] : []),
        ...(council.seatVote?.actor === m.actor ? ['your vote'] : []),
      ];
      lines.push(
        `   ${m.name.padEnd(14)} ${m.position.padEnd(8)} (lean ${m.lean}${marks.map((x) => `, ${x}`).join('')})${m.reasons.length ? ` — ${m.reasons.join(' · ')}` : ''}`,
      );
    }
    lines.push('');
  }
  if (options.some((o) => o.kind !== 'continue')) lines.push('Choices:');
  for (const o of options) {
    if (o.kind === 'choose') {
      lines.push(` ${o.number}. ${o.choice.label}`);
      if (o.choice.detail) lines.push(...wrap(o.choice.detail, '     '));
      lines.push(`     Forecast: ${forecastText(o.choice.forecast)}`);
    } else if (o.kind === 'lobby' && o.member.lobby) {
      lines.push(` ${o.number}. Lobby ${o.member.name}: ${o.member.lobby.label}`);
      lines.push(`     Cost: ${forecastText(o.member.lobby.forecast)}`);
    } else if (o.kind === 'vote') {
      const c = step.council;
      const seat = c?.seatVote;
      const own = seat && o.position ? c.members.find((m) => m.actor === seat.actor) : undefined;
      const verdict = seat && o.position ? seat.verdicts[o.position] : c?.wouldPass ? 'consensus' : 'blocked';
      lines.push(
        own && o.position
          ? ` ${o.number}. Call the vote, ${seat?.name} ${VOTE_WORD[o.position]}${own.position === o.position ? ' (the model’s lean)' : ''} (as things stand: ${verdict})`
          : ` ${o.number}. Call the vote now (as things stand: ${verdict})`,
      );
      const result = c?.results?.[verdict];
      if (result && result.meters.length > 0) lines.push(`     Result: ${forecastText(result)}`);
    }
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
  lines.push(d.fictional ? 'Your path (an invented case):' : 'Your path beside history:');
  for (const x of d.decisions) {
    lines.push(` ${x.turn}. ${x.date} · ${x.title}${x.counterfactual ? ' [counterfactual]' : ''}`);
    lines.push(`    You: ${x.yours.label}`);
    if (x.yours.outcomeLabel) lines.push(...wrap(`Result: ${x.yours.outcomeLabel}`, '      '));
    for (const l of x.yours.labels ?? []) lines.push(...wrap(`[${l}] ${CLAIM_LABEL_TEXT[l].meaning}`, '      '));
    if (x.history) {
      if (x.history.choice)
        lines.push(`    History: ${x.history.choice.label} ${x.matched ? '(same as you)' : '(different)'}`);
      lines.push(...wrap(x.history.text, '      '));
      if (x.history.contested)
        lines.push(...wrap(`Contested: ${x.history.contestedNote ?? 'sources disagree'}`, '      '));
      for (const l of x.history.labels) lines.push(...wrap(`[${l}] ${CLAIM_LABEL_TEXT[l].meaning}`, '      '));
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
      `    ${e.reached ? '*' : ' '} ${e.title}${e.historical && !d.fictional ? ' [closest to history]' : ''}${e.counterfactual ? ' [counterfactual]' : ''}${e.reached ? ' (reached)' : ''}`,
    );
  if (d.related.length > 0) {
    lines.push('', 'Compare:');
    for (const r of d.related) lines.push(...wrap(`${r.scenario}: ${r.note}`, '    '));
  }
  lines.push('', `(${s.id}, seat ${d.role}, seed ${d.seed})`);
  return lines;
}
