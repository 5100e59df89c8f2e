import { describe, expect, it } from 'vitest';
import { clone, makeEdition } from '../test/make-edition';
import { compareThresholds, extendedQuota, rankedLevels, sortedLevels, thresholdStrictness } from './levels';

describe('extendedQuota: ceil(share × applicable / 100), hand-computed', () => {
  it.each([
    [30, 10, 3], // 3.0 exactly
    [30, 11, 4], // 3.3 → 4
    [30, 0, 0], // nothing applies: nothing required
    [35, 20, 7], // 7.000000000000001 in floating point must not become 8
    [7, 100, 7], // 7.000000000000001 again
    [50, 1, 1], // 0.5 → 1
    [0, 12, 0],
    [100, 9, 9],
  ])('share %d%% of %d applicable → %d', (share, applicable, required) => {
    expect(extendedQuota(share, applicable)).toBe(required);
  });
});

describe('thresholds: which asks more', () => {
  it('orders >= upwards, <= downwards, booleans with true above false', () => {
    expect(compareThresholds('>=', 80, 90)).toBe(1);
    expect(compareThresholds('>=', 90, 80)).toBe(-1);
    expect(compareThresholds('<=', 5, 3)).toBe(1); // at most 3 days asks more than at most 5
    expect(compareThresholds('<=', 3, 5)).toBe(-1);
    expect(compareThresholds('=', false, true)).toBe(1);
    expect(compareThresholds('=', true, false)).toBe(-1);
    expect(compareThresholds('>=', 80, 80)).toBe(0);
  });

  it('does not order two different exact numeric thresholds', () => {
    expect(thresholdStrictness('=', 4)).toBeNull();
    expect(compareThresholds('=', 3, 4)).toBeNull();
    expect(compareThresholds('=', 4, 4)).toBe(0);
  });

  it('gives a strictness that grows with what is asked', () => {
    expect(thresholdStrictness('>=', 60)).toBe(60);
    expect(thresholdStrictness('<=', 3)).toBe(-3);
    expect(thresholdStrictness('=', true)).toBe(1);
  });
});

describe('level lists', () => {
  it('sorts the levels ascending without touching the edition', () => {
    const e = clone(makeEdition());
    const original = e.levels.map((l) => l.level);
    e.levels = [...e.levels].reverse();
    const before = JSON.stringify(e.levels);
    expect(sortedLevels(e).map((l) => l.level)).toEqual([...original].sort((a, b) => a - b));
    expect(rankedLevels(e).map((l) => l.level)).toEqual(
      [...original].sort((a, b) => a - b).filter((l) => l > 0),
    );
    expect(JSON.stringify(e.levels)).toBe(before);
  });
});
