/**
 * The one way the app touches Web Storage. Every call is guarded: in a sandboxed frame, with
 * cookies blocked or with the quota full, `localStorage` itself can throw on access, and a write
 * can throw at any time. The game then keeps playing: values live in memory for this visit, and
 * failures are reported (see `onStorageProblem`) so the player can be told that progress will
 * not be kept: a refused store once, a full one at every write it refuses.
 */

export interface KeyValue {
  get(key: string): string | null;
  /** False when the value could not be kept beyond this visit (it is still held in memory). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

export type StorageProblem = 'denied' | 'full';

type Listener = (problem: StorageProblem) => void;
const listeners = new Set<Listener>();
let reported: StorageProblem | null = null;

/** A refusal is said once (nothing will be kept); a full store is said at every write it refuses. */
function report(problem: StorageProblem): void {
  if (reported === problem && problem === 'denied') return;
  reported = problem;
  for (const l of listeners) l(problem);
}

/** Calls `listener` on a storage failure (and at once if one happened already): see `report`. */
export function onStorageProblem(listener: Listener): () => void {
  listeners.add(listener);
  if (reported) listener(reported);
  return () => listeners.delete(listener);
}

/** The problem met so far, if any. */
export function storageProblem(): StorageProblem | null {
  return reported;
}

/** A store over `open()` (which may throw), falling back to memory. Exported for tests. */
export function guardedStore(open: () => Storage | null | undefined): KeyValue {
  const memory = new Map<string, string>();
  let real: Storage | null | undefined;
  let opened = false;
  const backing = (): Storage | null => {
    if (!opened) {
      opened = true;
      try {
        real = open();
        // Some browsers hand out a store that throws on first use.
        real?.getItem('article-four:probe');
      } catch {
        real = null;
      }
      if (!real) report('denied');
    }
    return real ?? null;
  };
  return {
    get(key) {
      // What this visit wrote comes first: it is the newest, kept or not.
      const held = memory.get(key);
      if (held !== undefined) return held;
      const s = backing();
      if (!s) return null;
      try {
        return s.getItem(key);
      } catch {
        report('denied');
        return null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      const s = backing();
      if (!s) return false;
      try {
        s.setItem(key, value);
        return true;
      } catch (e) {
        report(e instanceof DOMException && /quota/i.test(e.name) ? 'full' : 'denied');
        return false;
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        backing()?.removeItem(key);
      } catch {
        // Nothing kept there to remove.
      }
    },
  };
}

/** Kept between visits (the saved run, settings, teams, opened files). */
export const local: KeyValue = guardedStore(() => globalThis.localStorage);
/** Kept for this tab only (a reload returns to the same run, class drafts). */
export const session: KeyValue = guardedStore(() => globalThis.sessionStorage);

/** What the stores accept: this module's stores, or any Web Storage-like object (tests pass their own). */
export type StoreLike = KeyValue | Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A never-throwing KeyValue over either kind of store. */
export function asKeyValue(store: StoreLike): KeyValue {
  if ('get' in store) return store;
  return {
    get(key) {
      try {
        return store.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        store.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        store.removeItem(key);
      } catch {
        // Nothing kept there to remove.
      }
    },
  };
}
