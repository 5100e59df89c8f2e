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
    expect(formatNumber(-0.001, 'en')).toBe('0');
    expect(formatNumber(90, 'vi')).toBe('90');
    expect(formatNumber(90, 'en')).toBe('90');
    expect(formatNumber(0, 'vi')).toBe('0');
    expect(formatNumber(85.5, 'vi')).toBe('85,5');
    expect(formatNumber(85.5, 'en')).toBe('85.5');
    expect(formatNumber(60.0, 'vi')).toBe('60');
    expect(formatNumber(0.125, 'vi')).toBe('0,13');
    expect(formatNumber(-0.125, 'en')).toBe('-0.13');
    expect(formatNumber(-10.53, 'vi')).toBe('-10,53');
  });

  it('groups thousands: a point in Vietnamese, a comma in English', () => {
    expect(formatNumber(999, 'vi')).toBe('999');
    expect(formatNumber(1000, 'vi')).toBe('1.000');
    expect(formatNumber(1000, 'en')).toBe('1,000');
    expect(formatNumber(3321, 'vi')).toBe('3.321');
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234567.891, 'vi')).toBe('1.234.567,89');
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
    expect(formatNumber(-12345, 'vi')).toBe('-12.345');
    expect(formatValue(120000, { unit: { vi: 'hồ sơ', en: 'dossiers' } }, 'vi')).toBe('120.000 hồ sơ');
    expect(formatValue(120000, { unit: { vi: 'hồ sơ', en: 'dossiers' } }, 'en')).toBe('120,000 dossiers');
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
    expect(formatValue(82.5, percent, 'en')).toBe('82.5%');
    expect(formatValue(100, percent, 'vi')).toBe('100%');
    expect(formatValue(0, percent, 'vi')).toBe('0%');
    expect(formatValue(2.25, days, 'vi')).toBe('2,25 ngày làm việc');
    expect(formatValue(true, null, 'en')).toBe('yes');
    expect(formatValue(false, null, 'vi')).toBe('không');
    // A distance to a threshold: the unit without the scale label.
    expect(formatValue(1, { unit: ordinal.unit }, 'vi')).toBe('1');
    expect(formatValue(null, null, 'vi')).not.toBe('0');
  });

  it('shows a requirement with its sign', () => {
    expect(formatRequirement('>=', 80, percent, 'vi')).toBe('≥ 80%');
    expect(formatRequirement('<=', 3, days, 'vi')).toBe('≤ 3 ngày làm việc');
    expect(formatRequirement('=', true, null, 'en')).toBe('= yes');
    expect(formatRequirement('=', true, null, 'vi')).toBe('= có');
    expect(formatRequirement('>=', 82.5, percent, 'vi')).toBe('≥ 82,5%');
    expect(formatRequirement('>=', 82.5, percent, 'en')).toBe('≥ 82.5%');
    expect(formatRequirement('>=', 2, ordinal, 'en')).toBe('≥ 2');
    expect(comparisonSymbol('<=')).toBe('≤');
  });
});
