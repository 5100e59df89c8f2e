import type { Lang, LocalizedText } from '../i18n';

/** A cell: numbers stay numbers (CSV and JSON keep them raw); `null` means not available. */
export type Cell = string | number | boolean | null;

/** A column of a table. */
export interface Column {
  key: string;
  header: LocalizedText;
  /** Right-align (numbers). */
  align?: 'left' | 'right';
  /** How the cell is shown in table/md/html, in the report's language (CSV writes the raw value). */
  display?: (value: Cell, lang: Lang) => string;
}

/** A table of rows keyed by column key. */
export interface Table {
  columns: Column[];
  rows: Array<Record<string, Cell>>;
}

/** A titled block of a report: an optional table and lines of text. */
export interface Section {
  title?: LocalizedText | string;
  table?: Table;
  /** Free text lines after the table, already in the output language. */
  lines?: string[];
  /**
   * Trusted markup made by a package renderer (e.g. the architecture diagram of `@cdsx/architecture`, an SVG
   * with its own text alternative); only the `html` format prints it, the others carry the same facts in rows.
   */
  rawHtml?: string;
  /** Highlight the title (e.g. the SYNTHETIC data label). */
  tone?: 'warn';
}

/**
 * What a command prints. `table`, `md`, `html` and `csv` render the sections; `json` prints `json`,
 * `ndjson` one line per item of `ndjson` (or of `json` when it is an array). The summary comes after
 * the rows: on stdout for table/md/html, on stderr for csv/json/ndjson so pipes stay clean.
 */
export interface Report {
  title?: LocalizedText | string;
  sections: Section[];
  json?: unknown;
  ndjson?: readonly unknown[];
  summary?: string[];
}

/** `xlsx` writes every table of the report as a sheet of an Excel workbook (binary: --out or a pipe). */
export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'md', 'html', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];
