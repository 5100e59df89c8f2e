import type { DecisionRecord } from '@cdsx/rules';

// Counting communes per level lives in @cdsx/rules (`countLevels`, `countLevelsBy`); the edition's level
// list in @cdsx/criteria (`sortedLevels`). This module keeps what only the CLI's national summary shows.

/** A criterion that blocks the next level: a failed mandatory requirement in the record's gaps. */
export interface Blocker {
  criterion: string;
  /** Communes whose next level it blocks. */
  communes: number;
  /** Of those, how many only because the observation is missing. */
  notAvailable: number;
  /** The next levels it blocks, ascending. */
  levels: number[];
}

/** The criteria most often among the failed mandatory requirements of the next level, most frequent first. */
export function topBlockers(records: readonly DecisionRecord[], limit: number): Blocker[] {
  const byId = new Map<string, { communes: number; notAvailable: number; levels: Set<number> }>();
  for (const r of records) {
    if (!r.gaps) continue;
    for (const g of r.gaps.mandatory) {
      let b = byId.get(g.criterion);
      if (!b) {
        b = { communes: 0, notAvailable: 0, levels: new Set() };
        byId.set(g.criterion, b);
      }
      b.communes++;
      if (g.outcome === 'not_available') b.notAvailable++;
      b.levels.add(r.gaps.level);
    }
  }
  return [...byId.entries()]
    .map(([criterion, b]) => ({
      criterion,
      communes: b.communes,
      notAvailable: b.notAvailable,
      levels: [...b.levels].sort((x, y) => x - y),
    }))
    .sort(
      (a, b) =>
        b.communes - a.communes || (a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0),
    )
    .slice(0, limit);
}

/**
 * A share in percent for display: one decimal, or two significant digits below 0.1% so a non-zero share
 * never shows as 0%; `null` when the total is 0 (unknown, not 0%).
 */
export function percent(part: number, total: number): number | null {
  if (total === 0) return null;
  const p = (part / total) * 100;
  if (p === 0 || p >= 0.1) return Math.round(p * 10) / 10;
  return Number(p.toPrecision(2));
}
