import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Canonical JSON (after RFC 8785): object keys sorted by UTF-16 code units, no whitespace,
 * numbers in ECMAScript form, `undefined` members omitted. The same data always gives the same text,
 * whatever order its keys were written in — the basis of every content hash.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: unsupported value of type ${typeof value}`);
}

/** SHA-256 of a UTF-8 string, lower-case hex. Synchronous and the same in Node and browsers. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * Content hash of any JSON value: `sha256:` + SHA-256 of its canonical JSON.
 *
 * @example
 * contentHashOf({ b: 1, a: 2 }) === contentHashOf({ a: 2, b: 1 }) // true
 */
export function contentHashOf(value: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(value))}`;
}
