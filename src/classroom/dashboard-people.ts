/**
 * Who each result is from, and which group (class period, team) it belongs to, as the dashboard
 * shows them. Pure: the rule is documented in docs/results.md ("Groups").
 *
 * The group is read, in this order, from:
 * 1. a prefix of the name typed (student, then team): the text before " - ", " – ", " — ", ": ",
 *    " | " or " / ", or in brackets at the start: "P3 - Ana", "P3: Ana", "[P3] Ana" → "P3";
 * 2. a prefix of a file renamed by hand (not named by the game, "article-four_…"): the text before
 *    the first "_" or " - " of its name: "period3_ana.json" → "period3";
 * 3. the team typed, when a student name is typed too (a team of students; a team alone is the
 *    result's own name, not a group).
 * Groups whose names differ only in case, spaces, "-", "_" or "." are one ("P3", "p3", "P 3").
 * The teacher can name a result's group by hand; an empty name means no group.
 */
import type { GroupTag } from './dashboard-types';
import type { LoadedResult } from './result-read';

/** Longest prefix read as a group name. */
const MAX_GROUP = 24;

export type GroupSource = GroupTag['source'];

/** A group: `key` compared (lower case, without spaces, "-", "_" or "."), `label` as typed (the first seen for its key). */
export type Group = GroupTag;

export interface Person {
  fileName: string;
  /** The name to show: the student and team typed without their group prefix, else from the file name. */
  name: string;
  group?: Group;
}

/** Edited groups by file name; "" means no group. */
export type GroupEdits = Readonly<Record<string, string>>;

export function groupKey(label: string): string {
  return label.toLowerCase().replace(/[\s\-_.]+/gu, '');
}

const NAME_PREFIX = /^\s*(?:[[(]\s*([^\])]{1,24}?)\s*[\])]\s*(.+)|(.{1,24}?)\s*(?:\s[-–—|/]\s|:\s)\s*(.+))$/u;

/** "P3 - Ana" → { group: "P3", rest: "Ana" }; a name without a prefix gives none. */
export function splitPrefix(name: string): { group?: string; rest: string } {
  const m = NAME_PREFIX.exec(name);
  const group = (m?.[1] ?? m?.[3])?.trim();
  const rest = (m?.[2] ?? m?.[4])?.trim();
  if (!group || !rest || group.length > MAX_GROUP || groupKey(group) === '') return { rest: name.trim() };
  return { group, rest };
}

/** Names the game gives a download: `article-four_<case>_<seat>…`. */
const GAME_FILE = /^article-four_/i;

function baseName(fileName: string): string {
  return fileName.replace(/\.json$/i, '').trim();
}

/** "period3_ana.json" → { group: "period3", rest: "ana" }; a name the game gave has none. */
export function splitFilePrefix(fileName: string): { group?: string; rest: string } {
  const base = baseName(fileName);
  if (GAME_FILE.test(base)) return { rest: base };
  const m = /^(.{1,24}?)(?:_+|\s+[-–—]\s+)(.+)$/u.exec(base);
  const group = m?.[1]?.trim();
  const rest = m?.[2]?.trim();
  if (!group || !rest || groupKey(group) === '') return { rest: base };
  return { group, rest };
}

/** The time a result was saved, "10:31", from its `finishedAt` as written. */
function savedAt(finishedAt: string): string {
  return /T(\d{2}:\d{2})/.exec(finishedAt)?.[1] ?? finishedAt;
}

/** Who a result is from and its group as read from the names (before any edit). */
export function personOf(lr: LoadedResult): { name: string; group?: { label: string; source: GroupSource } } {
  const { student, team } = lr.result;
  const s = student ? splitPrefix(student) : undefined;
  const t = team ? splitPrefix(team) : undefined;
  const file = splitFilePrefix(lr.fileName);
  let name: string;
  if (s && t) name = `${s.rest} (${t.rest})`;
  else if (s || t) name = (s ?? t)?.rest ?? '';
  else if (!GAME_FILE.test(lr.fileName)) name = file.rest.replace(/_+/g, ' ');
  else name = `Unnamed, saved ${savedAt(lr.result.finishedAt)}`;
  const typed = s?.group ?? t?.group;
  if (typed) return { name, group: { label: typed, source: 'name' } };
  if (file.group) return { name, group: { label: file.group, source: 'file' } };
  if (s && t) return { name, group: { label: t.rest, source: 'team' } };
  return { name };
}

/**
 * Every result's person and group, edits applied; a group's label is the first seen for its key
 * (one typed in a name or edited before one read from a file name).
 */
export function peopleOf(files: readonly LoadedResult[], edits: GroupEdits = {}): Person[] {
  const read = files.map((lr) => {
    const p = personOf(lr);
    const edited = Object.hasOwn(edits, lr.fileName) ? edits[lr.fileName]?.trim() : undefined;
    const group =
      edited === undefined
        ? p.group
        : edited && groupKey(edited)
          ? { label: edited.slice(0, 40), source: 'edited' as const }
          : undefined;
    return { fileName: lr.fileName, name: p.name, group };
  });
  const labels = new Map<string, string>();
  for (const pass of [['name', 'edited', 'team'], ['file']]) {
    for (const p of read) {
      if (!p.group || !pass.includes(p.group.source)) continue;
      const key = groupKey(p.group.label);
      if (!labels.has(key)) labels.set(key, p.group.label);
    }
  }
  return read.map((p) => {
    if (!p.group) return { fileName: p.fileName, name: p.name };
    const key = groupKey(p.group.label);
    return {
      fileName: p.fileName,
      name: p.name,
      group: { key, label: labels.get(key) ?? p.group.label, source: p.group.source },
    };
  });
}
