/**
 * @cdsx/rules — declarative json-rules-engine rules that decide each commune's maturity level
 * (mức độ chuyển đổi số cấp xã) and flag its gaps, with a compiled synchronous path for nationwide batches.
 *
 * @example
 * ```ts
 * import { assess, toJsonRulesEngineRules } from '@cdsx/rules';
 * import { latestEdition } from '@cdsx/criteria/latest';
 * const record = assess(assessment, { edition: latestEdition }); // level, findings, gaps for the next level
 * const rules = toJsonRulesEngineRules(latestEdition.edition, 'rural'); // plain rule JSON
 * ```
 *
 * @packageDocumentation
 */
export {
  assess,
  assessLevels,
  assessMany,
  type LevelsResult,
  tryAssess,
  tryAssessLevels,
  tryAssessMany,
} from './assess';
export {
  assessBatch,
  BATCH_OBSERVED_TYPES,
  BATCH_OUTCOMES,
  type BatchOptions,
  type BatchTable,
  type DecisionBatch,
  tryAssessBatch,
} from './batch';
export {
  extendedMetFact,
  extendedRequired,
  type JsonCondition,
  type JsonFactCondition,
  type LevelRuleJson,
  mandatoryNotMetFact,
  type RequirementRuleJson,
  RULES_CONTRACT,
  type RuleJson,
  toJsonRulesEngineRules,
} from './compile';
export type { AssessOptions } from './context';
export { assessManyWithEngine, assessWithEngine } from './engine';
export {
  type ConformanceActual,
  type ConformanceReport,
  type ConformanceResult,
  type Fixture,
  type FixtureCoverage,
  FixtureSchema,
  fixtureCoverage,
  formatConformanceReport,
  loadFixtures,
  runConformance,
  summarizeRecord,
} from './fixtures';
export {
  type CommuneImpact,
  type FindingState,
  type ImpactCause,
  type ImpactCounts,
  type ImpactOptions,
  type ImpactReport,
  impactReport,
  tryImpactReport,
} from './impact';
export { criterionOf, remediationOf } from './lookup';
export {
  type AppliedOverlay,
  applyOverlay,
  type Overlay,
  OverlaySchema,
  type Tightening,
  TighteningSchema,
} from './overlay';
export type {
  DecisionRecord,
  Finding,
  GapItem,
  LevelRef,
  LevelSummary,
  NextLevelGaps,
  Outcome,
  RecordDetail,
  SummaryRecord,
} from './record';
export { type RecordCatalog, recordCatalog } from './record-edition';
export {
  countLevels,
  countLevelsBy,
  countRecord,
  emptyLevelCounts,
  type LevelCount,
  type LevelCounted,
  type LevelCounts,
  levelsAscending,
} from './tally';
export { ENGINE_INFO } from './version';
