/**
 * The CLI on hostile input (issue 17): special files, paths `new` must refuse, runs that cannot
 * end, escape sequences in scenario text, unexpected errors. Each case ends with exit 1 or 2 and
 * one clear line naming the file, never a stack trace or a hang. Commands run in-process.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { safeJson, safeText } from '../../src/cli/safe-text';
import { fixture, runCli } from '../helpers';

const hostile = (name: string) => fixture(join('hostile', name));

const run = (args: string[], input = '') => runCli(args, input);

/** Lines of `text` that mention `name`. */
const naming = (text: string, name: string) => text.split('\n').filter((l) => l.includes(name));

/** Exit 1 or 2, exactly one line naming `name`, no stack trace. */
function expectOneClearLine(r: { code: number; all: string }, name: string, code: 1 | 2 = 1): string {
  expect(r.code, r.all).toBe(code);
  expect(r.all).not.toContain('    at ');
  const lines = naming(r.all, name);
  expect(lines, r.all).toHaveLength(1);
  return lines[0] as string;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'a4-hostile-'));
  execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
  symlinkSync(join(dir, 'fifo.yaml'), join(dir, 'link-to-fifo.yaml'));
  mkdirSync(join(dir, 'folder.yaml'));
  // Sparse: 3 MB on paper, nothing written.
  writeFileSync(join(dir, 'big.yaml'), 'format: 1\n');
  truncateSync(join(dir, 'big.yaml'), 3 * 1048576);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading only regular files', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a FIFO', () => join(dir, 'fifo.yaml'), /a FIFO \(named pipe\), not a regular file/],
    ['a link to a FIFO', () => join(dir, 'link-to-fifo.yaml'), /a FIFO \(named pipe\), not a regular file/],
    ['a character device', () => '/dev/zero', /a character device, not a regular file/],
    ['a directory', () => join(dir, 'folder.yaml'), /a directory, not a regular file/],
    ['a missing file', () => join(dir, 'missing.yaml'), /: no such file$/],
    ['a file over the size cap', () => join(dir, 'big.yaml'), /file is 3\.0 MB; a scenario may be at most 2 MB/],
  ];
  for (const [what, path, message] of cases) {
    it(`refuses ${what} in every command that reads a FILE`, async () => {
      for (const command of ['check', 'play', 'graph', 'stats', 'balance']) {
        const r = await run([command, path()]);
        const line = expectOneClearLine(r, path());
        expect(line.startsWith(`${path()}:1:1: error: `), `${command}: ${line}`).toBe(true);
        expect(line, command).toMatch(message);
      }
    });
  }
});

describe('scenario new refuses what it must not write', () => {
  it('refuses a NAME with a path separator or ".." (exit 2), writing nothing', async () => {
    for (const name of ['../evil', 'a/b', 'a\\b', '..', 'x..y']) {
      const r = await run(['new', name, '--dir', dir]);
      expect(r.code, name).toBe(2);
      expect(r.stderr.split('\n')[0], name).toContain('contains a path separator or ".."');
      expect(r.all).not.toContain('    at ');
    }
    expect(existsSync(join(dir, '..', 'evil.yaml'))).toBe(false);
  });

  const badDirs: [string, () => string, string][] = [
    ['/proc', () => '/proc', 'does not accept new files'],
    ['/dev/null', () => '/dev/null', 'not a folder'],
    ['a FIFO', () => join(dir, 'fifo.yaml'), 'not a folder'],
    ['a missing folder', () => join(dir, 'nowhere'), 'no such folder'],
  ];
  for (const [what, where, message] of badDirs) {
    it(`refuses --dir ${what} in one line (exit 1)`, async () => {
      const line = expectOneClearLine(await run(['new', 'case', '--dir', where()]), where());
      expect(line).toMatch(/^article-four: /);
      expect(line).toContain(message);
    });
  }

  it('never writes through a symbolic link, even a dangling one, even with --force', async () => {
    const sub = mkdtempSync(join(dir, 'links-'));
    symlinkSync(join(sub, 'target.yaml'), join(sub, 'dangling.yaml'));
    writeFileSync(join(sub, 'real.yaml'), 'keep me\n');
    symlinkSync(join(sub, 'real.yaml'), join(sub, 'linked.yaml'));
    const dangling = expectOneClearLine(await run(['new', 'dangling', '--dir', sub]), 'dangling.yaml');
    expect(dangling).toContain('is a symbolic link to nothing');
    expect(existsSync(join(sub, 'target.yaml'))).toBe(false);
    expect(lstatSync(join(sub, 'dangling.yaml')).isSymbolicLink()).toBe(true);
    const linked = expectOneClearLine(await run(['new', 'linked', '--dir', sub, '--force']), 'linked.yaml');
    expect(linked).toContain('is a symbolic link');
    expect(readFileSync(join(sub, 'real.yaml'), 'utf8')).toBe('keep me\n');
  });

  it('never writes over an existing file unless --force, and never over a FIFO', async () => {
    const sub = mkdtempSync(join(dir, 'existing-'));
    writeFileSync(join(sub, 'mine.yaml'), 'my work\n');
    const line = expectOneClearLine(await run(['new', 'mine', '--dir', sub]), 'mine.yaml');
    expect(line).toContain('already exists: choose another NAME, or add --force to replace it');
    expect(readFileSync(join(sub, 'mine.yaml'), 'utf8')).toBe('my work\n');
    const forced = await run(['new', 'mine', '--dir', sub, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(sub, 'mine.yaml'), 'utf8')).toContain('\nid: mine\n');
    const fifo = expectOneClearLine(await run(['new', 'fifo', '--dir', dir, '--force']), 'fifo.yaml');
    expect(fifo).toContain('is not a regular file');
  });
});

describe('runs that cannot end are findings, not crashes or hangs', () => {
  it('stats on a cycle with no ending: one line with the steps, exit 1', async () => {
    for (const extra of [[], ['--exhaustive']]) {
      const file = hostile('cycle.yaml');
      const line = expectOneClearLine(await run(['stats', file, ...extra]), file);
      expect(line).toBe(
        `${file}: seat "chair": run did not end within 1000 moves: steps a → b → a → … (seed 1; 1 of 1 runs, the rest not tried)`,
      );
    }
  });

  it('stats --exhaustive on a cycle whose only exit is never open: exit 1', async () => {
    const file = hostile('guarded-exit.yaml');
    const line = expectOneClearLine(await run(['stats', file, '--exhaustive', '--json']), file);
    expect(line).toContain('run did not end within 1000 moves');
    const text = await run(['stats', file, '--exhaustive']);
    expect(naming(text.all, file)[0]).toMatch(/run did not end within 1000 moves: steps a → (a|b) → /);
  });

  it('stats --exhaustive on a cycle with a way out says why it played random runs instead, exit 0', async () => {
    const r = await run(['stats', hostile('loop.yaml'), '--exhaustive', '--runs', '50']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Seat chair: 50 random runs (seeds 1..50)');
    expect(r.stdout).toContain(
      'note: --exhaustive: steps a → a form a cycle, so the moves are not listed exhaustively',
    );
  });

  // Loading 10,000 steps alone takes the engine seconds: this test has its own timeout.
  it('stats --exhaustive on a chain of 10,000 steps: exit 1, one line, no crash', { timeout: 120_000 }, async () => {
    const steps = Array.from(
      { length: 10_000 },
      (_, i) =>
        `  - { id: s${i}, phase: request, date: 2020-01-01, title: Step ${i}, text: Text., next: ${i === 9999 ? 'fin' : `s${i + 1}`} }`,
    );
    const yaml = readFileSync(hostile('cycle.yaml'), 'utf8')
      .replace('start: a,', 'start: s0,')
      .replace(/^steps:\n[\s\S]*^endings:\n/m, `steps:\n${steps.join('\n')}\nendings:\n`);
    const file = join(dir, 'chain.yaml');
    writeFileSync(file, yaml);
    for (const args of [
      ['stats', file, '--exhaustive'],
      ['balance', file],
    ]) {
      const line = expectOneClearLine(await run(args), file);
      expect(line).toContain('run did not end within 1000 moves: steps s0 → s1 → s2 → s3 → … → ');
    }
  });

  it('balance on a cycle reports the run that does not end, exit 1', async () => {
    const file = hostile('cycle.yaml');
    const line = expectOneClearLine(await run(['balance', file]), file);
    expect(line).toContain('run did not end within 1000 moves: steps a → b → a → …');
  });

  it('play on a cycle fed endless input stops after 1000 moves, exit 1', async () => {
    const file = hostile('cycle.yaml');
    const r = await run(['play', file], '1\n'.repeat(1100));
    const line = expectOneClearLine(r, file);
    expect(line).toBe(`${file}: run did not end within 1000 moves: steps a → b → a → …`);
  });
});

describe('terminal escapes in scenario text', () => {
  // ESC, the C1 controls, BEL, CR and the bidi controls: none may reach the terminal.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

  it('safeText removes whole escape sequences, controls and bidi characters, and keeps the rest', () => {
    expect(safeText('a\u001b]0;pwned\u0007b')).toBe('ab');
    expect(safeText('a\u001b]52;c;ZXZpbA==\u001b\\b')).toBe('ab');
    expect(safeText('a\u001b[2J\u001b[Hb\u009b31mc')).toBe('abc');
    expect(safeText('x\u202eabc\u202c\u2067y\u2069\u200e\u200f\u061c')).toBe('xabcy');
    expect(safeText('tab\tline\nfeed\r!')).toBe('tab\tline\nfeed!');
    expect(safeText('Tokayev — “terrorist gangs”, Ереван, Բիշքեկ')).toBe('Tokayev — “terrorist gangs”, Ереван, Բիշքեկ');
    const json = safeJson({ t: 'a\u202eb\u009bc\u001b' });
    expect(json).not.toMatch(UNSAFE);
    expect(JSON.parse(json)).toEqual({ t: 'a\u202eb\u009bc\u001b' });
  });

  const file = hostile('escapes.yaml');
  const commands: [string, string[], string][] = [
    ['play', ['play', file], '1\n1\n1\n'],
    ['check messages', ['check', hostile('escapes-invalid.yaml')], ''],
    ['stats', ['stats', file, '--runs', '20'], ''],
    ['stats --json', ['stats', file, '--runs', '20', '--json'], ''],
    ['balance', ['balance', file, '--runs', '10'], ''],
    ['graph (Mermaid)', ['graph', file], ''],
    ['graph (DOT)', ['graph', file, '--format', 'dot'], ''],
  ];
  for (const [what, args, input] of commands) {
    it(`are removed from ${what}`, async () => {
      const r = await run(args, input);
      expect(r.code, r.all).toBeLessThanOrEqual(1);
      expect(r.all).not.toMatch(UNSAFE);
      expect(r.all).not.toContain('pwned');
      expect(r.all).not.toContain('ZXZpbA==');
      expect(r.all).not.toContain('    at ');
    });
  }

  it('leave the readable text in place', async () => {
    const played = await run(['play', file], '1\n1\n');
    expect(played.stdout).toContain('=== Hostile  title  and right-to-left ===');
    expect(played.stdout).toContain('Text with bidi and bold, a bell and a clear.');
    expect(played.stdout).toContain(' 1. Go on now');
    const graph = await run(['graph', file]);
    expect(graph.stdout).toContain('"End: The end "');
    const checked = await run(['check', hostile('escapes-invalid.yaml')]);
    expect(checked.stdout).toContain('minutes: expected a number, found the text " five "');
  });
});

describe('no stack trace, ever', () => {
  it('an unexpected error is one line naming the file: exit 70 when internal, 1 for a system error', async () => {
    const failing = (error: Error) => {
      let stderr = '';
      return main(['graph', fixture('mini.yaml')], {
        stdout: {
          write: () => {
            throw error;
          },
        },
        stderr: { write: (s: string) => (stderr += s) },
      }).then((code) => ({ code, stderr }));
    };
    const internal = await failing(new Error('boom'));
    expect(internal.code).toBe(70);
    expect(internal.stderr).toBe(`article-four: ${fixture('mini.yaml')}: internal error: boom\n`);
    const io = await failing(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }));
    expect(io.code).toBe(1);
    expect(io.stderr).toBe(`article-four: ${fixture('mini.yaml')}: i/o error, write (EIO)\n`);
  });

  it('a command named like an Object.prototype property is an unknown command (exit 2)', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const r = await run([name]);
      expect(r.code, name).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`article-four: unknown command "${name}"`);
    }
  });
});
