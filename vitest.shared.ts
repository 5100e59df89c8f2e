import { defaultClientConditions, defaultServerConditions } from 'vite';

/**
 * Resolve workspace packages to their TypeScript sources (the `@cdsx/source` export condition),
 * so tests run against `src/` without a build.
 */
export const sourceConditions = {
  resolve: { conditions: ['@cdsx/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@cdsx/source', ...defaultServerConditions] } },
};
