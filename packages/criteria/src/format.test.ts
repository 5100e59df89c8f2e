import { describe, expect, it } from 'vitest';
import { comparisonSymbol, formatNumber, formatRequirement, formatValue } from './format';

const percent = { unit: { vi: '%', en: '%' } };
const days = { unit: { vi: 'ngày làm việc', en: 'working days' } };
const ordinal = {
  unit: null,
  scale: [
    { value: 1, label: { vi: 'Một phần', en: 'Partial' } },
    { value: 2, label: { vi: 'Toàn trình', en: 'Full' } },
  ],
};

describe('formatting values and requirements (hand-written expectations)', () => {
  it('writes numbers with at most two decimals, a decimal comma in Vietnamese', () => {
    expect(formatNumber(82.456, 'vi')).toBe('82,46');
    expect(formatNumber(82.456, 'en')).toBe('82.46');
    expect(formatNumber(1234.5, 'vi')).toBe('1234,5');
    expect(formatNumber(-0.001, 'en')).toBe('0');
    expect(formatNumber(90, 'vi')).toBe('90');
  });

  it('shows a value in the criterion terms, missing data as not available', () => {
    expect(formatValue(82.5, percent, 'vi')).toBe('82,5%');
    expect(formatValue(3, days, 'en')).toBe('3 working days');
    expect(formatValue(true, null, 'vi')).toBe('có');
    expect(formatValue(false, null, 'en')).toBe('no');
    expect(formatValue(2, ordinal, 'vi')).toBe('2 (Toàn trình)');
    expect(formatValue(null, percent, 'vi')).toBe('chưa có số liệu');
    expect(formatValue(null, percent, 'en')).toBe('not available');
    expect(formatValue(7, undefined, 'en')).toBe('7');
  });

  it('shows a requirement with its sign', () => {
    expect(formatRequirement('>=', 80, percent, 'vi')).toBe('≥ 80%');
    expect(formatRequirement('<=', 3, days, 'vi')).toBe('≤ 3 ngày làm việc');
    expect(formatRequirement('=', true, null, 'en')).toBe('= yes');
    expect(formatRequirement('>=', 2, ordinal, 'en')).toBe('≥ 2');
    expect(comparisonSymbol('<=')).toBe('≤');
  });
});
