import { vietnamCalendar } from '../calendar/calendar';
import { dayNumber, isoOfDay } from '../calendar/days';
import type { Dossier } from '../schemas';

/** A commune for the generator: its code, or its code and province. */
export type GeneratorCommune = string | { code: string; provinceCode?: string };

/** Options of {@link generateDossiers}. */
export interface GenerateOptions {
  /** Seed of the pseudo-random generator: the same seed gives the same dossiers. */
  seed: number;
  count: number;
  /** Commune codes (e.g. all 3,321 from the official list); dossiers are spread over them. */
  communes: readonly GeneratorCommune[];
  /** Year of the receipt dates. */
  year: number;
}

/** sfc32: a small, fast, well-distributed PRNG (PractRand-tested), seeded deterministically. */
function sfc32(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant on Vietnam day `day` at `minutes` after midnight, written +07:00 or (sometimes) in UTC. */
function instant(day: number, minutes: number, utc: boolean): string {
  if (!utc) return `${isoOfDay(day)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00+07:00`;
  const ms = day * 86_400_000 + minutes * 60_000 - 7 * 3_600_000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

const PROCESSING_DAYS = [1, 2, 3, 5, 5, 7, 10, 10, 15, 20] as const;
const RATINGS = [
  'very_satisfied',
  'very_satisfied',
  'satisfied',
  'satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
] as const;

/**
 * A deterministic stream of synthetic dossiers with a realistic mix of channels, processing
 * times, supplements, ratings, fees and digitisation, received over one year (some at night in UTC
 * terms, so period boundaries in Vietnam time are exercised). For demos, tests and benchmarks —
 * the data is synthetic and must be labelled so.
 *
 * @example
 * ```ts
 * for (const d of generateDossiers({ seed: 1, count: 1000, communes: ['00004', '00008'], year: 2026 })) …
 * ```
 */
export function* generateDossiers(options: GenerateOptions): Generator<Dossier> {
  const { seed, count, communes, year } = options;
  if (communes.length === 0) throw new RangeError('communes must not be empty');
  const rnd = sfc32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const cal = vietnamCalendar;
  const first = dayNumber(year, 1, 1);
  const days = dayNumber(year + 1, 1, 1) - first;
  const lastDay = first + days - 1;
  for (let i = 0; i < count; i++) {
    const commune = communes[Math.floor(rnd() * communes.length)] as GeneratorCommune;
    const code = typeof commune === 'string' ? commune : commune.code;
    const provinceCode = typeof commune === 'string' ? undefined : commune.provinceCode;
    // Mostly working days; online submissions also arrive at night and on weekends.
    let day = first + Math.floor(rnd() * days);
    const channelR = rnd();
    const channel = channelR < 0.6 ? 'online' : channelR < 0.97 ? 'direct' : 'postal';
    if (channel !== 'online') while (!cal.isWorkingDayNumber(day) && day < lastDay) day++;
    const minutes = channel === 'online' ? Math.floor(rnd() * 1440) : 450 + Math.floor(rnd() * 570);
    const receivedAt = instant(day, minutes, rnd() < 0.2);
    const receivedDay = day;
    const processingDays = pick(PROCESSING_DAYS);
    const due = cal.addWorkingDaysNumber(receivedDay, processingDays);
    const withAppointment = rnd() < 0.85;

    const supR = rnd();
    const supplements = supR < 0.015 ? 2 : supR < 0.095 ? 1 : 0;
    const supplementRequests: Dossier['supplementRequests'] = [];
    let cursor = receivedDay;
    let waited = 0;
    for (let s = 0; s < supplements; s++) {
      const req = cal.addWorkingDaysNumber(cursor, 1 + Math.floor(rnd() * 2));
      const wait = 1 + Math.floor(rnd() * 5);
      const sup = cal.addWorkingDaysNumber(req, wait);
      waited += wait;
      supplementRequests.push({
        requestedAt: instant(req, 540, false),
        suppliedAt: instant(sup, 600, rnd() < 0.3),
      });
      cursor = sup;
    }
    // Actual working days taken: mostly on time, some late.
    const late = rnd() < 0.08;
    const taken = late
      ? processingDays + 1 + Math.floor(rnd() * 6)
      : Math.max(0, processingDays - Math.floor(rnd() * 3));
    const finishDay = cal.addWorkingDaysNumber(receivedDay, taken + waited);
    // Finished the same day: some minutes after receipt; otherwise during office hours.
    const finishMinutes =
      finishDay === receivedDay
        ? minutes + Math.floor(rnd() * (1440 - minutes))
        : 480 + Math.floor(rnd() * 600);
    const stR = rnd();
    let status: Dossier['status'] = stR < 0.03 ? 'rejected' : stR < 0.04 ? 'withdrawn' : 'finished';
    if (finishDay > lastDay || rnd() < 0.02) status = 'in_progress';
    if (status === 'in_progress' && supplementRequests.length === 1 && rnd() < 0.3) {
      const only = supplementRequests[0] as { requestedAt: string; suppliedAt?: string };
      delete only.suppliedAt;
    }
    const onlineMode = channel === 'online' ? (rnd() < 0.7 ? 'full' : 'partial') : undefined;
    const feeBearing = rnd() < 0.35;
    const feeAmount = feeBearing
      ? rnd() < 0.1
        ? 0
        : pick([10_000, 20_000, 50_000, 100_000, 200_000])
      : undefined;
    const paidOnline = feeBearing && feeAmount !== 0 && rnd() < (channel === 'online' ? 0.7 : 0.15);
    const rated = rnd() < 0.4;
    const digitised = rnd() < 0.78;
    const d: Dossier = {
      id: `${year}-${pad(i + 1, 8)}`,
      communeCode: code,
      ...(provinceCode !== undefined ? { provinceCode } : {}),
      procedureCode: `1.${pad(1000 + Math.floor(rnd() * 400), 6)}`,
      receivedAt,
      channel,
      ...(onlineMode ? { onlineMode } : {}),
      ...(withAppointment ? { appointmentDate: isoOfDay(due) } : { processingDays }),
      ...(status !== 'in_progress' ? { finishedAt: instant(finishDay, finishMinutes, rnd() < 0.2) } : {}),
      status,
      supplementRequests,
      ...(rated ? { rating: pick(RATINGS) } : {}),
      complaint: rnd() < 0.01,
      feeBearing,
      ...(feeAmount !== undefined ? { feeAmount } : {}),
      paidOnline,
      digitised,
      digitisedDataReused: digitised && rnd() < 0.5,
      electronicResult: rnd() < 0.7,
    };
    yield d;
  }
}
