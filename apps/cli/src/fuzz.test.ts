/**
 * Fuzz tests of the CLI entry points, in process (issue 17): hostile standard input never crashes `cdsx`,
 * never prints an internal error or a stack trace, exits 0 or 1, and never writes a raw control character.
 * Fixed seed and bounded runs in CI; `pnpm fuzz` (CDSX_FUZZ=1) runs many more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from './cli';

const FUZZ = process.env.CDSX_FUZZ === '1';
const RUNS = FUZZ ? 5_000 : 60;
const params = { numRuns: RUNS, seed: Number(process.env.CDSX_FUZZ_SEED ?? 17), endOnFailure: true };
const TIMEOUT = FUZZ ? 3_600_000 : 180_000;

async function cdsx(args: string[], stdin: string) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: async () => stdin,
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

const assessment = JSON.stringify({
  commune: { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' },
  period: '2026-Q1',
  catalogVersion: '0.2.0',
  observations: {},
});
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .tuple(fc.nat({ max: assessment.length }), fc.string({ unit: 'binary', maxLength: 8 }))
    .map(([at, junk]) => assessment.slice(0, at) + junk + assessment.slice(at)),
  fc
    .array(fc.constantFrom(assessment, '', '\u00a0', '{"a":1,}', '\ufeff', '{"__proto__":{}}'), {
      maxLength: 6,
    })
    .map((l) => l.join('\n')),
  fc.nat({ max: 2000 }).map((n) => '['.repeat(n)),
);
// Printed control characters other than newline (and the tab of aligned help) would be an injection.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('cdsx on hostile standard input', () => {
  for (const args of [
    ['validate', '-'],
    ['validate', '-', '--kind', 'assessment'],
    ['assess', '-', '--format', 'md'],
    ['kpi', '-', '--period', '2026-Q1'],
  ]) {
    it(
      `cdsx ${args.join(' ')}: exits 0 or 1, no internal error, no stack, no raw control character`,
      async () => {
        await fc.assert(
          fc.asyncProperty(hostile, async (input) => {
            const r = await cdsx(args, input);
            expect([0, 1]).toContain(r.code);
            expect(r.stderr).not.toMatch(/lỗi nội bộ|internal error/);
            expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
            expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
            expect(Object.prototype).not.toHaveProperty('polluted');
          }),
          params,
        );
      },
      TIMEOUT,
    );
  }
});
