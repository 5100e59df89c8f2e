import { type Comparison, formatNumber, type LocalizedText } from '@cdsx/criteria';

/** The KPI ids; the criteria catalog's `kpi` field names one of them. */
export const KPI_IDS = [
  'fullProcessOnlineRate',
  'onlineDossierRate',
  'aiEnabledEssentialServiceRate',
  'satisfactionRate',
  'surveySatisfactionRate',
  'onTimeRate',
  'locationIndependentProcedureRate',
  'enterpriseProcedureOnlineRate',
  'onlinePaymentRate',
  'digitisationRate',
  'digitisedDataReuseRate',
  'feedbackOnTimeRate',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** What a KPI counts: dossiers (hồ sơ), procedures (TTHC/DVCTT) or feedback cases (PAKN). */
export type KpiSubject = 'dossier' | 'procedure' | 'feedback';

/** A cited document. */
export interface Citation {
  document: string;
  /** Issue date `YYYY-MM-DD`, when known. */
  date?: string;
  article?: string;
  note?: string;
}

/** A target for a KPI, with where it comes from. */
export interface KpiTarget {
  /** Percentage 0–100. */
  value: number;
  comparison: Comparison;
  citation: Citation;
  /** When the target applies, e.g. `2026`, `2028–2030`. */
  horizon: string;
}

const PLAN_2026: Citation = {
  document: 'Công văn hướng dẫn xây dựng Kế hoạch chuyển đổi số năm 2026 (BKHCN-CĐSQG)',
  date: '2025',
  article: 'II.7',
};
const QD_2629: Citation = {
  document: '2629/QĐ-TTg',
  date: '2025-12-01',
  note: 'Chương trình phát triển Chính phủ số',
};
const QD_766: Citation = { document: '766/QĐ-TTg', date: '2022-06-23' };

/**
 * Chỉ tiêu — the targets of every KPI, in one table, each citing its document. A KPI with no
 * target in the sources has an empty list (QĐ 766 scores those linearly; there is no threshold).
 */
export const KPI_TARGETS: Readonly<Record<KpiId, readonly KpiTarget[]>> = Object.freeze({
  fullProcessOnlineRate: [{ value: 80, comparison: '>=', citation: PLAN_2026, horizon: '2026' }],
  onlineDossierRate: [
    {
      value: 50,
      comparison: '>=',
      citation: {
        ...QD_766,
        article: '§3.3',
        note: 'full points at ≥ 50% in the national portal’s operational rules',
      },
      horizon: 'QĐ 766',
    },
  ],
  aiEnabledEssentialServiceRate: [{ value: 50, comparison: '>=', citation: PLAN_2026, horizon: '2026' }],
  satisfactionRate: [
    { value: 90, comparison: '>=', citation: PLAN_2026, horizon: '2026' },
    { value: 95, comparison: '>=', citation: PLAN_2026, horizon: '2026' },
  ],
  surveySatisfactionRate: [
    { value: 90, comparison: '>=', citation: PLAN_2026, horizon: '2026' },
    { value: 95, comparison: '>=', citation: PLAN_2026, horizon: '2026' },
  ],
  onTimeRate: [],
  locationIndependentProcedureRate: [{ value: 100, comparison: '>=', citation: PLAN_2026, horizon: '2026' }],
  enterpriseProcedureOnlineRate: [{ value: 100, comparison: '>=', citation: PLAN_2026, horizon: '2026' }],
  onlinePaymentRate: [],
  digitisationRate: [{ value: 100, comparison: '>=', citation: QD_2629, horizon: '2028–2030' }],
  digitisedDataReuseRate: [{ value: 80, comparison: '>=', citation: QD_2629, horizon: '2028–2030' }],
  feedbackOnTimeRate: [],
});

/** How a KPI is computed, for documentation and reports. */
export interface KpiDefinition {
  id: KpiId;
  subject: KpiSubject;
  name: LocalizedText;
  numerator: LocalizedText;
  denominator: LocalizedText;
  source: Citation;
  /**
   * What an empty denominator means: `not_available` (no data — unknown, never 0%) or
   * `not_applicable` (nothing to judge, not a failure: QĐ 766 §5.2 gives full points without feedback).
   */
  whenEmpty: 'not_available' | 'not_applicable';
}

const def = (
  id: KpiId,
  subject: KpiSubject,
  name: LocalizedText,
  numerator: LocalizedText,
  denominator: LocalizedText,
  source: Citation,
  whenEmpty: KpiDefinition['whenEmpty'] = 'not_available',
): KpiDefinition => ({ id, subject, name, numerator, denominator, source, whenEmpty });

const RECEIVED = { vi: 'hồ sơ tiếp nhận trong kỳ', en: 'dossiers received in the period' };

/** Definitions of the KPIs (numerator, denominator, source). */
export const KPI_DEFINITIONS: Readonly<Record<KpiId, KpiDefinition>> = Object.freeze({
  fullProcessOnlineRate: def(
    'fullProcessOnlineRate',
    'dossier',
    { vi: 'Tỷ lệ hồ sơ trực tuyến toàn trình', en: 'Full-process online dossier rate' },
    { vi: 'hồ sơ nộp trực tuyến toàn trình', en: 'dossiers submitted online, full-process' },
    RECEIVED,
    { document: '42/2022/NĐ-CP', date: '2022-06-24', article: 'Điều 11' },
  ),
  onlineDossierRate: def(
    'onlineDossierRate',
    'dossier',
    { vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Online dossier rate' },
    {
      vi: 'hồ sơ nộp trực tuyến (toàn trình hoặc một phần)',
      en: 'dossiers submitted online (full or partial)',
    },
    RECEIVED,
    { ...QD_766, article: '§3.3' },
  ),
  aiEnabledEssentialServiceRate: def(
    'aiEnabledEssentialServiceRate',
    'procedure',
    { vi: 'Tỷ lệ DVC thiết yếu toàn trình có ứng dụng AI', en: 'AI-enabled essential full-process services' },
    {
      vi: 'DVC thiết yếu toàn trình có ứng dụng AI',
      en: 'essential full-process online services with an AI feature',
    },
    { vi: 'DVC thiết yếu toàn trình', en: 'essential full-process online services' },
    { ...PLAN_2026, note: 'no official formula; the natural ratio' },
  ),
  satisfactionRate: def(
    'satisfactionRate',
    'dossier',
    {
      vi: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC',
      en: 'Satisfaction with receiving and handling procedures',
    },
    {
      vi: 'hồ sơ trừ hồ sơ bị đánh giá không hài lòng, có phản ánh về tiếp nhận/giải quyết, hoặc quá hạn',
      en: 'dossiers minus those rated dissatisfied, with a complaint about reception or handling, or overdue',
    },
    RECEIVED,
    { ...QD_766, article: '§5.4' },
  ),
  surveySatisfactionRate: def(
    'surveySatisfactionRate',
    'dossier',
    { vi: 'Tỷ lệ đánh giá hài lòng', en: 'Survey-rating satisfaction' },
    {
      vi: 'hồ sơ được đánh giá hài lòng hoặc rất hài lòng',
      en: 'dossiers rated satisfied or very satisfied',
    },
    { vi: 'hồ sơ có đánh giá', en: 'rated dossiers' },
    { ...PLAN_2026, note: 'satisfaction of citizens and businesses with online public services' },
  ),
  onTimeRate: def(
    'onTimeRate',
    'dossier',
    { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'On-time rate' },
    {
      vi: 'hồ sơ kết thúc (hoặc còn xử lý tại ngày cuối kỳ) không muộn hơn ngày hẹn trả, đã trừ thời gian chờ bổ sung; yêu cầu bổ sung quá một lần là quá hạn',
      en: 'dossiers finished (or still in progress on the last day of the period) by the appointment date, supplement waiting excluded; more than one supplement request is overdue',
    },
    RECEIVED,
    { ...QD_766, article: '§2.1' },
  ),
  locationIndependentProcedureRate: def(
    'locationIndependentProcedureRate',
    'procedure',
    { vi: 'Tỷ lệ TTHC không phụ thuộc địa giới hành chính', en: 'Location-independent procedures' },
    {
      vi: 'TTHC trong danh mục không phụ thuộc địa giới hành chính',
      en: 'procedures on the location-independent list',
    },
    { vi: 'TTHC áp dụng', en: 'procedures applied' },
    { document: '118/2025/NĐ-CP', date: '2025-06-09', note: 'no official formula; the natural ratio' },
  ),
  enterpriseProcedureOnlineRate: def(
    'enterpriseProcedureOnlineRate',
    'procedure',
    {
      vi: 'Tỷ lệ TTHC liên quan doanh nghiệp trực tuyến toàn trình',
      en: 'Enterprise procedures online (full-process)',
    },
    {
      vi: 'TTHC liên quan doanh nghiệp có DVCTT toàn trình',
      en: 'enterprise-related procedures with a full-process online service',
    },
    { vi: 'TTHC liên quan doanh nghiệp', en: 'enterprise-related procedures' },
    PLAN_2026,
  ),
  onlinePaymentRate: def(
    'onlinePaymentRate',
    'dossier',
    { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Online payment rate' },
    { vi: 'hồ sơ thanh toán trực tuyến', en: 'dossiers paid online' },
    {
      vi: 'hồ sơ có phí, lệ phí (trừ hồ sơ phí bằng 0)',
      en: 'fee-bearing dossiers (zero-fee dossiers excluded)',
    },
    { ...QD_766, article: '§3.6' },
  ),
  digitisationRate: def(
    'digitisationRate',
    'dossier',
    { vi: 'Tỷ lệ số hóa hồ sơ', en: 'Digitisation rate' },
    { vi: 'hồ sơ được số hóa', en: 'dossiers digitised' },
    RECEIVED,
    { ...QD_766, article: '§4.2' },
  ),
  digitisedDataReuseRate: def(
    'digitisedDataReuseRate',
    'dossier',
    { vi: 'Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa', en: 'Digitised-data reuse rate' },
    { vi: 'hồ sơ khai thác, sử dụng lại dữ liệu số hóa', en: 'dossiers reusing digitised data' },
    RECEIVED,
    { ...QD_766, article: '§4.3' },
  ),
  feedbackOnTimeRate: def(
    'feedbackOnTimeRate',
    'feedback',
    { vi: 'Tỷ lệ PAKN xử lý đúng hạn', en: 'Feedback handled on time' },
    {
      vi: 'PAKN xử lý xong đúng hạn, hoặc còn xử lý mà chưa quá hạn tại ngày cuối kỳ',
      en: 'feedback handled by its due date, or still pending and not overdue on the last day of the period',
    },
    { vi: 'PAKN tiếp nhận trong kỳ', en: 'feedback received in the period' },
    { ...QD_766, article: '§5.2' },
    'not_applicable',
  ),
});

/** The result of one target check. */
export interface TargetCheck extends KpiTarget {
  /** `null` when the value is not available. */
  met: boolean | null;
}

/**
 * The result of one KPI: a percentage 0–100, or `null` with a reason — never 0% for no data.
 *
 * @example
 * ```ts
 * { id: 'onTimeRate', value: 96.5, numerator: 193, denominator: 200, outcome: 'measured',
 *   target: null, met: null, targets: [] }
 * ```
 */
export interface KpiResult {
  id: KpiId;
  /** Percentage 0–100, `null` when the denominator is zero. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** `measured`, `not_available` (no data), or `not_applicable` (nothing to judge; not a failure). */
  outcome: 'measured' | 'not_available' | 'not_applicable';
  /** Why `value` is null. */
  reason?: { code: string; message: LocalizedText };
  /** The first (headline) target's value, or null when the KPI has none. */
  target: number | null;
  /** Whether the headline target is met: null without a target or a value. */
  met: boolean | null;
  /** Every target of the KPI (satisfaction has two: 90% and 95%). */
  targets: TargetCheck[];
}

function compare(value: number, c: Comparison, t: number): boolean {
  return c === '>=' ? value >= t : c === '<=' ? value <= t : value === t;
}

/**
 * Finish a KPI from its numerator and denominator.
 *
 * @example
 * ```ts
 * kpiResult('fullProcessOnlineRate', 85, 100).met; // true (target 80%)
 * kpiResult('fullProcessOnlineRate', 0, 0).value;  // null — no dossiers, not 0%
 * ```
 */
export function kpiResult(id: KpiId, numerator: number, denominator: number): KpiResult {
  const def = KPI_DEFINITIONS[id];
  const value = denominator > 0 ? (100 * numerator) / denominator : null;
  // Fields written out rather than `{ ...t, met }`: spreading the frozen targets made this function
  // most of `finish()` (2 µs a call against 0.15 µs, 8 calls per group); same objects, same key order.
  const targets: TargetCheck[] = KPI_TARGETS[id].map((t) => ({
    value: t.value,
    comparison: t.comparison,
    citation: t.citation,
    horizon: t.horizon,
    met: value === null ? null : compare(value, t.comparison, t.value),
  }));
  const result: KpiResult = {
    id,
    value,
    numerator,
    denominator,
    outcome: value !== null ? 'measured' : def.whenEmpty,
    target: targets[0]?.value ?? null,
    met: targets[0]?.met ?? null,
    targets,
  };
  if (value === null) {
    result.reason =
      def.whenEmpty === 'not_applicable'
        ? {
            code: 'nothing_to_judge',
            message: {
              vi: `không có ${def.denominator.vi} — không tính là không đạt`,
              en: `no ${def.denominator.en} — not a failure`,
            },
          }
        : {
            code: 'no_data',
            message: {
              vi: `không có ${def.denominator.vi} (mẫu số bằng 0)`,
              en: `no ${def.denominator.en} (zero denominator)`,
            },
          };
  }
  return result;
}

/**
 * Display a KPI value as a percentage in the project's one number style (`formatNumber` of `@cdsx/criteria`:
 * at most two decimals, trailing zeros dropped, `,` as the Vietnamese decimal mark), or `N/A` when not
 * available — never `0%` for no data; a real zero is `0%`.
 *
 * @example
 * ```ts
 * formatKpiValue(kpiResult('onTimeRate', 2, 3)); // '66.67%'
 * formatKpiValue(kpiResult('onTimeRate', 0, 0)); // 'N/A'
 * formatKpiValue(66.666, 'vi');                  // '66,67%'
 * formatKpiValue(96.5, 'vi');                    // '96,5%'
 * ```
 */
export function formatKpiValue(result: KpiResult | number | null, lang: 'vi' | 'en' = 'en'): string {
  const value = typeof result === 'object' && result !== null ? result.value : result;
  if (value === null || !Number.isFinite(value)) return 'N/A';
  return `${formatNumber(value, lang)}%`;
}
