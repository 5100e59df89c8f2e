import type { Comparison, Criterion } from './model';
import type { Lang, LocalizedText } from './text';

// How an observed value and a requirement read to a person, in the criterion's own terms. One home for
// the CLI, the web portal, the docs and the reports: no Intl, no locale data, so every machine prints the
// same bytes.

/** The mathematical sign of a comparison: `≥`, `≤`, `=`. */
export function comparisonSymbol(comparison: Comparison): '≥' | '≤' | '=' {
  return comparison === '>=' ? '≥' : comparison === '<=' ? '≤' : '=';
}

/**
 * A number as a reader sees it: at most two decimals, a decimal comma in Vietnamese (`82,5`), a point in
 * English (`82.5`), no thousands separator, `-0` shown as `0`.
 *
 * @example
 * formatNumber(82.456, 'vi') // "82,46"
 */
export function formatNumber(value: number, lang: Lang): string {
  const rounded = Math.round(value * 100) / 100;
  const s = String(rounded === 0 ? 0 : rounded);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** What of a criterion the formatting reads: its unit and ordinal scale. */
export type FormatCriterion = Pick<Criterion, 'unit'> & { scale?: Criterion['scale'] };

/**
 * An observed value in the criterion's terms: `82,5%`, `3 ngày làm việc`, `có` / `yes`, a scale point with
 * its label (`3 (Toàn trình)`); `chưa có số liệu` / `not available` for a missing value (never 0).
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
