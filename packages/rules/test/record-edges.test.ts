import type { CatalogEdition } from '@cdsx/criteria';
import { describe, expect, it } from 'vitest';
import { assess, assessMany, assessWithEngine } from '../src/index';
import mini from './helpers/mini-edition.json';

const edition = mini as unknown as CatalogEdition;
const commune = { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' as const };
const obs = (value: number | boolean) => ({ value, source: 'self_declared' as const });
const input = (observations: Record<string, ReturnType<typeof obs>>) => ({
  commune,
  period: '2026',
  catalogVersion: '0.1.0',
  observations,
});
const level1 = {
  'HT.01': obs(80),
  'HT.02': obs(true),
  'DV.01': obs(50),
  'DL.01': obs(10),
  'DV.02': obs(20),
  'AN.01': obs(1),
  'NL.01': obs(1),
  'QT.01': obs(false),
};

describe('a not_met finding never shows gap 0', () => {
  it('keeps the tiny positive gap of a value 5e-10 below its threshold, on both paths', async () => {
    const a = input({ ...level1, 'HT.01': obs(80 - 5e-10) });
    for (const r of [assess(a, { edition }), await assessWithEngine(a, { edition })]) {
      expect(r.level.level).toBe(0);
      const f = r.findings.find((x) => x.criterion === 'HT.01' && x.level === 1)!;
      expect(f.outcome).toBe('not_met');
      expect(f.gap).toBeGreaterThan(0);
      expect(f.gap).toBeCloseTo(5e-10, 13);
      const g = r.gaps!.mandatory.find((x) => x.criterion === 'HT.01')!;
      expect(g.gap).toBe(f.gap);
      expect(g.relativeGap).toBeGreaterThan(0);
    }
    // Every not_met numeric finding of a batch has a positive gap.
    const batch = assessMany(
      [1e-12, 1e-10, 4.9e-10, 1e-9, 0.1].map((d) =>
        input({ ...level1, 'HT.01': obs(90 - d), 'DV.01': obs(70 - d) }),
      ),
      { edition },
    );
    const notMet = batch.flatMap((r) =>
      r.findings.filter((f) => f.outcome === 'not_met' && typeof f.observed === 'number'),
    );
    expect(notMet.length).toBeGreaterThanOrEqual(10);
    for (const f of notMet) expect(f.gap).toBeGreaterThan(0);
  });
});

describe('missingCriteria', () => {
  it('lists every missing criterion required between the level and the possible level, decisive or not', () => {
    // Level 2 needs AN.01 (mandatory, missing); its extended share (2 of 4) is met without NL.01 (missing).
    const observations = {
      'HT.01': obs(90),
      'HT.02': obs(true),
      'DV.01': obs(70),
      'DL.01': obs(70),
      'DV.02': obs(5),
      'QT.01': obs(true),
    };
    const r = assess(input(observations), { edition });
    expect([r.level.level, r.possibleLevel, r.provisional]).toEqual([1, 2, true]);
    expect(r.missingCriteria).toEqual(['AN.01', 'NL.01']);
    // NL.01 alone cannot change the level: whatever its value, the possible level and the level stay.
    for (const v of [0, 5]) {
      const withNl = assess(input({ ...observations, 'NL.01': obs(v) }), { edition });
      expect([withNl.level.level, withNl.possibleLevel, withNl.missingCriteria]).toEqual([1, 2, ['AN.01']]);
    }
    // AN.01 is decisive.
    expect(assess(input({ ...observations, 'AN.01': obs(2) }), { edition }).level.level).toBe(2);
    // Not provisional → empty.
    expect(assess(input(level1), { edition }).missingCriteria).toEqual([]);
  });
});

describe('immutable inputs, no stale caches', () => {
  it('a caller mutating an unfrozen edition after first use gets decisions of the new content', async () => {
    const mine = structuredClone(edition);
    const before = assess(input(level1), { edition: mine });
    expect(before.level.level).toBe(1);
    // Raise the level-1 threshold of HT.01 (80 observed) beyond reach, in place.
    const ht01 = mine.criteria.find((c) => c.id === 'HT.01')!;
    (ht01.requirements.urban['1'] as { threshold: number }).threshold = 85;
    const after = assess(input(level1), { edition: mine });
    const fresh = assess(input(level1), { edition: structuredClone(mine) });
    const engine = await assessWithEngine(input(level1), { edition: mine });
    expect(after.level.level).toBe(0);
    expect(JSON.stringify(after)).toBe(JSON.stringify(fresh));
    expect(JSON.stringify(engine)).toBe(JSON.stringify(fresh));
    expect(after.catalog.contentHash).not.toBe(before.catalog.contentHash);
    // The caller's object is not frozen or changed by being used.
    expect(Object.isFrozen(mine)).toBe(false);
    // And the old content still decides as before (content-keyed cache, not identity).
    expect(JSON.stringify(assess(input(level1), { edition: structuredClone(edition) }))).toBe(
      JSON.stringify(before),
    );
  });
});
