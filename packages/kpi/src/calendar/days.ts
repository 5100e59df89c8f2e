import { TZDate } from '@date-fns/tz';

/** Vietnam's time zone; every date and period of this package is read in it. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A civil date written `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

/** A date argument: a `YYYY-MM-DD` civil date, or a `Date` instant read as its date in Vietnam. */
export type DateInput = IsoDate | Date;

const MS_PER_DAY = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
/** Since 1975-06-13 Asia/Ho_Chi_Minh has been UTC+7 with no daylight saving (IANA tz database). */
const FIXED_OFFSET_SINCE_MS = Date.UTC(1975, 5, 12, 17);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number: days since 1970-01-01 of a civil date (an integer, no time zone involved). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Parse `YYYY-MM-DD` to a day number, or `null` when it is not a real calendar date. */
export function parseIsoDay(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const n = dayNumber(y, mo, d);
  const back = new Date(n * MS_PER_DAY);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return n;
}

/** `YYYY-MM-DD` of a day number. */
export function isoOfDay(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `[year, month, day]` of a day number. */
export function ymdOfDay(n: number): [number, number, number] {
  const d = new Date(n * MS_PER_DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Day of week of a day number: 0 Sunday … 6 Saturday. */
export function weekdayOfDay(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/**
 * The civil date in Vietnam (as a day number) of an instant given in epoch milliseconds.
 * Uses the fixed UTC+7 offset for instants since 1975-06-13 (hot path of the streaming
 * calculators) and `@date-fns/tz` for earlier instants, when the zone's offset changed.
 */
export function vietnamDayOfInstant(ms: number): number {
  if (ms >= FIXED_OFFSET_SINCE_MS) return Math.floor((ms + VN_OFFSET_MS) / MS_PER_DAY);
  const local = new TZDate(ms, VIETNAM_TIME_ZONE);
  return dayNumber(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/** Resolve a {@link DateInput} to a day number; throws `RangeError` for an impossible date. */
export function toDay(input: DateInput): number {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Invalid Date / ngày không hợp lệ');
    return vietnamDayOfInstant(ms);
  }
  const n = parseIsoDay(input);
  if (n === null)
    throw new RangeError(`Not a calendar date YYYY-MM-DD / không phải ngày hợp lệ: ${JSON.stringify(input)}`);
  return n;
}
