import type { PublishedEdition } from '@cdsx/criteria';
import { provinceByCode } from '@cdsx/criteria/communes';
import { editionFor, getEdition } from '@cdsx/criteria/editions';
import { applyOverlay, type DecisionRecord, tryAssessMany } from '@cdsx/rules';
import type { CommandDef, Context } from '../command';
import { EXIT, InputError, type LocatedIssue } from '../errors';
import { type Lang, t } from '../i18n';
import { readJsonDocument, readRecordInputs } from '../inputs';
import { locate, locateIssues } from '../records';
import type { Report } from '../render/index';
import { areaGroupName, CATALOG_OPTION, editionFrom, levelLabel, SYNTHETIC_LABEL, str, strs } from './shared';

/** Validate overlay files up front, each against the edition it will be used with; issues located in the file. */
async function readOverlays(
  ctx: Context,
  files: string[],
  fixed: PublishedEdition | undefined,
): Promise<unknown[]> {
  const overlays: unknown[] = [];
  const issues: LocatedIssue[] = [];
  for (const file of files) {
    const doc = await readJsonDocument(ctx, file);
    const base = (doc.value as { baseEdition?: { version?: unknown } } | null)?.baseEdition?.version;
    let edition = fixed;
    if (!edition && typeof base === 'string') {
      const g = getEdition(base);
      if (g.ok) edition = g.value;
    }
    // An unknown base version is reported by applyOverlay against the latest edition.
    const { edition: e, contentHash } = edition ?? editionFrom(undefined);
    const r = applyOverlay(e, contentHash, doc.value);
    if (!r.ok) issues.push(...r.issues.map((i) => locate(doc, i)));
    else overlays.push(doc.value);
  }
  if (issues.length) throw new InputError(issues);
  return overlays;
}

/** The decision records as a report: one row per commune, then the count per level. */
export function decisionReport(records: readonly DecisionRecord[], lang: Lang): Report {
  // Each record is labelled in the words of the edition it names.
  const editionOf = (record: DecisionRecord) => {
    const r = editionFor(record);
    return r.ok ? r.value.edition : undefined;
  };
  const rows = records.map((r) => {
    const edition = editionOf(r);
    return {
      code: r.commune.code,
      commune: r.commune.name,
      province: provinceByCode(r.commune.provinceCode)?.name ?? r.commune.provinceCode,
      areaGroup: edition ? areaGroupName(edition, r.areaGroup, lang) : r.areaGroup,
      period: r.period,
      level: r.level.level,
      levelName: r.level.name[lang],
      possibleLevel: r.provisional ? r.possibleLevel : null,
      mandatoryGaps: r.gaps ? r.gaps.mandatory.length : null,
      extendedShortfall: r.gaps ? r.gaps.extended.shortfall : null,
      missing: r.missingCriteria.length,
      overlay: r.overlay?.id ?? null,
    };
  });
  const byLevel = new Map<number, number>();
  for (const r of records) byLevel.set(r.level.level, (byLevel.get(r.level.level) ?? 0) + 1);
  const levels = [...byLevel.keys()].sort((a, b) => a - b);
  const first = records[0];
  const edition = first ? editionOf(first) : undefined;
  const counts = levels
    .map((l) => `${edition ? levelLabel(edition, l, lang) : l}: ${byLevel.get(l)}`)
    .join(', ');
  const provisional = records.filter((r) => r.provisional).length;
  const summary = [
    lang === 'vi'
      ? `${records.length} đánh giá — ${counts}; ${provisional} tạm tính (thiếu số liệu có thể đổi mức).`
      : `${records.length} assessments — ${counts}; ${provisional} provisional (missing data could change the level).`,
  ];
  const unknown = records.filter((r) => r.unknownCriteria.length > 0);
  if (unknown.length) {
    const ids = [...new Set(unknown.flatMap((r) => r.unknownCriteria))].sort();
    summary.push(
      lang === 'vi'
        ? `${unknown.length} đánh giá có quan sát cho mã tiêu chí không có trong bộ tiêu chí (không dùng để xếp mức): ${ids.join(', ')}`
        : `${unknown.length} assessments have observations for criterion ids outside the catalog (not used for the level): ${ids.join(', ')}`,
    );
  }
  if (records.some((r) => r.synthetic)) summary.push(SYNTHETIC_LABEL[lang]);
  const dash = (v: unknown) => (v === null ? '' : String(v));
  return {
    sections: [
      {
        table: {
          columns: [
            { key: 'code', header: t('Mã xã', 'Code') },
            { key: 'commune', header: t('Đơn vị', 'Commune') },
            { key: 'province', header: t('Tỉnh', 'Province') },
            { key: 'areaGroup', header: t('Nhóm địa bàn', 'Area group') },
            { key: 'period', header: t('Kỳ', 'Period') },
            { key: 'level', header: t('Mức', 'Level'), align: 'right' },
            { key: 'levelName', header: t('Tên mức', 'Level name') },
            { key: 'possibleLevel', header: t('Có thể đạt', 'Possible'), align: 'right', display: dash },
            {
              key: 'mandatoryGaps',
              header: t('Thiếu bắt buộc', 'Mandatory gaps'),
              align: 'right',
              display: dash,
            },
            {
              key: 'extendedShortfall',
              header: t('Thiếu mở rộng', 'Extended short'),
              align: 'right',
              display: dash,
            },
            { key: 'missing', header: t('Thiếu số liệu', 'Missing data'), align: 'right' },
            { key: 'overlay', header: t('Bổ sung tỉnh', 'Overlay'), display: dash },
          ],
          rows,
        },
      },
    ],
    summary,
    json: records,
  };
}

/** `cdsx assess <file|dir|->` — decide each assessment's level and gaps. */
export const assessCommand: CommandDef = {
  path: ['assess'],
  args: '<file|dir|->',
  summary: t('đánh giá mức độ chuyển đổi số của các xã', "decide communes' digital-transformation levels"),
  details: t(
    'Đọc đánh giá dạng JSON (một đối tượng hoặc mảng) hoặc NDJSON (mỗi dòng một đánh giá); `-` là đầu vào chuẩn. ' +
      'Mọi đánh giá phải hợp lệ: lỗi nào cũng được báo kèm tệp, dòng, cột và trường, không bỏ qua bản ghi nào. ' +
      '--format json in ra mảng các bản ghi quyết định.',
    'Reads assessments as JSON (one object or an array) or NDJSON (one per line); `-` is standard input. ' +
      'Every assessment must be valid: each problem is reported with its file, line, column and field; no record is skipped. ' +
      '--format json prints an array of decision records.',
  ),
  positionals: [1, 1],
  options: {
    catalog: CATALOG_OPTION,
    overlay: {
      type: 'string',
      multiple: true,
      value: '<file>',
      help: t('bộ tiêu chí bổ sung của tỉnh (có thể lặp lại)', 'province overlay file (repeatable)'),
    },
  },
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html', 'xlsx'],
  examples: [
    'cdsx assess examples/ba-dinh.json',
    'cdsx dataset synthetic | cdsx assess - --format json',
    'cdsx assess data/ --overlay hanoi.json --format csv --bom --out levels.csv',
  ],
  async run(ctx) {
    const catalog = str(ctx, 'catalog');
    const fixed = catalog ? editionFrom(catalog) : undefined;
    const overlays = await readOverlays(ctx, strs(ctx, 'overlay'), fixed);
    const sources = await readRecordInputs(ctx, ctx.positionals[0]!);
    const r = tryAssessMany(
      sources.map((s) => s.value),
      { ...(fixed ? { edition: fixed } : {}), overlays },
    );
    if (!r.ok) throw new InputError(locateIssues(sources, r.issues));
    ctx.emit(decisionReport(r.value, ctx.lang));
    return EXIT.ok;
  },
};
