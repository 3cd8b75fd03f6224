/**
 * `play --choices`, interactive play that cannot loop forever, and the option numbers: the
 * terminal numbers a step's options exactly as the browser does (the engine's `stepOptions`),
 * checked against the browser's own rendering (a minimal DOM stands in for the page) and against
 * the terminal's transcript, on every bundled case and every seat. Commands run in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INVALID_ANSWERS } from '../../src/cli/play';
import { Game, type GameView, type Scenario } from '../../src/engine';
import { councilMemberOrder, optionKey, optionMove, type StepOption, stepOptions } from '../../src/engine/step-options';
import { freshDraft } from '../../src/ui/screens/class-vote';
import { renderStep } from '../../src/ui/screens/play';
import { councilOrder } from '../../src/ui/screens/play-council';
import { bundledScenarioFiles, fixture, loadOrThrow, runCli } from '../helpers';

const TUTORIAL = fixture('tutorial.yaml');
const MINI = fixture('mini.yaml');

describe('play --choices', () => {
  it('plays the numbers in order to an ending, showing each number taken', async () => {
    const r = await runCli(['play', TUTORIAL, '--choices', '1,2,1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^Your choice \(.*\): \d+$/gm)).toEqual([
      'Your choice (1-2): 1',
      'Your choice (1-2): 2',
      'Your choice (1-2): 1',
    ]);
    expect(r.stdout).toContain('Ending: A quiet border (good) [closest to history]');
    const war = await runCli(['play', TUTORIAL, '--choices', '1,2,2']);
    expect(war.code).toBe(0);
    expect(war.stdout).toContain('Ending: A wider war (bad) [counterfactual]');
    // Straight to the Council, the vote blocked, the Continue screen of "No force comes" passed.
    const blocked = await runCli(['play', TUTORIAL, '--choices', '2,2']);
    expect(blocked.code).toBe(0);
    expect(blocked.stdout).toContain('No force comes  [counterfactual: this did not happen]');
    expect(blocked.stdout).toContain('\n(Continue)\n');
    expect(blocked.stdout).toContain('Ending: Left alone (bad) [counterfactual]');
  });

  it('passes Continue screens without taking a number', async () => {
    // The host copes alone (harm 10 + 20), then a Continue screen, then the collapse.
    const r = await runCli(['play', MINI, '--role', 'host', '--choices', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Alone {2}\[counterfactual: this did not happen\]\nThe host copes alone\.\n\n\(Continue\)\n/,
    );
    expect(r.stdout).toContain('Ending: Collapse (bad) [counterfactual]');
    expect(r.stdout).not.toContain('not used');
  });

  it('is the same run as the same numbers typed, and reads nothing from standard input', async () => {
    const typed = await runCli(['play', TUTORIAL, '--seed', '3'], '1\n1\n2\n2\n');
    const listed = await runCli(['play', TUTORIAL, '--seed', '3', '--choices', '1,1,2,2'], '2\n2\n2\n');
    expect(listed.code).toBe(0);
    expect(listed.stdout.replace(/^(Your choice \(.*\):) \d+$/gm, '$1')).toBe(typed.stdout);
  });

  it('stops with one line naming the step and its options for a number that is not one (exit 1)', async () => {
    const r = await runCli(['play', TUTORIAL, '--choices', '1,3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${TUTORIAL}: --choices: 3 (number 2 of the list) is not an option at step "council" (The Council decides); options: 1 (Lobby Sovaria), 2 (Call the vote)\n`,
    );
    expect(r.stdout).toContain('Your choice (1-2): 3');
    expect(r.stdout).not.toContain('=== Debrief ===');
    // A lobbied member keeps its number, which is then no option: the vote stays 2.
    const lobbied = await runCli(['play', TUTORIAL, '--choices', '1,1,1']);
    expect(lobbied.code).toBe(1);
    expect(lobbied.stdout).toContain('Your choice (2): 1');
    expect(lobbied.stderr).toBe(
      `${TUTORIAL}: --choices: 1 (number 3 of the list) is not an option at step "council" (The Council decides); options: 2 (Call the vote)\n`,
    );
  });

  it('says where the run stopped when the numbers run out (exit 0), and what was left after an ending', async () => {
    const short = await runCli(['play', TUTORIAL, '--choices', '1']);
    expect(short.code).toBe(0);
    expect(short.stdout).toMatch(
      /\(--choices ran out after 1 number: the run stops at "The Council decides", after 1 decision\)\n$/,
    );
    const none = await runCli(['play', TUTORIAL, '--choices', '']);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('(--choices ran out after 0 numbers: the run stops at "Karvenia asks for help"');
    const long = await runCli(['play', TUTORIAL, '--choices', '1,2,1,2,1']);
    expect(long.code).toBe(0);
    expect(long.stdout).toMatch(/\(--choices: the run ended with 2 numbers not used: 2,1\)\n$/);
  });

  it('refuses a list that is not numbers (usage error, exit 2)', async () => {
    for (const bad of ['a', '1,,2', '1;2', '-1', '1.5']) {
      const r = await runCli(['play', TUTORIAL, '--choices', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr.split('\n')[0], bad).toContain('--choices takes option numbers separated by commas');
    }
    expect((await runCli(['play', TUTORIAL, '--choices'])).code).toBe(2);
  });
});

describe('interactive play on standard input', () => {
  it(`stops after ${MAX_INVALID_ANSWERS} answers in a row that are no option (\`yes 2 | play\`), exit 1`, async () => {
    const r = await runCli(['play', MINI, '--role', 'host'], '2\n'.repeat(500));
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^Please press Enter to go on\.$/gm)).toHaveLength(MAX_INVALID_ANSWERS - 1);
    expect(r.stderr).toBe(
      `${MINI}: step "alone": 3 answers in a row were not an option ("2", "2", "2"); expected an empty line (Enter); play stops\n`,
    );
  });

  it('asks again at a choice and stops there too after too many wrong answers', async () => {
    const r = await runCli(['play', MINI, '--role', 'chair'], '9\nx\n0\n1\n');
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^Please enter a number from 1 to 2\.$/gm)).toHaveLength(2);
    expect(r.stderr).toContain(`step "request": 3 answers in a row were not an option ("9", "x", "0")`);
  });

  it('takes an empty line or 1 at a Continue screen, and ends cleanly at the end of input (exit 0)', async () => {
    for (const go of ['', '1']) {
      const r = await runCli(['play', MINI, '--role', 'host'], `2\n${go}\n`);
      expect(r.code, JSON.stringify(go)).toBe(0);
      expect(r.stdout, JSON.stringify(go)).toContain('Ending: Collapse (bad) [counterfactual]');
    }
    const eof = await runCli(['play', MINI, '--role', 'host'], '');
    expect(eof.code).toBe(0);
    expect(eof.stdout).toMatch(/\(end of input: the run stops at "Ask for help\?", after 0 decisions\)\n$/);
  });
});

// ---- The browser's numbering, read from its own rendering ---------------------------------------

/** Just enough of the DOM for the panel's builders: elements, attributes, text, children. */
class FakeNode {
  children: FakeNode[] = [];
  attributes = new Map<string, string>();
  className = '';
  id = '';
  text = '';
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  addEventListener() {}
  append(...nodes: FakeNode[]) {
    this.children.push(...nodes);
  }
  appendChild(node: FakeNode) {
    this.children.push(node);
    return node;
  }
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  set textContent(t: string) {
    this.text = t;
    this.children = [];
  }
  /** Every element below this one with the attribute. */
  withAttribute(name: string): FakeNode[] {
    return this.children.flatMap((c) => [...(c.attributes.has(name) ? [c] : []), ...c.withAttribute(name)]);
  }
}

const fakeDocument = {
  createElement: (tag: string) => new FakeNode(tag),
  createElementNS: (_ns: string, tag: string) => new FakeNode(tag),
  createTextNode: (text: string) => Object.assign(new FakeNode('#text'), { text }),
  createDocumentFragment: () => new FakeNode('#fragment'),
};

const g = globalThis as { document?: unknown };
let savedDocument: unknown;
beforeAll(() => {
  savedDocument = g.document;
  g.document = fakeDocument;
});
afterAll(() => {
  // The unit project shares globals across files (isolate: false): leave none behind.
  if (savedDocument === undefined) delete g.document;
  else g.document = savedDocument;
});

/** The step as the browser renders it (in the stand-in DOM). */
function renderedStep(view: GameView, memberOrder?: string[]): FakeNode {
  const step = view.step;
  if (!step) throw new Error('no step');
  const noop = () => {};
  const { root } = renderStep({
    view,
    step,
    onChoose: noop,
    onLobby: noop,
    onVote: noop,
    onContinue: noop,
    forecastMode: 'numbers',
    ...(memberOrder ? { memberOrder } : {}),
  });
  return root as unknown as FakeNode;
}

/** The number keys of the step as the browser renders it: each button's key and what it does. */
function browserKeys(view: GameView, memberOrder: string[] | undefined): Map<string, string | null> {
  const keys = new Map<string, string | null>();
  const root = renderedStep(view, memberOrder);
  for (const b of root.withAttribute('data-key')) {
    const what = b.getAttribute('data-choice')
      ? `choose:${b.getAttribute('data-choice')}`
      : b.getAttribute('data-lobby')
        ? `lobby:${b.getAttribute('data-lobby')}`
        : b.getAttribute('data-vote')
          ? 'vote'
          : b.getAttribute('data-continue')
            ? 'continue'
            : '?';
    keys.set(what, b.getAttribute('data-key'));
  }
  // A button rendered without a key (past the ninth) has data-key null: h() leaves it out.
  for (const b of root.withAttribute('data-lobby')) {
    const what = `lobby:${b.getAttribute('data-lobby')}`;
    if (!keys.has(what)) keys.set(what, null);
  }
  return keys;
}

const what = (o: StepOption) =>
  o.kind === 'choose' ? `choose:${o.choice.id}` : o.kind === 'lobby' ? `lobby:${o.member.actor}` : o.kind;

/** An option's line in the terminal, as `play` prints it. */
const terminalLine = (o: StepOption) =>
  o.kind === 'choose'
    ? ` ${o.number}. ${o.choice.label}`
    : o.kind === 'lobby'
      ? ` ${o.number}. Lobby ${o.member.name}: ${o.member.lobby?.label}`
      : o.kind === 'vote'
        ? ` ${o.number}. Call the vote now`
        : '';

/**
 * A run from one seat: at each step the engine's options, checked against the browser's keys;
 * the policy lobbies once at each Council and takes an option by the seed elsewhere. Returns the
 * numbers taken and each prompt's expected option lines.
 */
function playChecked(s: Scenario, role: string, seed: number) {
  const game = Game.start(s, { role, seed });
  const numbers: number[] = [];
  const prompts: string[][] = [];
  let draft = freshDraft('');
  let engineOrder: string[] | undefined;
  try {
    for (let moves = 0; !game.ended && moves < 400; moves++) {
      const view = game.view();
      const step = view.step;
      if (!step) break;
      const key = `${view.turn}|${step.id}`;
      if (draft.key !== key) {
        // A decision opens: the browser starts a fresh draft; the engine's order is taken now.
        draft = freshDraft(key);
        engineOrder = step.council ? councilMemberOrder(step.council) : undefined;
      }
      const browserOrder = step.council ? councilOrder(draft, step.council) : undefined;
      expect(browserOrder).toEqual(engineOrder);
      const options = stepOptions(step, engineOrder ? { memberOrder: engineOrder } : {});
      const keys = browserKeys(view, browserOrder);
      const shown = new Map(options.map((o) => [what(o), optionKey(o)]));
      expect(shown, `${s.id} ${role} ${key}`).toEqual(keys);
      let pick: StepOption | undefined;
      if (options[0]?.kind === 'continue') pick = options[0];
      else {
        const lobby = options.find((o) => o.kind === 'lobby');
        const lobbied = step.council?.members.some((m) => m.lobby?.done);
        pick = lobby && !lobbied ? lobby : options[(seed + moves) % options.length];
      }
      if (!pick) throw new Error('no option');
      if (pick.kind !== 'continue') {
        numbers.push(pick.number);
        prompts.push(options.map(terminalLine));
      }
      game.send(optionMove(pick));
    }
    return { numbers, prompts, ending: game.view().ending?.title };
  } finally {
    game.stop();
  }
}

/** The option lines the terminal printed before each prompt. */
function terminalPrompts(stdout: string): string[][] {
  const prompts: string[][] = [];
  let current: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line === '=== Debrief ===') break;
    if (line === 'Choices:') current = [];
    else if (/^ \d+\. /.test(line)) current.push(line.replace(/^( \d+\. Call the vote now).*$/, '$1'));
    else if (/^Your choice \(/.test(line)) prompts.push(current);
  }
  return prompts;
}

describe('option numbers are the same in the terminal and the browser', () => {
  const files = [...bundledScenarioFiles(), TUTORIAL, MINI];
  for (const file of files) {
    const s = loadOrThrow(file);
    for (const role of s.roles) {
      it(`${s.id}, seat ${role.id}`, { timeout: 60_000 }, async () => {
        const run = playChecked(s, role.id, 2);
        expect(run.numbers.length).toBeGreaterThan(0);
        const r = await runCli(['play', file, '--role', role.id, '--seed', '2', '--choices', run.numbers.join(',')]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(terminalPrompts(r.stdout)).toEqual(run.prompts);
        expect(r.stdout).toContain(`Ending: ${run.ending}`);
      });
    }
  }

  it('numbers the vote after the members that can be lobbied, and keeps numbers when one is lobbied', async () => {
    const s = loadOrThrow(TUTORIAL);
    const game = Game.start(s, { role: 'secretary_general', seed: 1 });
    game.choose('send_observers');
    const before = game.view().step;
    if (!before?.council) throw new Error('not at the Council');
    const order = councilMemberOrder(before.council);
    // Sovaria abstains; Karvenia and Brenia support: the one to lobby comes first.
    expect(order[0]).toBe('sovaria');
    expect(
      stepOptions(before, { memberOrder: order }).map((o) => `${'number' in o ? o.number : ''} ${o.kind}`),
    ).toEqual(['1 lobby', '2 vote']);
    game.lobby('sovaria');
    const after = game.view().step;
    if (!after) throw new Error('no step');
    expect(stepOptions(after, { memberOrder: order }).map((o) => `${'number' in o ? o.number : ''} ${o.kind}`)).toEqual(
      ['2 vote'],
    );
    game.stop();
  });
});

describe('a Council where the seat casts its own member’s vote (council-seat.yaml)', () => {
  const SEAT = fixture('council-seat.yaml');

  it('renders a vote button per position, numbered as the terminal numbers them, and the members’ tags', () => {
    const s = loadOrThrow(SEAT);
    const game = Game.start(s, { role: 'chair', seed: 1 });
    const view = game.view();
    const step = view.step;
    if (!step?.council) throw new Error('not at the Council');
    const root = renderedStep(view);
    const votes = root
      .withAttribute('data-vote')
      .map((b) => [b.getAttribute('data-vote'), b.getAttribute('data-key'), b.textContent]);
    expect(votes).toEqual([
      ['support', '2', '2Call the vote: Redland supports (the model’s lean) — blocked'],
      ['abstain', '3', '3Call the vote: Redland abstains — blocked'],
      ['object', '4', '4Call the vote: Redland objects — blocked'],
    ]);
    expect(stepOptions(step).flatMap((o) => (o.kind === 'vote' ? [[o.number, o.position]] : []))).toEqual([
      [2, 'support'],
      [3, 'abstain'],
      [4, 'object'],
    ]);
    const members = root.withAttribute('data-member').map((m) => m.textContent);
    expect(members.find((t) => t.startsWith('Redland'))).toContain('author’s estimate');
    expect(members.find((t) => t.startsWith('Redland'))).toContain('your seat’s vote');
    expect(members.find((t) => t.startsWith('Greenland'))).toContain('accused party');
    expect(members.find((t) => t.startsWith('Blueland'))).toContain('requesting party');
    game.stop();
  });

  it('plays the seat’s vote in the terminal: lobby, then object, and the result’s ledger', async () => {
    const r = await runCli(['play', SEAT, '--role', 'chair', '--choices', '1,4']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(' 4. Call the vote, Redland objects (as things stand: blocked)');
    expect(r.stdout).toContain('Council: blocked "Send help"');
    expect(r.stdout).toContain('A member asked and got nothing.');
    expect(r.stdout).toContain('Ending: Stalled (bad) [counterfactual]');
  });
});
