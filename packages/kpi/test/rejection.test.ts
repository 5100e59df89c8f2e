/**
 * The compiled rejection path (src/rejection.ts) against the schema, issue 17 item 4: for every
 * generated bad dossier — one field at a time, combinations of one to three faults, wrong types,
 * unknown keys and `__proto__`, CSV-derived string values — the compiled issues are byte for byte
 * (JSON text, so key order too) the issues converted from the schema's own parse. Where the compiled
 * path declines, the schema decides; the test also bounds how often that happens.
 */
import type { ValidationIssue } from '@cdsx/criteria';
import { fromZodError } from '@cdsx/criteria/internal';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptDossier } from '../src/acceptor';
import { DOSSIER_FIELDS, DossierSchema, dossierFromCsvRow, readDossiers } from '../src/index';
import { explainDossier } from '../src/rejection';
import type { Dossier } from '../src/schemas';
import { edgeDossiers } from './edge-data';

/** The oracle: the schema's issues, converted as the readers convert them (`[]` when it accepts). */
function schemaIssues(value: unknown): ValidationIssue[] {
  const r = DossierSchema.safeParse(value, { reportInput: true });
  return r.success ? [] : fromZodError(r.error);
}

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

type Mutable = Record<string, unknown>;
type Fault = (d: Mutable, rnd: () => number) => void;

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)] as T;

// Values of every JSON type, for any field.
const ANY_TYPE: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  1e20,
  '',
  ' ',
  'x',
  'true',
  '1',
  true,
  false,
  {},
  { a: 1 },
  [],
  [1],
  ['a', 'b'],
  'y'.repeat(120),
];
const BAD_INSTANTS = [
  '2026-02-30T09:00:00+07:00',
  '2026-03-05',
  '2026-03-05T09:30:00',
  '2026-03-05T09:30:00+14:59',
  '2026-03-05T09:30:00-12:30',
  '0000-03-05T09:30:00Z',
  '1999-12-31T16:59:59Z',
  '2100-01-01T00:00:00+07:00',
  '9999-12-31T23:59:59Z',
  '2026-03-05 09:30:00+07:00',
  'garbage',
  '',
];
const BAD_DATES = [
  '2026-13-01',
  '2026-02-30',
  '2026-02-29',
  '1999-12-31',
  '2100-01-01',
  '0000-01-01',
  '26-3-5',
  '',
];
const TEXTS = ['', '  ', '\t', ' padded ', 'ok'];
const CODES = ['4', '0004', '000040', 'abcde', '0000١', ' 00004', ''];

/** One fault per kind, each picking its value at random. */
const FAULTS: Fault[] = [
  // Any field: missing, or a value of any type.
  (d, rnd) => delete d[pick(DOSSIER_FIELDS, rnd)],
  (d, rnd) => (d[pick(DOSSIER_FIELDS, rnd)] = pick(ANY_TYPE, rnd)),
  (d, rnd) => (d[pick(DOSSIER_FIELDS, rnd)] = pick(ANY_TYPE, rnd)),
  (d, rnd) => (d[pick(['id', 'procedureCode'], rnd)] = pick(TEXTS, rnd)),
  (d, rnd) => (d[pick(['communeCode', 'provinceCode'], rnd)] = pick(CODES, rnd)),
  (d, rnd) => (d[pick(['receivedAt', 'finishedAt'], rnd)] = pick(BAD_INSTANTS, rnd)),
  (d, rnd) => (d.appointmentDate = pick(BAD_DATES, rnd)),
  (d, rnd) =>
    (d[pick(['channel', 'onlineMode', 'status', 'rating'], rnd)] = pick(['fax', 'ONLINE', ' full', ''], rnd)),
  (d, rnd) =>
    (d.processingDays = pick([-1, 3651, 2.5, -0.5, '5', Number.POSITIVE_INFINITY, Number.NaN, 1e300], rnd)),
  (d, rnd) => (d.feeAmount = pick([-1, -0.01, '100', Number.POSITIVE_INFINITY, null], rnd)),
  // Cross-field rules.
  (d) => (d.onlineMode = d.channel === 'online' ? undefined : 'full'),
  (d) => {
    if (d.channel === 'online') delete d.onlineMode;
    else d.onlineMode = 'partial';
  },
  (d) => {
    delete d.appointmentDate;
    delete d.processingDays;
  },
  (d) => (d.status = d.finishedAt === undefined ? 'finished' : 'in_progress'),
  (d, rnd) => {
    d.status = pick(['rejected', 'withdrawn', 'finished'], rnd);
    delete d.finishedAt;
  },
  (d) => (d.finishedAt = '2026-01-01T00:00:00+07:00'),
  (d) => {
    d.paidOnline = true;
    d.feeBearing = false;
  },
  // Supplements.
  (d, rnd) =>
    (d.supplementRequests = [
      { requestedAt: pick([d.receivedAt, '2020-01-01T00:00:00Z', ...BAD_INSTANTS], rnd) },
    ]),
  (d, rnd) =>
    (d.supplementRequests = [
      { requestedAt: d.receivedAt, suppliedAt: pick(['2020-01-01T00:00:00Z', ...BAD_INSTANTS], rnd) },
    ]),
  (d, rnd) => (d.supplementRequests = [pick(ANY_TYPE, rnd), { requestedAt: d.receivedAt }]),
  (d, rnd) => (d.supplementRequests = [{ requestedAt: pick(ANY_TYPE, rnd), extra: 1 }]),
  (d) =>
    (d.supplementRequests = [
      JSON.parse(`{"requestedAt":${JSON.stringify(d.receivedAt ?? null)},"__proto__":1}`),
    ]),
  (d, rnd) =>
    (d.supplementRequests = Array.from({ length: pick([100, 101, 150], rnd) }, () => ({
      requestedAt: d.receivedAt,
    }))),
  (d, rnd) => (d.supplementRequests = pick(['a/b/GARBAGE', 'x'.repeat(101), 'x'.repeat(99)], rnd)),
  // Unknown keys, `__proto__` among them (an own key, as JSON.parse makes it), and numeric keys.
  (d, rnd) => (d[pick(['unknown', 'constructor', 'toString', '1', 'id#2', ''], rnd)] = pick(ANY_TYPE, rnd)),
  (d) =>
    Object.defineProperty(d, '__proto__', {
      value: { polluted: 1 },
      enumerable: true,
      writable: true,
      configurable: true,
    }),
];

/** A copy of `d` with one to three faults. */
function faulty(d: Dossier, rnd: () => number): Mutable {
  const v = JSON.parse(JSON.stringify(d)) as Mutable;
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) pick(FAULTS, rnd)(v, rnd);
  return v;
}

/** The CSV cell of a dossier field, as the readers' CSV writers make it. */
function cell(d: Dossier, c: string): string {
  const v = (d as unknown as Mutable)[c];
  if (v === undefined) return '';
  if (c === 'supplementRequests')
    return (v as Dossier['supplementRequests'])
      .map((s) => `${s.requestedAt}/${s.suppliedAt ?? ''}`)
      .join(';');
  return String(v);
}

const CSV_CELLS = [
  '',
  ' ',
  'x',
  'true',
  'yes',
  '0',
  '1',
  '-1',
  '1.5',
  '3651',
  '1e3',
  ' 12 ',
  `1${'0'.repeat(400)}`,
  'fax',
  'online',
  '2026-02-30',
  '2026-03-05T09:30:00+07:00',
  '2026-03-05T09:30:00+14:59',
  'a/b/GARBAGE',
  '2026-03-05T09:30:00+07:00/',
  '/2026-03-05T09:30:00+07:00',
  ';',
];

/** A CSV-derived record: the row of `d` with one to three cells replaced, through `dossierFromCsvRow`. */
function faultyCsv(d: Dossier, rnd: () => number): Mutable {
  const row: Record<string, string> = {};
  for (const c of DOSSIER_FIELDS) row[c] = cell(d, c);
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) {
    const r = rnd();
    if (r < 0.8) row[pick(DOSSIER_FIELDS, rnd)] = pick(CSV_CELLS, rnd);
    else row[pick(['extra', 'id#21', '__proto__#3'], rnd)] = pick(CSV_CELLS, rnd);
  }
  return dossierFromCsvRow(row);
}

/**
 * Compare the compiled path with the schema on `value`: the schema's issues, and whether the compiled
 * path answered (it may decline, never differ).
 */
function same(value: unknown): { answered: boolean; oracle: ValidationIssue[] } {
  const fast = explainDossier(value);
  const oracle = schemaIssues(value);
  // Byte-identical report: the JSON text, so key order and every message character.
  if (fast !== undefined) expect(JSON.stringify(fast)).toBe(JSON.stringify(oracle));
  return { answered: fast !== undefined, oracle };
}

describe('the compiled rejection path gives exactly the schema issues', () => {
  it('the shape order it follows is the schema order', () => {
    expect([...DOSSIER_FIELDS]).toEqual(Object.keys(DossierSchema.shape));
  });

  it('JSON records with one to three faults (10,000 cases)', { timeout: 120_000 }, () => {
    const rnd = prng(417);
    let cases = 0;
    let answered = 0;
    let rejected = 0;
    const codes = new Set<string>();
    for (const d of edgeDossiers(417, 10_000)) {
      const { answered: a, oracle } = same(faulty(d, rnd));
      cases++;
      if (a) answered++;
      if (oracle.length > 0) rejected++;
      for (const i of oracle) codes.add(i.code);
    }
    expect(cases).toBe(10_000);
    // Nearly every case is rejected, and the compiled path answers all but the shapes it leaves to the schema.
    expect(rejected).toBeGreaterThan(9_000);
    expect(answered / cases).toBeGreaterThan(0.9);
    // Every kind of issue the task names occurs among them.
    for (const code of [
      'required',
      'invalid_type',
      'invalid_value',
      'invalid_format',
      'invalid_instant',
      'invalid_date',
      'date_out_of_range',
      'out_of_range',
      'too_small',
      'too_big',
      'unrecognized_keys',
      'not_allowed',
      'finished_before_received',
      'before_received',
      'supplied_before_requested',
    ])
      expect(codes, code).toContain(code);
  });

  it('CSV-derived records: string cells through dossierFromCsvRow (10,000 cases)', {
    timeout: 120_000,
  }, () => {
    const rnd = prng(4170);
    let answered = 0;
    let n = 0;
    for (const d of edgeDossiers(4170, 10_000)) {
      n++;
      if (same(faultyCsv(d, rnd)).answered) answered++;
    }
    expect(answered / n).toBeGreaterThan(0.95);
  });

  it('every field set to every value of the catalogue, one at a time', () => {
    const [base] = [...edgeDossiers(5, 1)] as Dossier[];
    const values = [
      ...ANY_TYPE,
      ...BAD_INSTANTS,
      ...BAD_DATES,
      ...TEXTS,
      ...CODES,
      ...CSV_CELLS,
      -0,
      Number.MAX_SAFE_INTEGER + 2,
      Number.NEGATIVE_INFINITY,
    ];
    let answered = 0;
    let n = 0;
    for (const field of DOSSIER_FIELDS)
      for (const value of values) {
        const v = JSON.parse(JSON.stringify(base)) as Mutable;
        v[field] = value;
        n++;
        if (same(v).answered) answered++;
      }
    expect(answered / n).toBeGreaterThan(0.9);
  });

  it('records that are not objects, and empty or key-only objects', () => {
    for (const v of [
      null,
      undefined,
      0,
      'x',
      true,
      [],
      [{}],
      {},
      { id: 'x' },
      JSON.parse('{"__proto__":{}}'),
    ])
      expect(same(v).answered).toBe(true);
  });

  it('unknown keys: more distinct key lists than the compiled kinds kept (256) still match', () => {
    const [base] = [...edgeDossiers(7, 1)] as Dossier[];
    if (base === undefined) throw new Error('edgeDossiers gave no dossier');
    let answered = 0;
    for (let i = 0; i < 400; i++) {
      const v = JSON.parse(JSON.stringify(base)) as Mutable;
      v[`extra${i}`] = i;
      if (i % 3 === 0) v.supplementRequests = [{ requestedAt: base.receivedAt, [`x${i}`]: 1 }];
      if (same(v).answered) answered++;
    }
    expect(answered).toBe(400);
  });

  it('answers [] only for records the schema accepts (the acceptor declines those it would trim)', () => {
    for (const d of edgeDossiers(8, 500)) {
      const v = { ...d, id: ` ${d.id} ` };
      expect(acceptDossier(v)).toBeUndefined();
      expect(explainDossier(v)).toEqual([]);
      expect(DossierSchema.safeParse(v).success).toBe(true);
      expect(explainDossier(d)).toEqual([]);
    }
  });

  it('a fast-check property: random values in random fields', { timeout: 120_000 }, () => {
    const [base] = [...edgeDossiers(6, 1)] as Dossier[];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...DOSSIER_FIELDS), fc.string({ maxLength: 6 })),
            fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        (edits) => {
          const v = JSON.parse(JSON.stringify(base)) as Mutable;
          for (const [k, x] of edits) {
            if (k === '__proto__')
              Object.defineProperty(v, k, { value: x, enumerable: true, writable: true, configurable: true });
            else v[k] = x;
          }
          same(v);
        },
      ),
      { numRuns: 2000, seed: 17, endOnFailure: true },
    );
  });
});

describe('the reader reports what the schema reports', () => {
  it('readDossiers: every issue of every bad line is the schema issue, located by record and line', {
    timeout: 120_000,
  }, async () => {
    const rnd = prng(99);
    const values = [...edgeDossiers(99, 3000)].map((d, i) => (i % 4 === 0 ? d : faulty(d, rnd)));
    const text = values.map((v) => JSON.stringify(v)).join('\n');
    const reader = readDossiers(text, { maxIssues: 1_000_000, dedupe: false });
    for await (const _ of reader.batches());
    const expected: ValidationIssue[] = [];
    values.forEach((v, k) => {
      // The oracle reads the same JSON text (undefined values and a defined __proto__ do not survive it).
      const parsed = JSON.parse(JSON.stringify(v));
      for (const i of schemaIssues(parsed)) expected.push({ ...i, record: k + 1, line: k + 1 });
    });
    expect(reader.summary.rejected).toBeGreaterThan(2000);
    expect(JSON.stringify(reader.summary.issues)).toBe(JSON.stringify(expected));
  });
});
