// Counting communes per level over decision records: one home for the CLI's national and streaming
// summaries and the web portal's province view. Counting only: every level is read from the records;
// nothing is decided again.

/** What counting reads of a record: its level and whether it is provisional (full, summary or levels-only). */
export interface LevelCounted {
  /** The level reached. */
  readonly level: { readonly level: number };
  /** Whether missing data could change the level. */
  readonly provisional: boolean;
}

/** Communes at one level, and how many of them are provisional (missing data could change the level). */
export interface LevelCount {
  /** Communes at this level. */
  communes: number;
  /** Of those, provisional ones. */
  provisional: number;
}

/** Communes per level over a set of records. Levels no record reached are absent (read them as 0). */
export interface LevelCounts {
  /** Records counted. */
  total: number;
  /** Of those, provisional ones. */
  provisional: number;
  /** Per level number, in the order levels were first seen; {@link levelsAscending} sorts them. */
  byLevel: Map<number, LevelCount>;
}

/** Empty counts, to fill record by record with {@link countRecord} (streaming: memory stays flat). */
export function emptyLevelCounts(): LevelCounts {
  return { total: 0, provisional: 0, byLevel: new Map() };
}

/** Add one record to the counts (mutates and returns them). */
export function countRecord(counts: LevelCounts, record: LevelCounted): LevelCounts {
  const level = record.level.level;
  let c = counts.byLevel.get(level);
  if (!c) {
    c = { communes: 0, provisional: 0 };
    counts.byLevel.set(level, c);
  }
  c.communes++;
  counts.total++;
  if (record.provisional) {
    c.provisional++;
    counts.provisional++;
  }
  return counts;
}

/**
 * Communes per level over records (full, summary or levels-only).
 *
 * @example
 * const counts = countLevels(assessMany(assessments));
 * counts.byLevel.get(2)?.communes ?? 0 // communes at level 2
 */
export function countLevels(records: Iterable<LevelCounted>): LevelCounts {
  const counts = emptyLevelCounts();
  for (const r of records) countRecord(counts, r);
  return counts;
}

/**
 * Communes per level grouped by a key (area group, province…), groups in first-seen order.
 *
 * @example
 * const byGroup = countLevelsBy(records, (r) => r.areaGroup);
 */
export function countLevelsBy<R extends LevelCounted>(
  records: Iterable<R>,
  keyOf: (record: R) => string,
): Map<string, LevelCounts> {
  const groups = new Map<string, LevelCounts>();
  for (const r of records) {
    const key = keyOf(r);
    let g = groups.get(key);
    if (!g) {
      g = emptyLevelCounts();
      groups.set(key, g);
    }
    countRecord(g, r);
  }
  return groups;
}

/** The levels present in the counts, ascending. */
export function levelsAscending(counts: LevelCounts): number[] {
  return [...counts.byLevel.keys()].sort((a, b) => a - b);
}
