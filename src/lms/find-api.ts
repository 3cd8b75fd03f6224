/**
 * Finding the LMS's SCORM API, as the SCORM run-time books describe it: the LMS puts an object
 * named `API` (SCORM 1.2) or `API_1484_11` (SCORM 2004) on a window above the content, so the
 * content looks on its own window and each parent up the frame chain, then on the window that
 * opened it (a pop-up) and that window's parents. A window of another origin cannot be read: it is
 * passed over (its parent may still be the LMS's). Pure over a window-like object, for tests.
 */

export type ScormVersion = '1.2' | '2004';

/** The SCORM 1.2 API (CMI001 / SCORM 1.2 RTE 3.3). Every value crosses it as a string. */
export interface Scorm12Api {
  LMSInitialize(p: ''): string | boolean;
  LMSFinish(p: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(p: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The SCORM 2004 API (IEEE 1484.11.2). */
export interface Scorm2004Api {
  Initialize(p: ''): string | boolean;
  Terminate(p: ''): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(p: ''): string | boolean;
  GetLastError(): string | number;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** What the search reads of a window. */
export interface WindowLike {
  readonly parent: WindowLike | null;
  readonly opener?: WindowLike | null;
  readonly top?: WindowLike | null;
}

/** How far up a chain of frames the search goes (the ADL sample stops at 500). */
const MAX_PARENTS = 500;

const NAMES = { '1.2': 'API', '2004': 'API_1484_11' } as const;
const PROBE = { '1.2': 'LMSInitialize', '2004': 'Initialize' } as const;

/** `read()`, or undefined when the window is of another origin (reading it throws). */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function apiOn(win: WindowLike, version: ScormVersion): unknown {
  return safely(() => {
    const api = (win as unknown as Record<string, unknown>)[NAMES[version]];
    const probe = api && (api as Record<string, unknown>)[PROBE[version]];
    return typeof probe === 'function' ? api : undefined;
  });
}

/** The API on `win` or on one of its parents. */
function up(win: WindowLike | null | undefined, version: ScormVersion): unknown {
  let w = win;
  for (let i = 0; w && i <= MAX_PARENTS; i++) {
    const api = apiOn(w, version);
    if (api) return api;
    const parent: WindowLike | null | undefined = safely(() => w?.parent);
    if (!parent || parent === w) return undefined;
    w = parent;
  }
  return undefined;
}

function search(win: WindowLike, version: ScormVersion): unknown {
  return (
    up(win, version) ??
    up(
      safely(() => win.opener),
      version,
    ) ??
    up(
      safely(() => win.top?.opener),
      version,
    )
  );
}

/**
 * The LMS's API: `prefer`'s first (the version the package was made for), then the other; null
 * when there is none (the game then plays as the plain site).
 */
export function findScormApi(win: WindowLike, prefer: ScormVersion = '2004'): FoundApi | null {
  const order: ScormVersion[] = prefer === '1.2' ? ['1.2', '2004'] : ['2004', '1.2'];
  for (const version of order) {
    const api = search(win, version);
    if (api) return version === '1.2' ? { version, api: api as Scorm12Api } : { version, api: api as Scorm2004Api };
  }
  return null;
}
