/** The guarded storage module: refused or full storage never throws, keeps values for the visit, and is reported (refused once, full at every refused write). */
import { describe, expect, it } from 'vitest';
import { guardedStore, onStorageProblem, storageProblem } from '../../src/ui/storage';

class FullStorage {
  private data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

describe('guarded storage', () => {
  it('with storage refused (the getter throws) keeps values in memory and reports the problem once', () => {
    const seen: string[] = [];
    const off = onStorageProblem((p) => seen.push(p));
    const store = guardedStore(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(store.get('a')).toBeNull();
    expect(store.set('a', '1')).toBe(false);
    expect(store.get('a')).toBe('1');
    store.remove('a');
    expect(store.get('a')).toBeNull();
    expect(storageProblem()).toBe('denied');
    expect(seen).toEqual(['denied']);
    off();
  });

  it('with the quota full says the value was not kept, still holds it for the visit, and reports "full" at every write', () => {
    const seen: string[] = [];
    const off = onStorageProblem((p) => seen.push(p));
    const store = guardedStore(() => new FullStorage() as unknown as Storage);
    expect(store.set('k', 'v')).toBe(false);
    expect(store.get('k')).toBe('v');
    expect(seen).toContain('full');
    const before = seen.length;
    expect(store.set('k', 'w')).toBe(false);
    expect(seen.slice(before)).toEqual(['full']);
    off();
  });

  it('with working storage writes through', () => {
    const backing = new Map<string, string>();
    const store = guardedStore(
      () =>
        ({
          getItem: (k: string) => backing.get(k) ?? null,
          setItem: (k: string, v: string) => backing.set(k, v),
          removeItem: (k: string) => backing.delete(k),
        }) as unknown as Storage,
    );
    expect(store.set('x', 'y')).toBe(true);
    expect(backing.get('x')).toBe('y');
    store.remove('x');
    expect(backing.has('x')).toBe(false);
  });
});
