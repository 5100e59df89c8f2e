import type { ValidationIssue } from '@cdsx/criteria';
import type { Dossier } from '@cdsx/kpi';
import { type ParsedUnit, parseCounts, scoreUnit, type UnitScore, unitFromCounts } from '@cdsx/score766';
import { countsFromDossiers } from '@cdsx/score766/dossiers';

/** A commune's QĐ 766 score and the unit it came from (for the what-if). */
export interface CommuneScore766 {
  unit: ParsedUnit;
  score: UnitScore;
  /** Where the counts came from. */
  from: 'dossiers' | 'counts';
}

/** The Vietnam-time year of an instant (Vietnam is UTC+7, no daylight saving since 1975). */
const yearOf = (instant: string) => new Date(Date.parse(instant) + 7 * 3_600_000).getUTCFullYear();

/**
 * The commune's score for the latest year of its dossiers, through @cdsx/score766's dossier path
 * (partial by nature: dossiers do not give the publication or catalogue indicators). Null without dossiers.
 */
export async function scoreFromDossiers(
  dossiers: readonly Dossier[],
  communeCode: string,
): Promise<CommuneScore766 | null> {
  const mine = dossiers.filter((d) => d.communeCode === communeCode);
  if (mine.length === 0) return null;
  const year = Math.max(...mine.map((d) => yearOf(d.receivedAt)));
  const [counts] = await countsFromDossiers(mine, { period: String(year) });
  if (!counts) return null;
  const { unit } = unitFromCounts(counts);
  if (!unit) return null;
  return { unit, score: scoreUnit(unit), from: 'dossiers' };
}

/**
 * The commune's score from a counts file (`cdsx-score766-counts`): its latest period. Problems of the
 * file are returned, located; a file without the commune gives `null` with no problem.
 */
export function scoreFromCountsFile(
  json: unknown,
  communeCode: string,
): { result: CommuneScore766 | null; issues: ValidationIssue[] } {
  const { units, issues } = parseCounts(json);
  const mine = units
    .filter((u) => u.counts.unitCode === communeCode)
    .sort((a, b) => (a.counts.period < b.counts.period ? 1 : -1))[0];
  return { result: mine ? { unit: mine, score: scoreUnit(mine), from: 'counts' } : null, issues };
}
