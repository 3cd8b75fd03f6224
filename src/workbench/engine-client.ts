/**
 * The page's side of the engine worker (engine.worker.ts): requests answered by promises, progress
 * reported as it comes, and a way to stop a long job (the worker is ended and a new one started
 * on the next request). `Checker` keeps the checks of a text being typed in order and drops the
 * ones a newer text made stale.
 */
import type { ResultOf, WorkerRequest, WorkerResponse } from './protocol';

type Body<K extends keyof ResultOf> = Omit<Extract<WorkerRequest, { type: K }>, 'id'>;

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  progress?: (done: number, total: number, label: string) => void;
}

/** A job stopped before it finished (`EngineClient.cancel`). */
export class Cancelled extends Error {
  constructor() {
    super('stopped');
  }
}

export class EngineClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly make: () => Worker) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    const w = this.make();
    w.addEventListener('message', (e: MessageEvent<WorkerResponse>) => {
      const m = e.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') {
        p.progress?.(m.done, m.total, m.label);
        return;
      }
      this.pending.delete(m.id);
      if (m.type === 'result') p.resolve(m.result);
      else p.reject(new Error(m.message));
    });
    w.addEventListener('error', (e) => {
      e.preventDefault();
      this.fail(new Error(e.message || 'the engine worker failed'));
    });
    this.worker = w;
    return w;
  }

  request<K extends keyof ResultOf>(
    body: Body<K>,
    progress?: (done: number, total: number, label: string) => void,
  ): Promise<ResultOf[K]> {
    const id = this.next++;
    return new Promise<ResultOf[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(progress ? { progress } : {}) });
      this.started().postMessage({ ...body, id } as unknown as WorkerRequest);
    });
  }

  /** True while a request is unanswered. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Stops whatever the worker is doing: every unanswered request fails with `Cancelled`. */
  cancel(): void {
    this.fail(new Cancelled());
  }

  private fail(e: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(e);
  }
}

/**
 * Checks texts one at a time, newest first: while a check runs, only the latest text asked for
 * waits (older ones are dropped), and each answer says which version of the text it is for.
 */
export class Checker {
  private running = false;
  private waiting: { text: string; version: number } | null = null;

  constructor(
    private readonly client: EngineClient,
    private readonly file: () => string,
    private readonly done: (version: number, result: ResultOf['check'] | Error) => void,
  ) {}

  check(text: string, version: number): void {
    this.waiting = { text, version };
    if (!this.running) void this.pump();
  }

  private async pump(): Promise<void> {
    this.running = true;
    while (this.waiting) {
      const { text, version } = this.waiting;
      this.waiting = null;
      try {
        this.done(version, await this.client.request<'check'>({ type: 'check', text, file: this.file() }));
      } catch (e) {
        this.done(version, e as Error);
      }
    }
    this.running = false;
  }
}
