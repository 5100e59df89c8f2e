import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

export default defineConfig(
  packageBuild(
    { index: 'src/index.ts', 'synthetic/index': 'src/synthetic/index.ts', node: 'src/node.ts' },
    // `import.meta.url` (the shipped fixtures directory) in the CommonJS build of `@cdsx/rules/node`.
    { shims: true },
  ),
);
