import type { z } from 'zod';
import { type LocalizedText, NO_CONTROL_CHARACTERS, NOT_BLANK } from './text';

/**
 * One problem found in user input: where it is, what was expected, in Vietnamese and English.
 *
 * `path` is written the way a JavaScript reader would reach the value,
 * e.g. `observations["DV.01"].value` or `criteria[3].requirements.urban["2"].threshold`.
 */
export interface ValidationIssue {
  /** Location inside the input (empty string for the whole input). */
  path: string;
  /** Stable machine-readable code, e.g. `invalid_type`, `out_of_range`, `unknown_criterion`. */
  code: string;
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

/** An error carrying located, bilingual {@link ValidationIssue}s. Thrown only by the `*OrThrow` helpers. */
export class CdsxValidationError extends Error {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[], what = 'input') {
    super(`Invalid ${what}:\n` + issues.map((i) => `  - ${i.path || '(root)'}: ${i.message.en}`).join('\n'));
    this.name = 'CdsxValidationError';
    this.issues = issues;
  }
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

/** Convert one zod issue to a bilingual {@link ValidationIssue}. */
export function fromZodIssue(
  issue: z.core.$ZodIssue,
  basePath: ReadonlyArray<PropertyKey> = [],
): ValidationIssue {
  const path = formatPath([...basePath, ...issue.path]);
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
      const params = (issue.params ?? {}) as { code?: string; vi?: string; en?: string };
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
