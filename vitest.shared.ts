import { defaultClientConditions, defaultServerConditions } from 'vite';

/**
 * Resolve workspace packages to their TypeScript sources (the `@cdsx/source` export condition),
 * so tests run against `src/` without a build.
 */
export const sourceConditions = {
  resolve: { conditions: ['@cdsx/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@cdsx/source', ...defaultServerConditions] } },
};

/**
 * Test options every project shares: a test that makes no assertion fails (`expect.requireAssertions`),
 * so a test that returns early or loops over nothing cannot pass silently.
 */
export const sharedTest = { expect: { requireAssertions: true } };
