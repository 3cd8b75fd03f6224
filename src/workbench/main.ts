/**
 * The Author page (author.html): a page of its own in the static site, loaded only when opened.
 * An editor for a scenario file with the checker's findings as you type (the loader and linter
 * of `npm run scenario -- check`, in a worker), a list of them, a play pane, the statechart, and
 * the playtest figures. The text is kept in IndexedDB as it is typed; files are opened and saved
 * on this computer. Nothing is uploaded.
 */
/*
 * What this page takes from the game's own modules is exactly what the game's title and the
 * dashboard already share (the chunk holding src/ui/settings.ts, dom.ts and storage.ts, the
 * styles and the fonts), and it loads something with import() as they do: any other module of
 * the game imported here would be split by the bundler out of the game's chunks into a new shared
 * one, and the game's first load would grow. Everything else of the game (the engine, the markup
 * renderer, the Council's order) runs in the worker, which is bundled on its own.
 */
import '../ui/fonts.css';
import '../ui/styles.css';
import './workbench.css';
import type { EditorView } from '@codemirror/view';
import template from '../authoring/template.yaml?raw';
import { applySettings, loadSettings } from '../ui/settings';
import { type Draft, DraftKeeper, DraftStore } from './draft-store';
import { Checker, EngineClient } from './engine-client';
import { FiguresPane } from './figures-pane';
import { ScenarioFiles } from './files';
import { GraphPane } from './graph-view';
import { PlayPane } from './play-pane';
import { problemItems } from './problems-list';
import { lineStarts, type Problem, problemCount, problemsOf, spanOf } from './problems-model';
import type { CheckResult } from './protocol';
import { Tabs } from './tabs';

const TEMPLATE_NAME = 'new-scenario.yaml';
/** Milliseconds after the last keystroke before the text is checked, and before it is kept. */
const CHECK_DELAY = 400;
const KEEP_DELAY = 300;

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`author.html has no #${id}`);
  return el as T;
}

/** What the browser tests read. */
const debug = {
  ready: false,
  /** The text's version (one per change) and the version the last check answered for. */
  version: 0,
  checked: -1,
  errors: 0,
  warnings: 0,
  /** Drafts written to IndexedDB. */
  kept: 0,
  storage: 'opening' as 'opening' | 'indexeddb' | 'none',
  moves: () => [] as unknown[],
  /** The editor's text, and the cursor's line and column (1-based). */
  text: () => '',
  cursor: () => ({ line: 0, column: 0 }),
};
(window as unknown as { __workbench: typeof debug }).__workbench = debug;

const makeWorker = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });

/** IndexedDB, unless it is missing, refused, or does not answer within two seconds. */
async function openStore(): Promise<DraftStore | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000));
  try {
    return await Promise.race([DraftStore.open(), timeout]);
  } catch {
    return null;
  }
}

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

async function start(): Promise<void> {
  applySettings(loadSettings());
  // The editor (CodeMirror, the schema help) loads while IndexedDB opens.
  const [{ createEditor, goTo, replaceText, showProblems }, store] = await Promise.all([
    import('./editor'),
    openStore(),
  ]);
  const draft = store ? await store.load().catch(() => null) : null;
  debug.storage = store ? 'indexeddb' : 'none';

  const fileName = element('file-name');
  const keepStatus = element('keep-status');
  const checkStatus = element('check-status');
  const storageNote = element('storage-note');
  const problemsOut = element('problems');
  const problemsSummary = element('problems-summary');
  const badge = element('problem-badge');
  const files = new ScenarioFiles(draft?.name ?? TEMPLATE_NAME, element<HTMLInputElement>('file-input'));

  const setName = (name: string) => {
    files.name = name;
    fileName.textContent = name;
    document.title = `${name} · Author a scenario · Article Four`;
  };
  setName(files.name);

  /** One-off news (restored, opened, saved), in its own live region above the editor. */
  const noticeOut = element('notice');
  const notice = (text: string) => {
    noticeOut.textContent = text;
  };
  let lastCount = '';

  // ---- keeping the text
  let view: EditorView;
  /** The text as last opened or saved to a file: leaving with changes beyond it asks first, when the browser keeps nothing. */
  let onDisk: string | null = draft ? null : template;
  const keeper = store
    ? new DraftKeeper(store, KEEP_DELAY, (ok, d, error) => {
        if (ok) {
          debug.kept++;
          keepStatus.textContent = `Kept in this browser at ${clock(d.savedAt)}`;
        } else {
          storageNote.hidden = false;
          storageNote.textContent = `This browser refused to keep your text (${(error as Error)?.message ?? 'storage error'}). Save it to a file.`;
        }
      })
    : null;
  if (!store) {
    storageNote.hidden = false;
    storageNote.textContent =
      'This browser does not keep your text between visits here (a private window, or storage blocked for this site): save it to a file before you close the tab.';
    keepStatus.textContent = 'Not kept in this browser';
  }
  const current = (): Draft => {
    const sel = view.state.selection.main;
    return {
      text: view.state.doc.toString(),
      anchor: sel.anchor,
      head: sel.head,
      name: files.name,
      savedAt: Date.now(),
    };
  };
  const keep = () => keeper?.changed(current());
  const flush = () => {
    if (keeper) void keeper.flush();
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', (e) => {
    if (!store && onDisk !== view.state.doc.toString()) e.preventDefault();
  });

  // ---- checking
  const checks = new EngineClient(makeWorker);
  const runner = new EngineClient(makeWorker);
  const figuresClient = new EngineClient(makeWorker);
  let problems: Problem[] = [];
  let checkTimer: ReturnType<typeof setTimeout> | null = null;

  const play = new PlayPane(
    {
      seat: element('play-seat'),
      length: element('play-length'),
      lengthField: element('play-length-field'),
      step: element('play-step'),
      seed: element('play-seed'),
      start: element('play-start'),
      undo: element('play-undo'),
      status: element('play-status'),
      view: element('play-view'),
    },
    runner,
    (place) => graph.update(place),
  );
  debug.moves = () => [...play.moves()];
  const graph = new GraphPane(element('graph'), element('graph-status'), runner);
  const figures = new FiguresPane(
    {
      run: element('figures-run'),
      stop: element('figures-stop'),
      statsRuns: element('stats-runs'),
      balanceRuns: element('balance-runs'),
      progress: element('figures-progress'),
      status: element('figures-status'),
      out: element('figures'),
    },
    figuresClient,
  );

  const goToProblem = (p: Problem) => {
    const text = view.state.doc.toString();
    const [from, to] = spanOf(text, lineStarts(text), p.line, p.column);
    goTo(view, from, to);
  };

  const checked = (version: number, result: CheckResult | Error) => {
    if (version !== debug.version) return; // a newer text is on its way
    if (result instanceof Error) {
      checkStatus.textContent = `The checker failed: ${result.message}`;
      return;
    }
    const text = view.state.doc.toString();
    problems = problemsOf(text, result.errors, result.warnings);
    showProblems(view, problems);
    problemsOut.replaceChildren(...problemItems(problems, goToProblem));
    const count = problemCount(result.errors.length, result.warnings.length);
    problemsSummary.textContent =
      problems.length === 0
        ? 'No problems: the scenario loads, and the checker has nothing to say.'
        : `${count}${result.errors.length > 0 ? ': the scenario cannot be played until the errors are fixed.' : '.'}`;
    badge.textContent = problems.length > 0 ? String(problems.length) : '';
    badge.className = `wb-badge${result.errors.length > 0 ? ' wb-badge-error' : problems.length > 0 ? ' wb-badge-warning' : ''}`;
    if (count !== lastCount) {
      lastCount = count;
      checkStatus.textContent = `${count}.`;
    }
    debug.errors = result.errors.length;
    debug.warnings = result.warnings.length;
    debug.checked = version;
    play.setScenario(result.scenario, result.errors.length);
    figures.setScenario(result.scenario);
  };
  const checker = new Checker(checks, () => files.name, checked);
  const checkNow = () => {
    if (checkTimer !== null) clearTimeout(checkTimer);
    checkTimer = null;
    checker.check(view.state.doc.toString(), debug.version);
  };

  // ---- the editor
  const text = draft?.text ?? template;
  element('boot-note').remove();
  view = createEditor(element('editor'), text, draft ? { anchor: draft.anchor, head: draft.head } : null, {
    changed: () => {
      debug.version++;
      keep();
      if (checkTimer !== null) clearTimeout(checkTimer);
      checkTimer = setTimeout(checkNow, CHECK_DELAY);
    },
    moved: keep,
  });
  debug.text = () => view.state.doc.toString();
  debug.cursor = () => {
    const head = view.state.selection.main.head;
    const line = view.state.doc.lineAt(head);
    return { line: line.number, column: head - line.from + 1 };
  };
  if (draft) {
    view.dispatch({ scrollIntoView: true });
    notice(`Restored your text as it was kept at ${clock(draft.savedAt)}, with the cursor where you left it.`);
    keepStatus.textContent = `Kept in this browser at ${clock(draft.savedAt)}`;
  } else {
    notice(
      store
        ? 'A new scenario from the template. Your text is kept in this browser as you type.'
        : 'A new scenario from the template.',
    );
  }

  // ---- tabs
  new Tabs(element('wb-tablist'), (id) => graph.shown(id === 'tab-graph'));

  // ---- files
  const replace = (next: string, name: string, message: string) => {
    replaceText(view, next, 0);
    setName(name);
    keep();
    notice(message);
    view.focus();
  };
  element('new').addEventListener('click', () => {
    files.forget(TEMPLATE_NAME);
    onDisk = null;
    replace(
      template,
      TEMPLATE_NAME,
      'Started again from the template. Ctrl+Z in the editor brings back the text before.',
    );
  });
  element('open').addEventListener('click', async () => {
    try {
      const opened = await files.open();
      if (!opened) return;
      onDisk = opened.text;
      replace(opened.text, opened.name, `Opened ${opened.name}. Ctrl+Z in the editor brings back the text before.`);
    } catch (e) {
      notice(`Could not open the file: ${(e as Error).message}`);
    }
  });
  const save = async (as: boolean) => {
    const text = view.state.doc.toString();
    try {
      const outcome = as ? await files.saveAs(text) : await files.save(text);
      if (outcome === 'cancelled') return;
      setName(files.name);
      onDisk = text;
      keep();
      notice(
        outcome === 'saved'
          ? `Saved ${files.name}.`
          : `Your browser was asked to download ${files.name}: look in your downloads folder.`,
      );
    } catch (e) {
      notice(`Could not save: ${(e as Error).message}`);
    }
  };
  element('save').addEventListener('click', () => void save(false));
  element('save-as').addEventListener('click', () => void save(true));
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save(e.shiftKey);
    }
  });

  checkNow();
  debug.ready = true;

  // The site's service worker (src/build/pwa.ts, only in the production build), so that a first
  // visit to this page makes the site work offline too. Registered here directly: the game's own
  // registration (src/ui/pwa-update.ts, with its update note) is shared with the game's first
  // load, and importing it here would move it into a bigger shared chunk. The game's pages offer
  // new versions; this page takes one when all its tabs are closed.
  if (import.meta.env.MODE === 'production' && 'serviceWorker' in navigator) {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // Blocked (a private window, a sandboxed frame): the page works, online.
    });
  }
}

void start().catch((e) => {
  console.error(e);
  const note = document.getElementById('boot-note');
  if (note) note.textContent = `The Author page could not start: ${(e as Error)?.message ?? e}`;
});
