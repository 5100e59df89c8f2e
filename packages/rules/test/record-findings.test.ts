import { COMMUNES } from '@cdsx/criteria/communes';
import { latestEdition } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import { assess, assessMany, assessWithEngine } from '../src/index';
import { generateSyntheticAssessments } from '../src/synthetic/index';

const { edition } = latestEdition;
const sample = generateSyntheticAssessments({ edition, communes: COMMUNES.slice(0, 40) });

describe('findings materialised on first read', () => {
  it('serialise in place, with the same key order as every other field', () => {
    const record = assess(sample[0]);
    const keys = Object.keys(record);
    expect(keys.indexOf('findings')).toBe(keys.indexOf('dimensions') + 1);
    const json = JSON.parse(JSON.stringify(record));
    expect(Object.keys(json)).toEqual(keys);
    expect(json.findings).toHaveLength(edition.criteria.length * (edition.levels.length - 1));
  });

  it('are the same through access, spread, structuredClone and the json-rules-engine path', async () => {
    for (const a of sample.slice(0, 10)) {
      const fast = assess(a);
      const spread = { ...assess(a) };
      const cloned = structuredClone(assess(a));
      const engine = await assessWithEngine(a);
      expect(spread.findings).toEqual(fast.findings);
      expect(cloned.findings).toEqual(fast.findings);
      expect(JSON.stringify(engine)).toBe(JSON.stringify(fast));
    }
  });

  it('can be replaced like a plain property', () => {
    const record = assess(sample[1]);
    record.findings = record.findings.filter((f) => f.outcome === 'not_met');
    expect(record.findings.every((f) => f.outcome === 'not_met')).toBe(true);
    expect(JSON.parse(JSON.stringify(record)).findings).toEqual(record.findings);
  });

  it('assessMany gives records byte-identical to assess', () => {
    const many = assessMany(sample);
    sample.forEach((a, i) => {
      expect(JSON.stringify(many[i])).toBe(JSON.stringify(assess(a)));
    });
  });
});
