import type { Comparison, Criterion } from './model';
import type { Lang, LocalizedText } from './text';

// How an observed value and a requirement read to a person, in the criterion's own terms. The one home
// for the CLI, the web portal, the docs, the gap report and the plan report: no Intl, no locale data, so
// every machine prints the same bytes.
//
// The style (one for every renderer):
// - numbers: at most two decimals, trailing zeros dropped (`82,5`, not `82,50`); Vietnamese writes a
//   decimal comma and groups thousands with a point (`1.234,5`), English the other way round (`1,234.5`);
//   `-0` reads `0`.
// - percentages carry their unit with no space (`82,5%`); other units follow after a space
//   (`3 ngày làm việc`).
// - yes/no read `có` / `không` (`yes` / `no`), in lower case: they always follow a label or a sign
//   (`hiện có: có`, `= có`). No renderer starts a sentence with one; one that needs to would add a
//   capitalisation option here rather than its own copy.
// - a missing value reads `chưa có số liệu` / `not available`, never 0 (a table may show its own `—`).
// - a requirement always carries its sign: `≥ 80%`, `= có`.

/** The mathematical sign of a comparison: `≥`, `≤`, `=`. */
export function comparisonSymbol(comparison: Comparison): '≥' | '≤' | '=' {
  return comparison === '>=' ? '≥' : comparison === '<=' ? '≤' : '=';
}

/**
 * A number as a reader sees it: at most two decimals (trailing zeros dropped); Vietnamese writes a decimal
 * comma and groups thousands with a point (`1.234,5`), English a decimal point and a comma (`1,234.5`);
 * `-0` shows as `0`. Same bytes on every machine (no Intl).
 *
 * @example
 * formatNumber(82.456, 'vi') // "82,46"
 * formatNumber(3321, 'vi') // "3.321"
 * formatNumber(1234.5, 'en') // "1,234.5"
 */
export function formatNumber(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return String(value);
  // Rounded half away from zero, so that -0.125 and 0.125 differ only in sign.
  const rounded = Math.sign(value) * (Math.round(Math.abs(value) * 100) / 100);
  if (rounded === 0) return '0';
  const [int = '', frac] = String(Math.abs(rounded)).split('.');
  const [group, decimal] = lang === 'vi' ? ['.', ','] : [',', '.'];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? `${decimal}${frac}` : ''}`;
}

/** What of a criterion the formatting reads: its unit and ordinal scale. */
export type FormatCriterion = Pick<Criterion, 'unit'> & { scale?: Criterion['scale'] };

/**
 * An observed value in the criterion's terms: `82,5%`, `3 ngày làm việc`, `có` / `yes`, a scale point with
 * its label (`3 (Toàn trình)`); `chưa có số liệu` / `not available` for a missing value (never 0). Numbers
 * as {@link formatNumber}. Pass only `{ unit }` for a distance to a threshold (no scale label).
 *
 * @example
 * formatValue(82.5, criterion, 'vi') // "82,5%"
 * formatValue(null, criterion, 'en') // "not available"
 */
export function formatValue(
  value: number | boolean | null,
  criterion: FormatCriterion | null | undefined,
  lang: Lang,
): string {
  if (value === null) return lang === 'vi' ? 'chưa có số liệu' : 'not available';
  if (typeof value === 'boolean') return lang === 'vi' ? (value ? 'có' : 'không') : value ? 'yes' : 'no';
  const point = criterion?.scale?.find((p) => p.value === value);
  if (point) return `${formatNumber(value, lang)} (${point.label[lang]})`;
  return withUnit(formatNumber(value, lang), criterion?.unit ?? null, lang);
}

/**
 * A requirement in the criterion's terms: `≥ 80%`, `≤ 3 ngày làm việc`, `= có`; an ordinal threshold as
 * its scale value alone (`≥ 3`).
 *
 * @example
 * formatRequirement('>=', 80, criterion, 'vi') // "≥ 80%"
 */
export function formatRequirement(
  comparison: Comparison,
  threshold: number | boolean,
  criterion: FormatCriterion | null | undefined,
  lang: Lang,
): string {
  const shown =
    typeof threshold === 'number' && criterion?.scale
      ? formatNumber(threshold, lang)
      : formatValue(threshold, criterion, lang);
  return `${comparisonSymbol(comparison)} ${shown}`;
}

function withUnit(n: string, unit: LocalizedText | null, lang: Lang): string {
  const u = unit?.[lang];
  if (!u) return n;
  return u === '%' ? `${n}%` : `${n} ${u}`;
}
