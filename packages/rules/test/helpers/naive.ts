import { type Assessment, areaGroupOf, type CatalogEdition } from '@cdsx/criteria';

/**
 * A deliberately naive, independent reading of the level rule straight from the edition (no rule JSON,
 * no compiled predicates): the third opinion in the differential test and the source of fixture expectations.
 */
export function naiveDecide(edition: CatalogEdition, assessment: Assessment) {
  const group = areaGroupOf(assessment.commune);
  const levels = edition.levels.map((l) => l.level).sort((a, b) => a - b);
  const base = levels[0]!;
  const outcomes = new Map<string, 'met' | 'not_met' | 'not_available'>();
  const unmet: string[] = [];
  const missing = new Set<string>();
  const satisfied = new Map<number, boolean>();
  for (const level of levels.slice(1)) {
    let mandatoryOk = true;
    let extApplicable = 0;
    let extMet = 0;
    for (const c of edition.criteria) {
      const req = c.requirements[group][String(level)];
      if (!req || req.kind === 'not_applicable') continue;
      const v = assessment.observations[c.id]?.value;
      let outcome: 'met' | 'not_met' | 'not_available';
      if (v === undefined) outcome = 'not_available';
      else if (req.comparison === '>=')
        outcome = typeof v === 'number' && v >= (req.threshold as number) ? 'met' : 'not_met';
      else if (req.comparison === '<=')
        outcome = typeof v === 'number' && v <= (req.threshold as number) ? 'met' : 'not_met';
      else outcome = v === req.threshold ? 'met' : 'not_met';
      outcomes.set(`${c.id}@${level}`, outcome);
      if (outcome === 'not_met') unmet.push(`${c.id}@${level}`);
      if (outcome === 'not_available') missing.add(c.id);
      if (req.kind === 'mandatory') mandatoryOk &&= outcome === 'met';
      else {
        extApplicable += 1;
        if (outcome === 'met') extMet += 1;
      }
    }
    const share = edition.levelRule.extendedSharePercent[String(level)]!;
    // Integer arithmetic on hundredths of a percent: ceil(share × n / 100).
    const required = Math.ceil((Math.round(share * 100) * extApplicable) / 10000 - 1e-12);
    satisfied.set(level, mandatoryOk && extMet >= required);
  }
  let level = base;
  for (const l of levels.slice(1)) {
    if (!satisfied.get(l)) break;
    level = l;
  }
  const sort = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { level, unmet: sort(unmet), notAvailable: sort(missing), outcomes };
}
