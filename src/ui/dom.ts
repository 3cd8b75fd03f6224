/** A small element builder: attributes and text only (textContent), never HTML strings. */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (typeof value === 'function') {
        el.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
      } else if (key === 'class') {
        el.className = String(value);
      } else if (value === true) {
        el.setAttribute(key, '');
      } else {
        el.setAttribute(key, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

function append(parent: HTMLElement, children: (Child | Child[])[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child === null || child === undefined || child === false) continue;
    else parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  for (const child of children) el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return el;
}

let idCounter = 0;
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * A table in a sideways scroller (.table-wrap, styles.css), for a table whose words stay whole and
 * which may then be wider than its column: it scrolls, not the page. With `labelledBy`, the
 * scroller is a region named by that element and in the Tab order, so the keyboard can scroll it.
 */
export function tableScroller(table: HTMLElement, labelledBy?: string): HTMLElement;
export function tableScroller(table: HTMLElement | null, labelledBy?: string): HTMLElement | null;
export function tableScroller(table: HTMLElement | null, labelledBy?: string): HTMLElement | null {
  if (!table) return null;
  const region = labelledBy ? { role: 'region', 'aria-labelledby': labelledBy, tabindex: '0' } : {};
  return h('div', { class: 'table-wrap', ...region }, table);
}

/** Month names as the game writes them (British English), without starting Intl on the first screen. */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A scenario date (YYYY, YYYY-MM, YYYY-MM-DD) written with these month names. */
function writeDate(date: string, months: readonly string[]): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!m) return String(y);
  const month = months[m - 1] ?? String(m);
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}

/** Formats a scenario date (YYYY, YYYY-MM, YYYY-MM-DD) for reading. */
export function formatDate(date: string): string {
  return writeDate(date, MONTHS);
}

/** Short month names, as Intl writes them in British English ("Sept"). */
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * A scenario date, short: "25 Apr 2010". From a table, not Intl: the debrief's first use of Intl
 * loaded its locale data, the largest script cost of a playthrough's renders (50-76 ms unthrottled).
 */
export function shortDate(date: string): string {
  return writeDate(date, SHORT_MONTHS);
}

export function formatRange(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}

export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  if (r > 0) return `+${r}`;
  if (r < 0) return `−${Math.abs(r)}`;
  return '±0';
}

/**
 * Hands `text` to the browser as a download named `fileName`: a Blob, an object URL and an
 * `<a download>` (nothing is uploaded). The game's result files, the dashboard's CSV and the
 * Author page's scenario files all leave this way.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
