/**
 * @cdsx/forms/report — the gap report (báo cáo đánh giá) of one commune's decision, as a plain model and
 * as Markdown or self-contained printable HTML. Browser-safe: no Node built-ins and no Excel library, so
 * the CLI and the web app render the same report from the same code.
 *
 * @example
 * ```ts
 * import { assess } from '@cdsx/rules';
 * import { buildGapReport, renderGapReportHtml } from '@cdsx/forms/report';
 * const r = buildGapReport(assess(assessment, { edition })); // edition: the one the assessment names
 * if (r.ok) document.body.innerHTML = renderGapReportHtml(r.value, 'vi');
 * ```
 *
 * @packageDocumentation
 */
export {
  buildGapReport,
  type GapReport,
  type GapReportItem,
  type GapReportMissing,
  type GapReportOptions,
  todayInVietnam,
} from './model';
export {
  gapReportSections,
  gapReportTitle,
  type ReportColumn,
  type ReportSection,
  type ReportTable,
  renderGapReportHtml,
  renderGapReportMarkdown,
} from './render';
export { escapeHtml, escapeMarkdown, spreadsheetSafeText } from './text';
