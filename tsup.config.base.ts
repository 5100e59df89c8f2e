import type { Options } from 'tsup';

/**
 * The one build configuration every published @cdsx package extends:
 * ESM + CJS with a declaration file for each (`.d.ts` / `.d.cts`), no minification
 * (readable stack traces for vendors), tree-shakeable output.
 */
export function packageBuild(entry: Options['entry'], overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    splitting: true,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
    outDir: 'dist',
    ...overrides,
  };
}
