/**
 * @cdsx/score766 — the national service-quality score of QĐ 766/QĐ-TTg (Bộ chỉ số chỉ đạo, điều
 * hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp), reproduced from the portal's counts:
 * versioned formula profiles, the six portal groups and five official groups, partial scores
 * instead of silent zeros, what-if, and a bridge to the criteria catalog. Browser-safe. The dossier
 * path lives in `@cdsx/score766/dossiers`.
 *
 * @packageDocumentation
 */

/** Re-exported from `@cdsx/criteria` so input issues can be rendered without a second import. */
export { formatIssues, type ValidationIssue } from '@cdsx/criteria';
export {
  SCORE766_OBSERVATION_KEYS,
  type Score766ObservationKey,
  score766Observations,
  score766Values,
  type UnobservedCriterion,
} from './bridge';
export {
  type CountsFile,
  CountsFileSchema,
  type MetricCount,
  MetricCountSchema,
  type ParsedCounts,
  type ParsedUnit,
  parseCounts,
  sumCounts,
  UNIT_LEVELS,
  type UnitCounts,
  UnitCountsSchema,
  unitFromCounts,
} from './input';
export {
  COUNT_FIELDS,
  type CountField,
  DEFAULT_PROFILE,
  type FormulaProfile,
  type FormulaStatus,
  type GroupDefinition,
  getProfile,
  type IndicatorDefinition,
  type IndicatorInput,
  METRIC_CODES,
  type MetricCode,
  OFFICIAL_GROUP_IDS,
  OFFICIAL_GROUPS,
  type OfficialGroupId,
  PORTAL_GROUP_IDS,
  PORTAL_GROUPS,
  PORTAL_PROFILE_2026,
  type PortalGroupId,
  PROFILES,
  type PublishedProfile,
  type ScoreRule,
  type Source,
  type ZeroDenominatorRule,
} from './profile';
export { buildJsonSchemas } from './schema';
export {
  type GroupScore,
  type IndicatorOutcome,
  type IndicatorScore,
  indicatorCounts,
  pointsForRate,
  type RankedScore,
  rankWithinProvince,
  round2,
  type ScoreOptions,
  scoreIndicator,
  scoreUnit,
  type UnitScore,
} from './score';
export {
  applyMoves,
  type CheapestMoves,
  cheapestMoves,
  gainsPerIndicator,
  type Lever,
  levers,
  type Move,
  type WhatIfOptions,
  type WhatIfResult,
  whatIf,
} from './what-if';
