import { type CatalogEdition, formatNumber, formatValue, type Lang } from '@cdsx/criteria';
import { KPI_DEFINITIONS, type KpiId } from '@cdsx/kpi';
import type { TargetStatus, Trend } from './evaluate';
import type { Indicator } from './schema';

/** What an indicator measures, in words: `Tỷ lệ xã đạt mức ≥ 2`, the KPI's or criterion's name. */
export function indicatorLabel(
  ind: Indicator,
  edition: Pick<CatalogEdition, 'criteria'>,
  lang: Lang,
): string {
  const crit = (id: string) => edition.criteria.find((c) => c.id === id)?.title[lang] ?? id;
  const vi = lang === 'vi';
  switch (ind.kind) {
    case 'kpi':
      return KPI_DEFINITIONS[ind.kpi as KpiId]?.name[lang] ?? ind.kpi;
    case 'criterion_value':
      return `${ind.criterion} ${crit(ind.criterion)}`;
    case 'criterion_met':
      return vi
        ? `${ind.criterion} đạt ở mức ${ind.level}: ${crit(ind.criterion)}`
        : `${ind.criterion} met at level ${ind.level}: ${crit(ind.criterion)}`;
    case 'commune_level':
      return vi ? 'Mức chuyển đổi số của xã' : "The commune's digital-transformation level";
    case 'score766_total':
      return vi ? 'Tổng điểm Bộ chỉ số 766' : 'QĐ 766 total score';
    case 'score766_group':
      return vi ? `Điểm nhóm ${ind.group} (Bộ chỉ số 766)` : `QĐ 766 group ${ind.group} score`;
    case 'share_at_level':
      return vi ? `Tỷ lệ xã đạt mức ≥ ${ind.level}` : `Share of communes at level ≥ ${ind.level}`;
    case 'share_meeting':
      return vi
        ? `Tỷ lệ xã đạt tiêu chí ${ind.criterion} (mức ${ind.level})`
        : `Share of communes meeting ${ind.criterion} (level ${ind.level})`;
  }
}

/** Whether an indicator is a percentage (shown with `%`). */
function isPercent(ind: Indicator, edition: Pick<CatalogEdition, 'criteria'>): boolean {
  if (ind.kind === 'kpi' || ind.kind === 'share_at_level' || ind.kind === 'share_meeting') return true;
  if (ind.kind === 'criterion_value')
    return edition.criteria.find((c) => c.id === ind.criterion)?.measure === 'percentage';
  return false;
}

/**
 * A value of an indicator as shown, in the style of `@cdsx/criteria`'s `formatValue`: `85%`, `83,5` (vi) /
 * `83.5` (en), `2`, `có`/`yes`, `đạt`/`met` for a met-at-level target; `—` for not available (a table cell).
 */
export function formatIndicatorValue(
  ind: Indicator,
  value: number | boolean | null | undefined,
  edition: Pick<CatalogEdition, 'criteria'>,
  lang: Lang,
): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') {
    // A met-at-level target reads "met / not met"; a yes/no criterion's value reads "yes / no".
    if (ind.kind === 'criterion_met')
      return value ? (lang === 'vi' ? 'đạt' : 'met') : lang === 'vi' ? 'không đạt' : 'not met';
    return formatValue(value, null, lang);
  }
  if (ind.kind === 'commune_level') return String(value);
  const text = formatNumber(value, lang);
  return isPercent(ind, edition) ? `${text}%` : text;
}

const STATUS: Record<TargetStatus, { vi: string; en: string }> = {
  met: { vi: 'Đạt', en: 'Met' },
  not_met: { vi: 'Chưa đạt', en: 'Not met' },
  not_available: { vi: 'Không có số liệu', en: 'Not available' },
};
const TREND: Record<Trend, { vi: string; en: string }> = {
  improving: { vi: 'tiến bộ', en: 'improving' },
  worsening: { vi: 'giảm sút', en: 'worsening' },
  unchanged: { vi: 'không đổi', en: 'unchanged' },
  not_available: { vi: 'không so sánh được', en: 'not comparable' },
};

/** `Đạt` / `Chưa đạt` / `Không có số liệu` (and `không so sánh được` for a national target of another indicator). */
export function statusLabel(status: TargetStatus | 'not_comparable', lang: Lang): string {
  if (status === 'not_comparable') return lang === 'vi' ? 'không so sánh được' : 'not comparable';
  return STATUS[status][lang];
}

/** `tiến bộ` / `giảm sút` / `không đổi` / `không so sánh được`. */
export function trendLabel(trend: Trend, lang: Lang): string {
  return TREND[trend][lang];
}
