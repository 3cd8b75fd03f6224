/**
 * The bundled cases, checked, linted and compiled when the site is built or served (a Vite plugin).
 *
 * Every `scenarios/*.yaml` is loaded with the engine's own loader and linter (the same as
 * `npm run scenario -- check`) and compiled to its XState machine. An error fails `npm run build`,
 * and in `npm run dev` shows in the terminal and in Vite's overlay, as `FILE:LINE:COL: error: …`
 * lines. The game then reads:
 *   - `virtual:article-four/cases`: a small index (`cases`: what the title, the case list, the
 *     cards and the region map need, time estimates measured here) and `loaders`, one dynamic
 *     import per case;
 *   - `virtual:article-four/case/ID`: one module per case, the loaded scenario as JSON, fetched
 *     only when a player picks the case (or a link or a saved run names it);
 *   - `virtual:article-four/timeline`: the alliance timeline (`scenarios/timeline/alliance.yaml`),
 *     loaded and checked the same way.
 * So the browser never parses YAML or runs Zod for a bundled file, and the linter never reaches it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileScenario } from '../engine/compiler';
import { type Diagnostic, formatDiagnostic } from '../engine/diagnostics';
import { lengthEstimates } from '../engine/estimates';
import { loadScenario } from '../engine/loader';
import { loadTimeline } from '../engine/timeline';
import { type CaseSummary, type CompiledCase, summarize } from '../ui/case-summary';

export const CASES_MODULE = 'virtual:article-four/cases';
const CASE_PREFIX = 'virtual:article-four/case/';
export const TIMELINE_MODULE = 'virtual:article-four/timeline';
/** The timeline's file, under the scenarios folder. */
const TIMELINE_FILE = join('timeline', 'alliance.yaml');
const RESOLVED = '\0';
/** Every module this plugin serves, as resolved. */
const OURS = `${RESOLVED}virtual:article-four/`;

interface Checked {
  mtime: number;
  file: string;
  compiled: CompiledCase | null;
  errors: Diagnostic[];
  summary: CaseSummary | null;
}

const SRC = join(import.meta.dirname, '..');
/** Checking a case takes seconds (the linter walks it): results are kept on disk, keyed by its text and the code that checks it. */
const DISK_CACHE = join(SRC, '..', 'node_modules', '.cache', 'article-four', 'scenarios.json');

/** A hash of the engine's and the summary's code: a change to either checks every case again. */
function codeHash(): string {
  const h = createHash('sha256');
  for (const dir of ['engine', 'build']) {
    for (const f of readdirSync(join(SRC, dir)).sort()) h.update(f).update(readFileSync(join(SRC, dir, f)));
  }
  for (const f of ['ui/case-summary.ts', 'ui/map-model.ts']) h.update(readFileSync(join(SRC, f)));
  return h.digest('hex');
}

function readDisk(file: string): Record<string, Omit<Checked, 'mtime' | 'file'>> {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

function writeDisk(file: string, entries: Record<string, Omit<Checked, 'mtime' | 'file'>>): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(entries));
  } catch {
    // A cache that cannot be written only costs time.
  }
}

/** Loads, lints and compiles one file; every problem as a diagnostic. */
function check(path: string, name: string): Omit<Checked, 'mtime' | 'file'> {
  const r = loadScenario(readFileSync(path), name, { lint: true });
  if (!r.ok) return { compiled: null, errors: r.errors, summary: null };
  try {
    compileScenario(r.scenario);
  } catch (e) {
    const message = `does not compile: ${e instanceof Error ? e.message : String(e)}`;
    return {
      compiled: null,
      errors: [{ file: name, line: 1, column: 1, severity: 'error', message, code: 'compile' }],
      summary: null,
    };
  }
  return {
    compiled: { scenario: r.scenario, warnings: r.warnings },
    errors: [],
    summary: summarize(r.scenario, name.slice(name.lastIndexOf('/') + 1), lengthEstimates(r.scenario)),
  };
}

/** The index of the cases that check: what the title and the case list read, oldest case first. */
function caseIndex(checked: Checked[]): CaseSummary[] {
  return checked
    .flatMap((c) => (c.compiled && c.summary ? [c.summary] : []))
    .sort((a, b) => a.dates.start.localeCompare(b.dates.start));
}

export const SCENARIOS_PLUGIN = 'article-four:scenarios';

/** What other build plugins may read of this one (Vite's `plugin.api`). */
export interface ScenariosApi {
  /** The bundled cases' index, as `virtual:article-four/cases` serves it (broken cases left out). */
  index(): CaseSummary[];
}

/**
 * `dir`: the folder of cases to bundle. `cacheFile`: where checked cases are kept, which holds one
 * folder's files at a time (another folder, such as a test's copy, gives it a file of its own).
 */
export function scenariosPlugin(
  dir = join(import.meta.dirname, '..', '..', 'scenarios'),
  cacheFile = DISK_CACHE,
): Plugin {
  let root = process.cwd();
  let server: ViteDevServer | null = null;
  const cache = new Map<string, Checked>();

  /** Every bundled file, checked again only when it changed. */
  const all = (): Checked[] => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    for (const key of [...cache.keys()]) if (!files.includes(key)) cache.delete(key);
    type Result = Omit<Checked, 'mtime' | 'file'>;
    let disk: Record<string, Result> | null = null;
    const used: Record<string, Result> = {};
    let code = '';
    const out = files.map((f) => {
      const path = join(dir, f);
      const mtime = statSync(path).mtimeMs;
      const known = cache.get(f);
      if (known && known.mtime === mtime) return known;
      disk ??= readDisk(cacheFile);
      code ||= codeHash();
      const name = relative(root, path);
      const key = createHash('sha256').update(code).update(name).update(readFileSync(path)).digest('hex');
      const result = disk[key] ?? check(path, name);
      used[key] = result;
      const checked: Checked = { mtime, file: name, ...result };
      cache.set(f, checked);
      return checked;
    });
    // Only this folder's files are kept, as they are now (all of them when every file was checked).
    if (disk) writeDisk(cacheFile, { ...(cache.size > Object.keys(used).length ? disk : {}), ...used });
    return out;
  };

  const fail = (ctx: { error(e: unknown): never }, errors: Diagnostic[]): never => {
    const lines = errors.map(formatDiagnostic);
    const first = errors[0];
    return ctx.error({
      message: `The bundled scenarios have errors:\n${lines.join('\n')}`,
      id: first ? join(root, first.file) : undefined,
      loc: first ? { file: join(root, first.file), line: first.line, column: first.column - 1 } : undefined,
    });
  };

  const reload = () => {
    if (!server) return;
    for (const id of [...server.moduleGraph.idToModuleMap.keys()]) {
      if (!id.startsWith(OURS)) continue;
      const mod = server.moduleGraph.getModuleById(id);
      if (mod) server.moduleGraph.invalidateModule(mod);
    }
    server.ws.send({ type: 'full-reload' });
  };

  const api: ScenariosApi = { index: () => caseIndex(all()) };

  return {
    name: SCENARIOS_PLUGIN,
    api,
    configResolved(config) {
      root = config.root;
    },
    configureServer(s) {
      server = s;
      s.watcher.add(dir);
      const onChange = (path: string) => {
        if (path.startsWith(dir) && path.endsWith('.yaml')) reload();
      };
      s.watcher.on('add', onChange);
      s.watcher.on('unlink', onChange);
      s.watcher.on('change', onChange);
    },
    resolveId(id) {
      if (id === CASES_MODULE || id === TIMELINE_MODULE || id.startsWith(CASE_PREFIX)) return RESOLVED + id;
      return null;
    },
    load(id) {
      if (!id.startsWith(OURS)) return null;
      if (id === RESOLVED + TIMELINE_MODULE) {
        const path = join(dir, TIMELINE_FILE);
        this.addWatchFile(path);
        const r = loadTimeline(readFileSync(path), relative(root, path));
        for (const w of r.warnings) this.warn(formatDiagnostic(w));
        if (!r.ok) return fail(this, r.errors);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(r.timeline))});\n`;
      }
      const checked = all();
      for (const c of checked) this.addWatchFile(join(root, c.file));
      const broken = checked.filter((c) => c.errors.length > 0);
      if (broken.length > 0)
        fail(
          this,
          broken.flatMap((c) => c.errors),
        );
      for (const c of checked) {
        for (const w of c.compiled?.warnings ?? []) this.warn(formatDiagnostic(w));
      }
      const ok = checked.flatMap((c) =>
        c.compiled && c.summary ? [{ compiled: c.compiled, summary: c.summary }] : [],
      );
      const wanted = id.slice((RESOLVED + CASE_PREFIX).length);
      if (id === RESOLVED + CASES_MODULE) {
        const index = caseIndex(checked);
        const loaders = index.map(
          (c) => `  ${JSON.stringify(c.id)}: () => import(${JSON.stringify(CASE_PREFIX + c.id)}),`,
        );
        return `export const cases = ${JSON.stringify(index)};\nexport const loaders = {\n${loaders.join('\n')}\n};\n`;
      }
      const one = ok.find((c) => c.summary.id === wanted);
      if (!one) return this.error(`There is no bundled case "${wanted}".`);
      // JSON.parse of a string is faster for the browser than the same object as a literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(one.compiled))});\n`;
    },
  };
}
