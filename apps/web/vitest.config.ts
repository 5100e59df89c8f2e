import { defineProject } from 'vitest/config';
import { sharedTest, sourceConditions } from '../../vitest.shared';

// Unit tests (src/**/*.test.ts) run on the packages' sources; the browser tests (test/*.test.ts) drive
// Debian's Chromium against the built site in dist/, so they need `pnpm --filter @cdsx/web build` first
// (the root `pnpm check` builds before testing).
export default defineProject({
  ...sourceConditions,
  test: {
    ...sharedTest,
    // The browser tests poll the page; on a loaded 2-core CI machine a lazy chunk (exceljs, 280 kB gzip) can
    // take seconds, so polls wait up to 10 s (they return as soon as the page is right).
    expect: { ...sharedTest.expect, poll: { timeout: 10_000, interval: 50 } },
    name: '@cdsx/web',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser tests on a 2-core machine shared with other jobs: a single test can take 20–30 s under load.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
