import { AREA_GROUPS, sortedLevels } from '@cdsx/criteria';
import { COMMUNES, COMMUNES_ATTRIBUTION, communeByCode, fullName, PROVINCES } from '@cdsx/criteria/communes';
import { buildGapReport, gapReportSections, gapReportTitle } from '@cdsx/forms/report';
import {
  countLevels,
  countLevelsBy,
  type DecisionRecord,
  type LevelCounts,
  tryAssessMany,
} from '@cdsx/rules';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';
import type { CommandDef } from '../command';
import { EXIT, UsageError } from '../errors';
import { t } from '../i18n';
import type { Column, Section } from '../render/index';
import { percent, topBlockers } from '../summary';
import { areaGroupName, CATALOG_OPTION, editionFrom, levelLabel, SYNTHETIC_LABEL, str } from './shared';

/**
 * The example commune: the one asked for, else the one closest to its next level — fewest failed mandatory
 * requirements (at least one) plus extended shortfall, among communes whose level is not provisional;
 * ties go to the first in official code order.
 */
function pickExample(records: readonly DecisionRecord[], code: string | undefined): DecisionRecord {
  if (code !== undefined) {
    const found = records.find((r) => r.commune.code === code);
    if (!found)
      throw new UsageError(
        t(`--example ${code}: không có xã với mã này`, `--example ${code}: no commune has this code`),
      );
    return found;
  }
  let best: DecisionRecord | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const r of records) {
    if (r.provisional || !r.gaps || r.gaps.mandatory.length === 0) continue;
    const distance = r.gaps.mandatory.length + r.gaps.extended.shortfall;
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  }
  return best ?? records.find((r) => r.gaps) ?? records[0]!;
}

/** `cdsx demo` — the national picture on the nationwide synthetic dataset. */
export const demoCommand: CommandDef = {
  path: ['demo'],
  summary: t(
    'bức tranh toàn quốc trên dữ liệu mô phỏng của 3.321 xã',
    'the national picture on synthetic data for all 3,321 communes',
  ),
  details: t(
    'Sinh đánh giá mô phỏng (synthetic) cho mọi đơn vị cấp xã, đánh giá theo bộ tiêu chí mới nhất và in: số xã theo mức, ' +
      'theo nhóm địa bàn và theo tỉnh; các tiêu chí thường chặn mức tiếp theo nhất; báo cáo khoảng cách của một xã ví dụ. ' +
      'Số liệu là mô phỏng, chỉ để minh họa.',
    'Generates synthetic assessments for every commune, assesses them with the latest edition and prints: communes per level, ' +
      'by area group and by province; the criteria that most often block the next level; one example commune’s gap report. ' +
      'The figures are synthetic, for illustration only.',
  ),
  positionals: [0, 0],
  options: {
    catalog: CATALOG_OPTION,
    example: {
      type: 'string',
      value: '<code>',
      help: t('mã xã cho báo cáo khoảng cách ví dụ', 'commune code for the example gap report'),
    },
    top: {
      type: 'string',
      value: '<n>',
      help: t(
        'số tiêu chí chặn được liệt kê (mặc định 10)',
        'how many blocking criteria to list (default 10)',
      ),
    },
  },
  formats: ['table', 'json', 'md', 'html', 'csv'],
  examples: ['cdsx demo', 'cdsx demo --lang en', 'cdsx demo --example 00004 --format html --out demo.html'],
  run(ctx) {
    const { lang } = ctx;
    const published = editionFrom(str(ctx, 'catalog'));
    const { edition } = published;
    const topText = str(ctx, 'top') ?? '10';
    const top = Number(topText);
    if (!Number.isInteger(top) || top < 1)
      throw new UsageError(
        t(`--top ${topText}: cần số nguyên ≥ 1`, `--top ${topText}: expected an integer ≥ 1`),
      );
    const exampleCode = str(ctx, 'example');
    if (exampleCode !== undefined && !communeByCode(exampleCode)) {
      throw new UsageError(
        t(
          `--example ${exampleCode}: không có xã với mã này`,
          `--example ${exampleCode}: no commune has this code`,
        ),
      );
    }

    const assessments = generateSyntheticAssessments({ edition, communes: COMMUNES });
    const result = tryAssessMany(assessments, { edition: published });
    // The generator writes valid assessments for its own edition; anything else is a bug, not user input.
    if (!result.ok) throw new Error(`synthetic dataset rejected: ${result.issues[0]?.message.en}`);
    const records = result.value;
    const levels = sortedLevels(edition).map((l) => l.level);

    const levelColumns: Column[] = levels.map((l) => ({
      key: `L${l}`,
      header: t(levelLabel(edition, l, 'vi'), levelLabel(edition, l, 'en')),
      align: 'right',
    }));
    const communesAt = (g: LevelCounts, l: number) => g.byLevel.get(l)?.communes ?? 0;
    const tallyRow = (g: LevelCounts) => ({
      ...Object.fromEntries(levels.map((l) => [`L${l}`, communesAt(g, l)])),
      total: g.total,
      atLeast1: percent(
        levels.filter((l) => l >= 1).reduce((n, l) => n + communesAt(g, l), 0),
        g.total,
      ),
    });
    const pct = (v: unknown) => (v === null ? '—' : v === 0 ? '0%' : `${v}%`);
    const tallyColumns: Column[] = [
      ...levelColumns,
      { key: 'total', header: t('Tổng', 'Total'), align: 'right' },
      { key: 'atLeast1', header: t('Đạt mức ≥ 1', 'Level ≥ 1'), align: 'right', display: pct },
    ];

    const national = countLevels(records);
    const nationalRows = levels.map((l) => ({
      level: l,
      name: levelLabel(edition, l, lang),
      communes: communesAt(national, l),
      share: percent(communesAt(national, l), national.total),
    }));
    const byGroup = countLevelsBy(records, (r) => r.areaGroup);
    const groupRows = AREA_GROUPS.flatMap((g) => {
      const counts = byGroup.get(g);
      return counts ? [{ areaGroup: areaGroupName(edition, g, lang), ...tallyRow(counts) }] : [];
    });
    const byProvince = countLevelsBy(records, (r) => r.commune.provinceCode);
    const provinceRows = PROVINCES.flatMap((p) => {
      const counts = byProvince.get(p.code);
      return counts ? [{ code: p.code, province: fullName(p), ...tallyRow(counts) }] : [];
    });
    const blockers = topBlockers(records, top);
    const notTop = records.filter((r) => r.gaps).length;
    const blockerRows = blockers.map((b) => {
      const c = edition.criteria.find((x) => x.id === b.criterion);
      return {
        criterion: b.criterion,
        title: c?.title[lang] ?? b.criterion,
        communes: b.communes,
        share: percent(b.communes, notTop),
        notAvailable: b.notAvailable,
        levels: b.levels.join(', '),
      };
    });
    const example = pickExample(records, exampleCode);
    // The example's gap report: the same report model and sections as `cdsx report` (one renderer).
    const exampleReport = buildGapReport(example, { edition: published });
    if (!exampleReport.ok) throw new Error(`gap report: ${exampleReport.issues[0]?.message.en}`);
    const provinces = new Set(records.map((r) => r.commune.provinceCode)).size;

    const sections: Section[] = [
      {
        title: SYNTHETIC_LABEL,
        tone: 'warn',
        lines: [
          lang === 'vi'
            ? `${records.length} đơn vị cấp xã của ${provinces} tỉnh, thành phố (danh sách thật); bộ tiêu chí ${edition.version} (${edition.status}) ${published.contentHash}.`
            : `${records.length} communes in ${provinces} provinces (the real list); catalog ${edition.version} (${edition.status}) ${published.contentHash}.`,
        ],
      },
      {
        title: t('Số xã theo mức — toàn quốc', 'Communes per level — nationwide'),
        table: {
          columns: [
            { key: 'name', header: t('Mức', 'Level') },
            { key: 'communes', header: t('Số xã', 'Communes'), align: 'right' },
            { key: 'share', header: t('Tỷ lệ', 'Share'), align: 'right', display: pct },
          ],
          rows: nationalRows,
        },
      },
      {
        title: t('Theo nhóm địa bàn', 'By area group'),
        table: {
          columns: [{ key: 'areaGroup', header: t('Nhóm địa bàn', 'Area group') }, ...tallyColumns],
          rows: groupRows,
        },
      },
      {
        title: t('Theo tỉnh, thành phố', 'By province'),
        table: {
          columns: [
            { key: 'code', header: t('Mã', 'Code') },
            { key: 'province', header: t('Tỉnh, thành phố', 'Province') },
            ...tallyColumns,
          ],
          rows: provinceRows,
        },
      },
      {
        title: t(
          `Tiêu chí bắt buộc chặn mức tiếp theo nhiều nhất (trên ${notTop} xã chưa ở mức cao nhất)`,
          `Mandatory criteria most often blocking the next level (of ${notTop} communes below the top level)`,
        ),
        table: {
          columns: [
            { key: 'criterion', header: t('Mã', 'Id') },
            { key: 'title', header: t('Tiêu chí', 'Criterion') },
            { key: 'communes', header: t('Số xã bị chặn', 'Communes blocked'), align: 'right' },
            { key: 'share', header: t('Tỷ lệ', 'Share'), align: 'right', display: pct },
            { key: 'notAvailable', header: t('Do thiếu số liệu', 'Missing data'), align: 'right' },
            { key: 'levels', header: t('Mức bị chặn', 'Levels blocked') },
          ],
          rows: blockerRows,
        },
      },
      {
        title: t('Báo cáo khoảng cách — ví dụ một xã', 'Gap report — one example commune'),
        lines: [gapReportTitle(exampleReport.value, lang)],
      },
      ...gapReportSections(exampleReport.value, lang),
    ];
    const exampleCommune = communeByCode(example.commune.code);
    ctx.emit({
      title: t(
        'cdsx demo — mô hình chuyển đổi số cấp xã',
        'cdsx demo — commune digital-transformation model',
      ),
      sections,
      summary: [SYNTHETIC_LABEL[lang], COMMUNES_ATTRIBUTION],
      json: {
        synthetic: true,
        catalog: { version: edition.version, contentHash: published.contentHash },
        communes: records.length,
        provinces,
        national: nationalRows,
        byAreaGroup: groupRows,
        byProvince: provinceRows,
        blockers: blockerRows,
        example: { commune: exampleCommune ?? example.commune, record: example },
        attribution: COMMUNES_ATTRIBUTION,
      },
    });
    return EXIT.ok;
  },
};
