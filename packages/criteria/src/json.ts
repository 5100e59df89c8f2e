import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseResult, ValidationIssue } from './issues';

/**
 * Deepest nesting of arrays and objects {@link parseJsonText} accepts (độ sâu lồng tối đa). Catalogs,
 * assessments and dossiers nest fewer than ten levels; deeper input is refused with a located `too_deep`
 * issue, so no later step (locating issues, hashing, validating) can run out of stack.
 */
export const MAX_JSON_DEPTH = 256;

/** How many syntax errors {@link parseJsonText} lists by default; the rest are counted in one more issue. */
export const MAX_JSON_SYNTAX_ISSUES = 20;

/**
 * Line starts of a text, indexed once: each lookup is a binary search, so locating many issues in a large
 * text stays linear overall (rescanning from the start for each issue was quadratic).
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    let i = text.indexOf('\n');
    while (i >= 0) {
      this.starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }
  /** 1-based line and column (in UTF-16 code units) of a 0-based offset. */
  at(offset: number): { line: number; column: number } {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }
}

/** What one linear pass over JSON text finds: too deep a nesting, repeated keys, `__proto__` keys. */
interface Structure {
  /** Offset of the first `[` or `{` (outside strings) that opens level `maxDepth + 1`, or -1. */
  deep: number;
  /** Keys repeated within one object, and `__proto__` keys: offset of the key's opening quote. */
  keys: Array<{ offset: number; key: string; duplicate: boolean }>;
}

/**
 * One pass over JSON text without recursion (it holds on any input, malformed or not): the nesting depth,
 * and the keys each object repeats. Stops at the first bracket that opens level `maxDepth + 1`.
 */
function scanStructure(text: string, maxDepth: number): Structure {
  const keys: Structure['keys'] = [];
  const objects: boolean[] = [];
  const seen: Array<Set<string> | undefined> = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let j = i + 1;
      let escaped = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) {
          escaped = true;
          j += 2;
        } else if (d === 34) break;
        else j++;
      }
      if (expectKey && objects.length > 0) {
        let key = text.slice(i + 1, j);
        if (escaped) {
          try {
            key = JSON.parse(text.slice(i, j + 1)) as string;
          } catch {
            // Malformed: the syntax errors are reported instead.
          }
        }
        const top = objects.length - 1;
        let set = seen[top];
        if (set === undefined) {
          set = new Set();
          seen[top] = set;
        }
        if (set.has(key)) keys.push({ offset: i, key, duplicate: true });
        else {
          set.add(key);
          if (key === '__proto__') keys.push({ offset: i, key, duplicate: false });
        }
        expectKey = false;
      }
      i = j;
    } else if (c === 123 || c === 91) {
      if (objects.length >= maxDepth) return { deep: i, keys };
      objects.push(c === 123);
      seen.push(undefined);
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      objects.pop();
      seen.pop();
      expectKey = false;
    } else if (c === 44) expectKey = objects[objects.length - 1] === true;
  }
  return { deep: -1, keys };
}

/**
 * Offset of the first `[` or `{` (outside strings) that opens level `maxDepth + 1`, or -1. One linear pass
 * without recursion, so it holds on any input, malformed or not.
 */
export function excessiveNesting(text: string, maxDepth: number = MAX_JSON_DEPTH): number {
  return scanStructure(text, maxDepth).deep;
}

const JSON_ERROR_VI: Record<string, string> = {
  InvalidSymbol: 'ký tự không hợp lệ',
  InvalidNumberFormat: 'số sai định dạng',
  PropertyNameExpected: 'thiếu tên thuộc tính',
  ValueExpected: 'thiếu giá trị',
  ColonExpected: 'thiếu dấu hai chấm',
  CommaExpected: 'thiếu dấu phẩy',
  CloseBraceExpected: 'thiếu dấu }',
  CloseBracketExpected: 'thiếu dấu ]',
  EndOfFileExpected: 'thừa nội dung sau giá trị JSON',
  InvalidCommentToken: 'JSON không cho phép chú thích',
  UnexpectedEndOfComment: 'chú thích chưa đóng',
  UnexpectedEndOfString: 'chuỗi chưa đóng',
  UnexpectedEndOfNumber: 'số chưa kết thúc',
  InvalidUnicode: 'mã Unicode không hợp lệ',
  InvalidEscapeCharacter: 'ký tự thoát không hợp lệ',
  InvalidCharacter: 'ký tự không hợp lệ',
};

const SPLIT_WORDS = /([a-z])([A-Z])/g;

/** Options of {@link parseJsonText}. */
export interface ParseJsonOptions {
  /** Deepest nesting accepted (default {@link MAX_JSON_DEPTH}). */
  maxDepth?: number;
  /** How many syntax errors to list (default {@link MAX_JSON_SYNTAX_ISSUES}); the rest are counted. */
  maxIssues?: number;
  /** Line number of the text's first line in its file (default 1), e.g. for one NDJSON line. */
  firstLine?: number;
}

/**
 * Parse JSON text. Malformed JSON gives located, bilingual issues (line and column) instead of an exception.
 * A key repeated within one object (`duplicate_key`) and a `"__proto__"` key (`forbidden_key`) are located
 * errors: JSON.parse would keep the last value without a word, and `__proto__` is dropped or misread by most
 * consumers. Nesting deeper than {@link MAX_JSON_DEPTH} is refused (`too_deep`); at most `maxIssues` syntax errors are
 * listed, followed by one `more_issues` issue counting the rest. Cost is linear in the text.
 *
 * @example
 * const r = parseJsonText('{"a": }', 'a.json');
 * if (!r.ok) console.error(formatIssues(r.issues)); // 1:7 (root): thiếu giá trị / value expected
 */
export function parseJsonText(
  text: string,
  sourceName?: string,
  options: ParseJsonOptions = {},
): ParseResult<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const where = sourceName ? `${sourceName}: ` : '';
  const firstLine = options.firstLine ?? 1;
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const { deep, keys } = scanStructure(body, maxDepth);
  if (deep >= 0) {
    const at = new LineIndex(body).at(deep);
    const line = at.line + firstLine - 1;
    return {
      ok: false,
      issues: [
        {
          path: '',
          code: 'too_deep',
          line,
          column: at.column,
          message: {
            vi: `${where}JSON lồng quá sâu tại dòng ${line}, cột ${at.column}: tối đa ${maxDepth} cấp`,
            en: `${where}JSON nested too deeply at line ${line}, column ${at.column}: at most ${maxDepth} levels`,
          },
        },
      ],
    };
  }
  try {
    const value: unknown = JSON.parse(body);
    if (keys.length === 0) return { ok: true, value };
    // JSON.parse keeps the last of repeated keys without a word, and a `__proto__` key is dropped or
    // misread by most consumers: both are located errors rather than silent changes.
    const lines = new LineIndex(body);
    const max = Math.max(1, options.maxIssues ?? MAX_JSON_SYNTAX_ISSUES);
    const issues: ValidationIssue[] = keys.slice(0, max).map(({ offset, key, duplicate }) => {
      const at = lines.at(offset);
      const line = at.line + firstLine - 1;
      const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
      return {
        path: '',
        code: duplicate ? 'duplicate_key' : 'forbidden_key',
        line,
        column: at.column,
        message: duplicate
          ? {
              vi: `${where}khóa ${shown} lặp lại trong cùng đối tượng tại dòng ${line}, cột ${at.column}`,
              en: `${where}key ${shown} repeated in the same object at line ${line}, column ${at.column}`,
            }
          : {
              vi: `${where}khóa "__proto__" không được phép tại dòng ${line}, cột ${at.column}`,
              en: `${where}the key "__proto__" is not allowed at line ${line}, column ${at.column}`,
            },
      };
    });
    if (keys.length > max) {
      issues.push({
        path: '',
        code: 'more_issues',
        message: {
          vi: `${where}còn ${keys.length - max} khóa lặp hoặc không được phép khác`,
          en: `${where}${keys.length - max} more repeated or forbidden key(s) not listed`,
        },
      });
    }
    return { ok: false, issues };
  } catch {
    const errors: ParseError[] = [];
    parse(body, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    const all = errors.length ? errors : [{ error: 4, offset: body.length, length: 0 }];
    const max = Math.max(1, options.maxIssues ?? MAX_JSON_SYNTAX_ISSUES);
    const lines = new LineIndex(body);
    const issues: ValidationIssue[] = all.slice(0, max).map((e) => {
      const name = printParseErrorCode(e.error);
      const at = lines.at(e.offset);
      const line = at.line + firstLine - 1;
      const { column } = at;
      return {
        path: '',
        code: 'malformed_json',
        line,
        column,
        message: {
          vi: `${where}JSON sai cú pháp tại dòng ${line}, cột ${column}: ${JSON_ERROR_VI[name] ?? name}`,
          en: `${where}malformed JSON at line ${line}, column ${column}: ${name.replace(SPLIT_WORDS, '$1 $2').toLowerCase()}`,
        },
      };
    });
    if (all.length > max) {
      const more = all.length - max;
      issues.push({
        path: '',
        code: 'more_issues',
        message: {
          vi: `${where}còn ${more} lỗi cú pháp khác (không liệt kê)`,
          en: `${where}${more} more syntax error(s) not listed`,
        },
      });
    }
    return { ok: false, issues };
  }
}
