import { defineProject } from 'vitest/config';
import { sharedTest, sourceConditions } from '../../vitest.shared';

// The criteria release check (check-bump.mjs) and the `changeset version` round trip, on temporary
// copies of the repo. `@cdsx/criteria` resolves to its sources, so no build is needed.
export default defineProject({
  ...sourceConditions,
  test: {
    ...sharedTest,
    name: 'release',
    include: ['*.test.ts'],
    testTimeout: 30_000,
  },
});
