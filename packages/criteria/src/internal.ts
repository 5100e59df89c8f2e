/**
 * Helpers the other @cdsx packages share with @cdsx/criteria: zod-issue conversion, path formatting,
 * canonical JSON and hashing, the compiled assessment acceptor. Not part of the vendor API: no semver
 * promise; it changes together with @cdsx/rules and @cdsx/kpi. Subpath: `@cdsx/criteria/internal`.
 *
 * @packageDocumentation
 */
export { type AcceptorOptions, type AssessmentAcceptor, compileAssessmentAcceptor } from './acceptor';
export { deepFreeze } from './editions/published';
export { canonicalJson, contentHashOf, sha256Hex } from './hash';
export { describeValue, formatPath, fromZodError, fromZodIssue } from './issues';
