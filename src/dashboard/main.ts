/**
 * The instructor dashboard: a page of its own in the static site (no Phaser). The teacher picks
 * or drops result files; they are read here, in the page, and summarised. Nothing is uploaded.
 */
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/inter/800.css';
import '../ui/styles.css';
import './dashboard.css';
import { type DashboardSummary, summarise } from '../classroom/index';
import { applySettings, loadSettings } from '../ui/settings';
import { CaseLibrary } from './cases';
import { ResultCollection } from './collection';
import { downloadCsv } from './download';
import { filesTable, flaggedList, overview, problemsList, scenarioBlock } from './summary';
import { loadedMessage } from './text';

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`dashboard.html has no #${id}`);
  return el as T;
}

const debug = { ready: false, busy: false, renders: 0, summary: null as DashboardSummary | null };
(window as unknown as { __dashboard: typeof debug }).__dashboard = debug;

/** Resolves after the browser has painted, so a busy state shows before heavy work. */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function start(): void {
  const input = element<HTMLInputElement>('files');
  const drop = element('drop');
  const live = element('live');
  const overviewOut = element('overview');
  const problemsOut = element('problems');
  const summaryOut = element('summary');
  const empty = element('empty');
  const csv = element<HTMLButtonElement>('download-csv');
  const clear = element<HTMLButtonElement>('clear');
  const collection = new ResultCollection();
  const library = new CaseLibrary();

  const render = () => {
    const results = collection.results;
    const problems = collection.problems;
    const any = results.length > 0 || problems.length > 0;
    const summary = summarise(results, library.casesFor(results.map((r) => r.result.scenario.id)));
    debug.summary = summary;
    overviewOut.replaceChildren(any ? overview(summary, problems.length) : '');
    overviewOut.hidden = !any;
    const flagged = summary.flagged;
    problemsOut.replaceChildren(
      ...(flagged.length ? [flaggedList(flagged)] : []),
      ...(problems.length ? [problemsList(problems)] : []),
    );
    problemsOut.hidden = problems.length === 0 && flagged.length === 0;
    summaryOut.replaceChildren(
      ...(summary.files.length ? [filesTable(summary.files), ...summary.scenarios.map(scenarioBlock)] : []),
    );
    summaryOut.hidden = summary.files.length === 0;
    empty.hidden = any;
    csv.disabled = summary.files.length === 0;
    clear.disabled = !any;
    debug.renders++;
  };

  const announce = (text: string) => {
    // Cleared first so the same words are read again after a second identical load.
    live.textContent = '';
    requestAnimationFrame(() => {
      live.textContent = text;
    });
  };

  // Batches are read one after another, so files dropped while others are read are not lost.
  // A batch given before the latest Clear is dropped, even if it was already being read.
  let queue = Promise.resolve();
  let pending = 0;
  const readBatch = async (files: readonly File[], generation: number) => {
    const current = () => generation === collection.generation;
    if (!current()) return;
    live.textContent = `Reading ${files.length === 1 ? '1 file' : `${files.length} files`}…`;
    try {
      const outcome = await collection.add(files, generation);
      await painted();
      if (!outcome || !current()) return;
      render();
      const flagged = debug.summary?.flagged.length ?? 0;
      const counted = flagged > 0 ? `, ${flagged} flagged and not counted` : '';
      announce(`${loadedMessage(outcome.added, outcome.problems.length, collection.results.length)}${counted}.`);
    } catch (e) {
      console.error(e);
      announce(`The files could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const load = (files: readonly File[]) => {
    if (files.length === 0) return;
    const generation = collection.generation;
    pending++;
    debug.busy = true;
    drop.setAttribute('aria-busy', 'true');
    queue = queue.then(async () => {
      await readBatch(files, generation);
      pending--;
      if (pending === 0) {
        drop.removeAttribute('aria-busy');
        debug.busy = false;
      }
    });
  };

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    // Emptied so that picking the same files again loads them again (and reports the copies).
    input.value = '';
    load(files);
  });

  // Files dropped anywhere on the page; the browser must never open a dropped file itself.
  let depth = 0;
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const setDragging = (on: boolean) => document.body.classList.toggle('is-dragging', on);
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    setDragging(true);
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) setDragging(false);
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    setDragging(false);
    load([...(e.dataTransfer?.files ?? [])]);
  });

  csv.addEventListener('click', () => {
    // Only the results counted, as rebuilt from their replays.
    const name = downloadCsv(debug.summary?.files ?? []);
    announce(`Downloading ${name}.`);
  });

  clear.addEventListener('click', () => {
    collection.clear();
    input.value = '';
    render();
    announce('Cleared: no results loaded.');
    input.focus();
  });

  // Printing shows every folded section.
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });

  render();
  debug.ready = true;
}

applySettings(loadSettings());
start();
