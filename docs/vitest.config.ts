import { defineProject } from 'vitest/config';
import { sharedTest, sourceConditions } from '../vitest.shared';

export default defineProject({
  ...sourceConditions,
  test: {
    ...sharedTest,
    name: '@cdsx/docs',
    include: ['test/**/*.test.ts'],
  },
});
