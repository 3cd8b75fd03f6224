/**
 * The bundled cases in the browser: the small index the build wrote (src/build/scenarios-plugin.ts)
 * at once, and each case's compiled scenario only when something needs it (a player picks it, a
 * link or a saved run names it). The app loads a case here before it tells the flow about it, so
 * the flow's `scenario(id)` stays synchronous.
 */
import { cases as index, loaders } from 'virtual:article-four/cases';
import { byDate, type CaseSummary, summarize } from './case-summary';
import type { CaseEntry } from './cases';

export class BundledCases {
  /** Every bundled case's summary, in the order they happened. */
  readonly index: CaseSummary[] = [...index];
  private readonly loaded = new Map<string, CaseEntry>();
  private readonly pending = new Map<string, Promise<void>>();
  /** Called after a case has loaded. */
  onLoad: () => void = () => {};

  /** The cases loaded so far. */
  entries(): CaseEntry[] {
    return [...this.loaded.values()];
  }

  /** Loads case `id` if it is bundled and not loaded yet; never rejects (a failed chunk is retried next time). */
  ensure(id: string): Promise<void> {
    if (this.loaded.has(id) || !(id in loaders)) return Promise.resolve();
    let p = this.pending.get(id);
    if (!p) {
      const load = loaders[id];
      p = (load ? load() : Promise.reject(new Error(`no case ${id}`)))
        .then(({ default: c }) => {
          const file = this.index.find((x) => x.id === id)?.file ?? `${id}.yaml`;
          this.loaded.set(id, { ok: true, file, scenario: c.scenario, warnings: c.warnings });
          this.onLoad();
        })
        .catch((e: unknown) => console.error(e))
        .finally(() => this.pending.delete(id));
      this.pending.set(id, p);
    }
    return p;
  }

  ensureAll(): Promise<void> {
    return Promise.all(this.index.map((c) => this.ensure(c.id))).then(() => undefined);
  }

  /**
   * In development only, `?fixtures` adds the test scenarios in tests/fixtures (parsed in the
   * browser, as an opened file is); never in a build.
   */
  async addFixtures(): Promise<void> {
    if (!import.meta.env.DEV || !new URLSearchParams(location.search).has('fixtures')) return;
    const { parseCases } = await import('./cases');
    const files = import.meta.glob('../../tests/fixtures/*.yaml', { query: '?raw', import: 'default' });
    const texts: Record<string, string> = {};
    for (const [path, load] of Object.entries(files)) texts[path] = (await load()) as string;
    for (const c of parseCases(texts)) {
      if (!c.ok || this.index.some((x) => x.id === c.scenario.id)) continue;
      this.index.push(summarize(c.scenario, c.file));
      this.loaded.set(c.scenario.id, c);
    }
    byDate(this.index, (x) => x.dates.start);
  }
}
