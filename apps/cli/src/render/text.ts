import { spreadsheetSafeText } from '@cdsx/forms/report';

/** Display width of a string in a terminal: code points, not counting combining marks. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.normalize('NFC')) {
    if (!/\p{M}/u.test(ch)) w++;
  }
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Escape a value for HTML text and attribute contexts. */
export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

// C0 controls (but newline), DEL, C1 controls, and the bidirectional marks, embeddings, overrides and
// isolates: in data they can rewrite the terminal (ESC sequences) or reorder what a reader sees (Trojan
// Source). The one home of this list for every human-facing renderer.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text safe to print on a terminal or in a document: control characters (ESC, NUL, …) and bidi controls
 * are shown as `\x1B`, `\u202E` instead of acting. Newlines are kept unless `singleLine`.
 */
export function neutralize(s: string, singleLine = false): string {
  return s.replace(singleLine ? UNSAFE_OR_NEWLINE : UNSAFE, visible);
}

// Markdown inline syntax that could turn data into a link, an image, emphasis or code.
const MARKDOWN_INLINE = /[\\`*_[\]()!~#]/g;

/**
 * Escape a value for a GitHub-flavoured Markdown table cell or line: no raw HTML, no column breaks, no
 * link or image syntax (`[x](url)`, `![x](url)`, bare `https://` autolinks), no control characters.
 */
export function escapeMarkdownCell(s: string): string {
  return escapeHtml(neutralize(s).replace(MARKDOWN_INLINE, '\\$&'))
    .replaceAll('|', '\\|')
    .replaceAll('://', '&#58;//')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}&#46;`)
    .replace(/\r?\n/g, '<br>');
}

/**
 * One CSV field (RFC 4180). Text starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with
 * `'` so spreadsheet programs (Excel, LibreOffice) show it as text instead of running it as a formula — the
 * rule of `spreadsheetSafeText` (@cdsx/forms), shared with the .xlsx output.
 * Numbers are written as numbers and are never neutralised (a negative number is not a formula).
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = spreadsheetSafeText(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
