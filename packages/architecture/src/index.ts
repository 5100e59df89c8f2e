/**
 * @cdsx/architecture — the reference architecture of the commune-level digital-transformation model
 * (kiến trúc tham chiếu Mô hình chuyển đổi số cấp xã) as data, its lint, the trace of criteria editions
 * to it, a commune's architecture view and its accessible SVG diagram.
 */
export { ARCHITECTURES, getArchitecture, latestArchitecture } from './editions/index';
export {
  ARCHITECTURE_LINT_RULES,
  type ArchitectureLintProblem,
  type ArchitectureLintRule,
  cellKey,
  codeNumber,
  lintArchitecture,
} from './lint';
export * from './model';
export { buildArchitectureJsonSchemas } from './schema/json-schema';
export { architectureTextAlternative, renderArchitectureSvg, STATUS_STYLE } from './svg';
export {
  appliesTo,
  criteriaByComponent,
  essentialComponents,
  lintTrace,
  TRACE_LINT_RULES,
  type TraceLintProblem,
  type TraceLintRule,
} from './trace';
export { parseArchitectureEdition } from './validate';
export {
  type ArchitectureView,
  architectureView,
  COMPONENT_STATUSES,
  type ComponentStatus,
  type ComponentView,
  type DecisionLike,
  STATUS_NAMES,
} from './view';
