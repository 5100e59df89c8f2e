import type { PublishedEdition } from '@cdsx/criteria';
import { EDITIONS, getEdition } from '@cdsx/criteria/editions';
import { decisionRecordToXlsx, readForm } from '@cdsx/forms';
import {
  buildGapReport,
  gapReportSections,
  gapReportTitle,
  renderGapReportHtml,
  renderGapReportMarkdown,
} from '@cdsx/forms/report';
import { type DecisionRecord, recordCatalog, tryAssess } from '@cdsx/rules';
import type { CommandDef, Context } from '../command';
import { EXIT, formatLocated, InputError, UsageError } from '../errors';
import { t } from '../i18n';
import { readJsonDocument } from '../inputs';
import { locate } from '../records';
import {
  CATALOG_OPTION,
  editionArg,
  OVERLAY_OPTION,
  type ResolvedEdition,
  readOverlays,
  str,
  strs,
} from './shared';

/** A decision record decided from an assessment (.json), a filled form (.xlsx) or given as a record. */
export async function recordFromInput(
  ctx: Context,
  file: string,
  fixed?: ResolvedEdition,
  overlays: readonly unknown[] = [],
): Promise<{ record: DecisionRecord; edition: PublishedEdition }> {
  let record: DecisionRecord;
  if (/\.xlsx$/i.test(file)) {
    const r = await readForm(ctx.readBytes(file), {
      ...(fixed ? { expectVersion: fixed.edition.version } : {}),
      ...(fixed && !fixed.published ? { editions: [fixed] } : {}),
    });
    if (!r.ok) throw new InputError(r.issues.map((issue) => ({ file, issue })));
    if (r.value.warnings.length)
      ctx.note(
        `${formatLocated(
          r.value.warnings.map((issue) => ({ file, issue })),
          ctx.errLang,
        )}\n`,
      );
    const decided = tryAssess(r.value.assessment, { edition: r.value.edition, overlays });
    if (!decided.ok) throw new InputError(decided.issues.map((issue) => ({ file, issue })));
    record = decided.value;
  } else {
    const doc = await readJsonDocument(ctx, file);
    const value = doc.value as { recordVersion?: unknown } | null;
    if (value && typeof value === 'object' && 'recordVersion' in value) record = value as DecisionRecord;
    else {
      const decided = tryAssess(doc.value, { edition: fixed ?? EDITIONS, overlays });
      if (!decided.ok) throw new InputError(decided.issues.map((i) => locate(doc, i)));
      record = decided.value;
    }
  }
  if (fixed) {
    // A record decided elsewhere must name the edition given (version and content hash).
    if (record.catalog.version !== fixed.edition.version || record.catalog.contentHash !== fixed.contentHash)
      throw new InputError([
        {
          file,
          issue: {
            path: 'catalog',
            code: 'edition_mismatch',
            message: t(
              `bản ghi thuộc bộ tiêu chí ${record.catalog.version} (${record.catalog.contentHash}), không phải ${fixed.edition.version} (${fixed.contentHash}) của --catalog`,
              `the record is for edition ${record.catalog.version} (${record.catalog.contentHash}), not ${fixed.edition.version} (${fixed.contentHash}) given by --catalog`,
            ),
          },
        },
      ]);
    return { record, edition: fixed };
  }
  const edition = getEdition(record.catalog.version);
  if (!edition.ok) throw new InputError(edition.issues.map((issue) => ({ file, issue })));
  return { record, edition: edition.value };
}

/** `cdsx report` — one commune's assessment report (báo cáo đánh giá): level, gaps, remediation, missing data. */
export const reportCommand: CommandDef = {
  path: ['report'],
  args: '<assessment.json|form.xlsx|record.json>',
  summary: t(
    'báo cáo đánh giá của một xã: mức đạt, việc cần làm cho mức tiếp theo, số liệu còn thiếu',
    'one commune’s assessment report: level, what the next level needs, missing data',
  ),
  details: t(
    'Đầu vào: một đánh giá (JSON), một phiếu tự đánh giá đã điền (.xlsx, xem `cdsx form generate`) hoặc một bản ghi quyết định. ' +
      'Báo cáo gồm: đơn vị, nhóm địa bàn, mức đạt; tiêu chí bắt buộc chưa đạt cho mức tiếp theo, rồi tiêu chí mở rộng gần ngưỡng nhất — ' +
      'mỗi tiêu chí có giá trị hiện có, yêu cầu, khoảng cách và việc cần làm; số liệu còn thiếu và liệu nó có thể đổi mức; bộ tiêu chí, mã băm, ngày lập. ' +
      'HTML in được trên khổ A4 và không dùng tài nguyên ngoài.',
    'Input: an assessment (JSON), a filled self-assessment form (.xlsx, see `cdsx form generate`) or a decision record. ' +
      'The report shows the unit, area group and level; the failed mandatory criteria of the next level, then the extended ' +
      'criteria closest to their thresholds — each with observed value, requirement, distance and what to do; the missing data ' +
      'and whether it could change the level; the edition, its content hash and the report date. HTML prints on A4 and uses no external resources.',
  ),
  positionals: [1, 1],
  options: {
    catalog: {
      ...CATALOG_OPTION,
      help: t(
        'bộ tiêu chí: phiên bản đã phát hành hoặc tệp bộ tiêu chí dự thảo (mặc định: bộ ghi trong đầu vào)',
        'edition: a published version or a draft edition file (default: the one the input names)',
      ),
    },
    overlay: {
      ...OVERLAY_OPTION,
      help: t(
        'bộ tiêu chí bổ sung của tỉnh mà bản ghi dùng (có thể lặp lại): tiêu chí của tỉnh hiện đủ tên và việc cần làm',
        'the province overlay the record was decided with (repeatable): province criteria show with title and remediation',
      ),
    },
    date: {
      type: 'string',
      value: '<YYYY-MM-DD>',
      help: t(
        'ngày lập báo cáo (mặc định: hôm nay, giờ Việt Nam)',
        'report date (default: today, Vietnam time)',
      ),
    },
    candidates: {
      type: 'string',
      value: '<n>',
      help: t(
        'số tiêu chí mở rộng gần ngưỡng được liệt kê (mặc định 5)',
        'how many closest extended criteria to list (default 5)',
      ),
    },
  },
  formats: ['md', 'html', 'xlsx', 'table', 'json'],
  examples: [
    'cdsx report packages/criteria/examples/valid/rural-commune-quarter.json',
    'cdsx report phieu.xlsx --format html --out bao-cao.html',
    'cdsx report danh-gia.json --lang en --format xlsx --out report.xlsx',
  ],
  async run(ctx) {
    const date = str(ctx, 'date');
    if (date !== undefined && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(date))
      throw new UsageError(t(`--date ${date}: cần dạng YYYY-MM-DD`, `--date ${date}: expected YYYY-MM-DD`));
    const nText = str(ctx, 'candidates') ?? '5';
    const n = Number(nText);
    if (!Number.isInteger(n) || n < 0)
      throw new UsageError(
        t(`--candidates ${nText}: cần số nguyên ≥ 0`, `--candidates ${nText}: expected an integer ≥ 0`),
      );
    const file = ctx.positionals[0]!;
    const catalog = str(ctx, 'catalog');
    const fixed = catalog ? await editionArg(ctx, catalog) : undefined;
    const overlays = await readOverlays(ctx, strs(ctx, 'overlay'), fixed);
    const { record, edition } = await recordFromInput(ctx, file, fixed, overlays);
    // Criterion titles, units and remediation: the record's edition with its overlay (province criteria).
    const decidedWith = recordCatalog(record, edition, overlays);
    if (!decidedWith.ok) throw new InputError(decidedWith.issues.map((issue) => ({ file, issue })));
    const built = buildGapReport(record, {
      edition,
      overlays,
      maxCandidates: n,
      ...(date ? { reportDate: date } : {}),
    });
    if (!built.ok) throw new InputError(built.issues.map((issue) => ({ file, issue })));
    const report = built.value;
    const { lang } = ctx;
    switch (ctx.format) {
      case 'md':
        ctx.write(renderGapReportMarkdown(report, lang));
        break;
      case 'html':
        ctx.write(renderGapReportHtml(report, lang));
        break;
      case 'xlsx':
        ctx.writeBytes(await decisionRecordToXlsx(record, report, decidedWith.value.edition, { lang }));
        break;
      default:
        ctx.emit({
          title: gapReportTitle(report, lang),
          sections: gapReportSections(report, lang),
          json: report,
        });
    }
    return EXIT.ok;
  },
};
