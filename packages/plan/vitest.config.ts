import { defineProject } from 'vitest/config';
import { sharedTest, sourceConditions } from '../../vitest.shared';

export default defineProject({
  ...sourceConditions,
  test: {
    ...sharedTest,
    name: '@cdsx/plan',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
