import type { GroupDimension, GroupKey, GroupResult } from './calculators';
import { type KpiId, type KpiResult, kpiResult } from './kpis';

/**
 * The counts of one group: per KPI, `[numerator, denominator]`. Counts — never rates — are what
 * every executor returns (JavaScript, DuckDB, PostgreSQL, a shard in another process), so partial
 * results merge by adding ({@link mergeKpiCounts}) and are finished once ({@link groupsFromCounts}).
 */
export interface KpiCounts {
  key: GroupKey;
  counts: Partial<Record<KpiId, [numerator: number, denominator: number]>>;
}

/** The sort id of a key: its values in `by` order (the order `finish()` sorts groups in). */
export function groupId(key: GroupKey, by: readonly GroupDimension[]): string {
  let id = '';
  for (const dim of by) {
    const v = dim === 'commune' ? key.commune : dim === 'province' ? key.province : key.period;
    id += `${v}|`;
  }
  return id;
}

/**
 * Merge partial counts (shards, partitions, per-process results of the same options): counts of
 * the same group are added. The result is sorted by group like `finish()`: merging shards in any
 * order gives byte-identical output.
 *
 * @example
 * ```ts
 * const all = mergeKpiCounts([shard1, shard2, shard3], ['commune', 'quarter']);
 * groupsFromCounts(all, ['commune', 'quarter']); // = the single run's finish()
 * ```
 */
export function mergeKpiCounts(
  parts: ReadonlyArray<readonly KpiCounts[]>,
  by: readonly GroupDimension[],
): KpiCounts[] {
  const out = new Map<string, KpiCounts>();
  for (const part of parts) {
    for (const row of part) {
      const id = groupId(row.key, by);
      let g = out.get(id);
      if (!g) {
        g = { key: { ...row.key }, counts: {} };
        out.set(id, g);
      }
      for (const [kpi, c] of Object.entries(row.counts) as Array<[KpiId, [number, number]]>) {
        const mine = g.counts[kpi];
        if (mine) {
          mine[0] += c[0];
          mine[1] += c[1];
        } else g.counts[kpi] = [c[0], c[1]];
      }
    }
  }
  return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, g]) => g);
}

/** Finish counts into KPI results per group (rates, targets, reasons), sorted like `finish()`. */
export function groupsFromCounts(rows: readonly KpiCounts[], by: readonly GroupDimension[]): GroupResult[] {
  return mergeKpiCounts([rows], by).map((g) => {
    const kpis: Partial<Record<KpiId, KpiResult>> = {};
    for (const [kpi, [n, d]] of Object.entries(g.counts) as Array<[KpiId, [number, number]]>)
      kpis[kpi] = kpiResult(kpi, n, d);
    return { key: g.key, kpis };
  });
}
