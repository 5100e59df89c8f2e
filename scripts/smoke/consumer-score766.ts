// A vendor's TypeScript file: must type-check against the packed @cdsx/score766 under node16 and bundler.
import { formatIssues, parseCounts, scoreUnit, type UnitScore } from '@cdsx/score766';
import { countsFromDossiers } from '@cdsx/score766/dossiers';

export function totals(json: unknown): Array<UnitScore['total']> | string {
  const { units, issues } = parseCounts(json);
  if (issues.length) return formatIssues(issues, 'en');
  return units.map((u) => scoreUnit(u).total);
}

export const fromDossiers: typeof countsFromDossiers = countsFromDossiers;
