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

/**
 * Offset of the first `[` or `{` (outside strings) that opens level `maxDepth + 1`, or -1. One linear pass
 * without recursion, so it holds on any input, malformed or not.
 */
export function excessiveNesting(text: string, maxDepth: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return -1;
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
 * The result is plain data: a `"__proto__"` key stays an ordinary own property and never changes a prototype.
 * Nesting deeper than {@link MAX_JSON_DEPTH} is refused (`too_deep`); at most `maxIssues` syntax errors are
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
  const deep = excessiveNesting(body, maxDepth);
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
    return { ok: true, value: JSON.parse(body) };
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
