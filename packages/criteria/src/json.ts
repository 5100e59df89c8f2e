import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseResult, ValidationIssue } from './issues';

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
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

/**
 * Parse JSON text. Malformed JSON gives located, bilingual issues (line and column) instead of an exception.
 * The result is plain data: a `"__proto__"` key stays an ordinary own property and never changes a prototype.
 *
 * @example
 * const r = parseJsonText('{"a": }', 'a.json');
 * if (!r.ok) console.error(formatIssues(r.issues)); // 1:7 (root): thiếu giá trị / value expected
 */
export function parseJsonText(text: string, sourceName?: string): ParseResult<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const errors: ParseError[] = [];
    parse(body, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    const where = sourceName ? `${sourceName}: ` : '';
    const issues: ValidationIssue[] = (
      errors.length ? errors : [{ error: 4, offset: body.length, length: 0 }]
    ).map((e) => {
      const name = printParseErrorCode(e.error);
      const { line, column } = lineColumn(body, e.offset);
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
    return { ok: false, issues };
  }
}
