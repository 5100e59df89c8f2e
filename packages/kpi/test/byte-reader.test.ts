/**
 * Differential tests of the byte reader: reading the same lines from byte chunks (split on LF bytes,
 * each line decoded alone) and from one string (the oracle) gives the same accepted dossiers and the
 * same summary — every issue with the same code, message, record, line and column. (The lines at the
 * edges of JSON below were first written for a byte-level parser, since removed; they stay as inputs.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDossiers } from '../src/index';
import { generateDossiers } from '../src/testing';

const enc = new TextEncoder();
const good = [
  ...generateDossiers({ seed: 12, count: 300, communes: ['00004', '00007', '26734'], year: 2026 }),
].map((d) => JSON.stringify(d));

/** Deep equality that also compares key order and tells -0 from 0. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The same summary and the same dossiers, each equal down to key order and -0 (see {@link same}). */
function expectSameRead(
  got: Awaited<ReturnType<typeof readAll>>,
  want: Awaited<ReturnType<typeof readAll>>,
): void {
  expect(got.summary).toEqual(want.summary);
  expect(got.out.length).toBe(want.out.length);
  got.out.forEach((d, i) => {
    expect(same(d, want.out[i])).toBe(true);
  });
}

/** Hand-written lines at the edges of JSON. */
const g0 = good.find(
  (g) =>
    /"feeAmount":\d+/.test(g) && g.includes('"supplementRequests":[]') && g.includes('"complaint":false'),
) as string;
/** `g0` with one edit, which must change it (else the edge case would silently be `g0` again). */
function swap(from: string | RegExp, to: string): string {
  const s = g0.replace(from, to);
  if (s === g0) throw new Error(`edge case not applied: ${String(from)}`);
  return s;
}
const EDGE = [
  g0,
  ` ${g0} `,
  `\t${g0}\r`,
  swap('{', '{ ').replaceAll(',"', ' , "').replaceAll('":', '" :\t'),
  swap('"feeAmount":', '"feeAmount":1e3,"x":').replace(',"x":', ',"feeAmount":'),
  swap(/"feeAmount":\d+/, '"feeAmount":1e3'),
  swap(/"feeAmount":\d+/, '"feeAmount":-0'),
  swap(/"feeAmount":\d+/, '"feeAmount":0.5'),
  swap(/"feeAmount":\d+/, '"feeAmount":1E+2'),
  swap(/"feeAmount":\d+/, '"feeAmount":123456789012345678901234567890'),
  swap(/"feeAmount":\d+/, '"feeAmount":9007199254740993'),
  swap(/"feeAmount":\d+/, '"feeAmount":012'),
  swap(/"feeAmount":\d+/, '"feeAmount":1.'),
  swap(/"feeAmount":\d+/, '"feeAmount":-'),
  swap(/"feeAmount":\d+/, '"feeAmount":.5'),
  swap(/"feeAmount":\d+/, '"feeAmount":1e'),
  swap(/"feeAmount":\d+/, '"feeAmount":null'),
  swap(/"feeAmount":\d+/, '"feeAmount":"20000"'),
  swap(/"feeAmount":\d+/, '"feeAmount":tru'),
  swap('"id":"', '"id":"\\u0032'),
  swap('"id":"', '"id":"Hà-'),
  swap('"id":"', '"id":"\u{1F600}'),
  swap('"id":"', '"id":"\ufffd'),
  swap('"id":"', '"id":"\u0001'),
  swap('"id":"', '"id":"\\"'),
  swap('{', '{"id":"dup",'),
  swap('{', '{"__proto__":{"x":1},'),
  swap('{', '{"constructor":1,'),
  swap('{', '{"Id":"x",'),
  swap('"supplementRequests":[]', '"supplementRequests":[{"requestedAt":"2026-03-28T10:00:00+07:00"}]'),
  swap(
    '"supplementRequests":[]',
    '"supplementRequests":[ { "requestedAt" : "2026-03-28T10:00:00+07:00" , "suppliedAt":"2026-03-29T10:00:00+07:00" } ]',
  ),
  swap('"supplementRequests":[]', '"supplementRequests":[{}]'),
  swap('"supplementRequests":[]', '"supplementRequests":[{"requestedAt":"a","requestedAt":"b"}]'),
  swap('"supplementRequests":[]', '"supplementRequests":[{"note":"a"}]'),
  swap('"supplementRequests":[]', '"supplementRequests":[1]'),
  swap('"supplementRequests":[]', '"supplementRequests":[[]]'),
  swap('"supplementRequests":[]', '"supplementRequests":[{},]'),
  swap('"supplementRequests":[]', '"supplementRequests":{}'),
  swap('"complaint":false', '"complaint":{"a":[1]}'),
  swap('"complaint":false', '"complaint":[false]'),
  g0.slice(0, -1),
  g0.slice(0, 40),
  `${g0},`,
  `${g0}{}`,
  `${g0}x`,
  `\ufeff${g0}`,
  '{}',
  '{ }',
  '[]',
  '',
  '   ',
  'null',
  '"x"',
  '{"id":}',
  '{"id" "x"}',
  '{"id":"x",}',
  '{,}',
];

/** Random edits of valid lines: insert, delete or replace a few characters (any Unicode). */
const mutatedArb = fc
  .tuple(fc.constantFrom(...good), fc.nat(), fc.nat({ max: 3 }), fc.string({ unit: 'binary', maxLength: 3 }))
  .map(([g, at, del, ins]) => {
    const i = at % g.length;
    return (g.slice(0, i) + ins + g.slice(i + del)).replace(/[\r\n]/g, '');
  });

/** Bytes of `text` in chunks cut at the given points, as Buffers or plain Uint8Arrays. */
async function* chunked(bytes: Uint8Array, cuts: number[], plain: boolean): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of [...new Set(cuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b)) {
    const part = bytes.slice(at, c);
    yield plain ? part : Buffer.from(part);
    at = c;
  }
  const last = bytes.slice(at);
  yield plain ? last : Buffer.from(last);
}

async function readAll(reader: ReturnType<typeof readDossiers>) {
  const out: unknown[] = [];
  for await (const batch of reader.batches()) out.push(...batch);
  return { out, summary: reader.summary };
}

const lineArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...good) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE) },
  { weight: 2, arbitrary: mutatedArb },
  { weight: 1, arbitrary: fc.constantFrom(...good.slice(0, 5)) }, // duplicates
);

describe('readDossiers from bytes (line by line) vs from one string', () => {
  it('accepts the same dossiers and reports the same issues, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom(undefined, 300, 600),
        fc.boolean(),
        async (lines, cuts, plain, eol, maxRecordSize, trailing) => {
          const text = lines.join(eol) + (trailing ? eol : '');
          const options = maxRecordSize === undefined ? {} : { maxRecordSize };
          const oracle = await readAll(readDossiers(text, options));
          const fromBytes = await readAll(readDossiers(chunked(enc.encode(text), cuts, plain), options));
          expectSameRead(fromBytes, oracle);
        },
      ),
      { numRuns: 200, seed: 12 },
    );
  }, 120_000);

  it('drops a BOM only at the start of the stream, and counts lines across a hand-over', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const body = enc.encode(`${good[1]}\n${'x'.repeat(700)}\n${good[2]}\n\ufeff${good[3]}\n`);
    const all = new Uint8Array(bom.length + body.length);
    all.set(bom);
    all.set(body, bom.length);
    const text = new TextDecoder().decode(all); // drops the leading BOM, keeps the inner one
    for (const cuts of [[], [1], [2, 5], [500, 900], [3, 420]]) {
      const oracle = await readAll(readDossiers(text, { maxRecordSize: 600 }));
      const fromBytes = await readAll(readDossiers(chunked(all, cuts, false), { maxRecordSize: 600 }));
      expect(fromBytes.summary).toEqual(oracle.summary);
      expect(fromBytes.summary.accepted).toBe(2);
      expect(fromBytes.summary.issuesByCode.record_too_large).toBe(1);
      expect(fromBytes.summary.issuesByCode.invalid_json).toBe(1);
      expect(fromBytes.out).toEqual(oracle.out);
    }
    // Without a leading BOM the byte path handles the whole stream, and still hands over the long line.
    const fromBytes = await readAll(readDossiers(chunked(body, [10, 450], true), { maxRecordSize: 600 }));
    const oracle = await readAll(readDossiers(new TextDecoder().decode(body), { maxRecordSize: 600 }));
    expect(fromBytes.summary).toEqual(oracle.summary);
    expect(fromBytes.summary.issues.map((i) => [i.code, i.line])).toEqual([
      ['record_too_large', 2],
      ['invalid_json', 4],
    ]);
  });
});

/** A valid line's bytes with raw bytes (any but LF, often not UTF-8) put in at one place. */
const rawBytesLineArb = fc
  .tuple(
    fc.constantFrom(...good),
    fc.nat(),
    fc.uint8Array({ minLength: 1, maxLength: 4 }).map((b) => b.map((x) => (x === 10 ? 0x80 : x))),
  )
  .map(([g, at, raw]) => {
    const bytes = enc.encode(g);
    const i = at % (bytes.length + 1);
    const out = new Uint8Array(bytes.length + raw.length);
    out.set(bytes.subarray(0, i));
    out.set(raw, i);
    out.set(bytes.subarray(i), i + raw.length);
    return out;
  });

describe('readDossiers from bytes: chunks decoded at once vs line by line', () => {
  it('gives what decoding the whole stream gives, with invalid UTF-8 bytes (one U+FFFD each, or not) and ASCII', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...good).map((g) => enc.encode(g)) },
            { weight: 2, arbitrary: rawBytesLineArb },
            { weight: 1, arbitrary: fc.constantFrom(...EDGE.slice(1)).map((g) => enc.encode(g)) },
          ),
          { maxLength: 20 },
        ),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.boolean(),
        async (lines, cuts, plain) => {
          const size = lines.reduce((n, l) => n + l.length + 1, 0);
          const all = new Uint8Array(size);
          let at = 0;
          for (const l of lines) {
            all.set(l, at);
            all[at + l.length] = 10;
            at += l.length + 1;
          }
          // No BOM at the start here (a leading BOM is tested above): decode the stream as a whole.
          if (all[0] === 0xef) all[0] = 0x20;
          const oracle = await readAll(readDossiers(new TextDecoder().decode(all)));
          const fromBytes = await readAll(readDossiers(chunked(all, cuts, plain)));
          expectSameRead(fromBytes, oracle);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  }, 120_000);
});

describe('readDossiers from bytes: chunks larger than a decoding block (16 KiB)', () => {
  it('gives what decoding the whole stream gives, with a non-ASCII or invalid line in some blocks', async () => {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < 600; i++) {
      const g = good[i % good.length] as string;
      if (i % 97 === 13) parts.push(enc.encode(g.replace('"id":"', '"id":"Hà-')));
      else if (i % 89 === 40)
        parts.push(new Uint8Array([...enc.encode(g.slice(0, 30)), 0xc3, 0x80, 0xff, 0x41]));
      else parts.push(enc.encode(g));
    }
    const size = parts.reduce((n, p) => n + p.length + 2, 0);
    for (const eol of [[10], [13, 10]]) {
      const all = new Uint8Array(size);
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        all.set(eol, at + p.length);
        at += p.length + eol.length;
      }
      const bytes = all.subarray(0, at);
      const oracle = await readAll(readDossiers(new TextDecoder().decode(bytes)));
      expect(oracle.summary.issuesByCode.invalid_utf8).toBeGreaterThan(0);
      for (const cuts of [[], [70_000], [16_384, 16_385, 100_000, 200_001], [1, 131_072]]) {
        const fromBytes = await readAll(readDossiers(chunked(bytes, cuts, false)));
        expect(fromBytes.summary).toEqual(oracle.summary);
        expect(fromBytes.out).toEqual(oracle.out);
      }
    }
  });
});
