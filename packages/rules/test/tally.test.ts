import { describe, expect, it } from 'vitest';
import { countLevels, countLevelsBy, countRecord, emptyLevelCounts, levelsAscending } from '../src/index';

const rec = (level: number, provisional = false, group = 'urban') => ({
  level: { level },
  provisional,
  areaGroup: group,
});

describe('counting communes per level (hand-counted)', () => {
  const records = [
    rec(2),
    rec(0, true),
    rec(2, true),
    rec(1),
    rec(0),
    rec(2, false, 'remote'),
    rec(3, true, 'remote'),
  ];

  it('counts every record once, per level and provisional', () => {
    const c = countLevels(records);
    expect(c.total).toBe(7);
    expect(c.provisional).toBe(3);
    expect(levelsAscending(c)).toEqual([0, 1, 2, 3]);
    expect(c.byLevel.get(0)).toEqual({ communes: 2, provisional: 1 });
    expect(c.byLevel.get(1)).toEqual({ communes: 1, provisional: 0 });
    expect(c.byLevel.get(2)).toEqual({ communes: 3, provisional: 1 });
    expect(c.byLevel.get(3)).toEqual({ communes: 1, provisional: 1 });
  });

  it('groups by a key in first-seen order', () => {
    const g = countLevelsBy(records, (r) => r.areaGroup);
    expect([...g.keys()]).toEqual(['urban', 'remote']);
    expect(g.get('urban')!.total).toBe(5);
    expect(g.get('remote')!.byLevel.get(2)).toEqual({ communes: 1, provisional: 0 });
    expect(g.get('remote')!.byLevel.has(0)).toBe(false);
  });

  it('streams: counting one by one equals counting the whole list; empty counts are zero', () => {
    const streamed = emptyLevelCounts();
    for (const r of records) countRecord(streamed, r);
    expect(streamed).toEqual(countLevels(records));
    expect(countLevels([])).toEqual({ total: 0, provisional: 0, byLevel: new Map() });
  });
});
