/**
 * `scenario play FILE [--role ID] [--seed N] [--choices 1,3,2]`: plays a scenario in the terminal.
 *
 * Options are numbered as the browser numbers them (`stepOptions`, src/engine/step-options.ts).
 * Without `--choices` the numbers are read from standard input (piped input works): an answer
 * that is not an option is asked again, and after MAX_INVALID_ANSWERS of them in a row play stops
 * with one line on standard error and exit 1 (so `yes 2 | play` cannot loop forever); a Continue
 * screen takes an empty line (or 1); at the end of input the run stops cleanly (exit 0).
 *
 * With `--choices` nothing is read: the numbers are played in order, Continue screens are passed
 * without taking one, and the transcript shows each number taken. A number that is not an option
 * is one line on standard error naming the step and its options (exit 1); numbers that run out
 * before an ending stop the run with a note of where (exit 0).
 *
 * A run that has not ended after MAX_MOVES moves (a cycle with no way out, fed by `yes 1`) stops
 * with one line naming the file and exit 1.
 */
import { createInterface, type Interface } from 'node:readline';
import { MAX_MOVES, stepTrail } from '../authoring/stats';
import { Game } from '../engine';
import { councilMemberOrder, optionMove, type StepOption } from '../engine/step-options';
import { intOption, type ParsedArgs, UsageError } from './args';
import type { Cli } from './io';
import { loadOrReport } from './read-scenario';
import {
  briefing,
  debriefLines,
  ledgerLines,
  numberHint,
  numberList,
  optionLines,
  optionName,
  stepLines,
  wrap,
} from './render-text';

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
    // A line already read still waits one turn of the event loop: a write to a closed pipe (the
    // reader gone, `| head -1`) reports EPIPE on a later tick, and must end play before the next
    // answer is taken. Without the turn, piped input plays on to its end unseen.
    if (queue.length > 0) {
      const line = queue.shift() as string;
      return new Promise((resolve) => setImmediate(resolve, line));
    }
    if (closed) return Promise.resolve(null);
    return new Promise((resolve) => waiting.push(resolve));
  };
}

/** Answers in a row that are not an option, at one prompt, before play gives up. */
export const MAX_INVALID_ANSWERS = 3;

/** The numbers of `--choices 1,3,2`, or undefined without the option. */
function choicesOption(args: ParsedArgs): number[] | undefined {
  const v = args.options.get('choices');
  if (v === undefined) return undefined;
  if (v === true) throw new UsageError('--choices needs numbers separated by commas, such as --choices 1,3,2');
  if (v.trim() === '') return [];
  const parts = v.split(',').map((x) => x.trim());
  if (!parts.every((x) => /^[0-9]{1,6}$/.test(x))) {
    throw new UsageError(`--choices takes option numbers separated by commas, such as 1,3,2, not "${v}"`);
  }
  return parts.map(Number);
}

/** "1 (Send observers), 2 (Put the request to the Council)": a step's options in one line. */
function optionsText(options: readonly StepOption[]): string {
  return options.flatMap((o) => (o.kind === 'continue' ? [] : [`${o.number} (${optionName(o)})`])).join(', ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const shortAnswer = (a: string) => JSON.stringify(a.length > 20 ? `${a.slice(0, 20)}…` : a);

export async function runPlay(args: ParsedArgs, cli: Cli): Promise<number> {
  const out = cli.out;
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError('play needs exactly one FILE');
  const seed = intOption(args, 'seed', 1);
  const choices = choicesOption(args);
  const s = loadOrReport(cli, file);
  if (!s) return 1;
  const roleOpt = args.options.get('role');
  const role = typeof roleOpt === 'string' ? roleOpt : s.roles[0]?.id;
  if (!role || !s.roles.some((r) => r.id === role)) {
    throw new UsageError(`no seat "${String(roleOpt)}" in ${s.id}; seats: ${s.roles.map((r) => r.id).join(', ')}`);
  }
  const labels = new Map(s.meters.map((m) => [m.id, m.label]));
  // With --choices nothing is read: standard input is left alone.
  const input = choices ? undefined : cli.stdin();
  const rl = input ? createInterface({ input, terminal: false }) : undefined;
  const read = rl ? lineReader(rl) : async () => null;
  let used = 0;
  const game = Game.start(s, { role, seed });
  for (const l of briefing(s, role)) out(l);
  const steps = [game.currentStep() ?? '?'];
  /** The Council's member order, fixed when a decision opens (as the browser fixes it). */
  let order: { key: string; members: string[] } | undefined;

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
      const key = `${view.turn}|${step.id}`;
      if (step.council && order?.key !== key) order = { key, members: councilMemberOrder(step.council) };
      const { lines, options } = optionLines(view, step.council ? order?.members : undefined);
      for (const l of lines) out(l);
      const numbers = options.flatMap((o) => (o.kind === 'continue' ? [] : [o.number]));
      const stopped = (why: string) =>
        out('', `(${why}: the run stops at "${step.title}", after ${plural(view.turn, 'decision')})`);
      let picked: StepOption | undefined;
      if (choices && numbers.length === 0) {
        out('(Continue)');
        picked = options[0];
      } else if (choices) {
        const n = choices[used];
        if (n === undefined) {
          stopped(`--choices ran out after ${plural(choices.length, 'number')}`);
          return 0;
        }
        used++;
        out(`Your choice (${numberList(numbers)}): ${n}`);
        picked = options.find((o) => o.kind !== 'continue' && o.number === n);
        if (!picked) {
          cli.err(
            `${file}: --choices: ${n} (number ${used} of the list) is not an option at step "${step.id}" (${step.title}); options: ${optionsText(options)}`,
          );
          return 1;
        }
      }
      const answers: string[] = [];
      while (!picked) {
        out(numbers.length === 0 ? 'Press Enter to go on:' : `Your choice (${numberList(numbers)}):`);
        const line = await read();
        if (line === null) {
          stopped('end of input');
          return 0;
        }
        const answer = line.trim();
        const n = /^[0-9]+$/.test(answer) ? Number(answer) : Number.NaN;
        if (numbers.length === 0 && (answer === '' || answer === '1')) picked = options[0];
        else picked = options.find((o) => o.kind !== 'continue' && o.number === n);
        if (picked) break;
        answers.push(answer);
        const expected = numbers.length === 0 ? 'an empty line (Enter)' : numberHint(numbers);
        if (answers.length >= MAX_INVALID_ANSWERS) {
          cli.err(
            `${file}: step "${step.id}": ${answers.length} answers in a row were not an option (${answers.map(shortAnswer).join(', ')}); expected ${expected}; play stops`,
          );
          return 1;
        }
        out(numbers.length === 0 ? 'Please press Enter to go on.' : `Please enter ${expected}.`);
      }
      const before = view.turn;
      game.send(optionMove(picked));
      // The steps entered, up to the first one entered twice (for the message above).
      if (picked.kind !== 'lobby' && new Set(steps).size === steps.length) steps.push(game.currentStep() ?? '?');
      const after = game.view();
      if (picked.kind === 'lobby') {
        const actor = picked.member.actor;
        const member = after.step?.council?.members.find((m) => m.actor === actor);
        const entries = after.ledger.slice(view.ledger.length);
        out('', `> You lobby ${member?.name ?? actor}.`);
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
    if (choices && used < choices.length) {
      const left = choices.length - used;
      out('', `(--choices: the run ended with ${plural(left, 'number')} not used: ${choices.slice(used).join(',')})`);
    }
    return 0;
  } finally {
    game.stop();
    rl?.close();
    // The process's own input would keep it alive; a stream passed in belongs to the caller.
    if (input === process.stdin) process.stdin.destroy();
  }
}
