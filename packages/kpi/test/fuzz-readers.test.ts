/**
 * Fuzz test of the dossier readers (issue 17): whatever the lines, every non-blank line is one record and
 * `records = accepted + rejected + duplicates`; every rejection is located and bilingual; nothing throws.
 * Fixed seed and bounded runs in CI; `pnpm fuzz` (CDSX_FUZZ=1) runs many more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDossiers } from '../src/index';
import { generateDossiers } from '../src/testing';

const FUZZ = process.env.CDSX_FUZZ === '1';
const params = {
  numRuns: FUZZ ? 5_000 : 100,
  seed: Number(process.env.CDSX_FUZZ_SEED ?? 17),
  endOnFailure: true,
};
const good = [...generateDossiers({ seed: 3, count: 20, communes: ['00004'], year: 2026 })].map((d) =>
  JSON.stringify(d),
);

const lineArb = fc.oneof(
  fc.constantFrom(...good),
  fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replace(/[\r\n]/g, '')),
  fc
    .tuple(fc.constantFrom(...good), fc.nat(), fc.string({ maxLength: 4 }))
    .map(([g, at, junk]) =>
      (g.slice(0, at % g.length) + junk + g.slice(at % g.length)).replace(/[\r\n]/g, ''),
    ),
  fc.constantFrom(
    '',
    ' ',
    '\t',
    '\u00a0',
    '\ufeff',
    '{}',
    '[]',
    'null',
    '{"__proto__":{"polluted":1}}',
    'x'.repeat(300),
  ),
);

describe('readDossiers fuzz', () => {
  it('counts every non-blank line once: records = accepted + rejected + duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 30 }), async (lines) => {
        const text = lines.join('\n');
        const reader = readDossiers(text, { maxRecordSize: 256 });
        // Oracle: a BOM that starts the file is the file's byte order mark, not a record.
        const body = text.startsWith('\ufeff') ? text.slice(1) : text;
        let n = 0;
        for await (const _ of reader) n++;
        const s = reader.summary;
        expect(s.accepted).toBe(n);
        expect(s.records).toBe(s.accepted + s.rejected + s.duplicates);
        expect(s.records).toBe(body.split('\n').filter((l) => !/^[ \t]*$/.test(l)).length);
        for (const i of s.issues) {
          expect(i.line).toBeGreaterThanOrEqual(1);
          expect(i.message.vi).not.toBe('');
          expect(i.message.en).not.toBe('');
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      params,
    );
  }, 180_000);
});
