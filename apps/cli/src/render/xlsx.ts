import { tablesToXlsx, type XlsxTable } from '@cdsx/forms';
import type { Lang } from '../i18n';
import type { Report } from './model';

/**
 * A report as an Excel workbook: each section with a table becomes a sheet (its title and lines above the
 * table; raw cell values as in CSV, text neutralised the same way); the title and the text-only sections go
 * to a first "Tóm tắt / Summary" sheet.
 */
export function reportToXlsx(report: Report, lang: Lang): Promise<Uint8Array> {
  const text = (v: Report['title']) => (v === undefined || typeof v === 'string' ? v : v[lang]);
  const summary: string[] = [];
  const title = text(report.title);
  if (title) summary.push(title);
  const tables: XlsxTable[] = [];
  for (const [i, s] of report.sections.entries()) {
    const st = text(s.title);
    if (!s.table) {
      summary.push(...(st ? [st] : []), ...(s.lines ?? []));
      continue;
    }
    tables.push({
      name: st ?? `${i + 1}`,
      lines: [...(st ? [st] : []), ...(s.lines ?? [])],
      columns: s.table.columns.map((c) => ({ key: c.key, header: c.header })),
      rows: s.table.rows,
    });
  }
  summary.push(...(report.summary ?? []));
  const first: XlsxTable[] = summary.length
    ? [
        {
          name: lang === 'vi' ? 'Tóm tắt' : 'Summary',
          columns: [{ key: 'line', header: title ?? 'cdsx', width: 110 }],
          rows: summary.slice(title ? 1 : 0).map((line) => ({ line })),
        },
      ]
    : [];
  return tablesToXlsx([...first, ...tables], { lang });
}
