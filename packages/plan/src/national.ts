import type { Comparison, LocalizedText } from '@cdsx/criteria';
import type { KpiId } from '@cdsx/kpi';

/**
 * A national target (chỉ tiêu quốc gia) a plan's target may derive from. `kpi` names the @cdsx/kpi
 * indicator that measures it, or is `null` when no indicator of this project computes it (the target
 * can still be cited, but it is never proposed and never compared).
 */
export interface NationalTarget {
  /** Stable id, e.g. `NT2026.fullProcessOnline`. */
  readonly id: string;
  readonly title: LocalizedText;
  readonly kpi: KpiId | null;
  readonly comparison: Comparison;
  /** Percentage 0–100. */
  readonly value: number;
  /** First and last year the target applies to. */
  readonly from: number;
  readonly to: number;
  /** Where it is written: document, article, and the words of the source. */
  readonly source: {
    readonly document: string;
    readonly date: string;
    readonly article?: string;
    readonly line: string;
  };
}

const SEED_002 = {
  document: 'Công văn hướng dẫn xây dựng Kế hoạch chuyển đổi số năm 2026 (BKHCN-CĐSQG)',
  date: '2025',
  article: 'II.7',
} as const;
const QD_2629 = { document: '2629/QĐ-TTg', date: '2025-12-01' } as const;

const nt = (t: NationalTarget): NationalTarget => Object.freeze({ ...t, source: Object.freeze(t.source) });

/**
 * The national targets table: seed 002 (the ministry's guideline for the 2026 plans, §II.7 "Chính phủ số")
 * and the later targets of Quyết định 2629/QĐ-TTg (01/12/2025), each with the line it comes from. The
 * satisfaction target appears in seed 002 twice (90% and 95%); both are kept, as written.
 */
export const NATIONAL_TARGETS: readonly NationalTarget[] = Object.freeze([
  nt({
    id: 'NT2026.fullProcessOnline',
    title: {
      vi: 'Hồ sơ TTHC là hồ sơ trực tuyến toàn trình',
      en: 'Dossiers submitted full-process online',
    },
    kpi: 'fullProcessOnlineRate',
    comparison: '>=',
    value: 80,
    from: 2026,
    to: 2026,
    source: {
      ...SEED_002,
      line: 'phấn đấu 80% trở lên hồ sơ thủ tục hành chính là hồ sơ trực tuyến toàn trình, người dân chỉ phải nhập dữ liệu một lần',
    },
  }),
  nt({
    id: 'NT2026.locationIndependent',
    title: {
      vi: 'TTHC thực hiện không phụ thuộc địa giới hành chính trong phạm vi tỉnh',
      en: 'Procedures handled independently of administrative boundaries within the province',
    },
    kpi: 'locationIndependentProcedureRate',
    comparison: '>=',
    value: 100,
    from: 2026,
    to: 2026,
    source: {
      ...SEED_002,
      line: '100% thủ tục hành chính được thực hiện không phụ thuộc vào địa giới hành chính trong phạm vi cấp tỉnh',
    },
  }),
  nt({
    id: 'NT2026.enterpriseOnline',
    title: {
      vi: 'TTHC liên quan đến doanh nghiệp thực hiện trực tuyến, thông suốt',
      en: 'Enterprise-related procedures online, seamless',
    },
    kpi: 'enterpriseProcedureOnlineRate',
    comparison: '>=',
    value: 100,
    from: 2026,
    to: 2026,
    source: {
      ...SEED_002,
      line: '100% thủ tục hành chính liên quan đến doanh nghiệp được thực hiện trực tuyến, thông suốt, liền mạch',
    },
  }),
  nt({
    id: 'NT2026.satisfaction90',
    title: {
      vi: 'Người dân, doanh nghiệp hài lòng khi sử dụng DVCTT (90%)',
      en: 'Citizen and business satisfaction with online public services (90%)',
    },
    kpi: 'satisfactionRate',
    comparison: '>=',
    value: 90,
    from: 2026,
    to: 2026,
    source: {
      ...SEED_002,
      line: '90% người dân, doanh nghiệp đánh giá hài lòng khi sử dụng dịch vụ công trực tuyến',
    },
  }),
  nt({
    id: 'NT2026.satisfaction95',
    title: {
      vi: 'Người dân, doanh nghiệp hài lòng khi sử dụng DVCTT (95%)',
      en: 'Citizen and business satisfaction with online public services (95%)',
    },
    kpi: 'satisfactionRate',
    comparison: '>=',
    value: 95,
    from: 2026,
    to: 2026,
    source: {
      ...SEED_002,
      line: '95% người dân, doanh nghiệp đánh giá hài lòng khi sử dụng dịch vụ công trực tuyến',
    },
  }),
  nt({
    id: 'NT2026.aiEssential',
    title: {
      vi: 'DVCTT toàn trình thiết yếu được ứng dụng AI',
      en: 'Essential full-process online services applying AI',
    },
    kpi: 'aiEnabledEssentialServiceRate',
    comparison: '>=',
    value: 50,
    from: 2026,
    to: 2026,
    source: { ...SEED_002, line: '50% các dịch vụ công trực tuyến toàn trình thiết yếu được ứng dụng AI' },
  }),
  nt({
    id: 'NT2026.openDataPlan',
    title: {
      vi: 'Bộ, ngành, địa phương có kế hoạch công bố dữ liệu mở hằng năm',
      en: 'Agencies with an annual open-data publication plan',
    },
    kpi: null,
    comparison: '>=',
    value: 100,
    from: 2026,
    to: 2026,
    source: { ...SEED_002, line: '100% bộ, ngành, địa phương có kế hoạch công bố dữ liệu mở hằng năm' },
  }),
  nt({
    id: 'QD2629.proceduresFullOnline',
    title: {
      vi: 'TTHC đủ điều kiện được cung cấp trực tuyến toàn trình (2025–2027)',
      en: 'Eligible procedures offered full-process online (2025–2027)',
    },
    kpi: null,
    comparison: '>=',
    value: 100,
    from: 2025,
    to: 2027,
    source: { ...QD_2629, line: '2025–2027: 100% of eligible procedures full-process online' },
  }),
  nt({
    id: 'QD2629.satisfaction95',
    title: {
      vi: 'Mức độ hài lòng của người dân, doanh nghiệp (2025–2027)',
      en: 'Citizen and business satisfaction (2025–2027)',
    },
    kpi: 'satisfactionRate',
    comparison: '>=',
    value: 95,
    from: 2025,
    to: 2027,
    source: { ...QD_2629, line: '2025–2027: 95% satisfaction' },
  }),
  nt({
    id: 'QD2629.satisfaction99',
    title: {
      vi: 'Mức độ hài lòng của người dân, doanh nghiệp (2028–2030)',
      en: 'Citizen and business satisfaction (2028–2030)',
    },
    kpi: 'satisfactionRate',
    comparison: '>=',
    value: 99,
    from: 2028,
    to: 2030,
    source: { ...QD_2629, line: '2028–2030: 99% satisfaction' },
  }),
  nt({
    id: 'QD2629.digitisation',
    title: {
      vi: 'Hồ sơ, kết quả giải quyết TTHC được số hóa',
      en: 'Dossiers and results digitised',
    },
    kpi: 'digitisationRate',
    comparison: '>=',
    value: 100,
    from: 2028,
    to: 2030,
    source: { ...QD_2629, line: '2028–2030: 100% of dossiers and results digitised' },
  }),
  nt({
    id: 'QD2629.dataReuse',
    title: { vi: 'Dữ liệu số hóa được tái sử dụng', en: 'Digitised data reused' },
    kpi: 'digitisedDataReuseRate',
    comparison: '>=',
    value: 80,
    from: 2028,
    to: 2030,
    source: { ...QD_2629, line: '2028–2030: 80% of digitised data reused' },
  }),
  nt({
    id: 'QD2629.aiProactive',
    title: {
      vi: 'DVCTT thiết yếu chủ động, ứng dụng AI',
      en: 'Essential online services proactive with AI',
    },
    kpi: null,
    comparison: '>=',
    value: 50,
    from: 2028,
    to: 2030,
    source: { ...QD_2629, line: '2028–2030: 50% of essential online services proactive with AI' },
  }),
]);

/** The national target with this id, or undefined. */
export function nationalTarget(id: string): NationalTarget | undefined {
  return NATIONAL_TARGETS.find((t) => t.id === id);
}

/** The national targets that apply in `year` and have an indicator, strictest first per KPI. */
export function nationalTargetsFor(year: number): NationalTarget[] {
  return NATIONAL_TARGETS.filter((t) => t.kpi !== null && t.from <= year && year <= t.to);
}
