import type { LocalizedText } from '@cdsx/criteria';
import { type DateInput, dayNumber, type IsoDate, isoOfDay, parseIsoDay, toDay, weekdayOfDay } from './days';
import { type CalendarDecision, OFFICIAL_CALENDAR_DECISIONS, STATUTORY_HOLIDAYS } from './decisions';
import { lunarToSolar } from './lunar';

/** Why a day is off. */
export interface DayOff {
  date: IsoDate;
  /** `statutory` (Labour Code Art. 112), `substitute` (nghỉ bù, Art. 111(3)), `decision` (an official decision). */
  kind: 'statutory' | 'substitute' | 'decision';
  name: LocalizedText;
  /** The document for `decision` days. */
  document?: string;
}

type HolidayKey = (typeof STATUTORY_HOLIDAYS)[number]['key'];
const HOLIDAY_NAME = new Map<string, LocalizedText>(STATUTORY_HOLIDAYS.map((h) => [h.key, h.name]));

/** Weekday of 2/9 → offset of the adjacent National Day holiday (Nghị định 145/2020 practice, as in vacanza/holidays). */
const NATIONAL_DAY_ADJACENT_OFFSET = [1, 1, -1, -1, 1, -1, -1]; // Sun..Sat

interface YearCalendar {
  daysOff: Map<number, DayOff>;
  workingWeekendDays: Set<number>;
}

function lunarDay(year: number, month: number, day: number): number {
  const s = lunarToSolar({ year, month, day, leap: false });
  if (!s) throw new Error(`lunar date ${day}/${month}/${year} does not exist`);
  return dayNumber(s[0], s[1], s[2]);
}

function buildYear(year: number, decisions: readonly CalendarDecision[]): YearCalendar {
  const ofYear = decisions.filter((d) => d.year === year);
  const replaced = new Set(ofYear.map((d) => d.replaces).filter(Boolean));
  const statutory: Array<[number, HolidayKey]> = [];
  const add = (day: number, key: HolidayKey) => {
    if (!replaced.has(key as 'tet')) statutory.push([day, key]);
  };
  add(dayNumber(year, 1, 1), 'new_year');
  const tet = lunarDay(year, 1, 1);
  for (let i = -1; i <= 3; i++) add(tet + i, 'tet');
  add(lunarDay(year, 3, 10), 'hung_kings');
  add(dayNumber(year, 4, 30), 'reunification');
  add(dayNumber(year, 5, 1), 'labour');
  const nd = dayNumber(year, 9, 2);
  add(nd, 'national_day');
  add(nd + (NATIONAL_DAY_ADJACENT_OFFSET[weekdayOfDay(nd)] ?? 1), 'national_day_adjacent');
  statutory.sort((a, b) => a[0] - b[0]);

  const daysOff = new Map<number, DayOff>();
  for (const d of ofYear) {
    for (const iso of d.daysOff) {
      const n = parseIsoDay(iso);
      if (n === null) throw new Error(`bad date ${iso} in calendar decision ${d.source.document}`);
      daysOff.set(n, { date: iso, kind: 'decision', name: d.summary, document: d.source.document });
    }
  }
  for (const [n, key] of statutory) {
    daysOff.set(n, { date: isoOfDay(n), kind: 'statutory', name: HOLIDAY_NAME.get(key) as LocalizedText });
  }
  // A statutory holiday on the weekly rest day gives a substitute day off on the next working day.
  for (const [n, key] of statutory) {
    const wd = weekdayOfDay(n);
    if (wd !== 0 && wd !== 6) continue;
    let s = n + 1;
    while (weekdayOfDay(s) === 0 || weekdayOfDay(s) === 6 || daysOff.has(s)) s++;
    const name = HOLIDAY_NAME.get(key) as LocalizedText;
    daysOff.set(s, {
      date: isoOfDay(s),
      kind: 'substitute',
      name: { vi: `Nghỉ bù ${name.vi}`, en: `Substitute day off for ${name.en}` },
    });
  }
  const workingWeekendDays = new Set<number>();
  for (const d of ofYear) {
    for (const iso of d.workingDays) {
      const n = parseIsoDay(iso);
      if (n === null) throw new Error(`bad date ${iso} in calendar decision ${d.source.document}`);
      workingWeekendDays.add(n);
      daysOff.delete(n);
    }
  }
  return { daysOff, workingWeekendDays };
}

/** First year the calendar computes (its lunar tables start in 1900). */
export const CALENDAR_FIRST_YEAR = 1900;
/** Last year the calendar computes; a date after it is a `RangeError`, not a computation. */
export const CALENDAR_LAST_YEAR = 2199;

/** Year of a day number (H. Hinnant's civil_from_days; integer arithmetic, no allocation). */
export function yearOfDay(n: number): number {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

/** One year's working days, built once: `cum[i]` = working days from 1 January to day `start + i`. */
interface YearTable {
  start: number;
  cum: Int32Array;
  total: number;
  /** Working days of the years between the anchor year and this one (negative before the anchor). */
  base: number;
}

/**
 * Lịch ngày làm việc khu vực công — Vietnam's public-sector working-day calendar: Monday–Friday,
 * minus the Labour Code holidays (lunar ones computed at UTC+7) and substitute days off, adjusted by
 * a table of official decisions (Tết windows, swapped days, working Saturdays).
 *
 * Dates are `YYYY-MM-DD` civil dates, or `Date` instants read as their date in Vietnam, in the
 * years {@link CALENDAR_FIRST_YEAR}–{@link CALENDAR_LAST_YEAR} (a `RangeError` outside). Each year's
 * table is built once, on first use, and working-day counts across years add per-year totals: the
 * cost does not grow with how far apart the dates of a computation are.
 *
 * @example
 * ```ts
 * const cal = new WorkingDayCalendar();
 * cal.isWorkingDay('2026-01-10'); // true — a working Saturday (12729/VPCP-KGVX)
 * ```
 */
export class WorkingDayCalendar {
  readonly decisions: readonly CalendarDecision[];
  private readonly years = new Map<number, YearCalendar>();
  private readonly tables = new Map<number, YearTable>();
  /** The year whose table has `base` 0: the first year asked for. */
  private anchor: number | undefined;

  constructor(decisions: readonly CalendarDecision[] = OFFICIAL_CALENDAR_DECISIONS) {
    this.decisions = decisions;
  }

  private year(y: number): YearCalendar {
    let c = this.years.get(y);
    if (!c) {
      if (!(y >= CALENDAR_FIRST_YEAR && y <= CALENDAR_LAST_YEAR))
        throw new RangeError(
          `năm ${y} ngoài phạm vi của lịch (${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}) / year ${y} is outside the calendar's range (${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR})`,
        );
      c = buildYear(y, this.decisions);
      this.years.set(y, c);
    }
    return c;
  }

  /** Whether a day number is a working day. */
  isWorkingDayNumber(n: number): boolean {
    const c = this.year(yearOfDay(n));
    if (c.workingWeekendDays.has(n)) return true;
    if (c.daysOff.has(n)) return false;
    const wd = weekdayOfDay(n);
    return wd !== 0 && wd !== 6;
  }

  /** The table of year `y`, built once, its base linked to the anchor year. */
  private table(y: number): YearTable {
    const known = this.tables.get(y);
    if (known) return known;
    this.year(y); // range check
    if (this.anchor === undefined) this.anchor = y;
    const start = dayNumber(y, 1, 1);
    const len = dayNumber(y + 1, 1, 1) - start;
    const cum = new Int32Array(len);
    let acc = 0;
    for (let i = 0; i < len; i++) {
      if (this.isWorkingDayNumber(start + i)) acc++;
      cum[i] = acc;
    }
    let base = 0;
    if (y > this.anchor) {
      const prev = this.table(y - 1);
      base = prev.base + prev.total;
    } else if (y < this.anchor) {
      base = this.table(y + 1).base - acc;
    }
    const made: YearTable = { start, cum, total: acc, base };
    this.tables.set(y, made);
    return made;
  }

  /**
   * Working-day index of day `n`: the working days up to and including `n`, counted from an
   * anchor (only differences mean something). With {@link dayOfWorkingIndex} this is the calendar
   * as a cumulative index — the form the SQL executors receive it in.
   */
  workingIndex(n: number): number {
    const t = this.table(yearOfDay(n));
    return t.base + (t.cum[n - t.start] as number);
  }

  /** The working day whose {@link workingIndex} is `k`. */
  dayOfWorkingIndex(k: number): number {
    let y = this.anchor ?? 2026;
    let t = this.table(y);
    while (k > t.base + t.total) t = this.table(++y);
    while (k <= t.base) t = this.table(--y);
    const want = k - t.base;
    let lo = 0;
    let hi = t.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((t.cum[mid] as number) >= want) hi = mid;
      else lo = mid + 1;
    }
    return t.start + lo;
  }

  /** Working days in (a, b] — the first day is not counted (Civil Code Art. 147); negative when b < a. */
  workingDaysBetweenNumbers(a: number, b: number): number {
    return this.workingIndex(b) - this.workingIndex(a);
  }

  /**
   * The n-th working day after day `a` (first day not counted), or before it for n < 0. For n = 0,
   * `a` when it is a working day, else the next working day: a period started on a rest day cannot
   * end on it (Civil Code Art. 148(5): a last day on a rest day moves to the next working day).
   */
  addWorkingDaysNumber(a: number, n: number): number {
    if (n > 0) return this.dayOfWorkingIndex(this.workingIndex(a) + n);
    return this.dayOfWorkingIndex(this.workingIndex(a - 1) + n + 1);
  }

  /** `day` when it is a working day, else the next working day (Civil Code Art. 148(5)). */
  onOrAfterWorkingDayNumber(day: number): number {
    return this.dayOfWorkingIndex(this.workingIndex(day - 1) + 1);
  }

  /** Whether `date` is a working day of the public sector. */
  isWorkingDay(date: DateInput): boolean {
    return this.isWorkingDayNumber(toDay(date));
  }

  /**
   * The `n`-th working day after `date` (first day not counted); n < 0 counts backwards; n = 0 gives
   * `date` itself when it is a working day, else the next working day.
   */
  addWorkingDays(date: DateInput, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`n must be an integer / n phải là số nguyên: ${n}`);
    return isoOfDay(this.addWorkingDaysNumber(toDay(date), n));
  }

  /** Working days after `a` up to and including `b` (first day not counted); negative when `b` is before `a`. */
  workingDaysBetween(a: DateInput, b: DateInput): number {
    return this.workingDaysBetweenNumbers(toDay(a), toDay(b));
  }

  /**
   * Hạn giải quyết — the last day of a period of `amount` days starting on `start`, per the Civil
   * Code Art. 147–148: the first day is not counted; in `working_days` the period counts working
   * days only; in `days` it counts calendar days and a last day on a rest day moves to the next
   * working day. The period ends at 24:00 of the returned date.
   */
  dueDate(start: DateInput, amount: number, unit: 'working_days' | 'days' = 'working_days'): IsoDate {
    if (!Number.isInteger(amount) || amount < 0) {
      throw new RangeError(
        `amount must be a non-negative integer / số ngày phải là số nguyên không âm: ${amount}`,
      );
    }
    const s = toDay(start);
    if (unit === 'working_days') return isoOfDay(this.addWorkingDaysNumber(s, amount));
    return isoOfDay(this.onOrAfterWorkingDayNumber(s + amount));
  }

  /** Every holiday, substitute day and decided day off in `year` (some may fall on a weekend), sorted by date. */
  daysOff(year: number): DayOff[] {
    return [...this.year(year).daysOff.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }

  /** Weekend days that are working days in `year` (ngày làm bù). */
  workingWeekendDays(year: number): IsoDate[] {
    return [...this.year(year).workingWeekendDays].sort((a, b) => a - b).map(isoOfDay);
  }
}

/** The default calendar, with {@link OFFICIAL_CALENDAR_DECISIONS}. */
export const vietnamCalendar = new WorkingDayCalendar();

/**
 * Whether `date` is a public-sector working day in Vietnam.
 * @example isWorkingDay('2026-02-16') // false — Tết Bính Ngọ (9441/TB-BNV)
 */
export function isWorkingDay(date: DateInput): boolean {
  return vietnamCalendar.isWorkingDay(date);
}

/**
 * The `n`-th working day after `date`, first day not counted.
 * @example addWorkingDays('2026-02-13', 1) // '2026-02-23' — after the Tết break
 */
export function addWorkingDays(date: DateInput, n: number): IsoDate {
  return vietnamCalendar.addWorkingDays(date, n);
}

/**
 * Working days after `a` up to and including `b`.
 * @example workingDaysBetween('2026-01-01', '2026-01-12') // 7 (5–9, Saturday 10 and Monday 12 January)
 */
export function workingDaysBetween(a: DateInput, b: DateInput): number {
  return vietnamCalendar.workingDaysBetween(a, b);
}

/**
 * Due date of a period (Civil Code Art. 147–148), in working days by default.
 * @example dueDate('2026-04-24', 1) // '2026-04-28' — 27 April is the substitute day for Giỗ Tổ
 */
export function dueDate(
  start: DateInput,
  amount: number,
  unit: 'working_days' | 'days' = 'working_days',
): IsoDate {
  return vietnamCalendar.dueDate(start, amount, unit);
}
