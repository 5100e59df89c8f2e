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
