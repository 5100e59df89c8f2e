/**
 * The model's vocabularies as plain constants (no zod): area groups, dimensions, pillars, measures,
 * comparisons, data sources, unit types. The commune list and the registry import these without pulling
 * zod into a browser bundle; model.ts builds its schemas from them.
 */

/** Nhóm địa bàn — the three area groups of the model (Công văn 1869/BKHCN-CĐSQG). */
export const AREA_GROUPS = ['urban', 'rural', 'remote'] as const;
/** `urban` đô thị · `rural` nông thôn · `remote` miền núi, biên giới, hải đảo. */
export type AreaGroup = (typeof AREA_GROUPS)[number];

/** The ten concerns of the model's minimum criteria set (bộ tiêu chí tối thiểu). */
export const DIMENSIONS = [
  'infrastructure', // hạ tầng
  'data', // dữ liệu
  'platforms', // nền tảng
  'services', // dịch vụ
  'standards', // tiêu chuẩn
  'cybersecurity', // yêu cầu an ninh mạng
  'operations', // yêu cầu vận hành
  'processes', // quy trình
  'business', // nghiệp vụ
  'resources', // nguồn lực
] as const;
/** One of the ten concerns of the model. */
export type Dimension = (typeof DIMENSIONS)[number];

/** Trụ cột — the pillar a criterion serves: chính quyền số, kinh tế số, xã hội số. */
export const PILLARS = ['digital_government', 'digital_economy', 'digital_society'] as const;
/** chính quyền số / kinh tế số / xã hội số. */
export type Pillar = (typeof PILLARS)[number];

/** How a criterion is measured. `percentage` is always 0–100. */
export const MEASURE_KINDS = ['boolean', 'percentage', 'number', 'ordinal'] as const;
/** How a criterion is measured. */
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Comparison of an observed value against a threshold: `>=` at least, `<=` at most, `=` exactly. */
export const COMPARISONS = ['>=', '<=', '='] as const;
/** Comparison of an observed value against a threshold. */
export type Comparison = (typeof COMPARISONS)[number];

/** Where an observed value comes from. */
export const DATA_SOURCES = ['self_declared', 'computed', 'national_platform'] as const;
/** `self_declared` tự đánh giá · `computed` tính từ dữ liệu hồ sơ · `national_platform` nền tảng quốc gia. */
export type DataSource = (typeof DATA_SOURCES)[number];

/** Loại đơn vị hành chính cấp xã: xã, phường, đặc khu. */
export const UNIT_TYPES = ['xa', 'phuong', 'dac_khu'] as const;
/** Loại đơn vị hành chính cấp xã. */
export type UnitType = (typeof UNIT_TYPES)[number];

/** Default area group of a unit type: phường → urban, xã → rural, đặc khu (island) → remote. */
export const DEFAULT_AREA_GROUP: Readonly<Record<UnitType, AreaGroup>> = Object.freeze({
  phuong: 'urban',
  xa: 'rural',
  dac_khu: 'remote',
});
