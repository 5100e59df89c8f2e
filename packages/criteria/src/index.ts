/**
 * @cdsx/criteria — the typed, versioned criteria catalog of Vietnam's commune-level
 * digital-transformation model (Mô hình chuyển đổi số cấp xã).
 *
 * The root holds no edition data: the registry knows every published edition's version, status and
 * content hash; bodies load from their permalink subpaths (`@cdsx/criteria/editions/0.2.0`), all at once
 * (`@cdsx/criteria/editions`) or on demand with {@link loadEdition}.
 *
 * @example
 * ```ts
 * import { formatIssues, loadEdition, validateAssessment } from '@cdsx/criteria';
 * const input = JSON.parse(text);
 * const edition = await loadEdition(input.catalogVersion);
 * const r = edition.ok ? validateAssessment(input, edition.value) : edition;
 * if (!r.ok) console.error(formatIssues(r.issues));
 * ```
 *
 * @packageDocumentation
 */

export type { PublishedEdition } from './editions/published';
// Registry, loading and resolving editions
export {
  type CriterionId,
  criterionIdsOf,
  EDITION_REGISTRY,
  type EditionInfo,
  type EditionSource,
  editionInfo,
  LATEST_VERSION,
  type LatestVersion,
  loadEdition,
  loadedEditions,
  type PublishedEditionOf,
  type PublishedVersion,
  resolveEdition,
} from './editions/registry';
export {
  comparisonSymbol,
  type FormatCriterion,
  formatNumber,
  formatRequirement,
  formatValue,
} from './format';
export { contentHashOf } from './hash';
// Validation and issues
export {
  type ArchitectureIssueCode,
  CdsxValidationError,
  type CliIssueCode,
  type CriteriaIssueCode,
  type FormsIssueCode,
  formatIssues,
  type IssueCode,
  isCdsxValidationError,
  issueSegments,
  type KpiIssueCode,
  type ParseResult,
  type PathSegment,
  type PlanIssueCode,
  parsePath,
  type RulesIssueCode,
  type Score766IssueCode,
  type Underscored,
  type ValidationIssue,
} from './issues';
export { MAX_JSON_DEPTH, MAX_JSON_SYNTAX_ISSUES, type ParseJsonOptions, parseJsonText } from './json';
export {
  compareThresholds,
  extendedQuota,
  rankedLevels,
  sortedLevels,
  thresholdStrictness,
} from './levels';
export { LINT_RULES, type LintProblem, type LintRule, lintCatalog } from './lint';
// Model: vocabularies, schemas, types
export {
  type ApplicableRequirement,
  AREA_GROUPS,
  type AreaGroup,
  AreaGroupSchema,
  type Assessment,
  AssessmentSchema,
  areaGroupOf,
  type CatalogEdition,
  CatalogEditionSchema,
  COMPARISONS,
  CommuneCodeSchema,
  type CommuneProfile,
  CommuneProfileSchema,
  type Comparison,
  type Criterion,
  CriterionIdSchema,
  CriterionSchema,
  DATA_SOURCES,
  type DataSource,
  DEFAULT_AREA_GROUP,
  DIMENSIONS,
  type Dimension,
  IsoDateSchema,
  type LevelDefinition,
  type LevelRule,
  MEASURE_KINDS,
  type MeasureKind,
  type Observation,
  ObservationSchema,
  PILLARS,
  type Pillar,
  ProvinceCodeSchema,
  type Requirement,
  type RequirementKind,
  type RequirementMatrix,
  SemverSchema,
  type Source,
  UNIT_TYPES,
  type UnitType,
} from './model';
export { requirementFor } from './query';
// Releasing editions: typed diff, required bump, crosswalks (see RELEASING.md)
export {
  type Bump,
  type BumpReason,
  type CatalogChange,
  type CatalogDiff,
  type Crosswalk,
  CrosswalkSchema,
  compareBumps,
  type DiffEnd,
  describeChange,
  diffCatalogs,
  parseCrosswalk,
  type RequiredBump,
  requiredBump,
  type Slot,
  type Threshold,
  tryDiffCatalogs,
} from './release/index';
export { type Lang, type LocalizedText, LocalizedTextSchema, localize } from './text';
export type { TypedAssessment, TypedObservations } from './typed';
export {
  assessmentSchemaFor,
  parseCatalogEdition,
  parseCommuneProfile,
  type ResolvedCommuneProfile,
  type ValidateAssessmentOptions,
  validateAssessment,
  valueSchemaFor,
} from './validate';
