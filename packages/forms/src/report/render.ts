import type { Lang, LocalizedText } from '@cdsx/criteria';
import { formatRequirement, formatValue } from '@cdsx/criteria';
import type { GapReport, GapReportItem } from './model';
import { escapeHtml, escapeMarkdown } from './text';

/** A column of a report table. */
export interface ReportColumn {
  key: string;
  header: LocalizedText;
  align?: 'left' | 'right';
}

/** A table of a report: rows keyed by column key; cells already formatted for the reader. */
export interface ReportTable {
  columns: ReportColumn[];
  rows: Array<Record<string, string | number | null>>;
}

/** A titled block of a report: lines of text and an optional table (the shape the CLI renders too). */
export interface ReportSection {
  title?: string;
  lines?: string[];
  table?: ReportTable;
  tone?: 'warn';
}

const L = (vi: string, en: string): LocalizedText => ({ vi, en });

function levelText(l: { level: number; name: LocalizedText }, lang: Lang): string {
  return `${l.level} ${l.name[lang]}`;
}

const GAP_COLUMNS: ReportColumn[] = [
  { key: 'criterion', header: L('Mã', 'Id') },
  { key: 'title', header: L('Tiêu chí', 'Criterion') },
  { key: 'observed', header: L('Hiện có', 'Observed') },
  { key: 'required', header: L('Yêu cầu', 'Required') },
  { key: 'gap', header: L('Còn thiếu', 'Distance'), align: 'right' },
  { key: 'remediation', header: L('Việc cần làm', 'What to do') },
];

function gapRows(items: readonly GapReportItem[], lang: Lang): ReportTable['rows'] {
  return items.map((g) => ({
    criterion: g.criterion,
    title: g.title[lang],
    observed: formatValue(g.observed, { unit: g.unit }, lang),
    required: formatRequirement(g.comparison, g.threshold, { unit: g.unit }, lang),
    gap: g.gap === null ? '—' : formatValue(g.gap, { unit: g.unit }, lang),
    remediation: g.remediation[lang],
  }));
}

/** The report's title, e.g. `Báo cáo đánh giá chuyển đổi số — Xã Mường Tè (12345)`. */
export function gapReportTitle(report: GapReport, lang: Lang): string {
  const c = report.commune;
  return lang === 'vi'
    ? `Báo cáo đánh giá chuyển đổi số — ${c.fullName} (${c.code})`
    : `Digital-transformation assessment report — ${c.fullName} (${c.code})`;
}

/**
 * The gap report as titled sections (lines and tables, already in one language): the one layout every
 * renderer uses — {@link renderGapReportMarkdown}, {@link renderGapReportHtml}, and the CLI's table/CSV
 * renderer for `cdsx demo --example`.
 */
export function gapReportSections(report: GapReport, lang: Lang): ReportSection[] {
  const vi = lang === 'vi';
  const c = report.commune;
  const sections: ReportSection[] = [];
  if (report.synthetic) {
    sections.push({
      tone: 'warn',
      lines: [
        vi
          ? 'DỮ LIỆU MÔ PHỎNG (SYNTHETIC) — không phải số liệu thật của xã này.'
          : 'SYNTHETIC DATA — not the real figures of this commune.',
      ],
    });
  }
  const level = levelText(report.level, lang);
  sections.push({
    title: vi ? 'Đơn vị và kết quả' : 'Unit and result',
    lines: [
      `${vi ? 'Đơn vị' : 'Unit'}: ${c.fullName} (${c.code})${c.provinceName ? `, ${c.provinceName}` : ''}`,
      `${vi ? 'Nhóm địa bàn' : 'Area group'}: ${report.areaGroup.name[lang]} · ${vi ? 'kỳ đánh giá' : 'period'} ${report.period}`,
      vi
        ? `Mức đạt: ${level}${report.provisional ? ` — tạm tính: thiếu số liệu, có thể đạt mức ${report.possibleLevel}` : ''}`
        : `Level reached: ${level}${report.provisional ? ` — provisional: data missing, could reach level ${report.possibleLevel}` : ''}`,
    ],
  });
  const ext = report.extended;
  if (!report.nextLevel || !ext) {
    sections.push({
      lines: [vi ? 'Đã ở mức cao nhất của bộ tiêu chí.' : 'Already at the top level of the catalog.'],
    });
  } else {
    const next = levelText(report.nextLevel, lang);
    sections.push(
      report.mandatory.length
        ? {
            title: vi
              ? `Tiêu chí bắt buộc chưa đạt cho mức ${next} (${report.mandatory.length})`
              : `Mandatory requirements not met for level ${next} (${report.mandatory.length})`,
            table: { columns: GAP_COLUMNS, rows: gapRows(report.mandatory, lang) },
          }
        : {
            title: vi ? `Tiêu chí bắt buộc cho mức ${next}` : `Mandatory requirements for level ${next}`,
            lines: [
              vi ? 'Không có — mọi tiêu chí bắt buộc đã đạt.' : 'None — every mandatory requirement is met.',
            ],
          },
    );
    const shown = ext.candidates.length;
    sections.push({
      title: vi ? `Tiêu chí mở rộng cho mức ${next}` : `Extended criteria for level ${next}`,
      lines: [
        vi
          ? `Đạt ${ext.met}/${ext.applicable}, cần ${ext.required}: ${ext.shortfall ? `còn thiếu ${ext.shortfall}.` : 'đủ.'}${shown ? ` Gần ngưỡng nhất (${shown}/${ext.candidatesTotal}):` : ''}`
          : `Met ${ext.met} of ${ext.applicable}, ${ext.required} needed: ${ext.shortfall ? `${ext.shortfall} short.` : 'enough.'}${shown ? ` Closest to their thresholds (${shown} of ${ext.candidatesTotal}):` : ''}`,
      ],
      ...(shown ? { table: { columns: GAP_COLUMNS, rows: gapRows(ext.candidates, lang) } } : {}),
    });
  }
  if (report.missing.length) {
    const changing = report.missing.filter((m) => m.couldChangeLevel).length;
    sections.push({
      title: vi ? `Chưa có số liệu (${report.missing.length})` : `Not available (${report.missing.length})`,
      lines: [
        changing
          ? vi
            ? `${changing} tiêu chí thiếu số liệu có thể làm thay đổi mức đạt (tối đa mức ${report.possibleLevel}).`
            : `${changing} missing criteria could change the level (up to level ${report.possibleLevel}).`
          : vi
            ? 'Số liệu còn thiếu không làm thay đổi mức đạt.'
            : 'The missing data cannot change the level.',
      ],
      table: {
        columns: [
          { key: 'criterion', header: L('Mã', 'Id') },
          { key: 'title', header: L('Tiêu chí', 'Criterion') },
          { key: 'could', header: L('Có thể đổi mức', 'Could change the level') },
        ],
        rows: report.missing.map((m) => ({
          criterion: m.criterion,
          title: m.title[lang],
          could: formatValue(m.couldChangeLevel, null, lang),
        })),
      },
    });
  }
  const k = report.catalog;
  sections.push({
    title: vi ? 'Căn cứ' : 'Basis',
    lines: [
      `${vi ? 'Bộ tiêu chí' : 'Catalog edition'}: ${k.id} ${k.version}${k.status === 'draft' ? (vi ? ' (dự thảo)' : ' (draft)') : ''} · ${k.contentHash}`,
      `${vi ? 'Phần mềm đánh giá' : 'Decided by'}: ${report.engine.name} ${report.engine.version}`,
      `${vi ? 'Ngày lập báo cáo' : 'Report date'}: ${report.reportDate}`,
    ],
  });
  return sections;
}

/** The gap report as GitHub-flavoured Markdown; every text escaped. Deterministic. */
export function renderGapReportMarkdown(report: GapReport, lang: Lang = 'vi'): string {
  const out = [`# ${escapeMarkdown(gapReportTitle(report, lang))}`, ''];
  for (const s of gapReportSections(report, lang)) {
    if (s.title) out.push(`## ${escapeMarkdown(s.title)}`, '');
    if (s.lines?.length) {
      out.push(
        ...s.lines.map((l) => (s.tone === 'warn' ? `**${escapeMarkdown(l)}**` : `${escapeMarkdown(l)}  `)),
      );
      out.push('');
    }
    if (s.table) {
      const cols = s.table.columns;
      out.push(`| ${cols.map((c) => escapeMarkdown(c.header[lang])).join(' | ')} |`);
      out.push(`| ${cols.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`);
      for (const r of s.table.rows)
        out.push(`| ${cols.map((c) => escapeMarkdown(String(r[c.key] ?? '—'))).join(' | ')} |`);
      out.push('');
    }
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** Print stylesheet: A4, no app chrome, table headers repeated on each page, rows never split. */
const STYLE = [
  '@page{size:A4;margin:15mm 12mm}',
  'body{font-family:"Times New Roman",Times,serif;font-size:12pt;line-height:1.35;color:#000;margin:2rem auto;max-width:60rem}',
  'h1{font-size:16pt;margin:0 0 .75rem}h2{font-size:13pt;margin:1.25rem 0 .4rem}p{margin:.15rem 0}',
  'table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem}',
  'th,td{border:1px solid #555;padding:.2rem .35rem;text-align:left;vertical-align:top}',
  'th{background:#eee}td.num{text-align:right;white-space:nowrap}.warn{font-weight:bold;color:#8a4b00}',
  'thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}h2{break-after:avoid}',
  '@media print{body{margin:0;max-width:none}th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}}',
].join('\n');

/**
 * The gap report as one self-contained HTML page printable on A4: inline stylesheet, no scripts, no
 * external resources (fonts, images, links); every text escaped. Deterministic.
 */
export function renderGapReportHtml(report: GapReport, lang: Lang = 'vi'): string {
  const title = gapReportTitle(report, lang);
  const out = [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
  ];
  for (const s of gapReportSections(report, lang)) {
    out.push('<section>');
    if (s.title) out.push(`<h2>${escapeHtml(s.title)}</h2>`);
    for (const l of s.lines ?? [])
      out.push(`<p${s.tone === 'warn' ? ' class="warn"' : ''}>${escapeHtml(l)}</p>`);
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
            `<td${c.align === 'right' ? ' class="num"' : ''}>${escapeHtml(String(r[c.key] ?? '—'))}</td>`,
        );
        out.push(`<tr>${tds.join('')}</tr>`);
      }
      out.push('</tbody>', '</table>');
    }
    out.push('</section>');
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}
