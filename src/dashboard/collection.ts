/**
 * The results loaded so far. Files are read in the page with `arrayBuffer()` (nothing is
 * uploaded); each new batch is added to what is loaded, an identical copy of a result already
 * loaded is reported once more and counted once, and a file over the size limit is refused unread.
 */
import {
  type LoadedResult,
  loadResultFiles,
  MAX_RESULT_BYTES,
  type ResultProblem,
  serializeResult,
} from '../classroom/index';

/** What a batch added: how many results, and which files were skipped. */
export interface BatchOutcome {
  added: number;
  problems: ResultProblem[];
}

type Read = { name: string; bytes: Uint8Array } | { name: string; problem: string };

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

async function readOne(file: File): Promise<Read> {
  if (file.size > MAX_RESULT_BYTES) {
    return {
      name: file.name,
      problem: `is too large to be a result file (${megabytes(file.size)}; the limit is ${megabytes(MAX_RESULT_BYTES)})`,
    };
  }
  try {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (e) {
    return { name: file.name, problem: `could not be read (${e instanceof Error ? e.message : 'unknown error'})` };
  }
}

export class ResultCollection {
  private loaded: LoadedResult[] = [];
  private skipped: ResultProblem[] = [];

  get results(): readonly LoadedResult[] {
    return this.loaded;
  }

  /** Every file skipped since the last clear, in the order they were loaded. */
  get problems(): readonly ResultProblem[] {
    return this.skipped;
  }

  /** Reads the files and adds their results to those already loaded. */
  async add(files: readonly File[]): Promise<BatchOutcome> {
    const read = await Promise.all(files.map(readOne));
    const before = this.loaded.length;
    // The results already loaded go first, so a new file identical to one of them is the copy.
    const { results, problems } = loadResultFiles([
      ...this.loaded.map((r) => ({ name: r.fileName, text: serializeResult(r.result) })),
      ...read.flatMap((r) => ('bytes' in r ? [{ name: r.name, text: r.bytes }] : [])),
    ]);
    const unread = read.flatMap((r) => ('problem' in r ? [{ fileName: r.name, reason: r.problem }] : []));
    // Problems in the order the files were given.
    const order = new Map<string, number>();
    files.forEach((f, i) => {
      if (!order.has(f.name)) order.set(f.name, i);
    });
    const batch = [...unread, ...problems].sort((a, b) => (order.get(a.fileName) ?? 0) - (order.get(b.fileName) ?? 0));
    this.loaded = results;
    this.skipped.push(...batch);
    return { added: results.length - before, problems: batch };
  }

  clear(): void {
    this.loaded = [];
    this.skipped = [];
  }
}
