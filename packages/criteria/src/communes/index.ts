/**
 * The real list of Vietnam's 34 provinces and 3,321 commune-level units (xã, phường, đặc khu) in force
 * from 2025-07-01, with the 2026-04-30 changes applied. Subpath: `@cdsx/criteria/communes`.
 *
 * Data derived from github.com/thanglequoc/vietnamese-provinces-database (MIT, © 2021 Thang Le Quoc);
 * the codes are the official GSO codes (QĐ 19/2025/QĐ-TTg). See the package's NOTICE.
 *
 * @example
 * ```ts
 * import { communeByCode } from '@cdsx/criteria/communes';
 * communeByCode('00004'); // { code: '00004', name: 'Ba Đình', unitType: 'phuong', provinceCode: '01', areaGroup: 'urban' }
 * ```
 * @packageDocumentation
 */
import type { ValidationIssue } from '../issues';
import { type AreaGroup, DEFAULT_AREA_GROUP, type UnitType } from '../vocab';
import { COMMUNE_ROWS, PROVINCE_ROWS } from './data';

/** A province-level unit (tỉnh or thành phố trực thuộc trung ương). */
export interface Province {
  readonly code: string;
  readonly name: string;
  readonly type: 'tinh' | 'thanh_pho';
}

/** A commune-level unit with its default area group (from its unit type). */
export interface Commune {
  readonly code: string;
  readonly name: string;
  readonly unitType: UnitType;
  readonly provinceCode: string;
  readonly areaGroup: AreaGroup;
}

const UNIT_TYPE: Record<string, UnitType> = { x: 'xa', p: 'phuong', d: 'dac_khu' };

/** All 34 provinces, by code. */
export const PROVINCES: readonly Province[] = Object.freeze(
  PROVINCE_ROWS.split('\n').map((row) => {
    const [code, name, type] = row.split('|') as [string, string, Province['type']];
    return Object.freeze({ code, name, type });
  }),
);

/** All 3,321 communes, sorted by province code then commune code. */
export const COMMUNES: readonly Commune[] = Object.freeze(
  COMMUNE_ROWS.split('\n').map((row) => {
    const [code, name, t, provinceCode] = row.split('|') as [string, string, string, string];
    const unitType = UNIT_TYPE[t]!;
    return Object.freeze({ code, name, unitType, provinceCode, areaGroup: DEFAULT_AREA_GROUP[unitType] });
  }),
);

const communeIndex = new Map(COMMUNES.map((c) => [c.code, c]));
const provinceIndex = new Map(PROVINCES.map((p) => [p.code, p]));

/** The commune with this 5-digit code, or `undefined`. */
export function communeByCode(code: string): Commune | undefined {
  return communeIndex.get(code);
}

/** The province with this 2-digit code, or `undefined`. */
export function provinceByCode(code: string): Province | undefined {
  return provinceIndex.get(code);
}

/** The communes of one province. */
export function communesOfProvince(provinceCode: string): Commune[] {
  return COMMUNES.filter((c) => c.provinceCode === provinceCode);
}

/** Full display name with the unit-type label, e.g. `Phường Ba Đình`, `Đặc khu Côn Đảo`, `Tỉnh Cao Bằng`. */
export function fullName(unit: Commune | Province): string {
  const type = 'unitType' in unit ? unit.unitType : unit.type;
  const label = { xa: 'Xã', phuong: 'Phường', dac_khu: 'Đặc khu', tinh: 'Tỉnh', thanh_pho: 'Thành phố' }[
    type
  ];
  return `${label} ${unit.name}`;
}

/** Attribution that must accompany any data derived from this list. */
export const COMMUNES_ATTRIBUTION =
  'Administrative units: github.com/thanglequoc/vietnamese-provinces-database (MIT, © 2021 Thang Le Quoc); official GSO codes, QĐ 19/2025/QĐ-TTg; changes of 2026-04-30 applied.';

/** Options of {@link checkCommuneIdentity}. */
export interface CommuneIdentityOptions {
  /**
   * Accept a unit whose code is not in the shipped list (a unit created after this release, or a
   * vendor's test unit): reported as a warning instead of an error. A listed code whose name or
   * province does not match is an error either way. Default `false`.
   */
  allowUnlisted?: boolean;
}

/** What {@link checkCommuneIdentity} found: errors reject the record, warnings are only reported. */
export interface CommuneIdentityResult {
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
const UNIT_LABELS = ['xã', 'phường', 'đặc khu'];

/** Whether a name given in data is the listed name, with or without its unit-type label (`Phường Ba Đình`). */
function sameName(given: string, listed: Commune): boolean {
  const g = fold(given);
  const n = fold(listed.name);
  return g === n || UNIT_LABELS.some((label) => g === `${label} ${n}`);
}

/**
 * Kiểm tra định danh xã — check a commune's identity (`code`, `name`, `provinceCode`, `unitType` as
 * written in an assessment) against the shipped list of 3,321 units. An unknown code, or a listed code
 * whose name, province or unit type differs, is an error naming the listed values; with
 * `allowUnlisted`, an unknown code is a warning. Fields that are missing or not strings are left to the
 * schema validation (nothing is reported for them here). Paths are relative to the commune object.
 *
 * @example
 * ```ts
 * checkCommuneIdentity({ code: '00004', name: 'Ba Đình', provinceCode: '01' }); // { errors: [], warnings: [] }
 * checkCommuneIdentity({ code: '00004', name: 'Hoàn Kiếm', provinceCode: '01' }).errors[0].message.en;
 * // 'commune 00004 is "Ba Đình" in the commune list, not "Hoàn Kiếm"'
 * ```
 */
export function checkCommuneIdentity(
  commune: unknown,
  options: CommuneIdentityOptions = {},
): CommuneIdentityResult {
  const out: CommuneIdentityResult = { errors: [], warnings: [] };
  if (!commune || typeof commune !== 'object') return out;
  const c = commune as { code?: unknown; name?: unknown; provinceCode?: unknown; unitType?: unknown };
  if (typeof c.code !== 'string') return out;
  const listed = communeIndex.get(c.code);
  if (!listed) {
    const province = typeof c.provinceCode === 'string' ? provinceIndex.get(c.provinceCode) : undefined;
    const issue: ValidationIssue = {
      path: 'code',
      code: options.allowUnlisted ? 'unlisted_commune' : 'unknown_commune',
      message: options.allowUnlisted
        ? {
            vi: `mã xã ${c.code} không có trong danh sách đơn vị hành chính (chấp nhận vì đã cho phép đơn vị ngoài danh sách)`,
            en: `commune code ${c.code} is not in the commune list (accepted: units outside the list are allowed)`,
          }
        : {
            vi: `mã xã ${c.code} không có trong danh sách ${COMMUNES.length} đơn vị hành chính cấp xã${province ? ` (tỉnh ${province.name} có ${communesOfProvince(province.code).length} đơn vị)` : ''}; nếu là đơn vị mới, dùng tùy chọn cho phép đơn vị ngoài danh sách`,
            en: `commune code ${c.code} is not in the list of ${COMMUNES.length} commune-level units${province ? ` (province ${province.name} has ${communesOfProvince(province.code).length})` : ''}; for a new unit, use the option that allows units outside the list`,
          },
    };
    (options.allowUnlisted ? out.warnings : out.errors).push(issue);
    if (typeof c.provinceCode === 'string' && !province) {
      out.errors.push({
        path: 'provinceCode',
        code: 'unknown_province',
        message: {
          vi: `mã tỉnh ${c.provinceCode} không có trong danh sách 34 tỉnh, thành phố`,
          en: `province code ${c.provinceCode} is not one of the 34 provinces`,
        },
      });
    }
    return out;
  }
  if (typeof c.name === 'string' && !sameName(c.name, listed)) {
    out.errors.push({
      path: 'name',
      code: 'commune_name_mismatch',
      message: {
        vi: `xã ${listed.code} trong danh sách là "${listed.name}", không phải "${c.name}"`,
        en: `commune ${listed.code} is "${listed.name}" in the commune list, not "${c.name}"`,
      },
    });
  }
  if (typeof c.provinceCode === 'string' && c.provinceCode !== listed.provinceCode) {
    const p = provinceIndex.get(listed.provinceCode);
    out.errors.push({
      path: 'provinceCode',
      code: 'commune_province_mismatch',
      message: {
        vi: `xã ${listed.code} ${listed.name} thuộc tỉnh ${listed.provinceCode}${p ? ` ${p.name}` : ''}, không phải ${c.provinceCode}`,
        en: `commune ${listed.code} ${listed.name} belongs to province ${listed.provinceCode}${p ? ` ${p.name}` : ''}, not ${c.provinceCode}`,
      },
    });
  }
  if (typeof c.unitType === 'string' && c.unitType !== listed.unitType) {
    out.errors.push({
      path: 'unitType',
      code: 'commune_unit_type_mismatch',
      message: {
        vi: `xã ${listed.code} ${listed.name} có loại đơn vị "${listed.unitType}", không phải "${c.unitType}"`,
        en: `commune ${listed.code} ${listed.name} has unit type "${listed.unitType}", not "${c.unitType}"`,
      },
    });
  }
  return out;
}
