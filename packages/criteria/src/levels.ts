import type { CatalogEdition, Comparison, LevelDefinition } from './model';

// The level rule's shared arithmetic: one home for the edition's sorted level list, the extended quota and
// which of two thresholds asks more. @cdsx/rules decides with these, @cdsx/criteria's lint and diff judge
// editions with them, and apps/docs display them; none of them re-implements it.

/**
 * The edition's level definitions in ascending order (`levels[0]` is the base level, chưa đạt), as a new
 * array; the edition is not touched.
 *
 * @example
 * sortedLevels(edition).map((l) => l.level) // [0, 1, 2, 3]
 */
export function sortedLevels(edition: Pick<CatalogEdition, 'levels'>): LevelDefinition[] {
  return [...edition.levels].sort((a, b) => a.level - b.level);
}

/**
 * The maturity levels above the base level (chưa đạt), ascending — the levels a commune can reach and the
 * keys of every requirement matrix.
 *
 * @example
 * rankedLevels(edition).map((l) => l.level) // [1, 2, 3]
 */
export function rankedLevels(edition: Pick<CatalogEdition, 'levels'>): LevelDefinition[] {
  return sortedLevels(edition).slice(1);
}

/**
 * Extended criteria required at a level: `ceil(share% × applicable / 100)`, 0 when none apply. A tiny
 * tolerance keeps binary floating point from turning 7% × 100 into 8.
 *
 * @example
 * extendedQuota(30, 10) // 3
 * extendedQuota(30, 11) // 4 (3.3 rounded up)
 */
export function extendedQuota(sharePercent: number, applicable: number): number {
  if (applicable === 0) return 0;
  return Math.max(0, Math.ceil((sharePercent * applicable) / 100 - 1e-9));
}

/**
 * How much a threshold asks in its comparison's direction: higher asks more (`>= 90` over `>= 80`,
 * `<= 3` over `<= 5`, `true` over `false`). `null` for an exact numeric threshold (`= 4`), which is not
 * ordered: asking for another exact value is neither stricter nor looser.
 *
 * @example
 * thresholdStrictness('<=', 3) > thresholdStrictness('<=', 5) // true
 * thresholdStrictness('=', 4) // null
 */
export function thresholdStrictness(comparison: Comparison, threshold: number | boolean): number | null {
  if (typeof threshold === 'boolean') return comparison === '<=' ? -Number(threshold) : Number(threshold);
  if (comparison === '=') return null;
  return comparison === '<=' ? -threshold : threshold;
}

/**
 * Compare two thresholds under one comparison: `1` when `b` asks more than `a`, `-1` when it asks less,
 * `0` when they ask the same, `null` when they are not ordered (see {@link thresholdStrictness}).
 *
 * @example
 * compareThresholds('>=', 80, 90) // 1 (90 is stricter)
 * compareThresholds('<=', 3, 5)   // -1 (at most 5 days asks less than at most 3)
 */
export function compareThresholds(
  comparison: Comparison,
  a: number | boolean,
  b: number | boolean,
): -1 | 0 | 1 | null {
  if (a === b) return 0;
  const x = thresholdStrictness(comparison, a);
  const y = thresholdStrictness(comparison, b);
  if (x === null || y === null) return null;
  return y > x ? 1 : y < x ? -1 : 0;
}
