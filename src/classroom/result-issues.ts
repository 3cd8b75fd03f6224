/** Zod issues as one line for a teacher: the first three, each named by its path. */

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(the file)';
}

export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 3).map((i) => `${pathOf(i.path)}: ${i.message}`);
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : '';
  return `${shown.join('; ')}${more}`;
}
