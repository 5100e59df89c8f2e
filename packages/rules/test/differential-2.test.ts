import { describe, it } from 'vitest';
import { runDifferential } from './helpers/differential';

// Half of the ≥ 10,000-case differential test (two files so the two halves run on two workers).
describe('differential: json-rules-engine vs fast path vs naive reading (part 2/2)', () => {
  it(
    '5,000 random assessments: random area groups, values on / above / below thresholds, missing values, overlays',
    { timeout: 600_000 },
    () => runDifferential(20260502, 5_000),
  );
});
