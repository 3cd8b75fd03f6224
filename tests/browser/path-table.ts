/** What the debrief's path table must look like, read from a page that shows it. */
import type { Page } from 'playwright-core';

/**
 * The words of the debrief's path table that the layout broke over two lines: a decision's number
 * ("10", not a 1 above a 0), a title's "Aggression,", a choice's "paratroopers" must each stay whole.
 */
export function wordsBrokenInPath(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const table = document.querySelector('#main .path-table');
    if (!table) return ['(no path table)'];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
}
