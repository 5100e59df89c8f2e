import { TZDate } from '@date-fns/tz';
import { addMonths, addQuarters, addYears, startOfMonth, startOfQuarter, startOfYear } from 'date-fns';
import {
  type DateInput,
  dayNumber,
  type IsoDate,
  isoOfDay,
  parseIsoDay,
  VIETNAM_TIME_ZONE,
  ymdOfDay,
} from './calendar/days';

/** Kind of reporting period (kỳ báo cáo). */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/**
 * Kỳ báo cáo — a reporting period: the half-open interval `[start, end)` of instants, with both
 * bounds at midnight in Vietnam (Asia/Ho_Chi_Minh), whatever the machine's time zone.
 */
export interface ReportingPeriod {
  kind: PeriodKind;
  /** `2026`, `2026-Q1`, `2026-03`, or `2026-03-05..2026-04-10` for a custom period. */
  label: string;
  /** First instant of the period (UTC). */
  start: Date;
  /** First instant after the period (UTC). */
  end: Date;
  /** First civil day of the period in Vietnam. */
  firstDay: IsoDate;
  /** Last civil day of the period in Vietnam (the day unfinished dossiers are judged at). */
  lastDay: IsoDate;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function vnMidnight(day: number): TZDate {
  const [y, m, d] = ymdOfDay(day);
  return new TZDate(y, m - 1, d, VIETNAM_TIME_ZONE);
}

function vnDayOf(date: Date): number {
  const z = new TZDate(date.getTime(), VIETNAM_TIME_ZONE);
  return dayNumber(z.getFullYear(), z.getMonth() + 1, z.getDate());
}

function build(kind: PeriodKind, label: string, start: TZDate, end: TZDate): ReportingPeriod {
  const first = vnDayOf(start);
  const after = vnDayOf(end);
  return {
    kind,
    label,
    start: new Date(start.getTime()),
    end: new Date(end.getTime()),
    firstDay: isoOfDay(first),
    lastDay: isoOfDay(after - 1),
  };
}

function labelOf(kind: Exclude<PeriodKind, 'custom'>, start: TZDate): string {
  const y = String(start.getFullYear()).padStart(4, '0');
  if (kind === 'year') return y;
  if (kind === 'quarter') return `${y}-Q${Math.floor(start.getMonth() / 3) + 1}`;
  return `${y}-${String(start.getMonth() + 1).padStart(2, '0')}`;
}

function fromStart(kind: Exclude<PeriodKind, 'custom'>, start: TZDate): ReportingPeriod {
  const end =
    kind === 'year' ? addYears(start, 1) : kind === 'quarter' ? addQuarters(start, 1) : addMonths(start, 1);
  return build(kind, labelOf(kind, start), start, end);
}

/**
 * Parse a reporting period: `2026` (year), `2026-Q1` (quarter), `2026-03` (month), or a custom
 * `{ start, end }` of civil dates, **both inclusive** (`end` is the last day). Returns `null` for
 * text that is not a period.
 *
 * @example
 * ```ts
 * const q1 = parsePeriod('2026-Q1')!;
 * q1.start.toISOString(); // '2025-12-31T17:00:00.000Z' — midnight 1/1/2026 in Vietnam
 * q1.end.toISOString();   // '2026-03-31T17:00:00.000Z' — so 2026-03-31T17:30Z belongs to April
 * ```
 */
export function parsePeriod(input: string | { start: DateInput; end: DateInput }): ReportingPeriod | null {
  // Anything else (null, a number, an object without dates) is not a period: null, never a TypeError.
  if (typeof input !== 'string') {
    if (typeof input !== 'object' || input === null) return null;
    const ok = (x: unknown) => typeof x === 'string' || (x instanceof Date && !Number.isNaN(x.getTime()));
    if (!ok(input.start) || !ok(input.end)) return null;
  }
  if (typeof input === 'object') {
    const a = typeof input.start === 'string' ? parseIsoDay(input.start) : vnDayOf(input.start);
    const b = typeof input.end === 'string' ? parseIsoDay(input.end) : vnDayOf(input.end);
    if (a === null || b === null || Number.isNaN(a) || Number.isNaN(b) || b < a) return null;
    return build('custom', `${isoOfDay(a)}..${isoOfDay(b)}`, vnMidnight(a), vnMidnight(b + 1));
  }
  let m = YEAR.exec(input);
  if (m) return fromStart('year', new TZDate(Number(m[1]), 0, 1, VIETNAM_TIME_ZONE));
  m = QUARTER.exec(input);
  if (m) return fromStart('quarter', new TZDate(Number(m[1]), (Number(m[2]) - 1) * 3, 1, VIETNAM_TIME_ZONE));
  m = MONTH.exec(input);
  if (m) return fromStart('month', new TZDate(Number(m[1]), Number(m[2]) - 1, 1, VIETNAM_TIME_ZONE));
  return null;
}

/**
 * The month, quarter or year (in Vietnam time) containing an instant.
 *
 * @example
 * ```ts
 * periodOf(new Date('2026-03-31T17:30:00Z'), 'month').label; // '2026-04'
 * ```
 */
export function periodOf(
  instant: Date | string | number,
  kind: Exclude<PeriodKind, 'custom'>,
): ReportingPeriod {
  const ms =
    instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant / thời điểm không hợp lệ: ${String(instant)}`);
  const z = new TZDate(ms, VIETNAM_TIME_ZONE);
  const start = kind === 'year' ? startOfYear(z) : kind === 'quarter' ? startOfQuarter(z) : startOfMonth(z);
  return fromStart(kind, start);
}

/**
 * Label of the period containing a Vietnam civil day number — the fast path used by the
 * streaming calculators (agrees with {@link periodOf}; tested).
 */
export function periodLabelOfDay(day: number, kind: Exclude<PeriodKind, 'custom'>): string {
  const [y, m] = ymdOfDay(day);
  const ys = String(y).padStart(4, '0');
  if (kind === 'year') return ys;
  if (kind === 'quarter') return `${ys}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${ys}-${String(m).padStart(2, '0')}`;
}
