import type { CatalogEdition, Lang, LocalizedText } from '@cdsx/criteria';
import type { DecisionRecord } from '@cdsx/rules';
import ExcelJS from 'exceljs';
import { type GapReport, gapReportSections, gapReportTitle } from './report/index';
import { spreadsheetSafeText } from './report/text';
import { withFixedZipTimes } from './zip-time';

/** A cell of an exported table: numbers stay numbers; `null` is an empty cell (not available, never 0). */
export type XlsxCell = string | number | boolean | null;

/** A table to export: one sheet. */
export interface XlsxTable {
  /** Sheet name (shortened to Excel's 31 characters and made unique). */
  name: string;
  columns: Array<{ key: string; header: LocalizedText | string; width?: number }>;
  rows: ReadonlyArray<Record<string, XlsxCell | undefined>>;
  /** Lines written above the table (title, edition, notes). */
  lines?: readonly string[];
}

/** Options of {@link tablesToXlsx}. */
export interface XlsxOptions {
  lang?: Lang;
  /** Created/modified time of the workbook (default 2000-01-01, so the content is stable). */
  created?: Date;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

function sheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let out = base;
  for (let i = 2; used.has(out.toLowerCase()); i++) out = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(out.toLowerCase());
  return out;
}

/** A cell value that is never run as a formula (the CSV rule: text starting `= + - @` gets a `'`). */
export function safeCell(value: XlsxCell | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  return spreadsheetSafeText(value);
}

/**
 * Export tables as an .xlsx workbook, one sheet per table: bold frozen header, A4 landscape, header row
 * repeated on each printed page. Text is neutralised like the CLI's CSV output, so no cell ever runs as a
 * formula. Returns the bytes (Node and browsers).
 *
 * @example
 * const bytes = await tablesToXlsx([{ name: 'KPI', columns: [{ key: 'kpi', header: 'KPI' }], rows }]);
 */
export async function tablesToXlsx(
  tables: readonly XlsxTable[],
  options: XlsxOptions = {},
): Promise<Uint8Array> {
  const lang = options.lang ?? 'vi';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cdsx';
  const created = options.created ?? new Date(Date.UTC(2000, 0, 1));
  wb.created = created;
  wb.modified = created;
  const used = new Set<string>();
  for (const t of tables) {
    const header = (t.lines?.length ?? 0) + (t.lines?.length ? 2 : 1);
    const ws = wb.addWorksheet(sheetName(t.name, used), {
      views: [{ state: 'frozen', ySplit: header }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${header}:${header}`,
      },
    });
    for (const l of t.lines ?? []) ws.addRow([safeCell(l)]);
    if (t.lines?.length) ws.addRow([]);
    const head = ws.addRow(
      t.columns.map((c) => safeCell(typeof c.header === 'string' ? c.header : c.header[lang])),
    );
    head.font = { bold: true };
    head.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    for (const r of t.rows) ws.addRow(t.columns.map((c) => safeCell(r[c.key])));
    t.columns.forEach((c, i) => {
      const longest = Math.max(
        (typeof c.header === 'string' ? c.header : c.header[lang]).length,
        ...t.rows.slice(0, 500).map((r) => String(r[c.key] ?? '').length),
      );
      ws.getColumn(i + 1).width = c.width ?? Math.min(60, Math.max(8, longest + 2));
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return withFixedZipTimes(new Uint8Array(buffer as ArrayBuffer));
}

/**
 * One commune's decision as a workbook: the gap report (same sections as the Markdown/HTML report) on the
 * first sheet, then every finding (criterion × level) with its observed value, threshold and distance.
 */
export async function decisionRecordToXlsx(
  record: DecisionRecord,
  report: GapReport,
  edition: CatalogEdition,
  options: XlsxOptions = {},
): Promise<Uint8Array> {
  const lang = options.lang ?? 'vi';
  const vi = lang === 'vi';
  const tables: XlsxTable[] = [];
  const sections = gapReportSections(report, lang);
  const lines: string[] = [gapReportTitle(report, lang)];
  for (const s of sections) {
    if (s.table) {
      tables.push({
        name: s.title ?? `${tables.length + 1}`,
        lines: [s.title ?? '', ...(s.lines ?? [])],
        columns: s.table.columns,
        rows: s.table.rows,
      });
    } else lines.push(...(s.title ? [s.title] : []), ...(s.lines ?? []));
  }
  const summary: XlsxTable = {
    name: vi ? 'Tóm tắt' : 'Summary',
    columns: [{ key: 'line', header: vi ? 'Báo cáo đánh giá' : 'Assessment report', width: 110 }],
    rows: lines.map((line) => ({ line })),
  };
  const titles = new Map(edition.criteria.map((c) => [c.id, c.title[lang]]));
  const findings: XlsxTable = {
    name: vi ? 'Kết quả từng tiêu chí' : 'Findings',
    lines: [`${record.catalog.id} ${record.catalog.version} ${record.catalog.contentHash}`],
    columns: [
      { key: 'criterion', header: { vi: 'Mã', en: 'Id' } },
      { key: 'title', header: { vi: 'Tiêu chí', en: 'Criterion' } },
      { key: 'level', header: { vi: 'Mức', en: 'Level' } },
      { key: 'kind', header: { vi: 'Loại yêu cầu', en: 'Requirement' } },
      { key: 'outcome', header: { vi: 'Kết quả', en: 'Outcome' } },
      { key: 'observed', header: { vi: 'Hiện có', en: 'Observed' } },
      { key: 'comparison', header: { vi: 'So sánh', en: 'Comparison' } },
      { key: 'threshold', header: { vi: 'Ngưỡng', en: 'Threshold' } },
      { key: 'gap', header: { vi: 'Còn thiếu', en: 'Distance' } },
      { key: 'unit', header: { vi: 'Đơn vị', en: 'Unit' } },
    ],
    rows: record.findings.map((f) => ({
      criterion: f.criterion,
      title: titles.get(f.criterion) ?? null,
      level: f.level,
      kind: f.kind,
      outcome: f.outcome,
      observed: f.observed,
      comparison: f.comparison,
      threshold: f.threshold,
      gap: f.gap,
      unit: f.unit ? f.unit[lang] : null,
    })),
  };
  return tablesToXlsx([summary, ...tables, findings], options);
}
