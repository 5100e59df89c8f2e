import { DOSSIER_FIELDS } from './schemas';

/**
 * A parser for the common shape of one NDJSON dossier line, straight from its UTF-8 bytes: a flat
 * JSON object whose keys are dossier fields, each once, with string, number and boolean values, and
 * `supplementRequests` an array of flat objects with `requestedAt` / `suppliedAt` strings. It builds
 * exactly the object `JSON.parse` would (same keys in the same order, same values) without decoding
 * the line to a string first, or returns `undefined` — declines — for anything else: a byte ≥ 0x80,
 * an escape, `null`, an unknown or repeated key, deeper nesting, a syntax error. A declined line goes
 * the ordinary way (decode, `JSON.parse`, the schema), so every bad-record report stays the same.
 * Tested differentially against `JSON.parse` (test/fast-json.test.ts).
 */

type Bytes = Uint8Array;

/** Known keys by length: their bytes and bit. */
interface Key {
  name: string;
  bytes: Uint8Array;
  bit: number;
}
const KEYS_BY_LENGTH: Key[][] = [];
if (DOSSIER_FIELDS.length > 30) throw new Error('fast-json: too many dossier fields for the key bitmask');
DOSSIER_FIELDS.forEach((name, i) => {
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  const same = KEYS_BY_LENGTH[name.length] ?? [];
  same.push({ name, bytes, bit: 2 ** i });
  KEYS_BY_LENGTH[name.length] = same;
});
const REQUESTED_AT = Uint8Array.from('requestedAt', (c) => c.charCodeAt(0));
const SUPPLIED_AT = Uint8Array.from('suppliedAt', (c) => c.charCodeAt(0));

type Latin1Slice = (this: Bytes, start: number, end: number) => string;
/** Node's native one-byte decoder when present (the browser build falls back to fromCharCode). */
const latin1Slice: Latin1Slice | undefined = (
  globalThis as { Buffer?: { prototype: { latin1Slice?: Latin1Slice } } }
).Buffer?.prototype.latin1Slice;

/** Recently seen short strings (codes, enum values, dates) by hash: shared, never a wrong string. */
const INTERN_MAX = 12;
const INTERN_SIZE = 4096;
const interned: (string | undefined)[] = new Array(INTERN_SIZE).fill(undefined);

/** The string of ASCII bytes `[a, b)` (a short one shared with its earlier occurrences). */
function text(buf: Bytes, a: number, b: number): string {
  const n = b - a;
  const native = latin1Slice !== undefined && (buf as { latin1Slice?: unknown }).latin1Slice === latin1Slice;
  if (n > INTERN_MAX)
    return native
      ? (latin1Slice as Latin1Slice).call(buf, a, b)
      : String.fromCharCode.apply(null, buf.subarray(a, b) as unknown as number[]);
  let h = 0x811c9dc5;
  for (let k = a; k < b; k++) h = Math.imul(h ^ (buf[k] as number), 0x01000193);
  const slot = (h ^ (h >>> 15)) & (INTERN_SIZE - 1);
  const s = interned[slot];
  if (s !== undefined && s.length === n) {
    let k = 0;
    while (k < n && s.charCodeAt(k) === buf[a + k]) k++;
    if (k === n) return s;
  }
  let made: string;
  if (native) made = (latin1Slice as Latin1Slice).call(buf, a, b);
  else {
    made = '';
    for (let k = a; k < b; k++) made += String.fromCharCode(buf[k] as number);
  }
  interned[slot] = made;
  return made;
}

// Parser state (one parse at a time; no allocation beyond the result).
let pos = 0;
let strStart = 0;

function skipWs(buf: Bytes, end: number): number {
  let c = buf[pos] as number;
  while (pos < end && (c === 32 || c === 9 || c === 13 || c === 10)) c = buf[++pos] as number;
  return pos < end ? c : -1;
}

/** Scan a string whose opening quote is at `pos`: sets `strStart`, and `pos` after the closing quote. */
function scanString(buf: Bytes, end: number): boolean {
  let i = pos + 1;
  strStart = i;
  for (;;) {
    if (i >= end) return false;
    const c = buf[i] as number;
    if (c === 34) break;
    // Escapes, control characters and non-ASCII: JSON.parse decides.
    if (c === 92 || c < 32 || c > 126) return false;
    i++;
  }
  pos = i + 1;
  return true;
}

function keyIs(buf: Bytes, a: number, key: Uint8Array): boolean {
  for (let k = 0; k < key.length; k++) if (buf[a + k] !== key[k]) return false;
  return true;
}

const DECLINE = Symbol('decline');

/** A JSON number at `pos` (grammar checked), or DECLINE. */
function number(buf: Bytes, end: number): number | typeof DECLINE {
  const a = pos;
  let i = pos;
  let neg = false;
  if (buf[i] === 45) {
    neg = true;
    i++;
  }
  const d0 = i;
  if (i >= end) return DECLINE;
  let c = buf[i] as number;
  if (c === 48) i++;
  else if (c >= 49 && c <= 57) {
    do i++;
    while (i < end && (buf[i] as number) >= 48 && (buf[i] as number) <= 57);
  } else return DECLINE;
  let simple = i - d0 <= 15;
  if (i < end && buf[i] === 46) {
    simple = false;
    i++;
    const f = i;
    while (i < end && (buf[i] as number) >= 48 && (buf[i] as number) <= 57) i++;
    if (i === f) return DECLINE;
  }
  c = i < end ? (buf[i] as number) : -1;
  if (c === 101 || c === 69) {
    simple = false;
    i++;
    if (buf[i] === 43 || buf[i] === 45) i++;
    const e = i;
    while (i < end && (buf[i] as number) >= 48 && (buf[i] as number) <= 57) i++;
    if (i === e) return DECLINE;
  }
  pos = i;
  if (simple) {
    let v = 0;
    for (let k = d0; k < i; k++) v = v * 10 + ((buf[k] as number) - 48);
    return neg ? -v : v;
  }
  let s = '';
  for (let k = a; k < i; k++) s += String.fromCharCode(buf[k] as number);
  return Number(s);
}

/** `true`, `false`, a number or a string at `pos`, or DECLINE. */
function scalar(buf: Bytes, end: number, c: number): unknown {
  if (c === 34) {
    if (!scanString(buf, end)) return DECLINE;
    return text(buf, strStart, pos - 1);
  }
  if (c === 116) {
    if (pos + 4 <= end && buf[pos + 1] === 114 && buf[pos + 2] === 117 && buf[pos + 3] === 101) {
      pos += 4;
      return true;
    }
    return DECLINE;
  }
  if (c === 102) {
    if (
      pos + 5 <= end &&
      buf[pos + 1] === 97 &&
      buf[pos + 2] === 108 &&
      buf[pos + 3] === 115 &&
      buf[pos + 4] === 101
    ) {
      pos += 5;
      return false;
    }
    return DECLINE;
  }
  if (c === 45 || (c >= 48 && c <= 57)) return number(buf, end);
  return DECLINE;
}

/** The supplement requests array at `pos` (`[` seen), or DECLINE. */
function supplements(buf: Bytes, end: number): unknown[] | typeof DECLINE {
  const out: unknown[] = [];
  pos++;
  let c = skipWs(buf, end);
  if (c === 93) {
    pos++;
    return out;
  }
  for (;;) {
    if (c !== 123) return DECLINE;
    pos++;
    const o: Record<string, unknown> = {};
    let seen = 0;
    c = skipWs(buf, end);
    if (c === 125) pos++;
    else
      for (;;) {
        if (c !== 34 || !scanString(buf, end)) return DECLINE;
        const ka = strStart;
        const kn = pos - 1 - ka;
        let name: string;
        if (kn === 11 && keyIs(buf, ka, REQUESTED_AT) && (seen & 1) === 0) {
          name = 'requestedAt';
          seen |= 1;
        } else if (kn === 10 && keyIs(buf, ka, SUPPLIED_AT) && (seen & 2) === 0) {
          name = 'suppliedAt';
          seen |= 2;
        } else return DECLINE;
        if (skipWs(buf, end) !== 58) return DECLINE;
        pos++;
        c = skipWs(buf, end);
        if (c !== 34 || !scanString(buf, end)) return DECLINE;
        o[name] = text(buf, strStart, pos - 1);
        c = skipWs(buf, end);
        if (c === 44) {
          pos++;
          c = skipWs(buf, end);
          continue;
        }
        if (c !== 125) return DECLINE;
        pos++;
        break;
      }
    out.push(o);
    c = skipWs(buf, end);
    if (c === 44) {
      pos++;
      c = skipWs(buf, end);
      continue;
    }
    if (c !== 93) return DECLINE;
    pos++;
    return out;
  }
}

/**
 * The object `JSON.parse` gives for the UTF-8 bytes `[start, end)` of one line when the line has the
 * common dossier shape (see the module comment), else `undefined`.
 */
export function parseDossierLine(
  buf: Bytes,
  start: number,
  end: number,
): Record<string, unknown> | undefined {
  pos = start;
  let c = skipWs(buf, end);
  if (c !== 123) return undefined;
  pos++;
  const out: Record<string, unknown> = {};
  let seen = 0;
  c = skipWs(buf, end);
  if (c === 125) pos++;
  else
    for (;;) {
      if (c !== 34 || !scanString(buf, end)) return undefined;
      const ka = strStart;
      const candidates = KEYS_BY_LENGTH[pos - 1 - ka];
      if (candidates === undefined) return undefined;
      let key: Key | undefined;
      for (const k of candidates)
        if (keyIs(buf, ka, k.bytes)) {
          key = k;
          break;
        }
      if (key === undefined || (seen & key.bit) !== 0) return undefined;
      seen |= key.bit;
      if (skipWs(buf, end) !== 58) return undefined;
      pos++;
      c = skipWs(buf, end);
      const v = c === 91 && key.name === 'supplementRequests' ? supplements(buf, end) : scalar(buf, end, c);
      if (v === DECLINE) return undefined;
      out[key.name] = v;
      c = skipWs(buf, end);
      if (c === 44) {
        pos++;
        c = skipWs(buf, end);
        continue;
      }
      if (c !== 125) return undefined;
      pos++;
      break;
    }
  return skipWs(buf, end) === -1 ? out : undefined;
}
