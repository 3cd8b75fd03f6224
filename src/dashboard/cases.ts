/**
 * The bundled cases, parsed only when a loaded result names them: parsing a case takes the
 * engine a noticeable moment, and most classes play one case. With its case, the summary lists
 * the options nobody chose and follows the case's order; without it (another case, or one that
 * fails to load), the summary is made from the files alone.
 */
import type { Scenario } from '../engine/index';
import { parseCases } from '../ui/cases';

const bundled = import.meta.glob('../../scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The case id a YAML file declares at its top level, read without parsing the file. */
export function declaredId(yaml: string): string | undefined {
  return /^id:[ \t]*["']?([^"'\s#]+)/m.exec(yaml)?.[1];
}

export class CaseLibrary {
  private readonly parsed = new Map<string, Scenario | null>();

  constructor(private readonly files: Record<string, string> = bundled) {}

  /** The cases among `ids` that are bundled and load, in the game's order. */
  casesFor(ids: Iterable<string>): Scenario[] {
    const wanted = new Set(ids);
    const todo: Record<string, string> = {};
    for (const [path, text] of Object.entries(this.files)) {
      if (this.parsed.has(path)) continue;
      const id = declaredId(text);
      // A file whose id cannot be read cheaply is parsed, to be sure.
      if (id === undefined || wanted.has(id)) todo[path] = text;
    }
    if (Object.keys(todo).length > 0) {
      const entries = parseCases(todo);
      for (const path of Object.keys(todo)) {
        const file = path.slice(path.lastIndexOf('/') + 1);
        const entry = entries.find((e) => e.file === file);
        this.parsed.set(path, entry?.ok ? entry.scenario : null);
      }
    }
    const out: Scenario[] = [];
    for (const s of this.parsed.values()) if (s && wanted.has(s.id)) out.push(s);
    return out.sort((a, b) => a.dates.start.localeCompare(b.dates.start) || a.id.localeCompare(b.id));
  }
}
