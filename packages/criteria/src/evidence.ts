import type { ValidationIssue } from './issues';
import type { Criterion } from './model';

/** Decimal places a number is written with (`82.5` → 1, `82` → 0, `1e-7` → 7). */
function decimalsOf(value: number): number {
  const s = String(value);
  const e = s.indexOf('e-');
  if (e !== -1) return Number(s.slice(e + 2)) + (s.indexOf('.') === -1 ? 0 : e - s.indexOf('.') - 1);
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}

/**
 * Tử số / mẫu số — when an observation carries its fraction as evidence, the fraction must hold together:
 * the numerator is at most the denominator, and for a percentage criterion the value is the fraction ×
 * 100 to the precision the value is written with (never finer than 0.01, the display precision: `82.5`
 * agrees with 165/200 and with 1649/2000; `83` agrees with 165/200 but `84` does not), and a zero
 * denominator gives no percentage at all. Returns the issues at `path` (the observation's path); empty
 * when there is nothing to check (no fraction, or only one side of it).
 */
export function evidenceIssues(criterion: Criterion, observation: unknown, path: string): ValidationIssue[] {
  const o = observation as { value?: unknown; evidence?: { numerator?: unknown; denominator?: unknown } };
  const n = o?.evidence?.numerator;
  const d = o?.evidence?.denominator;
  if (typeof n !== 'number' || typeof d !== 'number' || !Number.isFinite(n) || !Number.isFinite(d)) return [];
  const at = `${path}.evidence`;
  if (n > d) {
    return [
      {
        path: `${at}.numerator`,
        code: 'numerator_exceeds_denominator',
        message: {
          vi: `${criterion.id}: tử số ${n} lớn hơn mẫu số ${d}`,
          en: `${criterion.id}: numerator ${n} is greater than denominator ${d}`,
        },
      },
    ];
  }
  if (criterion.measure !== 'percentage' || typeof o.value !== 'number') return [];
  if (d === 0) {
    return [
      {
        path: `${at}.denominator`,
        code: 'zero_denominator',
        message: {
          vi: `${criterion.id}: mẫu số bằng 0 thì không có tỷ lệ, nhưng giá trị là ${o.value}% (bỏ trống giá trị nếu không có số liệu)`,
          en: `${criterion.id}: a zero denominator gives no rate, but the value is ${o.value}% (leave the value out when there is no data)`,
        },
      },
    ];
  }
  const rate = (100 * n) / d;
  const tolerance = Math.max(0.5 * 10 ** -decimalsOf(o.value), 0.005) + 1e-9;
  if (Math.abs(rate - o.value) <= tolerance) return [];
  const shown = Math.round(rate * 100) / 100;
  return [
    {
      path: `${path}.value`,
      code: 'evidence_mismatch',
      message: {
        vi: `${criterion.id}: giá trị ${o.value}% không khớp với tử số/mẫu số ${n}/${d} = ${shown}%`,
        en: `${criterion.id}: value ${o.value}% does not agree with numerator/denominator ${n}/${d} = ${shown}%`,
      },
    },
  ];
}
