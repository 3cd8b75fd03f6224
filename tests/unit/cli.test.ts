/**
 * The scenario CLI as a user runs it: exit codes, one-line errors naming the file, deterministic
 * play. Commands run in-process through `main(argv, io)`; two tests spawn the real executable
 * (exit code, output, and a reader that closes the pipe early).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaRef } from '../../src/cli/new';
import { scenarioJsonSchema } from '../../src/cli/schema-json';
import { fixture, ROOT, runCli } from '../helpers';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

const run = runCli;

/** The real executable, through tsx, as `npm run scenario` starts it. */
function spawn(args: string[], input = '') {
  const r = spawnSync(TSX, [MAIN, ...args], { input, encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the executable', { timeout: 120_000 }, () => {
  it('exits 1 with FILE:LINE:COL lines on standard output and the summary on standard error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'a4-'));
    try {
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, readFileSync(fixture('mini.yaml'), 'utf8').replace('minutes: 5', 'minutes: five'));
      const r = spawn(['check', bad, fixture('mini.yaml')]);
      expect(r.code).toBe(1);
      expect(r.stdout.trim().split('\n')).toEqual([
        `${bad}:9:10: error: minutes: expected a number, found the text "five"`,
      ]);
      expect(r.stderr).toBe('2 files checked: 1 error, 0 warnings\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends quietly with exit 0 when the reader closes the pipe early (`play | head -1`)', () => {
    // The answers are fed only once `head` has gone (and its shell has let go of the pipe), so the
    // play's next line always meets a closed pipe however slowly `head` is scheduled; they never
    // run out, so only EPIPE can end play. (`wait` on the pipeline would wait for the play too.)
    const dir = mkdtempSync(join(tmpdir(), 'a4-'));
    const script = [
      'set -u',
      `mkfifo "${dir}/answers"`,
      `{ "${TSX}" "${MAIN}" play "${fixture('mini.yaml')}" --role host < "${dir}/answers"; echo "exit $?" > "${dir}/s"; mv "${dir}/s" "${dir}/status"; } | { head -1; exec 0<&-; : > "${dir}/gone"; } &`,
      `exec 4> "${dir}/answers"`,
      `until [ -e "${dir}/gone" ]; do sleep 0.05; done`,
      'yes 1 >&4 2> /dev/null',
      'exec 4>&-',
      `until [ -e "${dir}/status" ]; do sleep 0.05; done`,
      `cat "${dir}/status"`,
    ].join('\n');
    try {
      const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
      expect(r.stdout).toBe('=== A small test crisis ===\nexit 0\n');
      expect(r.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scenario check', () => {
  it('exits 0 for a valid file', async () => {
    const r = await run(['check', fixture('mini.yaml')]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/1 file checked: 0 errors, 0 warnings/);
    expect(r.code).toBe(0);
  });

  it('exits 1 with FILE:LINE:COL lines, and 2 for a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'a4-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(fixture('mini.yaml'), 'utf8').replace('minutes: 5', 'minutes: five'));
    const r = await run(['check', bad, fixture('mini.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${bad}:9:10: error: minutes: expected a number, found the text "five"`,
    ]);
    expect((await run(['check'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a relative FILE from the working directory it is given, and names it as given', async () => {
    const r = await run(['check', 'mini.yaml'], '', join(ROOT, 'tests', 'fixtures'));
    expect(r.code).toBe(0);
    const missing = await run(['check', 'nowhere.yaml'], '', join(ROOT, 'tests', 'fixtures'));
    expect(missing.stdout).toBe('nowhere.yaml:1:1: error: no such file\n');
  });

  it('gives each hostile file one error line naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'a4-'));
    const files: Record<string, string | Buffer> = {
      'empty.yaml': '',
      'binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'latin1.yaml': Buffer.from('format: 1\ntitle: Caf\xe9\n', 'latin1'),
      'bomb.yaml': `format: 1\na: &a [x,x,x,x,x,x,x,x,x]\n${'bcdefgh'
        .split('')
        .map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)
        .join('\n')}\n`,
      'deep.yaml': `format: 1\nx: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
      'huge.yaml': `format: 1\nsummary: "${'x'.repeat(40 * 1024 * 1024)}"\n`,
      'newer.yaml': 'format: 7\n',
      'broken.yaml': 'format: 1\ntitle: "unclosed\n',
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    for (const name of Object.keys(files)) {
      const path = join(dir, name);
      const r = await run(['check', path]);
      expect(r.code, name).toBe(1);
      const lines = r.stdout.trim().split('\n');
      expect(lines, name).toHaveLength(1);
      expect(lines[0]?.startsWith(`${path}:`), name).toBe(true);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('--json reports diagnostics for editors and CI', async () => {
    const r = await run(['check', '--json', fixture('mini.yaml')]);
    expect(JSON.parse(r.stdout)).toEqual({ files: 1, errors: 0, warnings: 0, diagnostics: [] });
  });
});

describe('scenario play', () => {
  it('plays piped choices to the debrief, the same way every time', async () => {
    // Ask, assess, call the vote (2: Blueland's lobbying is 1), then Enter at a Continue screen.
    const input = '1\n1\n2\n\n';
    const a = await run(['play', fixture('mini.yaml'), '--role', 'host', '--seed', '1'], input);
    const b = await run(['play', fixture('mini.yaml'), '--role', 'host', '--seed', '1'], input);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('=== Debrief ===');
    expect(a.stdout).toContain('Your path beside history:');
    expect(a.stdout).toMatch(/What moved and why:\n {4}Credibility +\+5 {2}A member trusts the alliance\./);
  });

  it('asks again for a number out of range and stops cleanly at the end of input', async () => {
    const r = await run(['play', fixture('mini.yaml'), '--role', 'chair'], '7\nabc\n');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/Please enter a number from 1 to 2\./g)).toHaveLength(2);
    expect(r.stdout).toContain('(end of input: the run stops at "A request arrives", after 0 decisions)');
  });

  it('refuses an unknown seat with a usage error', async () => {
    const r = await run(['play', fixture('mini.yaml'), '--role', 'nobody']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no seat "nobody" in mini; seats: chair, host');
  });
});

describe('JSON Schema', () => {
  it('is committed and matches the Zod schema', async () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'scenario.schema.json'), 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
    const printed = await run(['schema']);
    expect(JSON.parse(printed.stdout)).toEqual(committed);
  });
});

describe('scenario new, graph and stats', () => {
  it('new writes a template that passes check and plays to an ending; it never overwrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'a4-'));
    const made = await run(['new', 'my-case', '--dir', dir]);
    expect(made.code).toBe(0);
    const path = join(dir, 'my-case.yaml');
    // The first line points editors at the project's schema, by a path relative to the folder written to.
    const modeline = readFileSync(path, 'utf8').match(/^# yaml-language-server: \$schema=(\S+)\n/)?.[1];
    expect(modeline).toBeDefined();
    expect(modeline?.startsWith('.')).toBe(true);
    expect(realpathSync(resolve(dir, decodeURI(modeline ?? '')))).toBe(
      realpathSync(join(ROOT, 'scenarios', 'scenario.schema.json')),
    );
    expect(schemaRef(join(ROOT, 'scenarios'))).toBe('./scenario.schema.json');
    expect(schemaRef(join(ROOT, 'tests', 'fixtures'))).toBe('../../scenarios/scenario.schema.json');
    expect(readFileSync(path, 'utf8')).toContain('\nid: my-case\n');
    const checked = await run(['check', path]);
    expect(checked.stdout).toBe('');
    expect(checked.code).toBe(0);
    // Observe, lobby, call the vote (lobbying keeps its number 1, so the vote is 2), deploy.
    const played = await run(['play', path, '--seed', '2', '--choices', '1,1,2,1']);
    expect(played.stderr).toBe('');
    expect(played.stdout).toContain('=== Debrief ===');
    expect((await run(['new', 'my-case', '--dir', dir])).code).toBe(1);
    expect((await run(['new', 'Bad Name'])).code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it('graph draws every step and ending in Mermaid and DOT with the historical path highlighted', async () => {
    const m = await run(['graph', fixture('mini.yaml')]);
    expect(m.code).toBe(0);
    expect(m.stdout.startsWith('flowchart TD\n')).toBe(true);
    for (const id of ['ask', 'request', 'vote', 'wait', 'alone', 'success', 'stalemate', 'collapse']) {
      expect(m.stdout).toMatch(new RegExp(`^  ${id}[[(]`, 'm'));
    }
    expect(m.stdout).toMatch(/linkStyle [\d,]+ stroke:#c2410c/);
    const d = await run(['graph', fixture('mini.yaml'), '--format', 'dot']);
    expect(d.stdout).toMatch(/^digraph "mini" \{/);
    expect(d.stdout).toContain('"vote" -> "success" [label="consensus", color="#c2410c", penwidth=3];');
    expect(d.stdout).toContain('"vote" -> "wait" [label="blocked"];');
    expect((await run(['graph', fixture('mini.yaml'), '--format', 'png'])).code).toBe(2);
  });

  it('stats reports endings per seat, meter ranges and flags lopsided endings', async () => {
    const r = await run(['stats', fixture('mini.yaml'), '--runs', '200', '--json']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    expect(stats.map((x: { role: string }) => x.role)).toEqual(['chair', 'host']);
    for (const seat of stats) {
      expect(seat.runs).toBe(200);
      expect(seat.endings.reduce((a: number, e: { runs: number }) => a + e.runs, 0)).toBe(200);
      expect(seat.unended).toEqual([]);
    }
    const text = await run(['stats', fixture('mini.yaml'), '--exhaustive', '--role', 'host']);
    expect(text.stdout).toContain('Seat host: 4 runs (every sequence of moves, seed 1)');
    expect(text.stdout).not.toContain('from any seat');
  });

  it('stats warns of an ending no seat reached in any run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-four-stats-'));
    try {
      const file = join(dir, 'orphan.yaml');
      const yaml = readFileSync(fixture('mini.yaml'), 'utf8').replace(
        /^endings:\n/m,
        'endings:\n  - { id: orphan, title: Never, tone: bad, text: No step leads here., counterfactual: true }\n',
      );
      writeFileSync(file, yaml);
      const r = await run(['stats', file, '--runs', '50']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('warning: ending "orphan" was reached in no run from any seat');
      expect(r.stdout).not.toContain('ending "success" was reached in no run');
      // With one seat only, an ending it never reaches may be another seat's: no warning.
      expect((await run(['stats', file, '--runs', '50', '--role', 'chair'])).stdout).not.toContain('from any seat');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stats and graph per seat', () => {
  /** The mini fixture with a choice only the host is offered and one only the chair could be (it never is). */
  const SEATED = readFileSync(fixture('mini.yaml'), 'utf8').replace(
    /^( {4}choices:\n)( {6}- id: assess_yes\n)/m,
    `$1      - { id: host_plea, label: Plead as the host, when: { role: host }, next: vote }
      - id: chair_dream
        label: A chair's dream
        when: { all: [{ role: chair }, { meter: credibility, gte: 99 }] }
        next: vote
$2`,
  );

  it('stats lists a choice as never taken only for the seats that can be offered it', async () => {
    expect(SEATED).toContain('host_plea');
    const dir = mkdtempSync(join(tmpdir(), 'a4-seats-'));
    try {
      const file = join(dir, 'seated.yaml');
      writeFileSync(file, SEATED);
      const r = await run(['stats', file, '--runs', '200', '--json']);
      expect(r.code, r.all).toBe(0);
      const never = Object.fromEntries(
        JSON.parse(r.stdout).map((x: { role: string; neverTaken: { step: string; choice: string }[] }) => [
          x.role,
          x.neverTaken.map((n) => `${n.step} › ${n.choice}`),
        ]),
      );
      // The host's plea is not the chair's to take; the chair's dream is the chair's, and never comes true.
      expect(never.chair).toEqual(['request › chair_dream']);
      expect(never.host).toEqual([]);
      const text = await run(['stats', file, '--runs', '200', '--role', 'chair']);
      expect(text.stdout).toContain('  Choices never taken:\n    request › chair_dream\n');
      expect(text.stdout).not.toContain('host_plea');
      expect((await run(['stats', file, '--runs', '200', '--role', 'host'])).stdout).not.toContain(
        'Choices never taken',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('graph highlights the historical path of every seat after a branch on the seat, or of one seat with --role', async () => {
    const file = join(ROOT, 'scenarios', 'kyrgyzstan-2010.yaml');
    const alliance = '"council_package" -> "a_advisers" [label="consensus · if seat alliance"';
    const government = '"council_package" -> "kg_coping" [label="consensus · otherwise"';
    const historical = (dot: string, edge: string) =>
      dot
        .split('\n')
        .find((l) => l.includes(edge))
        ?.includes('color="#c2410c", penwidth=3');
    const both = (await run(['graph', file, '--format', 'dot'])).stdout;
    expect(historical(both, alliance)).toBe(true);
    expect(historical(both, government)).toBe(true);
    // The alliance's path goes on past the branch, to its own steps.
    expect(historical(both, '"a_advisers" -> "a_coping"')).toBe(true);
    const mine = (await run(['graph', file, '--format', 'dot', '--role', 'alliance'])).stdout;
    expect(historical(mine, alliance)).toBe(true);
    expect(historical(mine, government)).toBe(false);
    const theirs = (await run(['graph', file, '--format', 'dot', '--role', 'kyrgyz_government'])).stdout;
    expect(historical(theirs, alliance)).toBe(false);
    expect(historical(theirs, government)).toBe(true);
    // Mermaid highlights the same arrows: each seat's path is a part of every seat's.
    const styled = (m: string) => m.match(/linkStyle ([\d,]+) /)?.[1]?.split(',').length ?? 0;
    const mermaid = await Promise.all(
      [[], ['--role', 'alliance'], ['--role', 'kyrgyz_government']].map(async (extra) =>
        styled((await run(['graph', file, ...extra])).stdout),
      ),
    );
    expect(mermaid[0]).toBeGreaterThan(Math.max(mermaid[1] ?? 0, mermaid[2] ?? 0));
    expect(mermaid[0]).toBeLessThanOrEqual((mermaid[1] ?? 0) + (mermaid[2] ?? 0));
    const unknown = await run(['graph', file, '--role', 'nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no seat "nobody" in kyrgyzstan-2010; seats: alliance, kyrgyz_government');
  });
});
