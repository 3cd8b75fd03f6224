/**
 * The Author page keeps the text being edited in IndexedDB: every change (a short while after the
 * last keystroke, and at once when the tab is hidden or closed), with the cursor and the file's
 * name, so that closing the tab loses nothing. `openDraftStore` answers null where IndexedDB is
 * missing or refused (some private windows, storage blocked): the page then says that the text
 * lasts only while it is open.
 */

export interface Draft {
  text: string;
  /** The selection: anchor and head offsets. */
  anchor: number;
  head: number;
  /** The file's name (as opened or saved, or the template's). */
  name: string;
  /** When it was kept (ms since the epoch). */
  savedAt: number;
}

const DB = 'article-four-author';
const STORE = 'drafts';
const KEY = 'current';

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function isDraft(x: unknown): x is Draft {
  if (!x || typeof x !== 'object') return false;
  const d = x as Record<string, unknown>;
  return (
    typeof d.text === 'string' &&
    typeof d.anchor === 'number' &&
    typeof d.head === 'number' &&
    typeof d.name === 'string' &&
    typeof d.savedAt === 'number'
  );
}

export class DraftStore {
  private constructor(private readonly db: IDBDatabase) {}

  /** The store, or null when IndexedDB is missing or refuses to open. */
  static async open(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<DraftStore | null> {
    if (!factory) return null;
    try {
      const req = factory.open(DB, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
      };
      const db = await promised(req);
      return new DraftStore(db);
    } catch {
      return null;
    }
  }

  /** The draft kept last, or null (none, or not one this page wrote). */
  async load(): Promise<Draft | null> {
    const tx = this.db.transaction(STORE, 'readonly');
    const value = await promised(tx.objectStore(STORE).get(KEY));
    return isDraft(value) ? value : null;
  }

  /** Keeps the draft; resolves once it is written. */
  async save(d: Draft): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(d, KEY);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Writes the latest draft a short while after the last change, at once on `flush`, one write at a
 * time (a change made during a write is written after it). Reports each write's outcome.
 */
export class DraftKeeper {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: Draft | null = null;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly store: Pick<DraftStore, 'save'>,
    private readonly delay: number,
    private readonly report: (ok: boolean, draft: Draft, error?: unknown) => void,
  ) {}

  /** A change: written `delay` ms after the last one. */
  changed(d: Draft): void {
    this.latest = d;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  /** Writes the latest change now (the tab is being hidden or closed). */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    while (this.writing) await this.writing;
    const d = this.latest;
    if (!d) return;
    this.latest = null;
    this.writing = this.store
      .save(d)
      .then(
        () => this.report(true, d),
        (e) => this.report(false, d, e),
      )
      .finally(() => {
        this.writing = null;
      });
    await this.writing;
  }

  /** True while a change waits to be written. */
  get pending(): boolean {
    return this.latest !== null;
  }
}
