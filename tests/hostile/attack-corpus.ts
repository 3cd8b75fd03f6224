/**
 * The CLI attack corpus (issue 17), as a measurement rather than a test: every command that reads
 * a scenario, over pathological scenarios and special files, plus `new` aimed at bad places and
 * `play` into a closed pipe. Each run is a child process killed after LIMIT_MS, and is counted as
 *   ok      exit 0, no stack trace;
 *   clear   exit 1 or 2, no stack trace, and a line of the output names the file (or the NAME);
 *   crash   any other exit, a signal, or a stack trace (a line starting "    at ");
 *   hang    still running at LIMIT_MS.
 * Run: `npm run attacks` (a few minutes). Prints one line per finding that is not ok/clear, then the
 * counts. The fixture-driven tests that hold these answers are tests/unit/cli-hostile.test.ts,
 * cli-check-bounds.test.ts and ids-are-data.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { council, steps } from './generated';

const ROOT = join(import.meta.dirname, '..', '..');
const LIMIT_MS = 30_000;
const dir = mkdtempSync(join(tmpdir(), 'a4-attacks-'));
const MINI = readFileSync(join(ROOT, 'tests', 'fixtures', 'mini.yaml'), 'utf8');
const HOSTILE = join(ROOT, 'tests', 'fixtures', 'hostile');

/** The mini fixture with every id of one kind renamed. */
const rename = (from: string, to: string) => MINI.replace(new RegExp(`(?<![\\w-])${from}(?![\\w-])`, 'g'), to);

/** Scenario files: name → text (or a Buffer). */
const FILES: Record<string, string | Buffer> = {
  'council-8': council(8),
  'council-9': council(9),
  'council-12': council(12),
  'chain-10000': steps(10_000, (i) => [i + 1]),
  'tree-10000': steps(10_000, (i) => [2 * i + 1, 2 * i + 2]),
  'chain-cycle': steps(50, (i) => [i + 1 < 50 ? i + 1 : 0]),
  'alias-bomb': `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n`,
  'deep-nesting': `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
  'deep-mapping': `${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} end\n`,
  'long-word': MINI.replace(/^title: .*$/m, `title: ${'W'.repeat(200_000)}`),
  'near-cap': `${MINI}\n${'# padding\n'.repeat(190_000)}`,
  'over-cap': `${MINI}\n${'# padding\n'.repeat(230_000)}`,
  'binary-garbage': Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919 + 13) % 256)),
  'nul-bytes': `format: 1\nid: x\u0000y\n`,
  'invalid-utf8': Buffer.concat([
    Buffer.from('format: 1\nid: '),
    Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
    Buffer.from('\n'),
  ]),
  'bom-and-tabs': `\ufeff${MINI.replace(/^ {2}/m, '\t')}`,
  empty: '',
  'only-comment': '# nothing here\n',
  'a-list': '- a\n- b\n',
  'a-string': 'just words\n',
  'rtl-override': MINI.replace(/^title: .*$/m, 'title: "Report \u202e1 January 2020"'),
  'terminal-escapes': MINI.replace(
    /^title: .*$/m,
    'title: "Title\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007"',
  ),
  'unknown-tag-js-function': MINI.replace(/^summary: .*$/m, 'summary: !!js/function "function () { return 1 }"'),
  'unknown-tag-python': MINI.replace(/^summary: .*$/m, 'summary: !!python/object:os.system "ls"'),
  'unknown-tag-local': MINI.replace(/^summary: .*$/m, 'summary: !custom "x"'),
  'duplicate-keys': MINI.replace(/^id: .*$/m, (m) => `${m}\n${m}`),
  'huge-numbers': MINI.replace(/start: 50/, 'start: 1e308'),
  'negative-zero-seed': MINI,
};
for (const name of Object.getOwnPropertyNames(Object.prototype).filter((n) => /^[a-z][a-z0-9_-]{0,63}$/.test(n))) {
  for (const [kind, id] of Object.entries({
    step: 'wait',
    choice: 'assess_yes',
    actor: 'blue',
    meter: 'credibility',
    role: 'host',
    ending: 'stalemate',
    flag: 'asked',
  })) {
    FILES[`proto-${kind}-${name}`] = rename(id, name);
  }
}
for (const name of ['__proto__', 'toString', 'hasOwnProperty', 'prototype'])
  FILES[`proto-bad-${name}`] = rename('wait', name);
for (const f of ['cycle', 'guarded-exit', 'loop', 'escapes', 'escapes-invalid']) {
  FILES[`fixture-${f}`] = readFileSync(join(HOSTILE, `${f}.yaml`), 'utf8');
}

interface Attack {
  name: string;
  args: string[];
  input?: string;
  /** What the first line of output must name for a refusal to count as clear. */
  names: string;
  /** Close our end of stdout after the first chunk (`play | head`). */
  closeAfterFirst?: boolean;
}

const attacks: Attack[] = [];
const READERS: [string, (f: string) => string[], string?][] = [
  ['check', (f) => ['check', f]],
  ['check --json', (f) => ['check', f, '--json']],
  ['play', (f) => ['play', f, '--seed', '1'], '1\n'.repeat(3000)],
  ['graph', (f) => ['graph', f]],
  ['graph dot', (f) => ['graph', f, '--format', 'dot']],
  ['stats', (f) => ['stats', f, '--runs', '50']],
  ['stats --exhaustive', (f) => ['stats', f, '--exhaustive']],
  ['balance', (f) => ['balance', f, '--runs', '30']],
];
for (const [name, text] of Object.entries(FILES)) {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, text);
  for (const [cmd, args, input] of READERS)
    attacks.push({ name: `${cmd} ${name}`, args: args(path), input, names: path });
}

// Special files: a FIFO, character devices, a folder, a dangling symlink, a missing file, a symlink to a device.
const fifo = join(dir, 'fifo.yaml');
spawnSync('mkfifo', [fifo]);
mkdirSync(join(dir, 'folder.yaml'));
symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'dangling.yaml'));
symlinkSync('/dev/zero', join(dir, 'zero-link.yaml'));
const SPECIAL = [
  fifo,
  '/dev/zero',
  '/dev/urandom',
  '/dev/null',
  join(dir, 'folder.yaml'),
  join(dir, 'dangling.yaml'),
  join(dir, 'missing.yaml'),
  join(dir, 'zero-link.yaml'),
];
for (const path of SPECIAL) {
  for (const [cmd, args] of READERS) attacks.push({ name: `${cmd} ${path}`, args: args(path), names: path });
}

// `new` aimed at bad places.
const target = join(dir, 'new');
mkdirSync(target);
writeFileSync(join(target, 'exists.yaml'), 'keep me\n');
symlinkSync(join(dir, 'elsewhere.yaml'), join(target, 'linked.yaml'));
const newFifo = join(target, 'piped.yaml');
spawnSync('mkfifo', [newFifo]);
for (const name of ['../escape', 'a/b', '..', '/abs', 'exists', 'linked', 'piped', 'constructor', 'UPPER case', '']) {
  const plain = /^[a-z][a-z0-9_-]*$/.test(name);
  attacks.push({
    name: `new ${JSON.stringify(name)}`,
    args: ['new', name, '--dir', target],
    names: plain ? name : 'NAME',
  });
}
for (const bad of ['/proc', '/proc/self', '/dev/null', newFifo, join(dir, 'dangling.yaml'), join(dir, 'missing-dir')]) {
  attacks.push({ name: `new --dir ${bad}`, args: ['new', 'fresh', '--dir', bad], names: bad });
}
attacks.push({ name: 'new linked --force', args: ['new', 'linked', '--dir', target, '--force'], names: 'linked' });
attacks.push({ name: 'new piped --force', args: ['new', 'piped', '--dir', target, '--force'], names: 'piped' });
// Output into a closed pipe, and prototype names as commands or options.
const bundled = join(ROOT, 'scenarios', 'kazakhstan-2022.yaml');
attacks.push({
  name: 'play | head',
  args: ['play', bundled],
  input: '1\n'.repeat(200),
  names: bundled,
  closeAfterFirst: true,
});
attacks.push({ name: 'graph | head', args: ['graph', bundled], names: bundled, closeAfterFirst: true });
attacks.push({
  name: 'check | head',
  args: ['check', join(dir, 'tree-10000.yaml')],
  names: 'tree',
  closeAfterFirst: true,
});
for (const word of ['constructor', '__proto__', 'toString']) {
  attacks.push({ name: `command ${word}`, args: [word], names: word });
  attacks.push({ name: `play --role ${word}`, args: ['play', bundled, '--role', word], names: word });
}

type Verdict = 'ok' | 'clear' | 'unclear' | 'crash' | 'hang';
interface Outcome {
  attack: Attack;
  verdict: Verdict;
  code: number | null;
  signal: string | null;
  first: string;
  /** Some line of the output names the file (or the NAME) the run was given. */
  named: boolean;
  ms: number;
}

function run(a: Attack): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...a.args], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, LIMIT_MS);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (a.closeAfterFirst) child.stdout.destroy();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdin.on('error', () => {});
    child.stdin.end(a.input ?? '');
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const all = `${err}\n${out}`;
      const first = (err.trim() || out.trim()).split('\n')[0] ?? '';
      const trace = /^ {4}at /m.test(all);
      let verdict: Verdict;
      if (hung) verdict = 'hang';
      else if (trace || signal || (code !== 0 && code !== 1 && code !== 2)) verdict = 'crash';
      else if (code === 0) verdict = 'ok';
      else verdict = 'clear';
      const named = all.split('\n').some((l) => l.includes(a.names));
      resolve({ attack: a, verdict, code, signal, first, named, ms: Date.now() - started });
    });
  });
}

const outcomes: Outcome[] = [];
const only = process.argv[2];
const chosen = only ? attacks.filter((a) => a.name.includes(only)) : attacks;
for (const a of chosen) {
  const o = await run(a);
  outcomes.push(o);
  // A refusal that does not name the file is not clear.
  if (o.verdict === 'clear' && !o.named) {
    o.verdict = 'unclear';
    console.log(`unclear   ${a.name}: exit ${o.code}: ${o.first.slice(0, 200)}`);
  }
  if (o.verdict === 'crash' || o.verdict === 'hang') {
    console.log(`${o.verdict.padEnd(9)} ${a.name}: exit ${o.code ?? o.signal} in ${o.ms} ms: ${o.first.slice(0, 200)}`);
  }
}
const count = (v: Verdict) => outcomes.filter((o) => o.verdict === v).length;
const slowest = [...outcomes].sort((x, y) => y.ms - x.ms).slice(0, 5);
console.log(
  `${outcomes.length} runs: ${count('ok')} ok (exit 0), ${count('clear')} clear refusals or findings (exit 1-2, naming the file), ${count('unclear')} refusals that do not name it, ${count('crash')} crashes, ${count('hang')} hangs (>${LIMIT_MS / 1000} s)`,
);
console.log(`slowest: ${slowest.map((o) => `${o.attack.name} ${(o.ms / 1000).toFixed(1)} s`).join('; ')}`);
rmSync(dir, { recursive: true, force: true });
