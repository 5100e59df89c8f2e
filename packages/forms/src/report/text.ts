/** Escape a value for HTML text and attribute contexts. */
export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Escape a value for a GitHub-flavoured Markdown table cell or line (no raw HTML, no column breaks). */
export function escapeMarkdown(s: string): string {
  return escapeHtml(s).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet program must show as text: a value starting with `=`, `+`, `-`, `@`, tab or carriage
 * return is prefixed with `'` so Excel or LibreOffice never runs it as a formula (CSV/formula injection).
 * The one rule for every spreadsheet output of @cdsx (CSV and .xlsx). Numbers are never passed here: a
 * negative number is not a formula.
 *
 * @example
 * spreadsheetSafeText('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function spreadsheetSafeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
