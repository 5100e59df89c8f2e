import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// Production builds resolve the @cdsx packages through their normal exports (their built `dist/`), exactly
// what a vendor embedding them would get. The dev server reads their TypeScript sources instead
// (the `@cdsx/source` export condition), so editing a package shows up without rebuilding it.
export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    // Installable and offline after one visit: a Workbox service worker precaches the whole built site
    // (every chunk, lazy ones included — the province view, the editions, exceljs), so a reload without
    // network works and a redeploy never leaves an open page without its chunks. The registration script is
    // a separate ~150-byte file, not part of the entry chunk.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Chuyển đổi số cấp xã — cdsx',
        short_name: 'CĐS cấp xã',
        description: 'Mức độ chuyển đổi số cấp xã, điểm còn thiếu, KPI (dữ liệu mô phỏng hoặc của bạn)',
        lang: 'vi',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        // Links carry their state in the query string; every navigation is the one page.
        navigateFallback: 'index.html',
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // Relative asset URLs: the built site can be served from any path (or any static host), no server logic.
  base: './',
  resolve: command === 'serve' ? { conditions: ['@cdsx/source', ...defaultClientConditions] } : {},
  build: {
    target: 'es2022',
    // The manifest lets scripts/size.mjs find the entry chunk and its static imports (the initial JS).
    manifest: true,
    sourcemap: false,
    // The budget that matters is the initial JS gzipped, measured by scripts/size.mjs and checked by the
    // browser tests; Rollup's raw-size warning at 500 kB says nothing about it.
    chunkSizeWarningLimit: 1200,
  },
}));
