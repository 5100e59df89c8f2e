import { describe, expect, it } from 'vitest';
import { dayNumber, isoOfDay, parseInstant, parseIsoDay, vietnamDayOfInstant } from './calendar/days';
import { parsePeriod, periodLabelOfDay, periodOf } from './period';

describe('reporting periods in Vietnam time', () => {
  it(`parses quarters, months and years as half-open intervals (machine TZ: ${process.env.TZ ?? 'default'})`, () => {
    const q1 = parsePeriod('2026-Q1');
    expect(q1?.start.toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(q1?.end.toISOString()).toBe('2026-03-31T17:00:00.000Z');
    expect([q1?.firstDay, q1?.lastDay, q1?.kind, q1?.label]).toEqual([
      '2026-01-01',
      '2026-03-31',
      'quarter',
      '2026-Q1',
    ]);
    const m = parsePeriod('2026-02');
    expect([m?.start.toISOString(), m?.end.toISOString(), m?.lastDay]).toEqual([
      '2026-01-31T17:00:00.000Z',
      '2026-02-28T17:00:00.000Z',
      '2026-02-28',
    ]);
    const y = parsePeriod('2028');
    expect([y?.start.toISOString(), y?.end.toISOString(), y?.lastDay]).toEqual([
      '2027-12-31T17:00:00.000Z',
      '2028-12-31T17:00:00.000Z',
      '2028-12-31',
    ]);
    const c = parsePeriod({ start: '2026-03-05', end: '2026-04-10' });
    expect([c?.label, c?.start.toISOString(), c?.end.toISOString()]).toEqual([
      '2026-03-05..2026-04-10',
      '2026-03-04T17:00:00.000Z',
      '2026-04-10T17:00:00.000Z',
    ]);
  });
  it('rejects what is not a period', () => {
    for (const bad of ['2026-Q5', '2026-13', '26', '2026-1', 'Q1-2026', ''])
      expect(parsePeriod(bad), bad).toBeNull();
    expect(parsePeriod({ start: '2026-04-10', end: '2026-03-05' })).toBeNull();
    expect(parsePeriod({ start: '2026-02-30', end: '2026-03-05' })).toBeNull();
  });
  it('a dossier received at 2026-03-31T17:30Z belongs to April (and to Q2)', () => {
    expect(periodOf('2026-03-31T17:30:00Z', 'month').label).toBe('2026-04');
    expect(periodOf('2026-03-31T17:30:00Z', 'quarter').label).toBe('2026-Q2');
    expect(periodOf('2026-03-31T16:59:59Z', 'quarter').label).toBe('2026-Q1');
    expect(periodOf(new Date('2025-12-31T17:00:00Z'), 'year').label).toBe('2026');
    const apr = parsePeriod('2026-04');
    const t = Date.parse('2026-03-31T17:30:00Z');
    expect(apr && t >= apr.start.getTime() && t < apr.end.getTime()).toBe(true);
  });
  it('the streaming fast path (fixed UTC+7 day numbers) agrees with periodOf (@date-fns/tz) at every month boundary and between', () => {
    const instants: number[] = [];
    for (let m = 0; m < 36; m++) {
      const boundary = Date.UTC(2025, m, 1) - 7 * 3_600_000; // midnight in Vietnam
      instants.push(boundary - 60_000, boundary, boundary + 60_000);
    }
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 1237 * 60_000) instants.push(t);
    for (const t of instants) {
      const day = vietnamDayOfInstant(t);
      expect(periodLabelOfDay(day, 'month')).toBe(periodOf(t, 'month').label);
      expect(periodLabelOfDay(day, 'quarter')).toBe(periodOf(t, 'quarter').label);
    }
  });
  it('uses the historical offset before 1975 (UTC+8 in 1970)', () => {
    // 1970-01-01T16:30Z was 00:30 on 2 January in Saigon (UTC+8 until 1975).
    expect(isoOfDay(vietnamDayOfInstant(Date.UTC(1970, 0, 1, 16, 30)))).toBe('1970-01-02');
    expect(isoOfDay(vietnamDayOfInstant(Date.UTC(2026, 0, 1, 16, 30)))).toBe('2026-01-01');
  });
});

describe('date parsing', () => {
  it('parseInstant agrees with Date.parse on valid instants', () => {
    const samples = [
      '2026-03-05T09:30:00+07:00',
      '2026-03-05T09:30+07:00',
      '2026-03-05T02:30:00Z',
      '2026-03-05T02:30:00.123Z',
      '2026-03-05T02:30:00.1234567-05:30',
      '2024-02-29T23:59:59+14:00',
      '1999-12-31T00:00:00-12:00',
    ];
    for (const s of samples) expect(parseInstant(s), s).toBe(Date.parse(s));
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2030, 0, 1); t += 7_777_777_7) {
      const s = new Date(t).toISOString();
      expect(parseInstant(s)).toBe(t);
    }
  });
  it('rejects impossible or zone-less instants', () => {
    for (const bad of [
      '2026-02-30T09:00:00+07:00',
      '2026-03-05T24:00:00+07:00',
      '2026-03-05T09:60:00+07:00',
      '2026-03-05T09:30:00',
      '2026-03-05 09:30:00+07:00',
      '2026-03-05T09:30:00+15:00',
      '2026-03-05T09:30:00+14:59',
      '2026-03-05T09:30:00-12:30',
      '2026-03-05T09:30:00+07:07',
      '2026-03-05',
      'yesterday',
    ]) {
      expect(parseInstant(bad), bad).toBeNaN();
    }
  });
  it('parseIsoDay accepts real dates only', () => {
    expect(parseIsoDay('2024-02-29')).toBe(dayNumber(2024, 2, 29));
    expect(parseIsoDay('2026-02-29')).toBeNull();
    expect(parseIsoDay('2026-13-01')).toBeNull();
    expect(parseIsoDay('2026-1-01')).toBeNull();
    expect(isoOfDay(dayNumber(1900, 3, 1))).toBe('1900-03-01');
  });
});
