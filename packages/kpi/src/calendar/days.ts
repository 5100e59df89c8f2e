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

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; pure integer arithmetic). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number: days since 1970-01-01 of a civil date (an integer, no time zone involved). */
export function dayNumber(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day);
}

/** Value of `n` ASCII digits at `at`, or -1 if any is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Day number of `YYYY-MM-DD` at offset `at` of `s`, or null when it is not a real date. */
function dayAt(s: string, at: number): number | null {
  if (s.charCodeAt(at + 4) !== 45 || s.charCodeAt(at + 7) !== 45) return null;
  const y = digits(s, at, 4);
  const m = digits(s, at + 5, 2);
  const d = digits(s, at + 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

/** Parse `YYYY-MM-DD` to a day number, or `null` when it is not a real calendar date. */
export function parseIsoDay(text: string): number | null {
  return text.length === 10 ? dayAt(text, 0) : null;
}

/**
 * Epoch milliseconds of an ISO 8601 date-time with an explicit offset —
 * `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)` — or `NaN` when the text is not one or names no
 * real instant (30 February, 24:00). The offset must be one a real zone can have: from −12:00 to
 * +14:00, minutes 00, 15, 30 or 45 (`+14:59`, `-13:00`, `+07:07` are rejected). Pure arithmetic: the streaming
 * calculators call it for every dossier.
 */
export function parseInstant(s: string): number {
  const n = s.length;
  if (n < 17) return Number.NaN;
  const day = dayAt(s, 0);
  if (day === null || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(13) !== 58) return Number.NaN;
  const hh = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  if (hh < 0 || hh > 23 || mi < 0 || mi > 59) return Number.NaN;
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    sec = digits(s, i + 1, 2);
    if (sec < 0 || sec > 59) return Number.NaN;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      let j = i + 1;
      let frac = 0;
      let scale = 100;
      while (j < n) {
        const c = s.charCodeAt(j) - 48;
        if (c < 0 || c > 9) break;
        frac += c * scale;
        scale /= 10;
        j++;
      }
      if (j === i + 1 || j - i - 1 > 9) return Number.NaN;
      ms = Math.floor(frac);
      i = j;
    }
  }
  let offsetMin = 0;
  const z = s.charCodeAt(i);
  if (z === 90 /* Z */ && i === n - 1) {
    offsetMin = 0;
  } else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    // Real zone offsets only: −12:00 … +14:00 in quarter hours (00, 15, 30, 45 minutes).
    if (oh < 0 || om < 0 || om % 15 !== 0 || om > 45) return Number.NaN;
    if (z === 45 ? oh * 60 + om > 720 : oh * 60 + om > 840) return Number.NaN;
    offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return Number.NaN;
  }
  return day * MS_PER_DAY + ((hh * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
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
