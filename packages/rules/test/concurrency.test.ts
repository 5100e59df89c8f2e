import { COMMUNES } from '@cdsx/criteria/communes';
import { latestEdition } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import { assess, assessWithEngine } from '../src/index';
import { generateSyntheticAssessments } from '../src/synthetic/index';

describe('concurrency', () => {
  it('concurrent json-rules-engine assessments are each correct (one Engine per run)', {
    timeout: 60_000,
  }, async () => {
    const inputs = generateSyntheticAssessments({
      edition: latestEdition.edition,
      communes: COMMUNES.slice(0, 400),
      seed: 9,
    });
    // All runs in flight at once, interleaving on the event loop (each loads the edition it names on demand).
    const concurrent = await Promise.all(inputs.map((a) => assessWithEngine(a)));
    const expected = inputs.map((a) => assess(a, { edition: latestEdition }));
    expect(concurrent.map((r) => JSON.stringify(r))).toEqual(expected.map((r) => JSON.stringify(r)));
    // The inputs span several levels, so a skipped rule would show.
    expect(new Set(expected.map((r) => r.level.level)).size).toBeGreaterThan(1);
  });
});
