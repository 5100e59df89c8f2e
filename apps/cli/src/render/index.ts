import { formatNumber } from '@cdsx/criteria';
import type { Lang, LocalizedText } from '../i18n';
import { type Paint, PLAIN } from './color';
import type { Cell, Column, Format, Report, Section, Table } from './model';
import {
  csvField,
  displayWidth,
  escapeHtml as escapeHtmlRaw,
  escapeMarkdownCell,
  neutralize,
  padEnd,
  padStart,
} from './text';

const escapeHtml = (s: string) => escapeHtmlRaw(neutralize(s));

export * from './model';

/** Options of {@link renderReport}. */
export interface RenderOptions {
  lang: Lang;
  paint?: Paint;
  /** Start CSV output with a UTF-8 byte order mark, so Excel reads Vietnamese text correctly. */
  bom?: boolean;
}

/**
 * The rendered report: what goes to stdout (or `--out`), in parts so a nationwide output is never joined
 * into one huge string, and what goes to stderr.
 */
export interface Rendered {
  stdout: string[];
  stderr: string;
}

function text(value: LocalizedText | string | undefined, lang: Lang): string | undefined {
  return value === undefined || typeof value === 'string' ? value : value[lang];
}

/**
 * A cell as shown to a reader: `—` for not available, numbers in the one number style of `@cdsx/criteria`
 * (`formatNumber`: at most two decimals, the language's decimal mark and thousands grouping).
 */
export function showCell(value: Cell, column: Column, lang: Lang): string {
  if (column.display) return column.display(value, lang);
  if (value === null) return '—';
  if (typeof value === 'number') return formatNumber(value, lang);
  return String(value);
}

function renderTextTable(table: Table, lang: Lang, paint: Paint): string[] {
  const headers = table.columns.map((c) => neutralize(c.header[lang], true));
  const cells = table.rows.map((r) =>
    table.columns.map((c) => neutralize(showCell(r[c.key] ?? null, c, lang), true)),
  );
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...cells.map((row) => displayWidth(row[i]!))),
  );
  const line = (row: string[]) =>
    row
      .map((v, i) => (table.columns[i]!.align === 'right' ? padStart(v, widths[i]!) : padEnd(v, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [paint.bold(line(headers)), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)];
}

function renderText(report: Report, lang: Lang, paint: Paint): string {
  const out: string[] = [];
  const title = text(report.title, lang);
  if (title) out.push(paint.bold(paint.cyan(neutralize(title, true))), '');
  for (const s of report.sections) {
    const raw = text(s.title, lang);
    const st = raw === undefined ? undefined : neutralize(raw, true);
    if (st) out.push(s.tone === 'warn' ? paint.bold(paint.yellow(st)) : paint.bold(st));
    if (s.table) out.push(...renderTextTable(s.table, lang, paint));
    if (s.lines) out.push(...s.lines.map((l) => neutralize(l)));
    out.push('');
  }
  if (report.summary?.length) out.push(...report.summary.map((l) => neutralize(l)));
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

function renderMarkdown(report: Report, lang: Lang): string {
  const out: string[] = [];
  const title = text(report.title, lang);
  if (title) out.push(`# ${escapeMarkdownCell(title)}`, '');
  for (const s of report.sections) {
    const st = text(s.title, lang);
    if (st) out.push(`## ${escapeMarkdownCell(st)}`, '');
    if (s.table) {
      const cols = s.table.columns;
      out.push(`| ${cols.map((c) => escapeMarkdownCell(c.header[lang])).join(' | ')} |`);
      out.push(`| ${cols.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`);
      for (const r of s.table.rows) {
        out.push(
          `| ${cols.map((c) => escapeMarkdownCell(showCell(r[c.key] ?? null, c, lang))).join(' | ')} |`,
        );
      }
      out.push('');
    }
    if (s.lines?.length) out.push(...s.lines.map((l) => `${escapeMarkdownCell(l)}  `), '');
  }
  if (report.summary?.length) out.push(...report.summary.map((l) => `${escapeMarkdownCell(l)}  `));
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

function renderHtml(report: Report, lang: Lang): string {
  const title = text(report.title, lang) ?? 'cdsx';
  const out = [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;margin:0 0 1rem}' +
      'th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}td.num{text-align:right}' +
      '.warn{color:#8a5a00}</style>',
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
  ];
  for (const s of report.sections) {
    out.push('<section>');
    const st = text(s.title, lang);
    if (st) out.push(`<h2${s.tone === 'warn' ? ' class="warn"' : ''}>${escapeHtml(st)}</h2>`);
    if (s.rawHtml) out.push(s.rawHtml.trimEnd());
    if (s.table) {
      const cols = s.table.columns;
      out.push('<table>');
      out.push(
        `<thead><tr>${cols.map((c) => `<th>${escapeHtml(c.header[lang])}</th>`).join('')}</tr></thead>`,
      );
      out.push('<tbody>');
      for (const r of s.table.rows) {
        const tds = cols.map(
          (c) =>
            `<td${c.align === 'right' ? ' class="num"' : ''}>${escapeHtml(showCell(r[c.key] ?? null, c, lang))}</td>`,
        );
        out.push(`<tr>${tds.join('')}</tr>`);
      }
      out.push('</tbody>', '</table>');
    }
    for (const l of s.lines ?? []) out.push(`<p>${escapeHtml(l)}</p>`);
    out.push('</section>');
  }
  for (const l of report.summary ?? []) out.push(`<p>${escapeHtml(l)}</p>`);
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function renderCsv(report: Report, lang: Lang, bom: boolean): string {
  const blocks: string[] = [];
  const tables = report.sections.filter((s) => s.table);
  for (const s of tables) {
    const rows: string[] = [];
    const st = text(s.title, lang);
    // Several tables in one file: each is preceded by its title on a row of its own.
    if (tables.length > 1 && st) rows.push(csvField(st));
    const cols = s.table!.columns;
    rows.push(cols.map((c) => csvField(c.header[lang])).join(','));
    for (const r of s.table!.rows) rows.push(cols.map((c) => csvField(r[c.key] ?? null)).join(','));
    blocks.push(rows.join('\r\n'));
  }
  return `${bom ? '\uFEFF' : ''}${blocks.join('\r\n\r\n')}\r\n`;
}

function summaryText(report: Report): string {
  return report.summary?.length ? `${neutralize(report.summary.join('\n'))}\n` : '';
}

/**
 * JSON text: an array is written one compact item per line (a nationwide array of decision records stays
 * a fraction of its pretty-printed size and still diffs line by line); anything else is indented.
 */
export function jsonText(value: unknown): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return ['[]\n'];
    return value.map(
      (v, i) =>
        `${i === 0 ? '[\n' : ''}${JSON.stringify(v) ?? 'null'}${i === value.length - 1 ? '\n]\n' : ',\n'}`,
    );
  }
  return [`${JSON.stringify(value, null, 2)}\n`];
}

/**
 * Render a report in one of the output formats. Deterministic: the same report gives the same bytes.
 *
 * @example
 * const { stdout, stderr } = renderReport(report, 'csv', { lang: 'vi', bom: true });
 */
export function renderReport(report: Report, format: Format, options: RenderOptions): Rendered {
  const { lang } = options;
  switch (format) {
    case 'table':
      return { stdout: [renderText(report, lang, options.paint ?? PLAIN)], stderr: '' };
    case 'md':
      return { stdout: [renderMarkdown(report, lang)], stderr: '' };
    case 'html':
      return { stdout: [renderHtml(report, lang)], stderr: '' };
    case 'csv':
      return { stdout: [renderCsv(report, lang, options.bom === true)], stderr: summaryText(report) };
    case 'json':
      return { stdout: jsonText(report.json ?? null), stderr: summaryText(report) };
    case 'ndjson': {
      const items = report.ndjson ?? (Array.isArray(report.json) ? report.json : [report.json]);
      return { stdout: items.map((i) => `${JSON.stringify(i)}\n`), stderr: summaryText(report) };
    }
    case 'xlsx':
      throw new Error('xlsx is binary: render it with reportToXlsx (render/xlsx.ts)');
  }
}

export type { Cell, Column, Section };
