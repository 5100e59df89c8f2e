/**
 * @cdsx/plan — digital-transformation plans (kế hoạch chuyển đổi số) whose targets measure themselves. A
 * plan file names, for every target, an indicator this project computes (a @cdsx/kpi KPI, a catalog
 * criterion's value or met-at-level, a commune's level, the QĐ 766 total or group score, or a share of a
 * province's communes); validation rejects a target that cannot be computed. Evaluation gives, per target,
 * the actual, met / not met / not available (never a silent 0), the distance to the target, the change from
 * the previous year and the comparison with the national target; the next year's skeleton carries the
 * actuals as baselines and proposes the national targets a plan lacks. Browser-safe.
 *
 * @packageDocumentation
 */

/** Re-exported from `@cdsx/criteria` so plan issues can be rendered without a second import. */
export { formatIssues, type ValidationIssue } from '@cdsx/criteria';
export {
  type CommuneRef,
  EVALUATION_FORMAT,
  type EvaluateOptions,
  type EvaluationData,
  evaluatePlan,
  indicatorKey,
  type PlanEvaluation,
  satisfies,
  type TargetEvaluation,
  type TargetStatus,
  type Trend,
} from './evaluate';
export {
  NATIONAL_TARGETS,
  type NationalTarget,
  nationalTarget,
  nationalTargetsFor,
} from './national';
export { type NextYearOptions, nextYearPlan } from './next';
export {
  buildJsonSchemas,
  type Indicator,
  type IndicatorKind,
  IndicatorSchema,
  PLAN_FORMAT,
  type Plan,
  PlanDocumentSchema,
  PlanOwnerSchema,
  PlanSchema,
  TARGET_GROUP_NAMES,
  TARGET_GROUPS,
  type Target,
  type TargetGroup,
  TargetSchema,
} from './schema';
export { formatIndicatorValue, indicatorLabel, statusLabel, trendLabel } from './text';
export { editionOf, type PlanEditions, type PlanIssueCode, planHash, validatePlan } from './validate';
