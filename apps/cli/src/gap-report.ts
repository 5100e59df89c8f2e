import type { CatalogEdition, Comparison } from '@cdsx/criteria';
import { fullName, provinceByCode } from '@cdsx/criteria/communes';
import { type DecisionRecord, type GapItem, remediationOf } from '@cdsx/rules';
import { areaGroupName, levelLabel, withUnit } from './commands/shared';
import { type Lang, t } from './i18n';
import type { Section } from './render/index';

function requirementText(
  comparison: Comparison,
  threshold: number | boolean,
  unit: GapItem['unit'],
  lang: Lang,
): string {
  if (typeof threshold === 'boolean') return withUnit(threshold, null, lang);
  return `${comparison} ${withUnit(threshold, unit, lang)}`;
}

function gapRows(record: DecisionRecord, items: readonly GapItem[], edition: CatalogEdition, lang: Lang) {
  return items.map((g) => ({
    criterion: g.criterion,
    title: edition.criteria.find((c) => c.id === g.criterion)?.title[lang] ?? g.criterion,
    observed:
      g.outcome === 'not_available'
        ? lang === 'vi'
          ? 'chưa có số liệu'
          : 'not available'
        : withUnit(g.observed, g.unit, lang),
    required: requirementText(g.comparison, g.threshold, g.unit, lang),
    gap: g.gap === null ? null : withUnit(g.gap, g.unit, lang),
    // Remediation by reference: the criterion's text in the record's edition (or inlined in the record).
    remediation: remediationOf(record, g.criterion, edition)?.[lang] ?? '',
  }));
}

const GAP_COLUMNS = [
  { key: 'criterion', header: t('Mã', 'Id') },
  { key: 'title', header: t('Tiêu chí', 'Criterion') },
  { key: 'observed', header: t('Hiện có', 'Observed') },
  { key: 'required', header: t('Yêu cầu', 'Required') },
  {
    key: 'gap',
    header: t('Còn thiếu', 'Gap'),
    align: 'right' as const,
    display: (v: unknown) => (v === null ? '—' : String(v)),
  },
  { key: 'remediation', header: t('Việc cần làm', 'What to do') },
];

/**
 * One commune's full gap report from its decision record: where it stands, every failed mandatory
 * requirement of the next level, the extended criteria still needed (closest first), and missing data.
 */
export function gapReport(
  record: DecisionRecord,
  edition: CatalogEdition,
  lang: Lang,
  maxCandidates = 5,
): Section[] {
  const c = record.commune;
  const province = provinceByCode(c.provinceCode);
  const name = fullName({ ...c, areaGroup: record.areaGroup });
  const head = [
    `${name} (${c.code})${province ? `, ${fullName(province)}` : ''} — ${areaGroupName(edition, record.areaGroup, lang)}, ${lang === 'vi' ? 'kỳ' : 'period'} ${record.period}`,
    lang === 'vi'
      ? `Mức đạt: ${levelLabel(edition, record.level.level, lang)}${record.provisional ? ` (tạm tính: thiếu số liệu, có thể đạt mức ${record.possibleLevel})` : ''}`
      : `Level: ${levelLabel(edition, record.level.level, lang)}${record.provisional ? ` (provisional: missing data, could reach level ${record.possibleLevel})` : ''}`,
    `${lang === 'vi' ? 'Bộ tiêu chí' : 'Catalog'} ${record.catalog.version} ${record.catalog.contentHash} · ${record.engine.name} ${record.engine.version}`,
  ];
  const sections: Section[] = [
    { title: t('Báo cáo khoảng cách — ví dụ một xã', 'Gap report — one example commune'), lines: head },
  ];
  const gaps = record.gaps;
  if (!gaps) {
    sections.push({ lines: [lang === 'vi' ? 'Đã ở mức cao nhất.' : 'Already at the top level.'] });
    return sections;
  }
  const next = levelLabel(edition, gaps.level, lang);
  sections.push({
    title: t(
      `Tiêu chí bắt buộc chưa đạt cho mức ${next}`,
      `Mandatory requirements not met for level ${next}`,
    ),
    ...(gaps.mandatory.length
      ? { table: { columns: GAP_COLUMNS, rows: gapRows(record, gaps.mandatory, edition, lang) } }
      : {
          lines: [
            lang === 'vi'
              ? 'Không có — mọi tiêu chí bắt buộc đã đạt.'
              : 'None — every mandatory requirement is met.',
          ],
        }),
  });
  const e = gaps.extended;
  const shown = e.candidates.slice(0, maxCandidates);
  sections.push({
    title: t(`Tiêu chí mở rộng cho mức ${next}`, `Extended criteria for level ${next}`),
    lines: [
      lang === 'vi'
        ? `Đạt ${e.met}/${e.applicable}, cần ${e.required}: ${e.shortfall ? `còn thiếu ${e.shortfall}.` : 'đủ.'}${shown.length && e.shortfall ? ` Gần ngưỡng nhất (${shown.length}/${e.candidates.length}):` : ''}`
        : `Met ${e.met} of ${e.applicable}, ${e.required} needed: ${e.shortfall ? `${e.shortfall} short.` : 'enough.'}${shown.length && e.shortfall ? ` Closest to their thresholds (${shown.length} of ${e.candidates.length}):` : ''}`,
    ],
  });
  if (shown.length && e.shortfall)
    sections.push({ table: { columns: GAP_COLUMNS, rows: gapRows(record, shown, edition, lang) } });
  if (record.missingCriteria.length) {
    sections.push({
      title: t('Thiếu số liệu có thể đổi mức', 'Missing data that could change the level'),
      lines: [record.missingCriteria.join(', ')],
    });
  }
  return sections;
}
