import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared';

// TEMPORARY: until @cdsx/criteria commits editions/0.1.0.json, stand in the mini test edition for it.
const realEdition = fileURLToPath(new URL('../criteria/src/editions/0.1.0.json', import.meta.url));
const alias = existsSync(realEdition)
  ? []
  : [
      {
        find: /^\.\/0\.1\.0\.json$/,
        replacement: fileURLToPath(new URL('./test/helpers/mini-edition.json', import.meta.url)),
      },
    ];

export default defineProject({
  ...sourceConditions,
  resolve: { ...sourceConditions.resolve, alias },
  test: {
    name: '@cdsx/rules',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
