/**
 * `scenario play FILE [--role ID] [--seed N]`: plays a scenario in the terminal, reading choice
 * numbers from standard input (piped input works). A number out of range is asked again; at the
 * end of input the run stops cleanly. A run that has not ended after MAX_MOVES moves (a cycle
 * with no way out, fed by `yes 1`) stops with one line naming the file and exit 1.
 */
import { createInterface, type Interface } from 'node:readline';
import { MAX_MOVES, stepTrail } from '../authoring/stats';
import { Game } from '../engine';
import { intOption, type ParsedArgs, UsageError } from './args';
import type { Cli } from './io';
import { loadOrReport } from './read-scenario';
import { briefing, debriefLines, ledgerLines, optionLines, stepLines, wrap } from './render-text';

/** Lines from an input stream, one at a time; null at the end of input. */
function lineReader(rl: Interface): () => Promise<string | null> {
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

export async function runPlay(args: ParsedArgs, cli: Cli): Promise<number> {
  const out = cli.out;
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError('play needs exactly one FILE');
  const seed = intOption(args, 'seed', 1);
  const s = loadOrReport(cli, file);
  if (!s) return 1;
  const roleOpt = args.options.get('role');
  const role = typeof roleOpt === 'string' ? roleOpt : s.roles[0]?.id;
  if (!role || !s.roles.some((r) => r.id === role)) {
    throw new UsageError(`no seat "${String(roleOpt)}" in ${s.id}; seats: ${s.roles.map((r) => r.id).join(', ')}`);
  }
  const labels = new Map(s.meters.map((m) => [m.id, m.label]));
  const input = cli.stdin();
  const rl = createInterface({ input, terminal: false });
  const read = lineReader(rl);
  const game = Game.start(s, { role, seed });
  for (const l of briefing(s, role)) out(l);
  const steps = [game.currentStep() ?? '?'];

  try {
    for (let moves = 0; !game.ended; moves++) {
      const view = game.view();
      const step = view.step;
      if (!step) break;
      if (moves >= MAX_MOVES) {
        out(`${file}: run did not end within ${MAX_MOVES} moves: steps ${stepTrail(steps)}`);
        return 1;
      }
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
      // The steps entered, up to the first one entered twice (for the message above).
      if (picked.kind !== 'lobby' && new Set(steps).size === steps.length) steps.push(game.currentStep() ?? '?');
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
    rl.close();
    // The process's own input would keep it alive; a stream passed in belongs to the caller.
    if (input === process.stdin) process.stdin.destroy();
  }
}
