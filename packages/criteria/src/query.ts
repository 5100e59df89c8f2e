import type { AreaGroup, Criterion, Requirement } from './model';

/**
 * The requirement of a criterion for one area group at one level (`not_applicable` when the edition has none).
 *
 * @example
 * requirementFor(criterion, 'remote', 2) // { kind: 'extended', comparison: '>=', threshold: 40 }
 */
export function requirementFor(criterion: Criterion, areaGroup: AreaGroup, level: number): Requirement {
  return criterion.requirements[areaGroup][String(level)] ?? { kind: 'not_applicable' };
}
