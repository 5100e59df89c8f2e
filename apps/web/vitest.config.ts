import { defineProject } from 'vitest/config';
import { sharedTest, sourceConditions } from '../../vitest.shared';

// Unit tests (src/**/*.test.ts) run on the packages' sources; the browser tests (test/*.test.ts) drive
// Debian's Chromium against the built site in dist/, so they need `pnpm --filter @cdsx/web build` first
// (the root `pnpm check` builds before testing).
export default defineProject({
  ...sourceConditions,
  test: {
    ...sharedTest,
    name: '@cdsx/web',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
