import { CommuneCodeSchema, ProvinceCodeSchema, type ValidationIssue } from '@cdsx/criteria';
import { describeValue, formatPath, fromZodIssue } from '@cdsx/criteria/internal';
import type { z } from 'zod';
import { parseInstant, parseIsoDay } from './calendar/days';
import {
  CHANNELS,
  DOSSIER_FIELDS,
  DOSSIER_STATUSES,
  DOSSIER_YEARS,
  type DossierField,
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
 * The compiled rejection path of `DossierSchema` (issue 17 item 4): when the compiled acceptor declines
 * a record, {@link explainDossier} gives the issues the schema would report — the zod issues the schema
 * raises (same code, path, received value, bounds, params), in the same order, converted as
 * `fromZodIssue` converts them — without running the schema, whose parse of a bad record cost several
 * times a valid record's whole read.
 *
 * It follows the schema's evaluation order: the fields in shape order, a field's checks after its type,
 * the unknown keys after the fields, and the cross-field rules ({@link dossierRuleIssues}, shared with
 * the schema) only when no issue stopped the parse (zod skips refinements after a type error, not after a
 * failed check). Where zod's length checks would measure a non-string (an object or array where a text
 * or a list belongs), or an integer lies beyond the safe range, it declines (`undefined`) and the schema
 * decides. Tested differentially against the schema (test/rejection.test.ts).
 *
 * Messages: each kind of issue is converted by `fromZodIssue` once, with two sentinel received values;
 * the message is then known as text before and after the received value's description
 * (`describeValue`), and each issue costs one concatenation instead of a conversion. A kind whose
 * message is not of that form is converted per issue by `fromZodIssue`, as before.
 */

/** A compiled kind of issue: `fromZodIssue`'s code and message, with the received value left open. */
interface Template {
  code: ValidationIssue['code'];
  vi: string;
  en: string;
  /** Text after the received value's description, or `undefined` when the message does not name it. */
  viEnd: string | undefined;
  enEnd: string | undefined;
  /** Code and message when nothing was received (`input` undefined). */
  missing: ValidationIssue;
}

/** One kind of zod issue: everything but its path and received value. */
interface Kind {
  raw: Readonly<Record<string, unknown>>;
  /** The compiled template (`null`: not of the templated form; converted per issue). */
  template?: Template | null;
}

const kind = (raw: Record<string, unknown>): Kind => ({ raw });

const SENTINEL_A = '\u0001';
const SENTINEL_B = '\u0002';

function convert(
  raw: Readonly<Record<string, unknown>>,
  path: PropertyKey[],
  input: unknown,
): ValidationIssue {
  return fromZodIssue({ ...raw, path, input } as unknown as z.core.$ZodIssue);
}

/** `[before, after]` when `a` and `b` are one text around the two descriptions, `[a, undefined]` when equal. */
function split(a: string, b: string, da: string, db: string): [string, string | undefined] | null {
  if (a === b) return [a, undefined];
  const i = a.indexOf(da);
  if (i < 0 || a.indexOf(da, i + 1) >= 0) return null;
  const before = a.slice(0, i);
  const after = a.slice(i + da.length);
  return `${before}${db}${after}` === b ? [before, after] : null;
}

function compile(raw: Readonly<Record<string, unknown>>): Template | null {
  const a = convert(raw, [], SENTINEL_A);
  const b = convert(raw, [], SENTINEL_B);
  const missing = convert(raw, [], undefined);
  if (a.code !== b.code) return null;
  const da = describeValue(SENTINEL_A);
  const db = describeValue(SENTINEL_B);
  const vi = split(a.message.vi, b.message.vi, da, db);
  const en = split(a.message.en, b.message.en, da, db);
  if (vi === null || en === null) return null;
  return { code: a.code, vi: vi[0], en: en[0], viEnd: vi[1], enEnd: en[1], missing };
}

/** The located issue of `k` at `path` (its `formatPath` text) and `segments`, for the received `input`. */
function issueOf(k: Kind, path: string, segments: Array<string | number>, input: unknown): ValidationIssue {
  let t = k.template;
  if (t === undefined) {
    t = compile(k.raw);
    k.template = t;
  }
  if (t === null) return convert(k.raw, segments, input);
  if (input === undefined) {
    const m = t.missing;
    return { path, code: m.code, message: { vi: m.message.vi, en: m.message.en }, segments };
  }
  if (t.viEnd === undefined && t.enEnd === undefined)
    return { path, code: t.code, message: { vi: t.vi, en: t.en }, segments };
  const got = describeValue(input);
  return {
    path,
    code: t.code,
    message: {
      vi: t.viEnd === undefined ? t.vi : t.vi + got + t.viEnd,
      en: t.enEnd === undefined ? t.en : t.en + got + t.enEnd,
    },
    segments,
  };
}

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

const format = (re: RegExp) =>
  kind({ origin: 'string', code: 'invalid_format', format: 'regex', pattern: re.toString() });
const oneOfKind = (values: readonly string[]) => kind({ code: 'invalid_value', values: [...values] });

/** The kinds of issue the dossier schema raises, as zod raises them (less path and input). */
const K = {
  notString: kind({ expected: 'string', code: 'invalid_type' }),
  notNumber: kind({ expected: 'number', code: 'invalid_type' }),
  notInt: kind({ expected: 'int', format: 'safeint', code: 'invalid_type' }),
  notBoolean: kind({ expected: 'boolean', code: 'invalid_type' }),
  notArray: kind({ expected: 'array', code: 'invalid_type' }),
  notObject: kind({ expected: 'object', code: 'invalid_type' }),
  blank: kind({ origin: 'string', code: 'too_small', minimum: 1, inclusive: true }),
  communeCode: format(COMMUNE_CODE),
  provinceCode: format(PROVINCE_CODE),
  isoDate: format(ISO_DATE),
  invalidInstant: kind({ code: 'custom', params: INVALID_INSTANT }),
  invalidDate: kind({ code: 'custom', params: INVALID_DATE }),
  outOfRange: kind({ code: 'custom', params: OUT_OF_RANGE }),
  channel: oneOfKind(CHANNELS),
  onlineMode: oneOfKind(ONLINE_MODES),
  status: oneOfKind(DOSSIER_STATUSES),
  rating: oneOfKind(RATINGS),
  negative: kind({ origin: 'number', code: 'too_small', minimum: 0, inclusive: true }),
  over3650: kind({ origin: 'number', code: 'too_big', maximum: 3650, inclusive: true }),
  tooManySupplements: kind({ origin: 'array', code: 'too_big', maximum: 100, inclusive: true }),
};

/** Kinds of the cross-field rules' issues, by their params (constants of schemas.ts). */
const RULE_KINDS = new WeakMap<object, Kind>();
/** Kinds of unknown-key issues, by key list (a CSV file's extra column repeats on every row); bounded. */
const UNKNOWN_KINDS = new Map<string, Kind>();
const MAX_UNKNOWN_KINDS = 256;

const CHANNEL = new Set<unknown>(CHANNELS);
const MODE = new Set<unknown>(ONLINE_MODES);
const STATUS = new Set<unknown>(DOSSIER_STATUSES);
const RATING = new Set<unknown>(RATINGS);
const SUPPLEMENT_KEYS = new Set(['requestedAt', 'suppliedAt']);

type Field = DossierField;
const KEYS = new Set<string>(DOSSIER_FIELDS);
/** The `formatPath` text of each field. */
const PATH = Object.fromEntries(DOSSIER_FIELDS.map((f) => [f, formatPath([f])])) as Record<Field, string>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// How a field went: no issue, only issues zod continues after, an issue that stops the later checks
// (and the cross-field rules), or a shape this path leaves to the schema. Combined with `|`.
const OK = 0;
const SOFT = 1;
const HARD = 2;
const DECLINE = 4;

/** The issues of one record, in order. */
class Report {
  readonly issues: ValidationIssue[] = [];

  at(k: Kind, field: Field, input: unknown): void {
    this.issues.push(issueOf(k, PATH[field], [field], input));
  }

  /** An issue inside `supplementRequests`. */
  inside(k: Kind, segments: Array<string | number>, input: unknown): void {
    this.issues.push(issueOf(k, formatPath(segments), segments, input));
  }

  /** `z.string().trim().min(1)`, required. */
  text(field: Field, v: unknown): number {
    if (typeof v === 'string') {
      if (v.trim().length > 0) return OK;
      this.at(K.blank, field, '');
      return SOFT;
    }
    // An object (an array above all) has a length zod's min-length check would measure: the schema decides.
    if (typeof v === 'object' && v !== null) return DECLINE;
    this.at(K.notString, field, v);
    return HARD;
  }

  /** A string with a regex check (communeCode, provinceCode). */
  pattern(field: Field, v: unknown, re: RegExp, k: Kind, optional: boolean): number {
    if (typeof v === 'string') {
      re.lastIndex = 0;
      if (re.test(v)) return OK;
      this.at(k, field, v);
      return SOFT;
    }
    if (v === undefined && optional) return OK;
    this.at(K.notString, field, v);
    return HARD;
  }

  /** `InstantSchema`: a string, then a real instant, then in `DOSSIER_YEARS`. */
  instant(v: unknown, optional: boolean, field: Field, segments?: Array<string | number>): number {
    let k: Kind;
    let r = SOFT;
    if (typeof v === 'string') {
      const ms = parseInstant(v);
      if (Number.isNaN(ms)) k = K.invalidInstant;
      else if (!inDossierYears(ms)) k = K.outOfRange;
      else return OK;
    } else if (v === undefined && optional) return OK;
    else {
      k = K.notString;
      r = HARD;
    }
    if (segments) this.inside(k, segments, v);
    else this.at(k, field, v);
    return r;
  }

  /** `RealDateSchema`, optional: the date pattern, then a real day, then in `DOSSIER_YEARS` (all checks run). */
  realDate(field: Field, v: unknown): number {
    if (v === undefined) return OK;
    if (typeof v !== 'string') {
      this.at(K.notString, field, v);
      return HARD;
    }
    let r = OK;
    ISO_DATE.lastIndex = 0;
    if (!ISO_DATE.test(v)) {
      this.at(K.isoDate, field, v);
      r = SOFT;
    }
    if (parseIsoDay(v) === null) {
      this.at(K.invalidDate, field, v);
      r = SOFT;
    } else {
      const y = Number(v.slice(0, 4));
      if (!(y >= DOSSIER_YEARS.first && y <= DOSSIER_YEARS.last)) {
        this.at(K.outOfRange, field, v);
        r = SOFT;
      }
    }
    return r;
  }

  /** `z.enum(values)`, maybe optional. */
  oneOf(field: Field, v: unknown, set: Set<unknown>, k: Kind, optional: boolean): number {
    if (set.has(v) || (v === undefined && optional)) return OK;
    this.at(k, field, v);
    return HARD;
  }

  /** `z.number()` (or `z.int()`) with an inclusive minimum 0 and maybe a maximum, optional. */
  amount(field: Field, v: unknown, int: boolean, max: Kind | undefined, maximum: number): number {
    if (v === undefined) return OK;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.at(K.notNumber, field, v);
      return HARD;
    }
    if (int) {
      if (!Number.isInteger(v)) {
        this.at(K.notInt, field, v);
        return HARD;
      }
      // Beyond the safe integers zod adds an issue of its own first: the schema decides.
      if (!Number.isSafeInteger(v)) return DECLINE;
    }
    if (v < 0) this.at(K.negative, field, v);
    else if (max !== undefined && v > maximum) this.at(max, field, v);
    else return OK;
    return SOFT;
  }

  flag(field: Field, v: unknown): number {
    if (typeof v === 'boolean') return OK;
    this.at(K.notBoolean, field, v);
    return HARD;
  }

  /** `z.array(SupplementRequestSchema).max(100)`, required. */
  supplements(v: unknown): number {
    if (!Array.isArray(v)) {
      // zod's max-length check also measures a long string, or an object with a length: the schema decides.
      if ((typeof v === 'object' && v !== null) || (typeof v === 'string' && v.length > 100)) return DECLINE;
      this.at(K.notArray, 'supplementRequests', v);
      return HARD;
    }
    if (v.length > 100) {
      // zod checks the size before the items, and stops there.
      this.at(K.tooManySupplements, 'supplementRequests', v);
      return HARD;
    }
    let r = OK;
    for (let i = 0; i < v.length; i++) {
      const s = v[i];
      if (!isObject(s)) {
        this.inside(K.notObject, ['supplementRequests', i], s);
        r |= HARD;
        continue;
      }
      r |= this.instant(s.requestedAt, false, 'supplementRequests', ['supplementRequests', i, 'requestedAt']);
      r |= this.instant(s.suppliedAt, true, 'supplementRequests', ['supplementRequests', i, 'suppliedAt']);
      const unknown = unknownKeys(s, SUPPLEMENT_KEYS);
      if (unknown) {
        this.inside(unknownKind(unknown), ['supplementRequests', i], s);
        r |= SOFT;
      }
    }
    return r;
  }

  /** An issue of a cross-field rule. */
  rule(issue: DossierRuleIssue): void {
    let k = RULE_KINDS.get(issue.params);
    if (k === undefined) {
      k = kind({ code: 'custom', params: issue.params });
      RULE_KINDS.set(issue.params, k);
    }
    const segments = issue.path.map((s) => (typeof s === 'number' ? s : String(s)));
    this.issues.push(issueOf(k, formatPath(segments), segments, issue.input));
  }
}

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

function unknownKind(keys: string[]): Kind {
  const id = JSON.stringify(keys);
  let k = UNKNOWN_KINDS.get(id);
  if (k === undefined) {
    k = kind({ code: 'unrecognized_keys', keys });
    if (UNKNOWN_KINDS.size < MAX_UNKNOWN_KINDS) UNKNOWN_KINDS.set(id, k);
    else k.template = null; // not kept: converting it once costs less than compiling it
  }
  return k;
}

/**
 * The located, bilingual issues `DossierSchema` reports for `value` (without `record` and `line`),
 * exactly as converting the schema's own issues gives them; `[]` when the schema accepts the record;
 * `undefined` for the few shapes this compiled path leaves to the schema.
 */
export function explainDossier(value: unknown): ValidationIssue[] | undefined {
  const rep = new Report();
  if (!isObject(value)) {
    rep.issues.push(issueOf(K.notObject, '', [], value));
    return rep.issues;
  }
  const d = value;
  let r = rep.text('id', d.id);
  r |= rep.pattern('communeCode', d.communeCode, COMMUNE_CODE, K.communeCode, false);
  r |= rep.pattern('provinceCode', d.provinceCode, PROVINCE_CODE, K.provinceCode, true);
  r |= rep.text('procedureCode', d.procedureCode);
  r |= rep.instant(d.receivedAt, false, 'receivedAt');
  r |= rep.oneOf('channel', d.channel, CHANNEL, K.channel, false);
  r |= rep.oneOf('onlineMode', d.onlineMode, MODE, K.onlineMode, true);
  r |= rep.realDate('appointmentDate', d.appointmentDate);
  r |= rep.amount('processingDays', d.processingDays, true, K.over3650, 3650);
  r |= rep.instant(d.finishedAt, true, 'finishedAt');
  r |= rep.oneOf('status', d.status, STATUS, K.status, false);
  r |= rep.supplements(d.supplementRequests);
  r |= rep.oneOf('rating', d.rating, RATING, K.rating, true);
  r |= rep.flag('complaint', d.complaint);
  r |= rep.flag('feeBearing', d.feeBearing);
  r |= rep.amount('feeAmount', d.feeAmount, false, undefined, 0);
  r |= rep.flag('paidOnline', d.paidOnline);
  r |= rep.flag('digitised', d.digitised);
  r |= rep.flag('digitisedDataReused', d.digitisedDataReused);
  r |= rep.flag('electronicResult', d.electronicResult);
  if (r & DECLINE) return undefined;
  // A strict object: every other key (`__proto__` too), in `for…in` order, after the fields; zod
  // continues after this one, so the cross-field rules still run.
  const unknown = unknownKeys(d, KEYS);
  if (unknown) rep.issues.push(issueOf(unknownKind(unknown), '', [], d));
  if (!(r & HARD)) dossierRuleIssues(d as unknown as DossierRuleFields, (issue) => rep.rule(issue));
  return rep.issues;
}
