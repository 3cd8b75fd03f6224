/**
 * `scenario play FILE [--role ID] [--seed N]`: plays a scenario in the terminal, reading choice
 * numbers from standard input (piped input works). A number out of range is asked again; at the
 * end of input the run stops cleanly.
 */
import { createInterface } from 'node:readline';
import { formatDiagnostic, Game } from '../engine';
import { intOption, type ParsedArgs, UsageError } from './args';
import { loadScenarioFile } from './read-scenario';
import { briefing, debriefLines, ledgerLines, optionLines, stepLines, wrap } from './render-text';

/** Lines from standard input, one at a time; null at the end of input. */
function lineReader(): () => Promise<string | null> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const queue: string[] = [];
  const waiting: ((l: string | null) => void)[] = [];
  let closed = false;
  rl.on('line', (l) => {
    const w = waiting.shift();
    if (w) w(l);
    else queue.push(l);
  });
  rl.on('close', () => {
    closed = true;
    for (const w of waiting.splice(0)) w(null);
  });
  return () => {
    if (queue.length > 0) return Promise.resolve(queue.shift() as string);
    if (closed) return Promise.resolve(null);
    return new Promise((resolve) => waiting.push(resolve));
  };
}

export async function runPlay(args: ParsedArgs, out: (...lines: string[]) => void): Promise<number> {
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError('play needs exactly one FILE');
  const seed = intOption(args, 'seed', 1);
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) {
    for (const d of loaded.errors) out(formatDiagnostic(d));
    return 1;
  }
  const s = loaded.scenario;
  const roleOpt = args.options.get('role');
  const role = typeof roleOpt === 'string' ? roleOpt : s.roles[0]?.id;
  if (!role || !s.roles.some((r) => r.id === role)) {
    throw new UsageError(`no seat "${String(roleOpt)}" in ${s.id}; seats: ${s.roles.map((r) => r.id).join(', ')}`);
  }
  const labels = new Map(s.meters.map((m) => [m.id, m.label]));
  const read = lineReader();
  const game = Game.start(s, { role, seed });
  for (const l of briefing(s, role)) out(l);

  try {
    while (!game.ended) {
      const view = game.view();
      const step = view.step;
      if (!step) break;
      for (const l of stepLines(step, labels)) out(l);
      const { lines, options } = optionLines(view);
      for (const l of lines) out(l);
      let picked: (typeof options)[number] | undefined;
      while (!picked) {
        out(options.length === 1 ? 'Enter 1 to go on:' : `Your choice (1-${options.length}):`);
        const line = await read();
        if (line === null) {
          out('', `(end of input: the run stops at "${step.title}", after ${view.turn} decisions)`);
          return 0;
        }
        const n = Number(line.trim());
        if (step.kind === 'narrative' && line.trim() === '') picked = options[0];
        else if (Number.isInteger(n) && n >= 1 && n <= options.length) picked = options[n - 1];
        else out(`Please enter a number from 1 to ${options.length}.`);
      }
      const before = view.turn;
      if (picked.kind === 'choose') game.choose(picked.id);
      else if (picked.kind === 'lobby') game.lobby(picked.id);
      else if (picked.kind === 'vote') game.callVote();
      else game.continue();
      const after = game.view();
      if (picked.kind === 'lobby') {
        const member = after.step?.council?.members.find((m) => m.actor === picked.id);
        const entries = after.ledger.slice(view.ledger.length);
        out('', `> You lobby ${member?.name ?? picked.id}.`);
        if (member?.lobby?.reply) out(...wrap(member.lobby.reply, '  '));
        out(...ledgerLines(entries, labels), '');
      } else if (after.turn > before && after.last) {
        out('', `> ${after.last.label}${after.last.counterfactual ? '  [counterfactual]' : ''}`);
        if (after.last.text) out(...wrap(after.last.text, '  '));
        const h = after.last.history;
        if (h) out(h.matched ? '  History took the same decision here.' : `  History's decision here: ${h.label}.`);
        const moved = ledgerLines(after.last.entries, labels);
        if (moved.length > 0) out('  What moved and why:', ...moved);
        out('');
      } else {
        out('');
      }
    }
    for (const l of debriefLines(game.debrief(), s)) out(l);
    return 0;
  } finally {
    game.stop();
    process.stdin.destroy();
  }
}
