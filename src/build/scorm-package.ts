/**
 * `npm run build:scorm -- [--case ID [--seat ROLE] [--length L]] [--out DIR]`: the game as SCORM
 * 1.2 and SCORM 2004 (4th edition) packages, zip files any LMS imports. The site is built once
 * with Vite in mode `scorm` (no service worker; src/main.ts loads the LMS code, src/lms/), then
 * each package gets its imsmanifest.xml, the schema files it names, and an index.html that says
 * which SCORM version it is and the case, seat and length a teacher pinned (src/lms/launch-config.ts).
 * An unknown case, seat or length is a one-line error (exit 2).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import { parseArgs, UsageError } from '../cli/args';
import { loadScenarioCore } from '../engine/loader-core';
import { FULL_LENGTH, type Scenario } from '../engine/schema';
import type { ScormVersion } from '../lms/find-api';
import { LMS_META, launchMeta, type Pin } from '../lms/launch-config';
import { shortTitle } from '../ui/map-model';
import { productionBuild } from './production-build';
import { LAUNCH_FILE, manifestFor, packageName, SCHEMA_DIR, xmlEscape } from './scorm-manifest';

export const ROOT = join(import.meta.dirname, '..', '..');
const SCHEMAS = join(ROOT, 'tests', 'fixtures', 'scorm-xsd');
export const VERSIONS: readonly ScormVersion[] = ['1.2', '2004'];

/** Files of the built site that have no place in a package (a service worker, a web app manifest, source maps). */
const LEFT_OUT = /(^|\/)(sw\.js|registerSW\.js|workbox-[^/]*\.js|manifest\.webmanifest)$|\.map$/;

export interface ScormOptions {
  case?: string;
  seat?: string;
  length?: string;
  /** Where the zips go (default dist-scorm/). */
  outDir?: string;
}

export interface BuiltPackage {
  version: ScormVersion;
  file: string;
  bytes: number;
  /** The SCO's files (the manifest and schemas aside). */
  files: string[];
}

/** The bundled cases, loaded as the build's plugin loads them (without the linter). */
export function bundledScenarios(root = ROOT): Scenario[] {
  const dir = join(root, 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const r = loadScenarioCore(readFileSync(join(dir, f)), f);
      return r.ok ? [r.scenario] : [];
    });
}

/** The case, seat and length asked for, checked against the bundled cases; UsageError names what exists. */
export function checkPin(opts: ScormOptions, cases: readonly Scenario[]): { pin: Pin | null; scenario?: Scenario } {
  if (opts.case === undefined) {
    if (opts.seat !== undefined || opts.length !== undefined) throw new UsageError('--seat and --length need --case');
    return { pin: null };
  }
  const scenario = cases.find((c) => c.id === opts.case);
  if (!scenario) {
    throw new UsageError(`there is no case "${opts.case}" (cases: ${cases.map((c) => c.id).join(', ')})`);
  }
  if (opts.seat !== undefined && !scenario.roles.some((r) => r.id === opts.seat)) {
    throw new UsageError(
      `"${scenario.id}" has no seat "${opts.seat}" (seats: ${scenario.roles.map((r) => r.id).join(', ')})`,
    );
  }
  const lengths = [FULL_LENGTH, ...scenario.lengths.map((l) => l.id)];
  if (opts.length !== undefined && !lengths.includes(opts.length)) {
    throw new UsageError(`"${scenario.id}" has no length "${opts.length}" (lengths: ${lengths.join(', ')})`);
  }
  return {
    pin: {
      case: scenario.id,
      ...(opts.seat !== undefined ? { seat: opts.seat } : {}),
      ...(opts.length !== undefined && opts.length !== FULL_LENGTH ? { length: opts.length } : {}),
    },
    scenario,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** index.html telling the game its SCORM version and pin. */
export function withLaunchMeta(html: string, version: ScormVersion, pin: Pin | null): string {
  const meta = `<meta name="${LMS_META}" content="${xmlEscape(launchMeta({ scorm: version, pin }))}">`;
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  return html.replace('</head>', `  ${meta}\n  </head>`);
}

/** One package: the site's files, index.html marked, imsmanifest.xml and the schemas at the root. */
export function packageFiles(
  site: ReadonlyMap<string, Uint8Array>,
  version: ScormVersion,
  pin: Pin | null,
  titles: { title: string; itemTitle: string; identifier: string },
  schemas: ReadonlyMap<string, Uint8Array>,
): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const enc = new TextEncoder();
  for (const [name, bytes] of site) {
    files[name] =
      name === LAUNCH_FILE ? enc.encode(withLaunchMeta(new TextDecoder().decode(bytes), version, pin)) : bytes;
  }
  files['imsmanifest.xml'] = enc.encode(manifestFor(version, { ...titles, files: [...site.keys()] }));
  for (const [name, bytes] of schemas) files[name] = bytes;
  return files;
}

function readSchemas(version: ScormVersion): Map<string, Uint8Array> {
  const dir = join(SCHEMAS, SCHEMA_DIR[version]);
  return new Map(filesUnder(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

/** Builds the site in mode `scorm` and writes both packages; returns what it wrote. */
export async function buildScormPackages(
  opts: ScormOptions,
  log: (line: string) => void = () => {},
): Promise<BuiltPackage[]> {
  const cases = bundledScenarios();
  const { pin, scenario } = checkPin(opts, cases);
  const outDir = opts.outDir ?? join(ROOT, 'dist-scorm');
  const tmp = mkdtempSync(join(tmpdir(), 'article-four-scorm-'));
  try {
    await productionBuild({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'scorm',
      logLevel: 'warn',
      build: { outDir: tmp, emptyOutDir: true },
    });
    const site = new Map(
      filesUnder(tmp)
        .filter((f) => !LEFT_OUT.test(f))
        .map((f) => [f, readFileSync(join(tmp, f))] as const),
    );
    if (!site.has(LAUNCH_FILE)) throw new Error(`the build wrote no ${LAUNCH_FILE}`);
    const seat = pin?.seat ? scenario?.roles.find((r) => r.id === pin.seat) : undefined;
    const length = pin?.length ? scenario?.lengths.find((l) => l.id === pin.length) : undefined;
    const itemTitle = scenario
      ? [shortTitle(scenario.title), seat?.title, length?.label].filter((x): x is string => !!x).join(' · ')
      : 'Article Four';
    mkdirSync(outDir, { recursive: true });
    return VERSIONS.map((version) => {
      const name = packageName(version, pin);
      const identifier = name.replace(/\.zip$/, '');
      const files = packageFiles(
        site,
        version,
        pin,
        { title: scenario ? `Article Four: ${shortTitle(scenario.title)}` : 'Article Four', itemTitle, identifier },
        readSchemas(version),
      );
      const zip = zipSync(files, { level: 9 });
      const file = join(outDir, name);
      writeFileSync(file, zip);
      log(
        `${relative(process.cwd(), file) || file}  ${(zip.length / 1024).toFixed(0)} KB  (SCORM ${version === '1.2' ? '1.2' : '2004 4th edition'}, ${site.size} files)`,
      );
      return { version, file, bytes: zip.length, files: [...site.keys()] };
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const USAGE = 'usage: npm run build:scorm -- [--case ID [--seat ROLE] [--length LENGTH]] [--out DIR]';

export async function main(argv: readonly string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const fail = (line: string) => process.stderr.write(`build:scorm: error: ${line}\n`);
  let opts: ScormOptions;
  try {
    const args = parseArgs(argv, ['case', 'seat', 'length', 'out']);
    if (args.options.has('help')) {
      out(USAGE);
      return 0;
    }
    const unknown = [...args.options.keys()].filter((k) => !['case', 'seat', 'length', 'out'].includes(k));
    if (unknown.length > 0 || args.positional.length > 0) {
      throw new UsageError(
        `unknown argument ${unknown.length > 0 ? `--${unknown[0]}` : `"${args.positional[0]}"`}; ${USAGE}`,
      );
    }
    const get = (k: string) => {
      const v = args.options.get(k);
      return typeof v === 'string' ? v : undefined;
    };
    opts = { case: get('case'), seat: get('seat'), length: get('length'), outDir: get('out') };
    checkPin(opts, bundledScenarios());
  } catch (e) {
    if (e instanceof UsageError) {
      fail(e.message);
      return 2;
    }
    throw e;
  }
  await buildScormPackages(opts, out);
  return 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`build:scorm: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
