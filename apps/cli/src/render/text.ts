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

/** Escape a value for a GitHub-flavoured Markdown table cell (no raw HTML, no column breaks). */
export function escapeMarkdownCell(s: string): string {
  return escapeHtml(s).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
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
