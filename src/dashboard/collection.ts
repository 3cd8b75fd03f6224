/**
 * The results loaded so far. Files are read in the page with `arrayBuffer()` (nothing is
 * uploaded); each new batch is added to what is loaded, an identical copy of a result already
 * loaded is reported once more and counted once, and a file over the size limit is refused unread.
 * Clearing starts a new generation: a batch given before the clear adds nothing, even if its
 * files are still being read.
 */
import {
  type LoadedResult,
  loadResultFiles,
  MAX_RESULT_BYTES,
  type ResultProblem,
  tooLargeProblem,
} from '../classroom/index';

/** What a batch added: how many results, and which files were skipped. */
export interface BatchOutcome {
  added: number;
  problems: ResultProblem[];
}

type Read = { name: string; bytes: Uint8Array } | { problem: ResultProblem };

async function readOne(file: File): Promise<Read> {
  if (file.size > MAX_RESULT_BYTES) return { problem: tooLargeProblem(file.name, file.size) };
  try {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (e) {
    const reason = `could not be read (${e instanceof Error ? e.message : 'unknown error'})`;
    return { problem: { fileName: file.name, reason } };
  }
}

export class ResultCollection {
  private loaded: LoadedResult[] = [];
  private skipped: ResultProblem[] = [];
  /** Each loaded result's JSON, to the file it came from: what a new file must not repeat. */
  private seen = new Map<string, string>();
  /** How many times the collection was cleared. */
  private clears = 0;

  /** Changes at every clear: a batch given in an earlier generation is dropped. */
  get generation(): number {
    return this.clears;
  }

  get results(): readonly LoadedResult[] {
    return this.loaded;
  }

  /** Every file skipped since the last clear, in the order they were loaded. */
  get problems(): readonly ResultProblem[] {
    return this.skipped;
  }

  /**
   * Reads the files and adds their results to those already loaded; null, adding nothing, when
   * the collection was cleared since `generation` (when the files were given) or while reading.
   */
  async add(files: readonly File[], generation = this.clears): Promise<BatchOutcome | null> {
    if (generation !== this.clears) return null;
    const read = await Promise.all(files.map(readOne));
    if (generation !== this.clears) return null;
    // Only the new files are parsed; a new file identical to a result already loaded is the copy.
    const { results, problems } = loadResultFiles(
      read.flatMap((r) => ('bytes' in r ? [{ name: r.name, text: r.bytes }] : [])),
      this.seen,
    );
    const unread = read.flatMap((r) => ('problem' in r ? [r.problem] : []));
    // Problems in the order the files were given.
    const order = new Map<string, number>();
    files.forEach((f, i) => {
      if (!order.has(f.name)) order.set(f.name, i);
    });
    const batch = [...unread, ...problems].sort((a, b) => (order.get(a.fileName) ?? 0) - (order.get(b.fileName) ?? 0));
    this.loaded = [...this.loaded, ...results];
    this.skipped.push(...batch);
    return { added: results.length, problems: batch };
  }

  clear(): void {
    this.loaded = [];
    this.skipped = [];
    this.seen = new Map();
    this.clears++;
  }
}
