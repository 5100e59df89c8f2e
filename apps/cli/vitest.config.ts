import { defineProject } from 'vitest/config';
import { sharedTest, sourceConditions } from '../../vitest.shared';

export default defineProject({
  ...sourceConditions,
  test: {
    ...sharedTest,
    name: '@cdsx/cli',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The tests run the built CLI as a separate process: allow for process start-up on a busy CI machine.
    testTimeout: 60_000,
  },
});
