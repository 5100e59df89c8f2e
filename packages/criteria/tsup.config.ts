import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

export default defineConfig(
  packageBuild({
    index: 'src/index.ts',
    internal: 'src/internal.ts',
    latest: 'src/latest.ts',
    'editions/index': 'src/editions/index.ts',
    'editions/0.1.0': 'src/editions/0.1.0.ts',
    'editions/0.2.0': 'src/editions/0.2.0.ts',
    'editions/0.3.0': 'src/editions/0.3.0.ts',
    'communes/index': 'src/communes/index.ts',
  }),
);
