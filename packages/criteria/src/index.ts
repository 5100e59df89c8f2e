/**
 * @cdsx/criteria — the typed, versioned criteria catalog of Vietnam's commune-level
 * digital-transformation model (Mô hình chuyển đổi số cấp xã).
 *
 * @example
 * ```ts
 * import { latestEdition, validateAssessment, formatIssues } from '@cdsx/criteria';
 * const r = validateAssessment(JSON.parse(text), latestEdition.edition);
 * if (!r.ok) console.error(formatIssues(r.issues));
 * ```
 *
 * @packageDocumentation
 */

export { type AcceptorOptions, type AssessmentAcceptor, compileAssessmentAcceptor } from './acceptor';
export { CROSSWALKS, crosswalkBetween } from './editions/crosswalks/index';
export { EDITIONS, getEdition, latestEdition } from './editions/index';
export { deepFreeze, type PublishedEdition } from './editions/published';
export { canonicalJson, contentHashOf, sha256Hex } from './hash';
export * from './issues';
export {
  excessiveNesting,
  LineIndex,
  MAX_JSON_DEPTH,
  MAX_JSON_SYNTAX_ISSUES,
  type ParseJsonOptions,
  parseJsonText,
} from './json';
export { LINT_RULES, type LintProblem, type LintRule, lintCatalog } from './lint';
export * from './model';
export { requirementFor } from './query';
export * from './release/index';
export * from './text';
export {
  assessmentSchemaFor,
  observationSchemaFor,
  parseCatalogEdition,
  parseCommuneProfile,
  type ResolvedCommuneProfile,
  type ValidateAssessmentOptions,
  validateAssessment,
  valueSchemaFor,
} from './validate';
