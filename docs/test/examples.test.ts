import { join } from 'node:path';
import { contentHash } from '@cdsx/criteria/editions/0.1.0';
import { describe, expect, it } from 'vitest';
import { decide, easiestWins } from '../examples/assess.ts';
import { DOCS_ROOT } from '../scripts/generate.mjs';

// The JavaScript examples (ESM, CommonJS, JSON Schema) run against the built packages in `build`;
// the TypeScript one runs here, on the sources.
describe('getting-started TypeScript example', () => {
  it('decides the example assessment under the pinned edition', async () => {
    const record = await decide(join(DOCS_ROOT, 'examples', 'assessment.json'));
    expect(record.catalog).toMatchObject({ version: '0.1.0', contentHash });
    expect(record.commune.code).toBe('26732');
    expect(record.areaGroup).toBe('remote');
    // Five observations only: the level is provisional and the missing criteria are named.
    expect(record.provisional).toBe(true);
    expect(record.possibleLevel).toBeGreaterThan(record.level.level);
    expect(record.missingCriteria.length).toBeGreaterThan(0);
    expect(easiestWins(record, 2).length).toBeLessThanOrEqual(2);
  });

  it('reports a bad file with a located bilingual error', async () => {
    await expect(decide(join(DOCS_ROOT, 'package.json'))).rejects.toThrow(
      /commune: thiếu trường bắt buộc \/ required field is missing/,
    );
  });
});
