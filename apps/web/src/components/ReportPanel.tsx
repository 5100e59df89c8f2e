import type { PublishedEdition } from '@cdsx/criteria';
import { buildGapReport, gapReportSections, gapReportTitle, renderGapReportHtml } from '@cdsx/forms/report';
import type { DecisionRecord } from '@cdsx/rules';
import { useMemo, useState } from 'react';
import { download, XLSX_TYPE } from '../download';
import { useI18n } from '../i18n';
import { IssueList } from './IssueList';

/**
 * The gap report (báo cáo đánh giá) of the shown decision — the same model and sections as `cdsx report`,
 * from @cdsx/forms/report — with its downloads: HTML, Excel (decision workbook) and the Excel
 * self-assessment form for this commune. The report itself is hidden on screen and is what the print
 * stylesheet prints (A4, with date, edition and content hash). exceljs loads only when an Excel file is asked for.
 */
export default function ReportPanel({
  record,
  edition,
}: {
  record: DecisionRecord;
  edition: PublishedEdition;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState('');
  const report = useMemo(
    () => buildGapReport(record, { edition: { edition: edition.edition, contentHash: edition.contentHash } }),
    [record, edition],
  );
  if (!report.ok) {
    return (
      <section className="report-actions no-print" aria-labelledby="report-h">
        <h3 id="report-h">{t.reportTitle}</h3>
        <IssueList issues={report.issues} />
      </section>
    );
  }
  const r = report.value;
  const base = `bao-cao-${record.commune.code}-${r.reportDate}`;
  const run = async (what: string, f: () => Promise<void>) => {
    setBusy(what);
    try {
      await f();
    } finally {
      setBusy('');
    }
  };
  const sections = gapReportSections(r, lang);
  return (
    <>
      <section className="report-actions no-print" aria-labelledby="report-h" data-testid="report-actions">
        <h3 id="report-h">{t.reportTitle}</h3>
        <p className="muted">{t.reportHint}</p>
        <div className="buttons" aria-busy={busy !== ''}>
          <button type="button" onClick={() => window.print()} data-testid="print">
            {t.print}
          </button>
          <button
            type="button"
            data-testid="download-report-html"
            onClick={() => download(`${base}.html`, renderGapReportHtml(r, lang), 'text/html;charset=utf-8')}
          >
            {t.downloadHtml}
          </button>
          <button
            type="button"
            data-testid="download-report-xlsx"
            disabled={busy !== ''}
            onClick={() =>
              run('xlsx', async () => {
                const { decisionRecordToXlsx } = await import('@cdsx/forms');
                download(
                  `${base}.xlsx`,
                  await decisionRecordToXlsx(record, r, edition.edition, { lang }),
                  XLSX_TYPE,
                );
              })
            }
          >
            {t.downloadXlsx}
          </button>
          <button
            type="button"
            data-testid="download-form"
            disabled={busy !== ''}
            onClick={() =>
              run('form', async () => {
                const { generateForm } = await import('@cdsx/forms');
                const c = record.commune;
                const bytes = await generateForm({
                  edition: { edition: edition.edition, contentHash: edition.contentHash },
                  areaGroup: record.areaGroup,
                  commune: { code: c.code, name: c.name, provinceCode: c.provinceCode, unitType: c.unitType },
                  period: record.period,
                });
                download(`phieu-tu-danh-gia-${c.code}.xlsx`, bytes, XLSX_TYPE);
              })
            }
          >
            {t.downloadForm}
          </button>
        </div>
        {busy && (
          <p role="status" className="muted">
            {t.preparing}
          </p>
        )}
      </section>
      <article className="print-report" data-testid="print-report" lang={lang}>
        <h1>{gapReportTitle(r, lang)}</h1>
        {sections.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the sections are a fixed sequence
          <section key={i}>
            {s.title && <h2>{s.title}</h2>}
            {(s.lines ?? []).map((line, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their position
              <p key={j} className={s.tone === 'warn' ? 'warn' : undefined}>
                {line}
              </p>
            ))}
            {s.table && (
              <table>
                <thead>
                  <tr>
                    {s.table.columns.map((c) => (
                      <th key={c.key} scope="col">
                        {c.header[lang]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.table.rows.map((row, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: report rows are ordered output
                    <tr key={j}>
                      {s.table!.columns.map((c) => (
                        <td key={c.key} className={c.align === 'right' ? 'num' : undefined}>
                          {String(row[c.key] ?? '—')}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </article>
    </>
  );
}
