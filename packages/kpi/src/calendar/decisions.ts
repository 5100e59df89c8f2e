import type { LocalizedText } from '@cdsx/criteria';
import type { IsoDate } from './days';

/** A document cited by the calendar. */
export interface CalendarCitation {
  /** Document number as written, e.g. `9441/TB-BNV`. */
  document: string;
  date: IsoDate;
  issuer: LocalizedText;
  article?: string;
  url?: string;
}

/**
 * One official decision on public-sector days off for a year (quyết định / thông báo nghỉ lễ, Tết,
 * hoán đổi ngày làm việc). Decisions are applied on top of the statutory rules:
 * `replaces` drops the rule-computed days of that holiday for the year, `daysOff` become days off,
 * `workingDays` (working Saturdays, ngày làm bù) become working days.
 */
export interface CalendarDecision {
  year: number;
  /** The rule-computed holiday this decision fixes instead (the Government sets the exact Tết window). */
  replaces?: 'tet' | 'national_day_adjacent';
  daysOff: readonly IsoDate[];
  workingDays: readonly IsoDate[];
  summary: LocalizedText;
  source: CalendarCitation;
  /**
   * `retrieved`: the days were read from the cited document or an official summary of it;
   * `reported`: the days are as widely reported for that document, whose text was not retrieved.
   */
  verification: 'retrieved' | 'reported';
}

const VPCP: LocalizedText = { vi: 'Văn phòng Chính phủ', en: 'Government Office' };
const BNV: LocalizedText = { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' };

/**
 * Official decisions on public-sector days off, filled for 2025 and 2026 — the data the
 * working-day calendar applies on top of the Labour Code rules. Exported so documentation can be
 * generated from it; add a year by appending entries, each citing its document.
 */
export const OFFICIAL_CALENDAR_DECISIONS: readonly CalendarDecision[] = Object.freeze([
  {
    year: 2025,
    replaces: 'tet',
    daysOff: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    workingDays: [],
    summary: {
      vi: 'Tết Ất Tỵ: nghỉ liên tục 9 ngày từ thứ Bảy 25/01 đến hết Chủ nhật 02/02/2025 (5 ngày Tết từ thứ Hai 27/01 đến thứ Sáu 31/01).',
      en: 'Lunar New Year (Ất Tỵ): 9 consecutive days off, Sat 25 Jan to Sun 2 Feb 2025 (the 5 Tết days are Mon 27 to Fri 31 Jan).',
    },
    source: { document: '8726/VPCP-KGVX', date: '2024-11-26', issuer: VPCP },
    verification: 'reported',
  },
  {
    year: 2025,
    daysOff: ['2025-05-02'],
    workingDays: ['2025-04-26'],
    summary: {
      vi: 'Dịp 30/4 và 1/5/2025: hoán đổi ngày làm việc thứ Sáu 02/5 sang thứ Bảy 26/4/2025 (nghỉ từ 30/4 đến hết 04/5).',
      en: '30 April and 1 May 2025: Friday 2 May swapped with Saturday 26 April 2025 as a working day (off 30 Apr to 4 May).',
    },
    source: { document: '8726/VPCP-KGVX', date: '2024-11-26', issuer: VPCP },
    verification: 'reported',
  },
  {
    year: 2025,
    replaces: 'national_day_adjacent',
    daysOff: ['2025-09-01'],
    workingDays: [],
    summary: {
      vi: 'Quốc khánh 2025: nghỉ thứ Hai 01/9 và thứ Ba 02/9 (cùng hai ngày cuối tuần: từ 30/8 đến hết 02/9).',
      en: 'National Day 2025: Monday 1 and Tuesday 2 September off (with the weekend: 30 Aug to 2 Sep).',
    },
    source: { document: '8726/VPCP-KGVX', date: '2024-11-26', issuer: VPCP },
    verification: 'reported',
  },
  {
    year: 2026,
    daysOff: ['2026-01-02'],
    workingDays: ['2026-01-10'],
    summary: {
      vi: 'Tết Dương lịch 2026: nghỉ từ thứ Năm 01/01 đến hết Chủ nhật 04/01; thứ Sáu 02/01 hoán đổi, làm bù thứ Bảy 10/01/2026.',
      en: 'New Year 2026: off Thu 1 to Sun 4 January; Friday 2 January swapped with Saturday 10 January 2026 as a working day.',
    },
    source: { document: '12729/VPCP-KGVX', date: '2025-12-25', issuer: VPCP },
    verification: 'retrieved',
  },
  {
    year: 2026,
    replaces: 'tet',
    daysOff: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    workingDays: [],
    summary: {
      vi: 'Tết Bính Ngọ: 5 ngày nghỉ từ thứ Hai 16/02 (29 tháng Chạp Ất Tỵ) đến thứ Sáu 20/02/2026 (mùng 4), cùng cuối tuần là 9 ngày từ 14/02 đến 22/02.',
      en: 'Lunar New Year (Bính Ngọ): 5 days off, Mon 16 Feb (29th of the 12th lunar month) to Fri 20 Feb 2026 (4th of Tết); 9 days with the weekends, 14 to 22 Feb.',
    },
    source: { document: '9441/TB-BNV', date: '2025-10-16', issuer: BNV },
    verification: 'retrieved',
  },
]);

/** The statutory holidays of the Labour Code 2019, Art. 112(1), as the calendar computes them. */
export const STATUTORY_HOLIDAYS = Object.freeze([
  {
    key: 'new_year',
    name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
    rule: { vi: '01/01', en: '1 January' },
  },
  {
    key: 'tet',
    name: { vi: 'Tết Âm lịch', en: 'Lunar New Year' },
    rule: {
      vi: '5 ngày; mặc định: ngày cuối tháng Chạp và mùng 1–4 tháng Giêng, trừ khi có quyết định của Chính phủ',
      en: '5 days; by default the last day of the 12th lunar month and days 1–4 of the 1st, unless the Government decides a window',
    },
  },
  {
    key: 'hung_kings',
    name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings Commemoration' },
    rule: { vi: '10/3 âm lịch', en: '10th day of the 3rd lunar month' },
  },
  {
    key: 'reunification',
    name: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
    rule: { vi: '30/4', en: '30 April' },
  },
  {
    key: 'labour',
    name: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
    rule: { vi: '01/5', en: '1 May' },
  },
  {
    key: 'national_day',
    name: { vi: 'Quốc khánh', en: 'National Day' },
    rule: { vi: '02/9', en: '2 September' },
  },
  {
    key: 'national_day_adjacent',
    name: { vi: 'Ngày liền kề Quốc khánh', en: 'Day adjacent to National Day' },
    rule: {
      vi: '01/9 hoặc 03/9 theo thứ trong tuần của 02/9 (thứ Hai, Năm, Chủ nhật → 03/9; còn lại → 01/9), trừ khi có quyết định',
      en: '1 or 3 September by the weekday of 2 September (Mon, Thu, Sun → 3 Sep; otherwise 1 Sep), unless decided otherwise',
    },
  },
] as const);

/** Sources of the calendar's rules. */
export const CALENDAR_RULE_SOURCES: readonly CalendarCitation[] = Object.freeze([
  {
    document: '45/2019/QH14',
    date: '2019-11-20',
    issuer: { vi: 'Quốc hội', en: 'National Assembly' },
    article: 'Điều 111(3), Điều 112 — Bộ luật Lao động',
  },
  {
    document: '91/2015/QH13',
    date: '2015-11-24',
    issuer: { vi: 'Quốc hội', en: 'National Assembly' },
    article: 'Điều 147–148 — Bộ luật Dân sự',
  },
]);
