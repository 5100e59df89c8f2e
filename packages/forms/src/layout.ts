import {
  type AreaGroup,
  type CatalogEdition,
  type Criterion,
  comparisonSymbol,
  type LocalizedText,
  requirementFor,
} from '@cdsx/criteria';
import { canonicalJson, sha256Hex } from '@cdsx/criteria/internal';

/** Format version of the self-assessment form; a reader accepts exactly the versions it knows. */
export const FORM_FORMAT = 'cdsx-self-assessment-form/1';

/** Sheet names of the form (Vietnamese: the people filling it in are Vietnamese officials). */
export const SHEETS = {
  instructions: 'Hướng dẫn',
  unit: 'Đơn vị',
  criteria: 'Tiêu chí',
  /** Very hidden: edition id, version, content hash, area group, criterion rows, fingerprint. */
  meta: 'cdsx',
} as const;

/** First data row of the criteria sheet (rows 1–2 title, 3–4 headers in vi and en). */
export const FIRST_ROW = 5;
/** Header rows repeated on each printed page and frozen on screen. */
export const HEADER_ROWS = [3, 4] as const;

/** Rows of the unit (đơn vị) sheet: label, then the value in column B. */
export const UNIT_ROWS = {
  code: 3,
  name: 4,
  provinceCode: 5,
  unitType: 6,
  period: 7,
  observedAt: 8,
  areaGroup: 9,
} as const;
export const UNIT_LAST_ROW = 9;

/** Unit types as written in the form (Vietnamese), and back. */
export const UNIT_TYPE_LABELS = { xa: 'Xã', phuong: 'Phường', dac_khu: 'Đặc khu' } as const;

/** Where each column of the criteria sheet is (1-based), for an edition's levels. */
export interface FormColumns {
  id: number;
  dimension: number;
  titleVi: number;
  titleEn: number;
  measure: number;
  /** One requirement column per level above the base, in level order. */
  levels: Array<{ level: number; column: number }>;
  previous: number;
  value: number;
  numerator: number;
  denominator: number;
  evidence: number;
  note: number;
  last: number;
}

/** The column layout of the criteria sheet for an edition (levels vary between editions). */
export function formColumns(edition: CatalogEdition): FormColumns {
  const base = Math.min(...edition.levels.map((l) => l.level));
  const levels = edition.levels
    .map((l) => l.level)
    .filter((l) => l > base)
    .sort((a, b) => a - b)
    .map((level, i) => ({ level, column: 6 + i }));
  const next = 6 + levels.length;
  return {
    id: 1,
    dimension: 2,
    titleVi: 3,
    titleEn: 4,
    measure: 5,
    levels,
    previous: next,
    value: next + 1,
    numerator: next + 2,
    denominator: next + 3,
    evidence: next + 4,
    note: next + 5,
    last: next + 5,
  };
}

/** Column letter(s) of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** `Tiêu chí!J7` — a cell as a reader writes it. */
export function cellRef(sheet: string, row: number, column: number): string {
  return `${sheet}!${columnLetter(column)}${row}`;
}

/** The criteria of an edition that apply to an area group at some level — one form row each, catalog order. */
export function formCriteria(edition: CatalogEdition, areaGroup: AreaGroup): Criterion[] {
  const levels = edition.levels.map((l) => l.level);
  return edition.criteria.filter((c) =>
    levels.some((l) => requirementFor(c, areaGroup, l).kind !== 'not_applicable'),
  );
}

/** Whether a criterion's form row has numerator and denominator cells (a rate, tỷ lệ). */
export function isRate(c: Criterion): boolean {
  return c.measure === 'percentage';
}

/** The form's metadata, stored in the very hidden `cdsx` sheet. */
export interface FormMeta {
  format: string;
  editionId: string;
  editionVersion: string;
  contentHash: string;
  areaGroup: AreaGroup;
  /** Criterion ids in row order, comma-separated. */
  criteria: string;
  /** `sha256:` of the canonical JSON of the fields above: changes when any of them is edited. */
  fingerprint: string;
}

export const META_KEYS = [
  'format',
  'editionId',
  'editionVersion',
  'contentHash',
  'areaGroup',
  'criteria',
  'fingerprint',
] as const;

/** Fingerprint of the metadata (a check against accidental edits, not a signature: there is no secret). */
export function metaFingerprint(meta: Omit<FormMeta, 'fingerprint'>): string {
  const { format, editionId, editionVersion, contentHash, areaGroup, criteria } = meta;
  return `sha256:${sha256Hex(canonicalJson({ format, editionId, editionVersion, contentHash, areaGroup, criteria }))}`;
}

/** Booleans as written in the form. */
export const YES = 'Có';
export const NO = 'Không';

export function requirementLabel(
  c: Criterion,
  areaGroup: AreaGroup,
  level: number,
  lang: 'vi' | 'en',
): string {
  const r = requirementFor(c, areaGroup, level);
  if (r.kind === 'not_applicable') return lang === 'vi' ? 'Không áp dụng' : 'n.a.';
  const kind =
    r.kind === 'mandatory'
      ? lang === 'vi'
        ? 'Bắt buộc'
        : 'Mandatory'
      : lang === 'vi'
        ? 'Mở rộng'
        : 'Extended';
  if (typeof r.threshold === 'boolean') {
    const v = r.threshold ? (lang === 'vi' ? YES : 'Yes') : lang === 'vi' ? NO : 'No';
    return `${kind}: ${v}`;
  }
  const unit = c.unit ? (c.unit[lang] === '%' ? '%' : ` ${c.unit[lang]}`) : '';
  return `${kind} ${comparisonSymbol(r.comparison)} ${r.threshold}${unit}`;
}

/** How a criterion is measured, as written in the measure column. */
export function measureLabel(c: Criterion, lang: 'vi' | 'en'): string {
  switch (c.measure) {
    case 'percentage':
      return lang === 'vi' ? 'Tỷ lệ % (0–100)' : 'Percentage (0–100)';
    case 'boolean':
      return lang === 'vi' ? `${YES} / ${NO}` : 'Yes / No (Có / Không)';
    case 'number':
      return lang === 'vi' ? `Số ≥ 0 (${c.unit?.vi ?? ''})` : `Number ≥ 0 (${c.unit?.en ?? ''})`;
    case 'ordinal':
      return (c.scale ?? []).map((p) => `${p.value} = ${p.label[lang]}`).join('; ');
  }
}

export const L = (vi: string, en: string): LocalizedText => ({ vi, en });
