import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

export default defineConfig(
  packageBuild({
    index: 'src/index.ts',
    'editions/1.0.0': 'src/editions/1.0.0.ts',
  }),
);
