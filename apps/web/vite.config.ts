import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Production builds resolve the @cdsx packages through their normal exports (their built `dist/`), exactly
// what a vendor embedding them would get. The dev server reads their TypeScript sources instead
// (the `@cdsx/source` export condition), so editing a package shows up without rebuilding it.
export default defineConfig(({ command }) => ({
  plugins: [react()],
  // Relative asset URLs: the built site can be served from any path (or any static host), no server logic.
  base: './',
  resolve: command === 'serve' ? { conditions: ['@cdsx/source', ...defaultClientConditions] } : {},
  build: {
    target: 'es2022',
    // The manifest lets scripts/size.mjs find the entry chunk and its static imports (the initial JS).
    manifest: true,
    sourcemap: false,
    // The budget that matters is the initial JS gzipped (≤ 250 kB), measured by scripts/size.mjs and checked
    // by the browser tests; Rollup's raw-size warning at 500 kB says nothing about it.
    chunkSizeWarningLimit: 1200,
  },
}));
