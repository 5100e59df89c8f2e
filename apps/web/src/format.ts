import type { Criterion, Lang, LocalizedText } from '@cdsx/criteria';
import { formatNumber, MESSAGES } from './i18n';

/** Display an observed value or threshold in the criterion's terms (Có/Không, a scale point, a number + unit). */
export function formatValue(
  value: number | boolean | null,
  criterion: Criterion | undefined,
  unit: LocalizedText | null,
  lang: Lang,
): string {
  const t = MESSAGES[lang];
  if (value === null) return t.outcome.not_available!;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (criterion?.scale) {
    const point = criterion.scale.find((p) => p.value === value);
    if (point) return `${value} (${point.label[lang]})`;
  }
  const u = unit?.[lang];
  if (!u) return formatNumber(value, lang);
  return u === '%' ? `${formatNumber(value, lang)}%` : `${formatNumber(value, lang)} ${u}`;
}

/** `≥ 80%`, `Có`, `≤ 3 ngày làm việc`. */
export function formatRequirement(
  comparison: string,
  threshold: number | boolean,
  criterion: Criterion | undefined,
  unit: LocalizedText | null,
  lang: Lang,
): string {
  const op = comparison === '>=' ? '≥' : comparison === '<=' ? '≤' : '';
  const shown =
    typeof threshold === 'number' && criterion?.scale
      ? String(threshold)
      : formatValue(threshold, criterion, unit, lang);
  // "cần: Có" rather than "cần: = Có": an equality needs no sign.
  return op ? `${op} ${shown}` : shown;
}
