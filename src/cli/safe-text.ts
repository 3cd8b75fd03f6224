/**
 * Text from a scenario is untrusted: before it reaches a terminal (or a Mermaid/DOT file that
 * someone will print), escape sequences, control characters and bidi overrides are removed, so
 * a scenario cannot retitle the window, clear the screen, write the clipboard or reverse the
 * text beside it. Every line the CLI prints goes through `safeText` (see io.ts); JSON output
 * keeps its data and escapes those characters instead (`safeJson`).
 */

const ESC = '\\u001b';
const C1_CSI = '\\u009b';
const C1_STRINGS = '\\u0090\\u0098\\u009d\\u009e\\u009f'; // DCS, SOS, OSC, PM, APC
/** String terminators: BEL, ESC \ and the C1 ST. */
const END = `(?:\\u0007|${ESC}\\\\|\\u009c)`;

const SEQUENCES = new RegExp(
  [
    // OSC, DCS, SOS, PM, APC: up to their terminator (or the end of the line when unterminated).
    `${ESC}[\\]PX^_][^\\u0007\\u001b\\u009c\\n]*${END}?`,
    `[${C1_STRINGS}][^\\u0007\\u001b\\u009c\\n]*${END}?`,
    // CSI: parameters, intermediates, one final byte.
    `(?:${ESC}\\[|${C1_CSI})[0-?]*[ -/]*[@-~]?`,
    // Any other escape: intermediates and one final byte.
    `${ESC}[ -/]*[0-~]?`,
  ].join('|'),
  'g',
);

/** C0 controls except tab and line feed, DEL, C1 controls, and the bidi embedding, override, isolate and mark characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with escape sequences, control characters (except tab and line feed) and bidi controls removed. */
export function safeText(text: string): string {
  return text.replace(SEQUENCES, '').replace(UNSAFE, '');
}

/** One line of text: like `safeText`, with tabs and line feeds turned into spaces. */
export function safeLine(text: string): string {
  return safeText(text).replace(/[\t\n]/g, ' ');
}

/** JSON text whose strings keep every character, with the ones `safeText` removes written as `\uXXXX`. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNSAFE,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
