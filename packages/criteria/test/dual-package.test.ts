import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Loads the two BUILT files side by side, as a vendor's app does when one dependency requires the CJS build
// and another imports the ESM build (build first: pnpm turbo run build --filter=@cdsx/criteria).
const esmPath = new URL('../dist/index.js', import.meta.url);
const cjsPath = new URL('../dist/index.cjs', import.meta.url);

describe.runIf(existsSync(esmPath) && existsSync(cjsPath))(
  'CdsxValidationError across ESM and CJS builds',
  () => {
    it('an error from one build is instanceof the other build’s class, and the guard accepts both', async () => {
      const esm = (await import(/* @vite-ignore */ esmPath.href)) as typeof import('../src/index');
      const cjs = createRequire(import.meta.url)(cjsPath.pathname) as typeof import('../src/index');
      expect(esm.CdsxValidationError).not.toBe(cjs.CdsxValidationError); // really two copies
      const issue = { path: 'x', code: 'required' as const, message: { vi: 'thiếu', en: 'missing' } };
      const fromEsm = new esm.CdsxValidationError([issue]);
      const fromCjs = new cjs.CdsxValidationError([issue]);
      expect(fromEsm instanceof cjs.CdsxValidationError).toBe(true);
      expect(fromCjs instanceof esm.CdsxValidationError).toBe(true);
      expect(esm.isCdsxValidationError(fromCjs) && cjs.isCdsxValidationError(fromEsm)).toBe(true);
      expect(fromEsm instanceof Error && fromCjs.issues[0]).toEqual(issue);
      expect(new Error('x') instanceof cjs.CdsxValidationError).toBe(false);
      expect(esm.isCdsxValidationError({ issues: [] })).toBe(false);
    });

    it('a subclass keeps the ordinary instanceof', async () => {
      const esm = (await import(/* @vite-ignore */ esmPath.href)) as typeof import('../src/index');
      class Sub extends esm.CdsxValidationError {}
      expect(new Sub([]) instanceof Sub).toBe(true);
      expect(new esm.CdsxValidationError([]) instanceof Sub).toBe(false);
      expect(new Sub([]) instanceof esm.CdsxValidationError).toBe(true);
    });
  },
);
