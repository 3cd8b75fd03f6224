/**
 * The instructor dashboard: a page of its own in the static site (no Phaser). The teacher picks
 * or drops result files; they are read here, in the page, and summarised. Nothing is uploaded.
 * Three views, each with its address (routes.ts): the dashboard (the summary first, the detail
 * below), #present (the summary large, for a projector) and #path/N (one student's path).
 */
import '../ui/fonts.css';
import '../ui/styles.css';
import './dashboard.css';
import './glance.css';
import './grid.css';
import './path.css';
import './present.css';
import { type DashboardSummary, summarise } from '../classroom/index';
import { applySettings, loadSettings } from '../ui/settings';
import { CaseLibrary } from './cases';
import { ResultCollection } from './collection';
import { downloadCsv } from './download';
import { dragAndDrop } from './drop';
import { glance } from './glance';
import { locate, pathView } from './path';
import { parseRoute, type Route } from './routes';
import { flaggedList, problemsList, scenarioBlock } from './summary';
import { loadedMessage } from './text';

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`dashboard.html has no #${id}`);
  return el as T;
}

const debug = { ready: false, busy: false, renders: 0, summary: null as DashboardSummary | null, view: 'dashboard' };
(window as unknown as { __dashboard: typeof debug }).__dashboard = debug;

/** Resolves after the browser has painted, so a busy state shows before heavy work. */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function start(): void {
  const input = element<HTMLInputElement>('files');
  const drop = element('drop');
  const live = element('live');
  const glanceOut = element('glance');
  const pathOut = element('path-view');
  const problemsOut = element('problems');
  const summaryOut = element('summary');
  const empty = element('empty');
  const csv = element<HTMLButtonElement>('download-csv');
  const clear = element<HTMLButtonElement>('clear');
  const dropLabel = element('drop').querySelector('label.drop-label') as HTMLElement;
  const pickLabel = dropLabel.textContent ?? '';
  const collection = new ResultCollection();
  const library = new CaseLibrary();
  /** Groups the teacher typed, by file name. */
  let groupEdits: Record<string, string> = {};
  let editorOpen = false;
  let printing = false;
  /** The last view shown, to put the focus back where the teacher left when returning. */
  let shown: Route = { view: 'dashboard' };

  const summarised = (): DashboardSummary => {
    const results = collection.results;
    const summary = summarise(results, library.casesFor(results.map((r) => r.result.scenario.id)), {
      groups: groupEdits,
    });
    debug.summary = summary;
    return summary;
  };

  /** The view at the current address (the dashboard when there is nothing to present). */
  const route = (summary: DashboardSummary | null): Route => {
    const r = parseRoute(location.hash);
    if (!summary || summary.files.length === 0) return { view: 'dashboard' };
    if (r.view === 'path' && !locate(summary, r.index)) return { view: 'dashboard' };
    return r;
  };

  /** Shows the summary and the view at the address; `focus` moves the focus into a view just opened. */
  const paint = (focus: boolean) => {
    const summary = debug.summary;
    const problems = collection.problems;
    const any = collection.results.length > 0 || problems.length > 0;
    const counted = (summary?.files.length ?? 0) > 0;
    const r = route(summary);
    const presenting = r.view === 'present';
    document.body.classList.toggle('has-results', any);
    dropLabel.textContent = any ? 'Add result files (.json)' : pickLabel;
    document.body.classList.toggle('is-presenting', presenting);
    document.body.classList.toggle('is-path', r.view === 'path');
    debug.view = r.view;
    glanceOut.replaceChildren(
      summary && counted ? glance(summary, { presenting, printing, skipped: problems.length, editorOpen }) : '',
    );
    glanceOut.hidden = !counted || r.view === 'path';
    const flagged = summary?.flagged ?? [];
    problemsOut.hidden = (problems.length === 0 && flagged.length === 0) || r.view !== 'dashboard';
    summaryOut.hidden = !counted || r.view !== 'dashboard';
    const at = summary && r.view === 'path' ? locate(summary, r.index) : undefined;
    pathOut.replaceChildren(at && summary ? pathView(summary, at, 'path-heading') : '');
    pathOut.hidden = !at;
    empty.hidden = any;
    csv.disabled = !counted;
    clear.disabled = !any;
    scrollHints();
    if (focus) settleFocus(shown, r);
    shown = r;
    debug.renders++;
  };

  /** "Scroll the grid sideways" only where the grid is wider than its place. */
  const scrollHints = () => {
    for (const wrap of glanceOut.querySelectorAll<HTMLElement>('.grid-wrap')) {
      const hint = wrap.previousElementSibling?.querySelector<HTMLElement>('.grid-scroll-hint');
      if (hint) hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1;
    }
  };
  window.addEventListener('resize', scrollHints);

  /** Into a view: its heading; back to the dashboard: the control that opened the view left. */
  const settleFocus = (from: Route, to: Route) => {
    if (to.view === 'present') document.querySelector<HTMLElement>('#glance .glance-heading')?.focus();
    else if (to.view === 'path') {
      document.getElementById('path-heading')?.focus();
      window.scrollTo(0, 0);
    } else if (from.view === 'present') document.querySelector<HTMLElement>('#glance .present-link')?.focus();
    else if (from.view === 'path') {
      document.querySelector<HTMLElement>(`#glance tr[data-index="${from.index}"] .grid-name`)?.focus();
    }
  };

  /** After files or groups change: the summary again, the detail below it, then the view. */
  const render = () => {
    const summary = summarised();
    const problems = collection.problems;
    problemsOut.replaceChildren(
      ...(summary.flagged.length ? [flaggedList(summary.flagged)] : []),
      ...(problems.length ? [problemsList(problems)] : []),
    );
    // The decisions opened stay open (a group edited re-renders the detail too).
    const opened = [...summaryOut.querySelectorAll('.step[id] > details[open]')].map((d) => d.parentElement?.id);
    summaryOut.replaceChildren(...summary.scenarios.map((s, i) => scenarioBlock(s, i)));
    for (const id of opened) {
      const fold = id ? document.getElementById(id)?.querySelector<HTMLDetailsElement>(':scope > details') : null;
      if (fold) fold.open = true;
    }
    paint(false);
  };

  const same = (a: Route, b: Route) =>
    a.view === b.view && (a.view !== 'path' || (b.view === 'path' && a.index === b.index));
  /** How many view addresses this page stacked above the dashboard's (0 on the dashboard). */
  const depth = () => Number((history.state as { depth?: number } | null)?.depth ?? 0);
  /** Opens a view (or another student's path) with its own history entry, so Back returns. */
  const go = (hash: string) => {
    const next = parseRoute(hash).view === 'dashboard' ? 0 : depth() + 1;
    history.pushState({ depth: next }, '', `${location.pathname}${location.search}${hash}`);
    paint(true);
  };
  /** Back to the dashboard: as many steps back as this page went forward, else a new entry. */
  const leaveView = () => {
    const n = depth();
    if (n > 0) history.go(-n);
    else go('');
  };
  /** A link to a decision's detail (from the grid's heading) opens it there, its heading focused. */
  const openPlace = () => {
    const place = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const fold = place?.querySelector<HTMLDetailsElement>(':scope > details');
    if (!fold) return;
    fold.open = true;
    fold.querySelector<HTMLElement>('summary')?.focus();
  };
  /** Back, Forward, or an address typed: show its view, or the place on the dashboard. */
  const followAddress = () => {
    if (!same(route(debug.summary), shown)) paint(true);
    openPlace();
  };
  window.addEventListener('popstate', followAddress);
  window.addEventListener('hashchange', followAddress);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && shown.view !== 'dashboard' && !e.defaultPrevented) {
      e.preventDefault();
      leaveView();
    }
  });
  document.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'leave-present' || action === 'leave-path') {
      leaveView();
      return;
    }
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    // Links to a view; and a click anywhere on a student's row of the grid opens their path.
    const link = target.closest<HTMLAnchorElement>('a[href^="#"]');
    const row = link ? null : target.closest<HTMLElement>('#glance tr.grid-row');
    const hash = link?.getAttribute('href') ?? row?.querySelector('a.grid-name')?.getAttribute('href');
    if (hash && parseRoute(hash).view !== 'dashboard') {
      e.preventDefault();
      go(hash);
    } else if (hash && hash === location.hash) {
      // The same place again: no hashchange, so open it here.
      openPlace();
    }
  });
  // The group editor: a group applies when its box is left or Enter is pressed.
  glanceOut.addEventListener(
    'toggle',
    (e) => {
      if ((e.target as HTMLElement).matches('details.group-editor')) editorOpen = (e.target as HTMLDetailsElement).open;
    },
    true,
  );
  glanceOut.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    if (!box.matches('input.group-input')) return;
    const file = box.dataset.file ?? '';
    groupEdits = { ...groupEdits, [file]: box.value };
    // The editor is open (its box was typed in): say so now, not only when its `toggle` event
    // comes, which is dispatched later and can come after this change on a busy machine. The
    // render would then close the editor and the focus would fall out of it.
    editorOpen = true;
    render();
    document.querySelector<HTMLInputElement>(`#glance input.group-input[data-file="${CSS.escape(file)}"]`)?.focus();
    const label = box.value.trim();
    announce(label ? `Group set to ${label}.` : 'Group cleared.');
  });

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
  dragAndDrop(load);

  csv.addEventListener('click', () => {
    // Only the results counted, as rebuilt from their replays, with their groups and the cases' labels.
    const summary = debug.summary;
    const results = summary?.files ?? [];
    const name = downloadCsv(results, {
      scenarios: library.casesFor(results.map((r) => r.result.scenario.id)),
      groups: groupEdits,
    });
    announce(`Downloading ${name}.`);
  });

  clear.addEventListener('click', () => {
    collection.clear();
    groupEdits = {};
    input.value = '';
    render();
    announce('Cleared: no results loaded.');
    input.focus();
  });

  // Printing shows every folded section, and the grid turned to fit a page when it can.
  window.addEventListener('beforeprint', () => {
    printing = true;
    paint(false);
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    printing = false;
    paint(false);
  });

  // Files are not kept across a reload: a view's address then leads to the dashboard.
  if (location.hash && parseRoute(location.hash).view !== 'dashboard') {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  }
  render();
  debug.ready = true;
}

applySettings(loadSettings());
start();
// The service worker, and the note when a new version is waiting (src/ui/pwa-update.ts).
void import('../ui/pwa-update').then((m) =>
  m.watchForUpdates({
    parent: document.body,
    cost: 'Reloading clears the result files loaded on this page; load them again afterwards.',
  }),
);
