/** Whether a table (or any part of a page) keeps its words whole, read from a page that shows it. */
import type { Page } from 'playwright-core';

/**
 * The words in the elements matching `selector` that the layout broke over two lines: the debrief's
 * path table must keep a decision's number ("10", not a 1 above a 0), a title's "Aggression," and a
 * choice's "paratroopers" whole; the workbench's figures their headings ("Mean", not "Mea" above
 * "n") and their "Yes". The page's own `overflow-wrap: anywhere` (for hostile text) lets a table
 * shrink a column below its longest word unless the table says otherwise.
 */
export function wordsBroken(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const tables = document.querySelectorAll(sel);
    if (tables.length === 0) return [`(nothing matches ${sel})`];
    const broken: string[] = [];
    for (const table of tables) {
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A word breaks where typography breaks it, after a hyphen or a dash ("Secretary-" above
        // "General"): each part must stay whole.
        for (const m of (node.textContent ?? '').matchAll(/[^\s\-\u2010\u2011\u2013\u2014]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);
}
