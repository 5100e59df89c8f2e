import { contentHashOf, type LocalizedText } from '@cdsx/criteria';

/**
 * How sure we are of an indicator's formula:
 * - `official`: the ratio is written in QĐ 766/QĐ-TTg itself;
 * - `operational`: from the national portal's operational description ("Mô tả công thức"), a
 *   secondary source used by real dashboards;
 * - `reverse-engineered`: reconstructed by matching live portal scores (online services and payment).
 */
export type FormulaStatus = 'official' | 'operational' | 'reverse-engineered';

/** The portal's six groups (Cổng DVCQG): "Cung cấp dịch vụ trực tuyến" is split into DVCTT and payment. */
export const PORTAL_GROUP_IDS = [
  'transparency',
  'progress',
  'onlineService',
  'onlinePayment',
  'digitisation',
  'satisfaction',
] as const;
export type PortalGroupId = (typeof PORTAL_GROUP_IDS)[number];

/** The five official groups of QĐ 766/QĐ-TTg (100 points). */
export const OFFICIAL_GROUP_IDS = [
  'transparency',
  'progress',
  'digitisation',
  'onlineServices',
  'satisfaction',
] as const;
export type OfficialGroupId = (typeof OFFICIAL_GROUP_IDS)[number];

/** A group of indicators and its maximum points. */
export interface GroupDefinition<Id extends string = string> {
  id: Id;
  name: LocalizedText;
  max: number;
}

/** The top-level count fields of a unit, named as the portal's evaluation API names them. */
export const COUNT_FIELDS = [
  'totalReceived',
  'totalOnTime',
  'totalOverdue',
  'authorityCount',
  'partialCount',
  'fullCount',
  'onlineServiceTotal',
  'onlineDossierCount',
  'channelOnlineSum',
  'channelDirectSum',
  'channelPostalSum',
  'channelTotalSum',
  'totalFeeFormality',
  'totalDossierOnlineFormalityPaymentSuccess',
  'totalFeeDossierFormality',
  'totalDossierFinancialObligation',
  'totalDossierOnlinePaymentSuccess',
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** The metric codes of the portal (per-metric `numerator` / `denominator`). */
export const METRIC_CODES = [
  'PUBLISH_ON_TIME',
  'PUBLIC_UPDATE_ON_TIME',
  'PUBLIC_CONTENT_FULL',
  'DOSSIER_SYNC',
  'ORIGINAL_RESULT_AVAILABLE',
  'SO_HOA_GIAY_TO_GIAI_QUYET',
  'ELECTRONIC_CERTIFIED_COPY',
  'REUSED_DIGITIZED_DATA',
  'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
  'CITIZEN_DATA_CONNECTED_DOSSIER',
  'CITIZEN_DATA_CONNECTED_FORMALITY',
  'PETITION_CLASSIFICATION_TTHC',
  'PETITION_CLASSIFICATION_STAFF',
  'PETITION_PROCESSING_ON_TIME',
  'PETITION_HANDLING_SATISFACTION',
  'DOSSIER_RECEIVING_SATISFACTION',
] as const;
export type MetricCode = (typeof METRIC_CODES)[number];

/**
 * Where an indicator's numerator and denominator come from: one metric of `metrics`, or top-level
 * count fields (a numerator may be a sum, e.g. `partialCount + fullCount`).
 */
export type IndicatorInput =
  | { kind: 'metric'; code: MetricCode }
  | { kind: 'fields'; numerator: readonly CountField[]; denominator: CountField };

/**
 * How points follow from the rate r = numerator / denominator:
 * - `linear`: max × r;
 * - `capped`: min(max, max × r / threshold) — full points from the threshold on;
 * - `informational`: tracked, never scored (maximum 0).
 */
export type ScoreRule =
  | { kind: 'linear' }
  | { kind: 'capped'; threshold: number }
  | { kind: 'informational' };

/**
 * What a zero denominator gives: `not_available` (the portal shows N/A), `full` (e.g. no feedback
 * at all gives full points) or `zero` (§5.4: no data gives 0).
 */
export type ZeroDenominatorRule = 'not_available' | 'full' | 'zero';

/** A cited source. */
export interface Source {
  /** The document, and where the project's research summarises it. */
  ref: string;
  note?: string;
}

/** One indicator of a formula profile. */
export interface IndicatorDefinition {
  /** The portal's formula id, e.g. `1.1`, `3.5b`. */
  id: string;
  /** Metric code when the portal has one. */
  code?: MetricCode;
  group: PortalGroupId;
  name: LocalizedText;
  max: number;
  rule: ScoreRule;
  zeroDenominator: ZeroDenominatorRule;
  input: IndicatorInput;
  status: FormulaStatus;
  /** Why this status (and any caveat). */
  basis: LocalizedText;
  /** True when the source states no rule and the profile assumes linear scoring. */
  ruleAssumed?: boolean;
  /** What a zero denominator means, as shown to readers. */
  zeroReason?: LocalizedText;
  sources: readonly Source[];
  /**
   * The "good" count of the indicator, for the what-if: the numerator field (or metric numerator) and,
   * when the input has one, the field that loses what the numerator gains (e.g. `totalOverdue`).
   */
  lever?: { field: CountField | 'numerator'; counterpart?: CountField; unit: LocalizedText };
}

/** A versioned formula profile: indicators, groups and their sources. */
export interface FormulaProfile {
  /** e.g. `qd766-portal-2026.1`. */
  id: string;
  title: LocalizedText;
  sources: readonly Source[];
  portalGroups: readonly GroupDefinition<PortalGroupId>[];
  officialGroups: readonly (GroupDefinition<OfficialGroupId> & { portalGroups: readonly PortalGroupId[] })[];
  indicators: readonly IndicatorDefinition[];
  /** How points are rounded and summed. */
  rounding: LocalizedText;
}

const BRIEF = 'Cổng DVCQG operational rules (cdsx domain brief §4)';
const R21 = 'QĐ 766/QĐ-TTg, 23/6/2022 (domain research §2.1, official text)';
const R22 =
  'Cổng DVCQG operational breakdown, github.com/ChippedTopaz/qd766 (domain research §2.2, secondary)';
const R23 = 'Cổng DVCQG "Mô tả công thức tính chỉ số 766" (domain research §2.3, secondary)';

const dossiers = { vi: 'hồ sơ', en: 'dossiers' };
const procedures = { vi: 'thủ tục', en: 'procedures' };
const feedback = { vi: 'phản ánh, kiến nghị', en: 'feedback cases' };

const capped = (threshold: number): ScoreRule => ({ kind: 'capped', threshold });

const OPERATIONAL_BASIS: LocalizedText = {
  vi: 'Điểm tối đa và cách tính theo mô tả vận hành của Cổng DVCQG (nguồn thứ cấp), không có trong văn bản QĐ 766.',
  en: "Maximum and rule from the national portal's operational description (secondary source), not in the text of QĐ 766.",
};
const ASSUMED_BASIS: LocalizedText = {
  vi: 'Điểm tối đa theo mô tả vận hành của Cổng DVCQG; nguồn không nêu cách tính, hồ sơ công thức giả định tuyến tính (max × tỷ lệ) như các chỉ số cùng nhóm.',
  en: "Maximum from the national portal's operational description; the source states no rule, so the profile assumes linear scoring (max × rate) like the group's other indicators.",
};
const REVERSE_ONLINE: LocalizedText = {
  vi: 'Phân bổ 2 + 4 + 6 điểm của nhóm DVCTT (12) được suy ngược từ điểm thực tế của Cổng (khớp khoảng 0,015 điểm); bảng METRICS lại ghi 12 điểm cho "tỷ lệ hồ sơ DVCTT toàn trình" — hai cách hiểu mâu thuẫn, chưa cái nào là văn bản chính thức.',
  en: 'The 2 + 4 + 6 split of the online-service group (12) is reverse-engineered from live portal scores (matched to about 0.015 points); the METRICS sheet instead gives all 12 points to "full-process online dossiers" — the two readings conflict and neither is an official text.',
};
const REVERSE_PAYMENT: LocalizedText = {
  vi: 'Công thức nhóm thanh toán (6·A + min(2; 2,5·B) + 2,5·C) được suy ngược từ điểm thực tế của Cổng; chỉ số 3.5b bị chặn ở điểm tối đa 2 của bảng (2,5·C không chặn có thể vượt 10 điểm của nhóm).',
  en: 'The payment group formula (6·A + min(2, 2.5·B) + 2.5·C) is reverse-engineered from live portal scores; 3.5b is capped at its tabled maximum of 2 (an uncapped 2.5·C could exceed the group’s 10 points).',
};

/** The six portal groups with their maxima (domain-research §2.2). */
export const PORTAL_GROUPS: readonly GroupDefinition<PortalGroupId>[] = Object.freeze([
  { id: 'transparency', name: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' }, max: 18 },
  {
    id: 'progress',
    name: { vi: 'Tiến độ, kết quả giải quyết', en: 'Processing progress and results' },
    max: 20,
  },
  { id: 'onlineService', name: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' }, max: 12 },
  { id: 'onlinePayment', name: { vi: 'Thanh toán trực tuyến', en: 'Online payment' }, max: 10 },
  { id: 'digitisation', name: { vi: 'Số hóa hồ sơ', en: 'Dossier digitisation' }, max: 22 },
  { id: 'satisfaction', name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, max: 18 },
]);

/** The portal group of an id. */
function portalGroup(id: PortalGroupId): GroupDefinition<PortalGroupId> {
  return PORTAL_GROUPS.find((g) => g.id === id)!;
}

const OFFICIAL_GROUP_SPECS: readonly {
  id: OfficialGroupId;
  portalGroups: readonly PortalGroupId[];
  name?: LocalizedText;
}[] = [
  { id: 'transparency', portalGroups: ['transparency'] },
  { id: 'progress', portalGroups: ['progress'] },
  { id: 'digitisation', portalGroups: ['digitisation'] },
  {
    id: 'onlineServices',
    portalGroups: ['onlineService', 'onlinePayment'],
    name: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online service provision' },
  },
  { id: 'satisfaction', portalGroups: ['satisfaction'] },
];

/**
 * The five official groups of QĐ 766/QĐ-TTg (domain-research §2.1): four are one portal group each (same
 * name and maximum); "Cung cấp dịch vụ trực tuyến" is the portal's online-service and payment groups.
 */
export const OFFICIAL_GROUPS: FormulaProfile['officialGroups'] = Object.freeze(
  OFFICIAL_GROUP_SPECS.map(({ id, portalGroups, name }) => ({
    id,
    name: name ?? portalGroup(portalGroups[0]!).name,
    max: portalGroups.reduce((sum, g) => sum + portalGroup(g).max, 0),
    portalGroups: [...portalGroups],
  })),
);

/**
 * An indicator as written below: what differs from the common case. Defaults: linear scoring,
 * `not_available` on a zero denominator, the portal metric `code` as input, `operational` status with the
 * operational basis (the assumed-rule basis when `ruleAssumed`); `counts` is the unit of a lever on the
 * numerator.
 */
interface IndicatorSpec
  extends Pick<IndicatorDefinition, 'id' | 'group' | 'name' | 'max' | 'sources'>,
    Partial<Omit<IndicatorDefinition, 'id' | 'group' | 'name' | 'max' | 'sources'>> {
  counts?: LocalizedText;
}

/** The full definition of a spec, its keys always in the same order (the profile's JSON and hash). */
function indicator(spec: IndicatorSpec): IndicatorDefinition {
  const { id, code, group, name, max, ruleAssumed, zeroReason, sources } = spec;
  if (!spec.input && !code) throw new Error(`profile indicator ${id}: neither an input nor a metric code`);
  const lever = spec.lever ?? (spec.counts ? { field: 'numerator' as const, unit: spec.counts } : undefined);
  return {
    id,
    ...(code ? { code } : {}),
    group,
    name,
    max,
    rule: spec.rule ?? { kind: 'linear' },
    ...(ruleAssumed ? { ruleAssumed } : {}),
    zeroDenominator: spec.zeroDenominator ?? 'not_available',
    ...(zeroReason ? { zeroReason } : {}),
    input: spec.input ?? { kind: 'metric', code: code! },
    status: spec.status ?? 'operational',
    basis: spec.basis ?? (ruleAssumed ? ASSUMED_BASIS : OPERATIONAL_BASIS),
    sources,
    ...(lever ? { lever } : {}),
  };
}

const TRACKING: Pick<IndicatorSpec, 'max' | 'rule' | 'basis' | 'sources'> = {
  max: 0,
  rule: { kind: 'informational' },
  basis: {
    vi: 'Chỉ theo dõi, 0 điểm (mô tả vận hành).',
    en: 'Tracking only, 0 points (operational description).',
  },
  sources: [{ ref: R22 }],
};
const NO_FEEDBACK_FULL: Pick<IndicatorSpec, 'zeroDenominator' | 'zeroReason' | 'status' | 'counts'> = {
  zeroDenominator: 'full',
  zeroReason: { vi: 'không có PAKN nào: đạt đủ 6 điểm', en: 'no feedback at all: full 6 points' },
  status: 'official',
  counts: feedback,
};

const INDICATOR_SPECS: readonly IndicatorSpec[] = [
  {
    id: '1.1',
    code: 'PUBLISH_ON_TIME',
    group: 'transparency',
    name: { vi: 'TTHC công bố đúng hạn', en: 'Procedures published on time' },
    max: 6,
    sources: [
      { ref: R22 },
      { ref: R23, note: '20 working days (ministries) / 5 (provinces) before the legal basis takes effect' },
    ],
    counts: procedures,
  },
  {
    id: '1.2',
    code: 'PUBLIC_UPDATE_ON_TIME',
    group: 'transparency',
    name: { vi: 'TTHC cập nhật, công khai đúng hạn', en: 'Procedures updated and made public on time' },
    max: 4,
    sources: [{ ref: R22 }, { ref: R23 }],
    counts: procedures,
  },
  {
    id: '1.3',
    code: 'PUBLIC_CONTENT_FULL',
    group: 'transparency',
    name: { vi: 'TTHC công khai đầy đủ nội dung', en: 'Procedures published with full content' },
    max: 2,
    sources: [{ ref: R22 }, { ref: R23, note: '7 mandatory components, NĐ 63/2010 Art. 8(2)' }],
    counts: procedures,
  },
  {
    id: '1.4',
    code: 'DOSSIER_SYNC',
    group: 'transparency',
    name: { vi: 'Hồ sơ đồng bộ lên Cổng DVCQG', en: 'Dossiers synchronised to the national portal' },
    max: 6,
    zeroReason: {
      vi: 'mẫu số bằng 0; Cổng dùng tổng năm trước chia 12 (tháng) hoặc 4 (quý) — hãy đưa mẫu số đó vào nếu có',
      en: "zero denominator; the portal falls back to the previous year's total ÷ 12 (month) or ÷ 4 (quarter) — give that denominator if you have it",
    },
    sources: [{ ref: R22 }, { ref: R23, note: 'denominator = max(national reporting system, DVCQG)' }],
    counts: dossiers,
  },
  {
    id: '2.1',
    group: 'progress',
    name: { vi: 'Hồ sơ xử lý trước hạn, đúng hạn', en: 'Dossiers processed early or on time' },
    max: 20,
    input: { kind: 'fields', numerator: ['totalOnTime'], denominator: 'totalReceived' },
    basis: {
      vi: 'Nhóm 20 điểm là chính thức (QĐ 766); tỷ lệ đúng hạn và điểm = 20 × tỷ lệ theo mô tả vận hành của Cổng DVCQG.',
      en: "The 20-point group is official (QĐ 766); the on-time ratio and score = 20 × rate come from the national portal's operational description.",
    },
    sources: [{ ref: R21 }, { ref: R22 }, { ref: R23 }, { ref: BRIEF }],
    lever: { field: 'totalOnTime', counterpart: 'totalOverdue', unit: dossiers },
  },
  {
    id: '3.1',
    group: 'onlineService',
    name: {
      vi: 'Tỷ lệ TTHC cung cấp DVCTT (một phần và toàn trình)',
      en: 'Procedures offered online (partial or full process)',
    },
    max: 2,
    rule: capped(0.8),
    input: { kind: 'fields', numerator: ['partialCount', 'fullCount'], denominator: 'authorityCount' },
    status: 'reverse-engineered',
    basis: REVERSE_ONLINE,
    sources: [{ ref: R22 }, { ref: R23 }],
    lever: { field: 'partialCount', unit: procedures },
  },
  {
    id: '3.2',
    group: 'onlineService',
    name: { vi: 'Tỷ lệ DVCTT có phát sinh hồ sơ', en: 'Online services with at least one dossier' },
    max: 4,
    input: { kind: 'fields', numerator: ['onlineDossierCount'], denominator: 'onlineServiceTotal' },
    status: 'reverse-engineered',
    basis: REVERSE_ONLINE,
    sources: [{ ref: R22 }],
    lever: { field: 'onlineDossierCount', unit: { vi: 'dịch vụ trực tuyến', en: 'online services' } },
  },
  {
    id: '3.3',
    group: 'onlineService',
    name: { vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Dossiers submitted online' },
    max: 6,
    rule: capped(0.5),
    input: { kind: 'fields', numerator: ['channelOnlineSum'], denominator: 'channelTotalSum' },
    status: 'reverse-engineered',
    basis: {
      vi: `${REVERSE_ONLINE.vi} Ngưỡng 50% có trong mô tả vận hành; profile dùng tỷ lệ kênh (channelOnlineSum / channelTotalSum) của công thức suy ngược, không nhân thêm tỷ lệ đồng bộ như mô tả §2.3.`,
      en: `${REVERSE_ONLINE.en} The 50% threshold is in the operational description; the profile uses the reverse-engineered channel ratio (channelOnlineSum / channelTotalSum), without the sync-rate factor of §2.3.`,
    },
    sources: [{ ref: R22 }, { ref: R23 }, { ref: BRIEF }],
    lever: { field: 'channelOnlineSum', counterpart: 'channelDirectSum', unit: dossiers },
  },
  {
    id: '3.5',
    group: 'onlinePayment',
    name: {
      vi: 'TTHC có nghĩa vụ tài chính có thanh toán trực tuyến trên Cổng DVCQG',
      en: 'Fee-bearing procedures paid online on the national portal',
    },
    max: 2,
    rule: capped(0.8),
    input: {
      kind: 'fields',
      numerator: ['totalDossierOnlineFormalityPaymentSuccess'],
      denominator: 'totalFeeFormality',
    },
    status: 'reverse-engineered',
    basis: REVERSE_PAYMENT,
    sources: [
      { ref: R22, note: 'B = online-paid TTHC / TTHC with fees; min(2, 2.5·B), full at ≥ 80% in the doc' },
    ],
    lever: { field: 'totalDossierOnlineFormalityPaymentSuccess', unit: procedures },
  },
  {
    id: '3.5b',
    group: 'onlinePayment',
    name: { vi: 'TTHC có phí phát sinh hồ sơ', en: 'Fee-bearing procedures with dossiers' },
    max: 2,
    rule: capped(0.8),
    input: { kind: 'fields', numerator: ['totalFeeDossierFormality'], denominator: 'totalFeeFormality' },
    status: 'reverse-engineered',
    basis: REVERSE_PAYMENT,
    sources: [
      {
        ref: R22,
        note: 'C = TTHC with fee dossiers / TTHC with fees; 2.5·C, capped at the tabled maximum 2',
      },
    ],
    lever: { field: 'totalFeeDossierFormality', unit: procedures },
  },
  {
    id: '3.6',
    group: 'onlinePayment',
    name: { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
    max: 6,
    input: {
      kind: 'fields',
      numerator: ['totalDossierOnlinePaymentSuccess'],
      denominator: 'totalDossierFinancialObligation',
    },
    status: 'reverse-engineered',
    basis: REVERSE_PAYMENT,
    sources: [{ ref: R22 }, { ref: R23, note: 'excludes all-zero-fee dossiers' }, { ref: BRIEF }],
    lever: { field: 'totalDossierOnlinePaymentSuccess', unit: dossiers },
  },
  {
    id: '4.1',
    code: 'ORIGINAL_RESULT_AVAILABLE',
    group: 'digitisation',
    name: { vi: 'Hồ sơ có kết quả giải quyết điện tử', en: 'Dossiers with an electronic result' },
    max: 6,
    sources: [{ ref: R22 }, { ref: R23 }],
    counts: dossiers,
  },
  {
    id: '4.2',
    code: 'SO_HOA_GIAY_TO_GIAI_QUYET',
    group: 'digitisation',
    name: { vi: 'Hồ sơ thực hiện số hóa', en: 'Dossiers digitised' },
    max: 4,
    rule: capped(0.8),
    sources: [{ ref: R22, note: 'full at ≥ 80% (doc)' }, { ref: BRIEF }],
    counts: dossiers,
  },
  {
    id: '4.2b',
    code: 'ELECTRONIC_CERTIFIED_COPY',
    group: 'digitisation',
    name: { vi: 'Chứng thực bản sao điện tử từ bản chính', en: 'Electronic certified copies' },
    max: 2,
    ruleAssumed: true,
    sources: [{ ref: R22, note: 'no formula id in the doc; rule blank' }],
    counts: dossiers,
  },
  {
    id: '4.3',
    code: 'REUSED_DIGITIZED_DATA',
    group: 'digitisation',
    name: { vi: 'Hồ sơ khai thác, sử dụng lại dữ liệu số hóa', en: 'Dossiers reusing digitised data' },
    max: 2,
    rule: capped(0.8),
    sources: [{ ref: R22, note: 'min(2, 2 × rate / 80%)' }, { ref: BRIEF }],
    counts: dossiers,
  },
  {
    id: '4.4',
    code: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
    group: 'digitisation',
    name: { vi: 'Hồ sơ số hóa kết nối, chia sẻ để tái sử dụng', en: 'Digitised dossiers shared for reuse' },
    max: 4,
    ruleAssumed: true,
    sources: [{ ref: R22 }, { ref: R23 }],
    counts: dossiers,
  },
  {
    id: '4.5b',
    code: 'CITIZEN_DATA_CONNECTED_DOSSIER',
    group: 'digitisation',
    name: {
      vi: 'Hồ sơ sử dụng thông tin từ CSDL quốc gia về dân cư',
      en: 'Dossiers using the national population database',
    },
    max: 2,
    ruleAssumed: true,
    sources: [{ ref: R22 }, { ref: R23 }],
    counts: dossiers,
  },
  {
    id: '4.5a',
    code: 'CITIZEN_DATA_CONNECTED_FORMALITY',
    group: 'digitisation',
    name: { vi: 'TTHC kết nối, chia sẻ dữ liệu dân cư', en: 'Procedures connected to population data' },
    max: 2,
    ruleAssumed: true,
    sources: [{ ref: R22 }, { ref: R23, note: 'denominator: TTHC whose subjects are citizens' }],
    counts: procedures,
  },
  {
    id: '5.1a',
    code: 'PETITION_CLASSIFICATION_TTHC',
    group: 'satisfaction',
    name: { vi: 'PAKN về quy định, TTHC (theo dõi)', en: 'Feedback about rules and procedures (tracking)' },
    ...TRACKING,
  },
  {
    id: '5.1b',
    code: 'PETITION_CLASSIFICATION_STAFF',
    group: 'satisfaction',
    name: { vi: 'PAKN về cán bộ, công chức (theo dõi)', en: 'Feedback about officials (tracking)' },
    ...TRACKING,
  },
  {
    id: '5.2',
    code: 'PETITION_PROCESSING_ON_TIME',
    group: 'satisfaction',
    name: { vi: 'PAKN xử lý đúng hạn', en: 'Feedback handled on time' },
    max: 6,
    ...NO_FEEDBACK_FULL,
    basis: {
      vi: 'Tỷ lệ có trong QĐ 766 (nhóm hài lòng 18 điểm); 6 điểm và quy tắc "không có PAKN được 6 điểm" theo mô tả vận hành.',
      en: 'The ratio is in QĐ 766 (satisfaction group, 18 points); the 6 points and the "no feedback gives 6" rule come from the operational description.',
    },
    sources: [{ ref: R21 }, { ref: R22 }, { ref: BRIEF }],
  },
  {
    id: '5.3',
    code: 'PETITION_HANDLING_SATISFACTION',
    group: 'satisfaction',
    name: { vi: 'Hài lòng trong xử lý PAKN', en: 'Satisfaction with feedback handling' },
    max: 6,
    ...NO_FEEDBACK_FULL,
    basis: {
      vi: 'Tỷ lệ có trong QĐ 766; 6 điểm và quy tắc "không có PAKN được 6 điểm" theo mô tả vận hành.',
      en: 'The ratio is in QĐ 766; the 6 points and the "no feedback gives 6" rule come from the operational description.',
    },
    sources: [{ ref: R21 }, { ref: R22 }, { ref: BRIEF }],
  },
  {
    id: '5.4',
    code: 'DOSSIER_RECEIVING_SATISFACTION',
    group: 'satisfaction',
    name: {
      vi: 'Hài lòng trong tiếp nhận, giải quyết TTHC',
      en: 'Satisfaction with receiving and handling procedures',
    },
    max: 6,
    rule: capped(0.9),
    zeroDenominator: 'zero',
    zeroReason: { vi: 'không có dữ liệu: 0 điểm (quy tắc §5.4)', en: 'no data: 0 points (rule of §5.4)' },
    status: 'official',
    basis: {
      vi: 'Tỷ lệ là công thức chính thức của QĐ 766; đủ 6 điểm khi ≥ 90%, 0 điểm khi không có dữ liệu.',
      en: 'The ratio is the official formula of QĐ 766; full 6 points at ≥ 90%, 0 with no data.',
    },
    sources: [{ ref: R21 }, { ref: R22 }, { ref: BRIEF }],
    counts: dossiers,
  },
];

const INDICATORS: readonly IndicatorDefinition[] = INDICATOR_SPECS.map(indicator);

const PROFILE_BODY = {
  id: 'qd766-portal-2026.1',
  title: {
    vi: 'Bộ chỉ số QĐ 766/QĐ-TTg theo cách tính vận hành của Cổng DVCQG (6 nhóm, 100 điểm)',
    en: 'QĐ 766/QĐ-TTg index as the national portal operates it (6 groups, 100 points)',
  },
  sources: [
    { ref: R21, note: 'QĐ 766/QĐ-TTg, 23/6/2022: five groups, 100 points; three satisfaction ratios' },
    {
      ref: R22,
      note: 'portal operational breakdown (repo ChippedTopaz/qd766, "Mô tả công thức tính chỉ số 766")',
    },
    { ref: R23, note: 'numerators and denominators' },
    { ref: BRIEF, note: 'zero-denominator rules, 2-decimal display' },
  ],
  portalGroups: PORTAL_GROUPS,
  officialGroups: OFFICIAL_GROUPS,
  indicators: INDICATORS,
  rounding: {
    vi: 'Điểm từng chỉ số làm tròn 2 chữ số thập phân (làm tròn nửa lên); điểm nhóm là tổng các điểm chỉ số đã làm tròn, tổng điểm là tổng các nhóm — cộng các số hiển thị ra đúng số hiển thị.',
    en: 'Each indicator’s points are rounded to 2 decimals (half up); a group is the sum of its rounded indicator points and the total the sum of the groups — the displayed numbers add up.',
  },
} as const satisfies FormulaProfile;

/** A profile with its content hash (sha256 of its canonical JSON). */
export interface PublishedProfile {
  profile: FormulaProfile;
  contentHash: string;
}

function publish(profile: FormulaProfile): PublishedProfile {
  for (const g of profile.portalGroups) {
    const sum = profile.indicators.filter((i) => i.group === g.id).reduce((s, i) => s + i.max, 0);
    if (Math.abs(sum - g.max) > 1e-9)
      throw new Error(`profile ${profile.id}: group ${g.id} indicators sum to ${sum}, not ${g.max}`);
  }
  return Object.freeze({ profile: deepFreeze(profile), contentHash: contentHashOf(profile) });
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

/** The portal profile of 2026 (6 portal groups, 5 official groups, 100 points). */
export const PORTAL_PROFILE_2026: PublishedProfile = publish(PROFILE_BODY as unknown as FormulaProfile);

/** Every published profile, by id; the first is the default. */
export const PROFILES: readonly PublishedProfile[] = Object.freeze([PORTAL_PROFILE_2026]);

/** The default profile. */
export const DEFAULT_PROFILE: PublishedProfile = PORTAL_PROFILE_2026;

/** A profile by id, or undefined. */
export function getProfile(id: string): PublishedProfile | undefined {
  return PROFILES.find((p) => p.profile.id === id);
}
