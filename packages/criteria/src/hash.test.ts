import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHashOf, sha256Hex } from './hash';

describe('canonicalJson', () => {
  it('sorts keys recursively and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
  it('rejects values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/non-finite/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/unsupported/);
  });
  it('escapes strings like JSON and keeps Vietnamese text as is', () => {
    expect(canonicalJson({ t: 'Đạt "chuẩn"\n' })).toBe('{"t":"Đạt \\"chuẩn\\"\\n"}');
  });
});

describe('contentHashOf', () => {
  it('is SHA-256 of the canonical form (known vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHashOf({ a: 1 })).toBe(`sha256:${sha256Hex('{"a":1}')}`);
  });
  it('does not depend on key order but does on any value', () => {
    expect(contentHashOf({ x: 1, y: [1, 2] })).toBe(contentHashOf({ y: [1, 2], x: 1 }));
    expect(contentHashOf({ x: 1, y: [1, 2] })).not.toBe(contentHashOf({ x: 1, y: [2, 1] }));
    expect(contentHashOf({ x: 1 })).not.toBe(contentHashOf({ x: 1.5 }));
  });
});
