/**
 * The Author page's problems (src/workbench/problems-model.ts) come from the same loader and linter
 * as `npm run scenario -- check`, placed on the words they name; its drafts
 * (src/workbench/draft-store.ts) are kept in IndexedDB, written after a pause and at once on flush.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { loadScenario } from '../../src/engine';
import { type Draft, DraftKeeper, DraftStore } from '../../src/workbench/draft-store';
import { lineStarts, problemCount, problemsOf, spanOf } from '../../src/workbench/problems-model';
import { ROOT } from '../helpers';

const template = readFileSync(join(ROOT, 'src', 'authoring', 'template.yaml'), 'utf8');

describe('problems', () => {
  it('marks a misspelt key where the checker says, with its line', () => {
    const text = template.replace('title: A request arrives', 'titel: A request arrives');
    const r = loadScenario(text, 'new-scenario.yaml', { lint: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const problems = problemsOf(text, r.errors, r.warnings);
    const line = text.split('\n').findIndex((l) => l.includes('titel:')) + 1;
    const unknown = problems.find((p) => p.message.includes('unknown key "titel"'));
    expect(unknown).toMatchObject({ severity: 'error', line });
    expect(text.slice(unknown?.from, unknown?.to)).toBe('titel');
    expect(problems.some((p) => p.message.includes('missing "title"'))).toBe(true);
    expect(problemCount(r.errors.length, r.warnings.length)).toBe(`${r.errors.length} errors`);
  });

  it('keeps the file’s order, errors before warnings at one place', () => {
    const d = (line: number, severity: 'error' | 'warning') => ({
      file: 'f',
      line,
      column: 1,
      severity,
      message: `${severity} ${line}`,
      code: 'x',
    });
    const text = 'a: 1\nb: 2\nc: 3\n';
    const list = problemsOf(text, [d(3, 'error'), d(1, 'error')], [d(1, 'warning'), d(2, 'warning')]);
    expect(list.map((p) => p.message)).toEqual(['error 1', 'warning 1', 'warning 2', 'error 3']);
  });

  it('spans a word, a quoted string, or one character, inside the text', () => {
    const text = 'id: x\ntitle: "A b" # c\n\nend';
    const starts = lineStarts(text);
    expect(text.slice(...spanOf(text, starts, 1, 1))).toBe('id');
    expect(text.slice(...spanOf(text, starts, 2, 8))).toBe('"A b"');
    // An empty line: an empty span at its start.
    expect(spanOf(text, starts, 3, 1)).toEqual([text.indexOf('\n\n') + 1, text.indexOf('\n\n') + 1]);
    expect(text.slice(...spanOf(text, starts, 99, 99))).toBe('d');
  });

  it('counts in words', () => {
    expect(problemCount(0, 0)).toBe('No problems');
    expect(problemCount(1, 0)).toBe('1 error');
    expect(problemCount(2, 1)).toBe('2 errors, 1 warning');
    expect(problemCount(0, 3)).toBe('3 warnings');
  });
});

describe('drafts', () => {
  const draft = (text: string): Draft => ({ text, anchor: 1, head: 2, name: 'x.yaml', savedAt: 5 });

  it('keeps the last draft in IndexedDB and reads it back', async () => {
    const factory = new IDBFactory();
    const store = await DraftStore.open(factory);
    expect(store).not.toBeNull();
    expect(await store?.load()).toBeNull();
    await store?.save(draft('one'));
    await store?.save(draft('two'));
    store?.close();
    const again = await DraftStore.open(factory);
    expect(await again?.load()).toEqual(draft('two'));
  });

  it('answers null without IndexedDB, or when it refuses to open', async () => {
    expect(await DraftStore.open(undefined)).toBeNull();
    const refusing = {
      open() {
        throw new DOMException('refused', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await DraftStore.open(refusing)).toBeNull();
  });

  it('writes after a pause, only the latest, and at once on flush', async () => {
    vi.useFakeTimers();
    try {
      const saved: string[] = [];
      const keeper = new DraftKeeper(
        {
          save: async (d) => {
            saved.push(d.text);
          },
        },
        300,
        () => {},
      );
      keeper.changed(draft('a'));
      keeper.changed(draft('ab'));
      await vi.advanceTimersByTimeAsync(299);
      expect(saved).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(saved).toEqual(['ab']);
      keeper.changed(draft('abc'));
      expect(keeper.pending).toBe(true);
      await keeper.flush();
      expect(saved).toEqual(['ab', 'abc']);
      expect(keeper.pending).toBe(false);
      await vi.advanceTimersByTimeAsync(1000);
      expect(saved).toEqual(['ab', 'abc']);
    } finally {
      vi.useRealTimers();
    }
  });
});
