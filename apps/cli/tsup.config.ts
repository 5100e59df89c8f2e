import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

// One ESM file for Node; dependencies (the @cdsx packages, zod, jsonc-parser) stay external and are
// resolved from node_modules at run time, so the CLI always runs the packages' published builds.
export default defineConfig(
  packageBuild(
    { cdsx: 'src/main.ts' },
    {
      format: ['esm'],
      dts: false,
      platform: 'node',
      splitting: false,
      banner: { js: '#!/usr/bin/env node' },
    },
  ),
);
