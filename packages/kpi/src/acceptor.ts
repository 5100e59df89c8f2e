import { parseInstant, parseIsoDay } from './calendar/days';
import {
  CHANNELS,
  DOSSIER_FIELDS,
  DOSSIER_STATUSES,
  type Dossier,
  inDossierYears,
  ONLINE_MODES,
  RATINGS,
} from './schemas';

/**
 * The compiled dossier acceptor: a hand-written check of {@link DossierSchema}'s rules with no
 * allocation on the accepting path. It returns the record when it is valid (the same value zod
 * returns: only `id` and `procedureCode` are trimmed by the schema, and the acceptor declines to
 * decide when they would be), or `undefined` when it declines — then the zod schema decides and
 * locates the issues, so every bad-record report is exactly the schema's. Tested differentially
 * against the schema (test/acceptor.test.ts).
 */

const CHANNEL = new Set<string>(CHANNELS);
const MODE = new Set<string>(ONLINE_MODES);
const STATUS = new Set<string>(DOSSIER_STATUSES);
const RATING = new Set<string>(RATINGS);

/** Every key of the dossier schema (strict: any other key is rejected). */
const KEYS = new Set<string>(DOSSIER_FIELDS);

/** A non-empty string the schema's `.trim()` leaves unchanged. */
function untrimmedText(s: unknown): boolean {
  if (typeof s !== 'string' || s.length === 0) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  if (a > 32 && a < 127 && b > 32 && b < 127) return true;
  return s.trim() === s && s.length > 0;
}

function digitsOnly(s: unknown, n: number): boolean {
  if (typeof s !== 'string' || s.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Epoch ms of a valid instant in the accepted years, or NaN. */
function instant(s: unknown): number {
  if (typeof s !== 'string') return Number.NaN;
  const ms = parseInstant(s);
  return inDossierYears(ms) ? ms : Number.NaN;
}

function realDate(s: unknown): boolean {
  if (typeof s !== 'string' || parseIsoDay(s) === null) return false;
  // A real YYYY-MM-DD date in 2000–2099: its four year digits start with `20` (no substring made).
  return s.charCodeAt(0) === 50 && s.charCodeAt(1) === 48;
}

/** The dossier when `value` satisfies every rule of the schema, else `undefined` (the schema decides). */
export function acceptDossier(value: unknown): Dossier | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const d = value as Record<string, unknown>;
  let keys = 0;
  for (const k in d) {
    if (!KEYS.has(k) || d[k] === undefined) return undefined;
    keys++;
  }
  if (!Object.hasOwn(d, 'id') || keys !== Object.keys(d).length) return undefined;
  if (!untrimmedText(d.id) || !untrimmedText(d.procedureCode)) return undefined;
  if (!digitsOnly(d.communeCode, 5)) return undefined;
  if (d.provinceCode !== undefined && !digitsOnly(d.provinceCode, 2)) return undefined;
  const received = instant(d.receivedAt);
  if (Number.isNaN(received)) return undefined;
  const channel = d.channel;
  if (typeof channel !== 'string' || !CHANNEL.has(channel)) return undefined;
  const mode = d.onlineMode;
  if (mode !== undefined && (typeof mode !== 'string' || !MODE.has(mode))) return undefined;
  if ((channel === 'online') !== (mode !== undefined)) return undefined;
  if (d.appointmentDate !== undefined && !realDate(d.appointmentDate)) return undefined;
  const pd = d.processingDays;
  if (pd !== undefined && !(Number.isSafeInteger(pd) && (pd as number) >= 0 && (pd as number) <= 3650))
    return undefined;
  if (d.appointmentDate === undefined && pd === undefined) return undefined;
  const status = d.status;
  if (typeof status !== 'string' || !STATUS.has(status)) return undefined;
  if (d.finishedAt !== undefined) {
    if (status === 'in_progress') return undefined;
    const f = instant(d.finishedAt);
    if (Number.isNaN(f) || f < received) return undefined;
  } else if (status !== 'in_progress') return undefined;
  const sups = d.supplementRequests;
  if (!Array.isArray(sups) || sups.length > 100) return undefined;
  for (let i = 0; i < sups.length; i++) {
    const s = sups[i] as Record<string, unknown>;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return undefined;
    let n = 0;
    for (const k in s) {
      if ((k !== 'requestedAt' && k !== 'suppliedAt') || s[k] === undefined) return undefined;
      n++;
    }
    if (n !== Object.keys(s).length) return undefined;
    const req = instant(s.requestedAt);
    if (Number.isNaN(req) || req < received) return undefined;
    if (s.suppliedAt !== undefined) {
      const sup = instant(s.suppliedAt);
      if (Number.isNaN(sup) || sup < req) return undefined;
    }
  }
  const rating = d.rating;
  if (rating !== undefined && (typeof rating !== 'string' || !RATING.has(rating))) return undefined;
  if (
    typeof d.complaint !== 'boolean' ||
    typeof d.feeBearing !== 'boolean' ||
    typeof d.paidOnline !== 'boolean' ||
    typeof d.digitised !== 'boolean' ||
    typeof d.digitisedDataReused !== 'boolean' ||
    typeof d.electronicResult !== 'boolean'
  )
    return undefined;
  const fee = d.feeAmount;
  if (fee !== undefined && !(typeof fee === 'number' && Number.isFinite(fee) && fee >= 0)) return undefined;
  if (d.paidOnline && !d.feeBearing) return undefined;
  return d as unknown as Dossier;
}
