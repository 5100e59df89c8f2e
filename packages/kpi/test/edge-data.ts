import { vietnamCalendar } from '../src/calendar/calendar';
import { dayNumber, isoOfDay } from '../src/calendar/days';
import type { Dossier } from '../src/schemas';
import { generateDossiers } from '../src/testing';

/** Communes of the differential tests: 30 communes in 3 provinces. */
export const EDGE_COMMUNES = Array.from({ length: 30 }, (_, i) => ({
  code: String(100 + i * 37).padStart(5, '0'),
  provinceCode: ['01', '79', '48'][i % 3] as string,
}));

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUARTER_STARTS = [1, 4, 7, 10].map((m) => dayNumber(2026, m, 1));

/**
 * Generated dossiers with every edge case of the on-time rule forced in: receipt at exactly 17:00Z
 * (midnight in Vietnam) and one second before, on quarter boundaries; `processingDays: 0` received
 * on a rest day; appointment dates on rest days; supplements 0/1/2 (some never supplied);
 * unfinished dossiers; zero-fee dossiers; no province code on some. Receipt dates in 2026.
 */
export function* edgeDossiers(seed: number, count: number): Generator<Dossier> {
  const rnd = prng(seed);
  const cal = vietnamCalendar;
  for (const base of generateDossiers({ seed, count, communes: EDGE_COMMUNES, year: 2026 })) {
    const d: Dossier = { ...base, supplementRequests: base.supplementRequests.map((s) => ({ ...s })) };
    const r = rnd();
    if (r < 0.06) {
      // Boundary instants: 17:00:00Z is 00:00 the next day in Vietnam; 16:59:59Z is still the day before.
      const q = QUARTER_STARTS[Math.floor(rnd() * 4)] as number;
      const iso = isoOfDay(q - 1);
      d.receivedAt = rnd() < 0.5 ? `${iso}T17:00:00Z` : `${iso}T16:59:59Z`;
      d.status = 'in_progress';
      delete d.finishedAt;
      d.supplementRequests = [];
      delete d.appointmentDate;
      d.processingDays = Math.floor(rnd() * 3);
    } else if (r < 0.12) {
      // processingDays 0 on a rest day: due the next working day.
      let day = dayNumber(2026, 1, 1) + Math.floor(rnd() * 360);
      while (cal.isWorkingDayNumber(day)) day++;
      d.receivedAt = `${isoOfDay(day)}T10:00:00+07:00`;
      delete d.appointmentDate;
      d.processingDays = 0;
      d.supplementRequests = [];
      const fin = cal.onOrAfterWorkingDayNumber(day) + Math.floor(rnd() * 3);
      d.status = 'finished';
      d.finishedAt = `${isoOfDay(fin)}T09:00:00+07:00`;
    } else if (r < 0.18) {
      // Appointment date on a rest day, finished on it, the next working day, or later.
      const received = Math.floor((Date.parse(d.receivedAt) + 7 * 3_600_000) / 86_400_000);
      let appt = received + 1 + Math.floor(rnd() * 10);
      while (cal.isWorkingDayNumber(appt)) appt++;
      d.appointmentDate = isoOfDay(appt);
      delete d.processingDays;
      d.supplementRequests = [];
      if (rnd() < 0.8) {
        const fin = cal.onOrAfterWorkingDayNumber(appt) + Math.floor(rnd() * 2) - (rnd() < 0.3 ? 1 : 0);
        d.status = 'finished';
        d.finishedAt = `${isoOfDay(Math.max(fin, received))}T23:30:00+07:00`;
      }
    } else if (r < 0.2) {
      delete d.provinceCode;
    }
    if (d.feeBearing && rnd() < 0.1) {
      d.feeAmount = 0;
      d.paidOnline = false;
    }
    yield d;
  }
}

/** A vendor-like PostgreSQL table: Vietnamese snake_case names, channel as portal codes 1/2/3. */
export const HO_SO_TABLE = `CREATE TABLE ho_so (
  ma_ho_so text PRIMARY KEY, ma_xa text NOT NULL, ma_tinh text, ngay_tiep_nhan timestamptz NOT NULL,
  kenh smallint NOT NULL, hinh_thuc text, ngay_hen_tra date, so_ngay_xu_ly integer,
  ngay_ket_thuc timestamptz, so_lan_bo_sung integer NOT NULL, ngay_yeu_cau_bo_sung timestamptz,
  ngay_bo_sung timestamptz, danh_gia text, phan_anh boolean NOT NULL, co_phi boolean NOT NULL,
  so_tien numeric, thanh_toan_truc_tuyen boolean NOT NULL, so_hoa boolean NOT NULL,
  tai_su_dung boolean NOT NULL)`;

/** Its column mapping (the same as docs/kpi/ho-so-mapping.json). */
export const HO_SO_MAPPING = {
  communeCode: 'ma_xa',
  provinceCode: 'ma_tinh',
  receivedAt: 'ngay_tiep_nhan',
  channel: { sql: "CASE kenh WHEN 1 THEN 'direct' WHEN 2 THEN 'online' WHEN 3 THEN 'postal' END" },
  onlineMode: 'hinh_thuc',
  appointmentDate: 'ngay_hen_tra',
  processingDays: 'so_ngay_xu_ly',
  finishedAt: 'ngay_ket_thuc',
  supplementCount: 'so_lan_bo_sung',
  supplementRequestedAt: 'ngay_yeu_cau_bo_sung',
  supplementSuppliedAt: 'ngay_bo_sung',
  rating: 'danh_gia',
  complaint: 'phan_anh',
  feeBearing: 'co_phi',
  feeAmount: 'so_tien',
  paidOnline: 'thanh_toan_truc_tuyen',
  digitised: 'so_hoa',
  digitisedDataReused: 'tai_su_dung',
} as const;

const CHANNEL_CODE = { direct: 1, online: 2, postal: 3 } as const;

/** One dossier as a row of {@link HO_SO_TABLE} (parameter values in column order). */
export function hoSoRow(d: Dossier): unknown[] {
  const s = d.supplementRequests[0];
  return [
    d.id,
    d.communeCode,
    d.provinceCode ?? null,
    d.receivedAt,
    CHANNEL_CODE[d.channel],
    d.onlineMode ?? null,
    d.appointmentDate ?? null,
    d.processingDays ?? null,
    d.finishedAt ?? null,
    d.supplementRequests.length,
    s?.requestedAt ?? null,
    s?.suppliedAt ?? null,
    d.rating ?? null,
    d.complaint,
    d.feeBearing,
    d.feeAmount ?? null,
    d.paidOnline,
    d.digitised,
    d.digitisedDataReused,
  ];
}
