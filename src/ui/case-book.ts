/**
 * The cases the app knows: every bundled case's summary at once (the build's index), each bundled
 * case itself once something needs it, and the files the player opened. The app asks `whenLoaded`
 * before it tells the flow about a route, so the flow's `scenario(id)` stays synchronous.
 */
import type { Scenario } from '../engine/schema';
import { BundledCases } from './bundled-cases';
import { casesForRoute } from './case-routes';
import { byDate, type CaseCard, type CaseSummary, summarize } from './case-summary';
import type { CaseEntry } from './cases';
import type { Route } from './flow/routes';
import { casesWithOpened, type OpenedRecord, readOpened, type YamlLoader } from './opened-store';

export class CaseBook {
  private readonly store = new BundledCases();
  /** The bundled cases loaded so far, and the opened files. */
  cases: CaseEntry[] = [];
  /** The YAML loader, for opened files kept as YAML only (loaded only when there are some). */
  private yaml: YamlLoader | undefined;
  /** Navigations waiting for a case to load, in order, and how many. */
  private loading: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly savedCase: () => string | null) {}

  async init(): Promise<void> {
    await this.store.addFixtures();
    if (readOpened().some((r) => r.compiled === undefined)) {
      const { loadScenarioCore } = await import('../engine/loader-core');
      this.yaml = (text, file) => loadScenarioCore(text, file);
    }
    this.store.onLoad = () => this.refresh();
    this.refresh();
  }

  /** Reads the opened files again (or takes `records`). */
  refresh(records: readonly OpenedRecord[] = readOpened()): void {
    const ids = this.store.index.map((c) => c.id);
    this.cases = casesWithOpened(this.store.entries(), records, ids, this.yaml);
  }

  isBundled(id: string): boolean {
    return this.store.index.some((c) => c.id === id);
  }

  summary(id: string): CaseSummary | undefined {
    return this.store.index.find((c) => c.id === id);
  }

  scenarios(): Scenario[] {
    return this.cases.flatMap((c) => (c.ok ? [c.scenario] : []));
  }

  scenario(id: string): Scenario | undefined {
    return this.scenarios().find((s) => s.id === id);
  }

  /** The case list: every bundled case's summary and the files opened, in the order they happened. */
  list(): CaseCard[] {
    const opened = this.cases.flatMap((c): CaseCard[] =>
      c.ok && !this.isBundled(c.scenario.id)
        ? [{ ok: true, file: c.file, summary: summarize(c.scenario, c.file), opened: true }]
        : [],
    );
    const bundled = this.store.index.map((summary): CaseCard => ({ ok: true, file: summary.file, summary }));
    return byDate([...bundled, ...opened], (c) => (c.ok ? c.summary.dates.start : '9999'));
  }

  /** Starts loading a bundled case that is likely to be needed soon. */
  prefetch(id: string): void {
    if (this.isBundled(id) && !this.scenario(id)) void this.store.ensure(id);
  }

  /** Calls `go` once the bundled cases `route` needs are loaded: at once when they are, else in order after loading. */
  whenLoaded(route: Route, go: () => void): void {
    const need = casesForRoute(route, this.savedCase);
    const ids = need.all ? this.store.index.map((c) => c.id) : need.ids;
    const missing = ids.filter((id) => this.isBundled(id) && !this.scenario(id));
    if (missing.length === 0 && this.waiting === 0) {
      go();
      return;
    }
    this.waiting += 1;
    this.loading = this.loading
      .then(() => Promise.all(missing.map((id) => this.store.ensure(id))))
      .then(go)
      .finally(() => {
        this.waiting -= 1;
      });
  }
}
