/**
 * Ids are data, not object keys (issue 17): every Object.prototype name the id pattern allows, as
 * an id of each kind, goes through the loader, the checker, the engine, the CLI (play, stats,
 * graph), a class vote, a result file and the dashboard's summary and CSV like any other id.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  buildResult,
  cleanTally,
  parseResultFile,
  resultsToCsv,
  serializeResult,
  summarise,
  tallyView,
} from '../../src/classroom';
import { main } from '../../src/cli/main';
import { Game, loadScenario, randomPlaythrough } from '../../src/engine';
import { ID_PATTERN } from '../../src/engine/schema-common';
import { CLASS_RESULT_OPTIONS, fixture } from '../helpers';

/** Object.prototype's own names that the id pattern lets through (today: `constructor`). */
const NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) => ID_PATTERN.test(n));

const LENGTH = `lengths:
  - { id: lesson, label: Lesson, max_words: 3000, decisions: { min: 1, max: 8 } }
`;
const MINI = readFileSync(fixture('mini.yaml'), 'utf8').replace(/^steps:\n/m, `${LENGTH}steps:\n`);

/** The id of each kind in the mini fixture that becomes a prototype name. */
const KINDS: Record<string, string> = {
  step: 'wait',
  choice: 'assess_yes',
  outcome: 'believed',
  event: 'riots',
  actor: 'blue',
  meter: 'credibility',
  flag: 'asked',
  ending: 'stalemate',
  role: 'host',
  length: 'lesson',
  source: 'src-a',
  place: 'capital',
};

const base = loadScenario(MINI, 'mini.yaml', { lint: { seeds: [1], runs: 30 } });
const BASELINE = base.ok ? base.warnings : [];

const rename = (from: string, to: string) => MINI.replace(new RegExp(`(?<![\\w-])${from}(?![\\w-])`, 'g'), to);

async function cli(args: string[], input = '') {
  let out = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (out += s) },
    stdin: Readable.from(input ? [input] : []),
  });
  return { code, out };
}

it('the id pattern lets `constructor` through, so it must be plain data', () => {
  expect(NAMES).toContain('constructor');
});

describe.each(NAMES)('an id named %s', (name) => {
  for (const [kind, id] of Object.entries(KINDS)) {
    describe(`as the ${kind} id`, () => {
      const text = rename(id, name);
      const loaded = loadScenario(text, `${kind}.yaml`, { lint: { seeds: [1], runs: 30 } });

      it('loads and checks like any id: the same findings as before the rename', () => {
        expect(loaded.ok, JSON.stringify(loaded.ok ? loaded.warnings : loaded.errors)).toBe(true);
        const codes = (loaded.ok ? loaded.warnings : []).map((w) => w.code);
        expect(codes).toEqual(BASELINE.map((w) => w.code));
      });

      it('plays to an ending from every seat and length, and the Council can object', () => {
        if (!loaded.ok) return;
        const s = loaded.scenario;
        for (const role of s.roles) {
          for (const length of [undefined, ...s.lengths.map((l) => l.id)]) {
            for (let seed = 1; seed <= 12; seed++) {
              const g = randomPlaythrough(s, role.id, seed, 1000, length);
              expect(g.ended).toBe(true);
              expect(JSON.stringify(g.view())).not.toMatch(/function |native code|undefined undefined|NaN/);
              g.stop();
            }
          }
        }
        // The chair at the vote, unlobbied: Blueland objects (lean -30).
        const g = Game.start(s, { role: 'chair', seed: 1 });
        const ask = s.steps.find((x) => x.council === undefined && x.choices.length > 0 && x.history);
        expect(ask).toBeDefined();
        while (!g.ended && g.currentStep() !== s.steps.find((x) => x.council)?.id) {
          const m = g.moves()[0];
          if (!m) break;
          g.send(m);
        }
        const vote = g.view();
        const members = JSON.stringify(vote);
        expect(members).not.toMatch(/function |native code|undefined undefined|NaN/);
        g.stop();
      });

      it('plays, summarises and draws in the CLI', async () => {
        if (!loaded.ok) return;
        const dir = mkdtempSync(join(tmpdir(), 'a4-ids-'));
        const file = join(dir, `${kind}.yaml`);
        writeFileSync(file, text);
        onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
        for (const args of [
          ['play', file, '--seed', '1'],
          ['play', file, '--role', 'chair', '--seed', '2'],
          ['stats', file, '--runs', '20'],
          ['graph', file],
          ['graph', file, '--format', 'dot'],
        ]) {
          // The chair: assess (1), call the vote (2: lobbying the member who objects is 1), Enter at a Continue screen.
          const r = await cli(args, '1\n2\n\n');
          expect(r.code, `${args.join(' ')}\n${r.out}`).toBe(0);
          expect(r.out).not.toMatch(/function Object|native code|undefined undefined|NaN| {4}at /);
        }
      });

      it('goes through a class vote, a result file, the dashboard and the CSV', () => {
        if (!loaded.ok) return;
        const s = loaded.scenario;
        for (const role of s.roles) {
          const g = Game.start(s, { role: role.id, seed: 3 });
          while (!g.ended) {
            const moves = g.moves();
            const ids = moves.flatMap((m) => (m.type === 'CHOOSE' ? [m.choice] : []));
            const tally = cleanTally(ids, Object.fromEntries(ids.map((x, i) => [x, i + 2])));
            const view = tallyView(
              ids.map((x) => ({ id: x, label: x })),
              tally,
            );
            expect(view.total).toBe(ids.reduce((a, _, i) => a + i + 2, 0));
            const m = moves.find((x) => x.type !== 'LOBBY');
            if (!m) break;
            if (m.type === 'CHOOSE') g.choose(m.choice, { rationale: `why ${m.choice}`, ...(tally ? { tally } : {}) });
            else g.send(m);
          }
          const result = buildResult(g, { ...CLASS_RESULT_OPTIONS, student: `S ${role.id}` });
          g.stop();
          const parsed = parseResultFile(serializeResult(result), `${role.id}.json`);
          expect(parsed.ok, parsed.ok ? '' : parsed.reason).toBe(true);
          if (!parsed.ok) continue;
          for (const cases of [[s], []]) {
            const summary = summarise([parsed], cases);
            expect(summary.flagged).toEqual([]);
            expect(summary.count).toBe(1);
            const json = JSON.stringify(summary);
            expect(json).not.toMatch(/function |native code|NaN/);
            for (const step of summary.scenarios[0]?.seats[0]?.steps ?? []) {
              for (const o of step.options) expect(Number.isFinite(o.votes), `${step.step}/${o.id}`).toBe(true);
            }
          }
          expect(resultsToCsv([parsed])).not.toMatch(/function |native code|NaN/);
        }
      });
    });
  }
});

it('a Council member named `constructor` objects like any member, and the vote is blocked', () => {
  const r = loadScenario(rename('blue', 'constructor'), 'actor.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const g = Game.start(r.scenario, { role: 'chair', seed: 1 });
  expect(g.choose('assess_yes')).toBe(true);
  const member = g.view().step?.council?.members.find((m) => m.actor === 'constructor');
  expect(member).toMatchObject({ name: 'Blueland', lean: -30, position: 'object' });
  expect(g.callVote({})).toBe(true);
  expect(g.view().last?.vote?.verdict).toBe('blocked');
  expect(g.view().last?.vote?.members.map((m) => `${m.name} ${m.position}`)).toEqual([
    'Redland support',
    'Blueland object',
  ]);
  g.stop();
});
