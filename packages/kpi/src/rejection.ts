import { CommuneCodeSchema, ProvinceCodeSchema, type ValidationIssue } from '@cdsx/criteria';
import { fromZodIssue } from '@cdsx/criteria/internal';
import type { z } from 'zod';
import { parseInstant, parseIsoDay } from './calendar/days';
import {
  CHANNELS,
  DOSSIER_STATUSES,
  DOSSIER_YEARS,
  type DossierRuleFields,
  type DossierRuleIssue,
  dossierRuleIssues,
  INVALID_DATE,
  INVALID_INSTANT,
  inDossierYears,
  ONLINE_MODES,
  OUT_OF_RANGE,
  RATINGS,
  RealDateSchema,
} from './schemas';

/**
 * The compiled rejection path of {@link DossierSchema}: when the compiled acceptor declines a record,
 * {@link explainDossier} finds the issues the schema would report — the same zod issues (code, path,
 * input, bounds, params), in the same order, converted by the same `fromZodIssue` — without running
 * the schema, whose parse of a bad record cost several times a valid record's whole read (issue 17
 * item 4). It mirrors the schema's evaluation order: fields in shape order, a field's checks after its
 * type, unknown keys after the fields, and the cross-field rules ({@link dossierRuleIssues}, shared
 * with the schema) only when no issue stopped the parse (zod skips refinements after a type error).
 * Where a value's shape would make zod's length checks run on a non-string (an object or array where
 * a text or a list belongs), or a number lies outside the safe integers, it declines (`undefined`) and
 * the schema decides. Tested differentially against the schema (test/rejection.test.ts).
 */

/** One issue as zod reports it (with `reportInput`), before conversion. */
type RawIssue = { code: string; path: PropertyKey[]; input: unknown } & Record<string, unknown>;

// How a field went: no issue, issues zod continues after, an issue that stops the later checks, or
// a shape this path does not cover (the schema decides).
const OK = 0;
const SOFT = 1;
const HARD = 2;
const DECLINE = 3;

/** The regular expression of a string schema's regex check (the schema's own, not a copy). */
function regexOf(schema: z.ZodType): RegExp {
  for (const check of schema._zod.def.checks ?? []) {
    const pattern = (check._zod.def as { pattern?: unknown }).pattern;
    if (pattern instanceof RegExp) return pattern;
  }
  throw new Error('internal: the schema has no regex check');
}

const COMMUNE_CODE = regexOf(CommuneCodeSchema);
const PROVINCE_CODE = regexOf(ProvinceCodeSchema);
const ISO_DATE = regexOf(RealDateSchema);

const CHANNEL = new Set<unknown>(CHANNELS);
const MODE = new Set<unknown>(ONLINE_MODES);
const STATUS = new Set<unknown>(DOSSIER_STATUSES);
const RATING = new Set<unknown>(RATINGS);
const SUPPLEMENT_KEYS = new Set(['requestedAt', 'suppliedAt']);

/** The dossier's fields in the schema's shape order (a test checks it against the schema). */
export const SHAPE_ORDER = [
  'id',
  'communeCode',
  'provinceCode',
  'procedureCode',
  'receivedAt',
  'channel',
  'onlineMode',
  'appointmentDate',
  'processingDays',
  'finishedAt',
  'status',
  'supplementRequests',
  'rating',
  'complaint',
  'feeBearing',
  'feeAmount',
  'paidOnline',
  'digitised',
  'digitisedDataReused',
  'electronicResult',
] as const;
const KEYS = new Set<string>(SHAPE_ORDER);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys of a strict object outside its shape, in `for…in` order (as zod lists them), or `undefined`. */
function unknownKeys(o: Record<string, unknown>, shape: Set<string>): string[] | undefined {
  let unknown: string[] | undefined;
  for (const k in o) {
    if (shape.has(k)) continue;
    if (unknown === undefined) unknown = [];
    unknown.push(k);
  }
  return unknown;
}

function wrongType(out: RawIssue[], path: PropertyKey[], expected: string, input: unknown): number {
  out.push({ expected, code: 'invalid_type', path, input });
  return HARD;
}

/** `z.string().trim().min(1)`, required. */
function text(out: RawIssue[], key: string, v: unknown): number {
  if (typeof v === 'string') {
    if (v.trim().length > 0) return OK;
    out.push({ origin: 'string', code: 'too_small', minimum: 1, inclusive: true, path: [key], input: '' });
    return SOFT;
  }
  // An object (an array above all) has a length zod's min-length check would measure: the schema decides.
  if (typeof v === 'object' && v !== null) return DECLINE;
  return wrongType(out, [key], 'string', v);
}

/** A string with a regex check (communeCode, provinceCode). */
function pattern(out: RawIssue[], key: string, v: unknown, re: RegExp, optional: boolean): number {
  if (typeof v === 'string') {
    re.lastIndex = 0;
    if (re.test(v)) return OK;
    out.push({
      origin: 'string',
      code: 'invalid_format',
      format: 'regex',
      input: v,
      pattern: re.toString(),
      path: [key],
    });
    return SOFT;
  }
  if (v === undefined && optional) return OK;
  return wrongType(out, [key], 'string', v);
}

/** {@link InstantSchema}: a string, then a real instant, then in {@link DOSSIER_YEARS}. */
function instant(out: RawIssue[], path: PropertyKey[], v: unknown, optional: boolean): number {
  if (typeof v === 'string') {
    const ms = parseInstant(v);
    if (Number.isNaN(ms)) out.push({ code: 'custom', params: INVALID_INSTANT, input: v, path });
    else if (!inDossierYears(ms)) out.push({ code: 'custom', params: OUT_OF_RANGE, input: v, path });
    else return OK;
    return SOFT;
  }
  if (v === undefined && optional) return OK;
  return wrongType(out, path, 'string', v);
}

/** {@link RealDateSchema}, optional: the date pattern, then a real day, then in {@link DOSSIER_YEARS}. */
function realDate(out: RawIssue[], key: string, v: unknown): number {
  if (v === undefined) return OK;
  if (typeof v !== 'string') return wrongType(out, [key], 'string', v);
  let r = OK;
  ISO_DATE.lastIndex = 0;
  if (!ISO_DATE.test(v)) {
    out.push({
      origin: 'string',
      code: 'invalid_format',
      format: 'regex',
      input: v,
      pattern: ISO_DATE.toString(),
      path: [key],
    });
    r = SOFT;
  }
  if (parseIsoDay(v) === null) {
    out.push({ code: 'custom', params: INVALID_DATE, input: v, path: [key] });
    r = SOFT;
  } else {
    const y = Number(v.slice(0, 4));
    if (!(y >= DOSSIER_YEARS.first && y <= DOSSIER_YEARS.last)) {
      out.push({ code: 'custom', params: OUT_OF_RANGE, input: v, path: [key] });
      r = SOFT;
    }
  }
  return r;
}

/** `z.enum(values)`, maybe optional. */
function oneOf(
  out: RawIssue[],
  key: string,
  v: unknown,
  set: Set<unknown>,
  values: readonly string[],
  optional: boolean,
): number {
  if (set.has(v) || (v === undefined && optional)) return OK;
  out.push({ code: 'invalid_value', values: values as string[], input: v, path: [key] });
  return HARD;
}

/** `z.number()` (or `z.int()`) with an inclusive minimum and maybe maximum, optional. */
function amount(
  out: RawIssue[],
  key: string,
  v: unknown,
  int: boolean,
  min: number,
  max: number | undefined,
): number {
  if (v === undefined) return OK;
  if (typeof v !== 'number' || !Number.isFinite(v)) return wrongType(out, [key], 'number', v);
  if (int) {
    if (!Number.isInteger(v)) {
      out.push({ expected: 'int', format: 'safeint', code: 'invalid_type', input: v, path: [key] });
      return HARD;
    }
    // Beyond the safe integers zod adds an issue of its own first: the schema decides.
    if (!Number.isSafeInteger(v)) return DECLINE;
  }
  if (v < min) {
    out.push({ origin: 'number', code: 'too_small', minimum: min, input: v, inclusive: true, path: [key] });
    return SOFT;
  }
  if (max !== undefined && v > max) {
    out.push({ origin: 'number', code: 'too_big', maximum: max, input: v, inclusive: true, path: [key] });
    return SOFT;
  }
  return OK;
}

function flag(out: RawIssue[], key: string, v: unknown): number {
  return typeof v === 'boolean' ? OK : wrongType(out, [key], 'boolean', v);
}

/** `z.array(SupplementRequestSchema).max(100)`, required. */
function supplements(out: RawIssue[], v: unknown): number {
  if (!Array.isArray(v)) {
    // zod's max-length check also measures a long string or an object with a length: the schema decides.
    if ((typeof v === 'object' && v !== null) || (typeof v === 'string' && v.length > 100)) return DECLINE;
    return wrongType(out, ['supplementRequests'], 'array', v);
  }
  if (v.length > 100) {
    // zod checks the size before the items and stops there.
    out.push({
      origin: 'array',
      code: 'too_big',
      maximum: 100,
      inclusive: true,
      input: v,
      path: ['supplementRequests'],
    });
    return HARD;
  }
  let r = OK;
  for (let i = 0; i < v.length; i++) {
    const s = v[i];
    if (!isObject(s)) {
      r = Math.max(r, wrongType(out, ['supplementRequests', i], 'object', s));
      continue;
    }
    r = Math.max(r, instant(out, ['supplementRequests', i, 'requestedAt'], s.requestedAt, false));
    r = Math.max(r, instant(out, ['supplementRequests', i, 'suppliedAt'], s.suppliedAt, true));
    const unknown = unknownKeys(s, SUPPLEMENT_KEYS);
    if (unknown) {
      out.push({ code: 'unrecognized_keys', keys: unknown, input: s, path: ['supplementRequests', i] });
      r = Math.max(r, SOFT);
    }
  }
  return r;
}

/** The raw issues the schema reports for `value`, or `undefined` where this path declines. */
function rawIssues(value: unknown): RawIssue[] | undefined {
  const out: RawIssue[] = [];
  if (!isObject(value)) {
    wrongType(out, [], 'object', value);
    return out;
  }
  const d = value;
  let r = text(out, 'id', d.id);
  r = Math.max(r, pattern(out, 'communeCode', d.communeCode, COMMUNE_CODE, false));
  r = Math.max(r, pattern(out, 'provinceCode', d.provinceCode, PROVINCE_CODE, true));
  r = Math.max(r, text(out, 'procedureCode', d.procedureCode));
  r = Math.max(r, instant(out, ['receivedAt'], d.receivedAt, false));
  r = Math.max(r, oneOf(out, 'channel', d.channel, CHANNEL, CHANNELS, false));
  r = Math.max(r, oneOf(out, 'onlineMode', d.onlineMode, MODE, ONLINE_MODES, true));
  r = Math.max(r, realDate(out, 'appointmentDate', d.appointmentDate));
  r = Math.max(r, amount(out, 'processingDays', d.processingDays, true, 0, 3650));
  r = Math.max(r, instant(out, ['finishedAt'], d.finishedAt, true));
  r = Math.max(r, oneOf(out, 'status', d.status, STATUS, DOSSIER_STATUSES, false));
  r = Math.max(r, supplements(out, d.supplementRequests));
  r = Math.max(r, oneOf(out, 'rating', d.rating, RATING, RATINGS, true));
  r = Math.max(r, flag(out, 'complaint', d.complaint));
  r = Math.max(r, flag(out, 'feeBearing', d.feeBearing));
  r = Math.max(r, amount(out, 'feeAmount', d.feeAmount, false, 0, undefined));
  r = Math.max(r, flag(out, 'paidOnline', d.paidOnline));
  r = Math.max(r, flag(out, 'digitised', d.digitised));
  r = Math.max(r, flag(out, 'digitisedDataReused', d.digitisedDataReused));
  r = Math.max(r, flag(out, 'electronicResult', d.electronicResult));
  if (r === DECLINE) return undefined;
  // A strict object: every other key (`__proto__` too), in `for…in` order, after the fields; zod
  // continues after this one, so the cross-field rules still run.
  const unknown = unknownKeys(d, KEYS);
  if (unknown) out.push({ code: 'unrecognized_keys', keys: unknown, input: d, path: [] });
  if (r !== HARD) dossierRuleIssues(d as unknown as DossierRuleFields, push(out));
  return out;
}

const push =
  (out: RawIssue[]) =>
  (issue: DossierRuleIssue): void => {
    out.push(issue);
  };

/**
 * The located, bilingual issues {@link DossierSchema} reports for `value` (without `record` and `line`),
 * exactly as converting the schema's own issues gives them; `[]` when the schema accepts the record;
 * `undefined` for the few shapes this compiled path leaves to the schema.
 */
export function explainDossier(value: unknown): ValidationIssue[] | undefined {
  const raw = rawIssues(value);
  if (raw === undefined) return undefined;
  const out: ValidationIssue[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = fromZodIssue(raw[i] as unknown as z.core.$ZodIssue);
  return out;
}
