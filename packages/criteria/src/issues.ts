import type { z } from 'zod';
import type { LintRule } from './lint';
import { type LocalizedText, NO_CONTROL_CHARACTERS, NOT_BLANK } from './text';

/**
 * The machine-readable codes @cdsx/criteria emits: zod's (translated), JSON parsing, assessments, the
 * commune list, evidence, crosswalks. Lint problems are reported with their rule as code ({@link LintRule}).
 */
export type CriteriaIssueCode =
  | 'required'
  | 'invalid_type'
  | 'out_of_range'
  | 'too_big'
  | 'too_small'
  | 'invalid_value'
  | 'invalid_format'
  | 'invalid_key'
  | 'invalid_union'
  | 'invalid_element'
  | 'not_multiple_of'
  | 'unrecognized_keys'
  | 'custom'
  | 'blank'
  | 'control_character'
  | 'malformed_json'
  | 'too_deep'
  | 'forbidden_key'
  | 'duplicate_key'
  | 'more_issues'
  | 'unit_mismatch'
  | 'invalid_criterion_id'
  | 'unknown_criterion'
  | 'catalog_version_mismatch'
  | 'unknown_catalog_version'
  | 'edition_not_loaded'
  | 'unknown_commune'
  | 'unlisted_commune'
  | 'unknown_province'
  | 'commune_name_mismatch'
  | 'commune_province_mismatch'
  | 'commune_unit_type_mismatch'
  | 'numerator_exceeds_denominator'
  | 'zero_denominator'
  | 'evidence_mismatch'
  | 'crosswalk_not_found'
  | 'crosswalk_duplicate'
  | 'crosswalk_empty_chain'
  | 'crosswalk_hash_mismatch'
  | 'crosswalk_id_reused'
  | 'crosswalk_id_still_present'
  | 'crosswalk_missing_id'
  | 'crosswalk_not_added'
  | 'crosswalk_not_consecutive'
  | 'crosswalk_not_removed'
  | 'crosswalk_unknown_id'
  | 'crosswalk_version_mismatch';

/** A kebab-case name with underscores: `non-monotone-level` → `non_monotone_level`. */
export type Underscored<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Underscored<B>}` : S;

/**
 * The codes @cdsx/rules emits (overlays, impact reports, record rendering, fixtures); an overlay's added
 * criteria that fail the catalog lint are reported as `lint_<rule>` (`lint_missing_text`).
 */
export type RulesIssueCode =
  | `lint_${Underscored<LintRule>}`
  | 'overlay_base_mismatch'
  | 'overlay_contradicts_edition'
  | 'overlay_criterion_prefix'
  | 'overlay_duplicate_criterion'
  | 'overlay_duplicate_province'
  | 'overlay_duplicate_tightening'
  | 'overlay_empty_tightening'
  | 'overlay_loosens_threshold'
  | 'overlay_not_applicable'
  | 'overlay_weakens_kind'
  | 'overlay_not_given'
  | 'unknown_level'
  | 'impact_catalog_version';

/** The codes @cdsx/kpi emits (records, CSV/NDJSON readers, SQL engines). */
export type KpiIssueCode =
  | 'duplicate_id'
  | 'invalid_json'
  | 'invalid_utf8'
  | 'invalid_date'
  | 'invalid_instant'
  | 'date_out_of_range'
  | 'invalid_csv'
  | 'invalid_column_count'
  | 'semicolon_csv'
  | 'empty_file'
  | 'record_too_large'
  | 'unknown_metric'
  | 'sql_failed'
  | 'no_data'
  | 'nothing_to_judge'
  | 'unknown_field'
  | 'invalid_mapping';

/** The codes @cdsx/forms emits (reading filled forms). */
export type FormsIssueCode =
  | 'unsupported_file'
  | 'empty'
  | 'ambiguous_number'
  | 'area_group_fixed'
  | 'area_group_mismatch'
  | 'computed_value'
  | 'deleted_row'
  | 'duplicate_row'
  | 'evidence_without_value'
  | 'extra_sheet'
  | 'formula_error'
  | 'formula_without_result'
  | 'fraction_mismatch'
  | 'incomplete_fraction'
  | 'merged_cells'
  | 'missing_sheet'
  | 'moved_row'
  | 'normalised_value'
  | 'not_a_form'
  | 'not_xlsx'
  | 'percent_format'
  | 'tampered_metadata'
  | 'text_number'
  | 'unexpected_value'
  | 'unknown_edition'
  | 'unknown_form_format'
  | 'unknown_row';

/** The codes @cdsx/score766 emits. */
export type Score766IssueCode =
  | 'unknown_unit'
  | 'unknown_kind'
  | 'duplicate_metric'
  | 'duplicate_unit'
  | 'inconsistent_totals'
  | 'missing_metric'
  | 'numerator_above_denominator';

/** The codes @cdsx/plan emits (plan validation and evaluation). */
export type PlanIssueCode =
  | 'unknown_owner'
  | 'unknown_catalog_version'
  | 'unknown_kpi'
  | 'unknown_criterion'
  | 'unknown_level'
  | 'unknown_score766_group'
  | 'aggregate_on_commune_plan'
  | 'commune_indicator_on_province_plan'
  | 'value_type_mismatch'
  | 'value_out_of_range'
  | 'comparison_not_allowed'
  | 'unknown_national_target'
  | 'duplicate_target'
  | 'baseline_year'
  | 'missing_issuing_document'
  | 'period_mismatch'
  | 'outside_owner'
  | 'duplicate_commune';

/** The codes @cdsx/architecture emits. */
export type ArchitectureIssueCode =
  | 'unknown_architecture_version'
  | 'no_architecture'
  | 'catalog_mismatch'
  | 'architecture_mismatch';

/** The codes the `cdsx` command line adds (files and inputs). */
export type CliIssueCode =
  | 'unreadable_file'
  | 'not_found'
  | 'not_a_directory'
  | 'edition_mismatch'
  | 'empty_directory'
  | 'file_not_found'
  | 'is_directory'
  | 'not_a_file'
  | 'permission_denied'
  | 'read_failed'
  | 'write_failed'
  | 'document_too_large'
  | 'not_an_evaluation'
  | 'other_owner'
  | 'other_plan';

/**
 * Every code a @cdsx package puts in {@link ValidationIssue.code}: a closed union, so a `switch` over it is
 * checked for exhaustiveness and a typo is a compile error. Adding a code is a minor change of the package
 * that emits it and of @cdsx/criteria.
 */
export type IssueCode =
  | CriteriaIssueCode
  | LintRule
  | RulesIssueCode
  | KpiIssueCode
  | FormsIssueCode
  | Score766IssueCode
  | PlanIssueCode
  | ArchitectureIssueCode
  | CliIssueCode;

/** One step of an issue's location: an object key or an array index. */
export type PathSegment = string | number;

/**
 * One problem found in user input: where it is, what was expected, in Vietnamese and English.
 *
 * `path` is written the way a JavaScript reader would reach the value,
 * e.g. `observations["DV.01"].value` or `criteria[3].requirements.urban["2"].threshold`;
 * `segments` is the same location as an array (`['observations', 'DV.01', 'value']`) for matching form
 * fields — {@link issueSegments} gives it for any issue.
 */
export interface ValidationIssue {
  /** Location inside the input (empty string for the whole input). */
  path: string;
  /** The same location as keys and indexes; set by @cdsx/criteria's validators (see {@link issueSegments}). */
  segments?: readonly PathSegment[];
  /** Stable machine-readable code, e.g. `invalid_type`, `out_of_range`, `unknown_criterion`. */
  code: IssueCode;
  /** Human-readable message, Vietnamese and English. */
  message: LocalizedText;
  /** 1-based line (and column) in the source text, when the input came from text. */
  line?: number;
  column?: number;
  /** Which record of a file (1-based), for NDJSON/CSV readers. */
  record?: number;
}

/** Result of a parsing helper: typed data, or every problem found. Never throws for user errors. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const BRAND: unique symbol = Symbol.for('@cdsx/criteria/CdsxValidationError') as never;

/**
 * An error carrying located, bilingual {@link ValidationIssue}s. Thrown only by the `*OrThrow` helpers.
 *
 * `instanceof CdsxValidationError` holds across the ESM and CommonJS builds (and across copies of the
 * package): the class checks a `Symbol.for` brand, not its prototype chain. {@link isCdsxValidationError}
 * is the same test as a type guard.
 */
export class CdsxValidationError extends Error {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[], what = 'input') {
    super(`Invalid ${what}:\n` + issues.map((i) => `  - ${i.path || '(root)'}: ${i.message.en}`).join('\n'));
    this.name = 'CdsxValidationError';
    this.issues = issues;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses keep the ordinary prototype test; the base class recognises every build's errors by brand.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof was called on (maybe a subclass)
    if (this !== CdsxValidationError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return isCdsxValidationError(value);
  }
}

/** True for a {@link CdsxValidationError} from any build or copy of @cdsx/criteria (ESM or CommonJS). */
export function isCdsxValidationError(value: unknown): value is CdsxValidationError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Format a path (`['observations', 'DV.01', 'value']`) as `observations["DV.01"].value`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out ? `.${key}` : key;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/**
 * Parse a path written by {@link formatPath} back to its segments:
 * `observations["DV.01"].value` → `['observations', 'DV.01', 'value']`. `''` gives `[]`.
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  const re = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let m: RegExpExecArray | null = re.exec(path);
  while (m) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
    if (re.lastIndex >= path.length) return out;
    m = re.exec(path);
  }
  // Not a path formatPath writes (e.g. a sibling package's free-form path): keep it as one segment.
  return path ? [path] : [];
}

/** The location of an issue as segments, for form fields: its `segments`, or its `path` parsed. */
export function issueSegments(issue: Pick<ValidationIssue, 'path' | 'segments'>): readonly PathSegment[] {
  // Trust `segments` only while it still names `path` (a caller may have re-prefixed the path alone).
  if (issue.segments && formatPath(issue.segments) === issue.path) return issue.segments;
  return parsePath(issue.path);
}

/** Describe a received value briefly for an error message (never the whole object). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'giá trị đúng/sai (boolean)',
  object: 'đối tượng',
  array: 'mảng',
  integer: 'số nguyên',
  null: 'null',
  undefined: 'không có giá trị',
  nan: 'NaN',
};

function typeName(t: string, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? (TYPE_VI[t] ?? t) : t;
}

/** A reporting period (kỳ báo cáo): a year `2026`, a quarter `2026-Q1`, a month `2026-03`. */
export const PERIOD_PATTERN: RegExp = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** What a person is told instead of a regular expression, for the formats they meet most. */
const FORMAT_HINTS = new Map<string, { vi: string; en: string }>([
  [
    String(PERIOD_PATTERN),
    {
      vi: 'kỳ báo cáo phải là một năm (2026), một quý (2026-Q1 … 2026-Q4) hoặc một tháng (2026-01 … 2026-12)',
      en: 'a reporting period is a year (2026), a quarter (2026-Q1 … 2026-Q4) or a month (2026-01 … 2026-12)',
    },
  ],
]);

/** Convert one zod issue to a bilingual {@link ValidationIssue}. */
export function fromZodIssue(
  issue: z.core.$ZodIssue,
  basePath: ReadonlyArray<PropertyKey> = [],
): ValidationIssue {
  const segments = [...basePath, ...issue.path].map((s) => (typeof s === 'number' ? s : String(s)));
  return { ...fromZodIssueAt(issue, formatPath(segments)), segments };
}

function fromZodIssueAt(issue: z.core.$ZodIssue, path: string): ValidationIssue {
  const got = 'input' in issue ? describeValue(issue.input) : undefined;
  const gotVi = got === undefined ? '' : `, nhận được ${got}`;
  const gotEn = got === undefined ? '' : `, got ${got}`;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        return {
          path,
          code: 'required',
          message: { vi: 'thiếu trường bắt buộc', en: 'required field is missing' },
        };
      }
      return {
        path,
        code: 'invalid_type',
        message: {
          vi: `cần ${typeName(issue.expected, 'vi')}${gotVi}`,
          en: `expected ${typeName(issue.expected, 'en')}${gotEn}`,
        },
      };
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const bound = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'array' || issue.origin === 'string' || issue.origin === 'set') {
        const unitVi = issue.origin === 'string' ? 'ký tự' : 'phần tử';
        const unitEn = issue.origin === 'string' ? 'characters' : 'items';
        return {
          path,
          code: issue.code,
          message: {
            vi: `cần ${big ? 'tối đa' : 'ít nhất'} ${bound} ${unitVi}`,
            en: `expected ${big ? 'at most' : 'at least'} ${bound} ${unitEn}`,
          },
        };
      }
      const opVi = big ? (inclusive ? '≤' : '<') : inclusive ? '≥' : '>';
      return {
        path,
        code: 'out_of_range',
        message: {
          vi: `cần giá trị ${opVi} ${bound}${gotVi}`,
          en: `expected a value ${opVi} ${bound}${gotEn}`,
        },
      };
    }
    case 'invalid_value': {
      const list = issue.values.map((v) => JSON.stringify(v)).join(', ');
      if ('input' in issue && issue.input === undefined) {
        // Not a wrong value: no value at all.
        return {
          path,
          code: 'required',
          message: {
            vi: `thiếu trường bắt buộc (cần một trong: ${list})`,
            en: `required field is missing (expected one of: ${list})`,
          },
        };
      }
      return {
        path,
        code: 'invalid_value',
        message: { vi: `cần một trong: ${list}${gotVi}`, en: `expected one of: ${list}${gotEn}` },
      };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      return {
        path,
        code: 'unrecognized_keys',
        message: { vi: `trường không được hỗ trợ: ${keys}`, en: `unsupported field(s): ${keys}` },
      };
    }
    case 'invalid_format': {
      if ('pattern' in issue && String(issue.pattern) === String(NOT_BLANK)) {
        return { path, code: 'blank', message: { vi: 'không được để trống', en: 'must not be blank' } };
      }
      if ('pattern' in issue && String(issue.pattern) === String(NO_CONTROL_CHARACTERS)) {
        return {
          path,
          code: 'control_character',
          message: {
            vi: 'có ký tự điều khiển (NUL, ESC…) hoặc ký tự đảo chiều văn bản',
            en: 'contains a control character (NUL, ESC…) or a bidirectional override',
          },
        };
      }
      const hint = 'pattern' in issue && issue.pattern ? FORMAT_HINTS.get(String(issue.pattern)) : undefined;
      if (hint) {
        return {
          path,
          code: 'invalid_format',
          message: { vi: `${hint.vi}${gotVi}`, en: `${hint.en}${gotEn}` },
        };
      }
      const pattern = 'pattern' in issue && issue.pattern ? ` ${String(issue.pattern)}` : '';
      return {
        path,
        code: 'invalid_format',
        message: {
          vi: `sai định dạng (${issue.format}${pattern})${gotVi}`,
          en: `invalid format (${issue.format}${pattern})${gotEn}`,
        },
      };
    }
    case 'invalid_key':
      return {
        path,
        code: 'invalid_key',
        message: { vi: `khóa không hợp lệ${gotVi}`, en: `invalid key${gotEn}` },
      };
    case 'invalid_union':
      return {
        path,
        code: 'invalid_union',
        message: {
          vi: `giá trị không khớp với dạng nào được chấp nhận${gotVi}`,
          en: `value matches no accepted shape${gotEn}`,
        },
      };
    case 'custom': {
      const params = (issue.params ?? {}) as { code?: IssueCode; vi?: string; en?: string };
      return {
        path,
        code: params.code ?? 'custom',
        message: { vi: params.vi ?? issue.message, en: params.en ?? issue.message },
      };
    }
    default:
      return { path, code: issue.code, message: { vi: issue.message, en: issue.message } };
  }
}

/** Convert a zod error to located bilingual issues. */
export function fromZodError(
  error: z.core.$ZodError,
  basePath: ReadonlyArray<PropertyKey> = [],
): ValidationIssue[] {
  return error.issues.map((i) => fromZodIssue(i, basePath));
}

/** Render issues as lines, `vi` first then `en` (or one language). */
export function formatIssues(issues: readonly ValidationIssue[], lang?: 'vi' | 'en'): string {
  return issues
    .map((i) => {
      const where = [
        i.record !== undefined ? `#${i.record}` : '',
        i.line !== undefined ? `${i.line}${i.column !== undefined ? `:${i.column}` : ''}` : '',
        i.path || '(root)',
      ]
        .filter(Boolean)
        .join(' ');
      const msg = lang ? i.message[lang] : `${i.message.vi} / ${i.message.en}`;
      return `${where}: ${msg}`;
    })
    .join('\n');
}
