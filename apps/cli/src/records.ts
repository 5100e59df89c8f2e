import { constants } from 'node:buffer';
import { parseJsonText, type ValidationIssue } from '@cdsx/criteria';
import { LineIndex } from '@cdsx/criteria/internal';
import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser';
import { InputError, type LocatedIssue } from './errors';
import { t } from './i18n';

/** One JSON value read from a file: a whole document, one item of a top-level array, or one NDJSON line. */
export interface SourceRecord {
  file: string;
  value: unknown;
  /** The text the value was parsed from (the document, or the NDJSON line). */
  text: string;
  /** 1-based line where `text` starts in the file. */
  firstLine: number;
  /** Path of the value inside `text` (`[3]` for the fourth item of an array). */
  prefix: Array<string | number>;
}

/**
 * Parse a `ValidationIssue.path` (`observations["DV.01"].value`, `[2].commune.code`) back into segments.
 * The inverse of `formatPath` in @cdsx/criteria; used only to point at the value in the source text.
 */
export function pathSegments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  re.lastIndex = 0;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (m === null) break;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
  }
  return out;
}

/** How many problems are listed per record and per file; the rest are counted in one `more_issues` line. */
export const ISSUES_PER_RECORD = 50;
export const ISSUES_PER_FILE = 500;

/**
 * Longest NDJSON line (one record) read, in characters: 16 MiB by default, `CDSX_MAX_RECORD_SIZE` (bytes,
 * characters) to change it. A longer line is refused with a located error instead of being parsed.
 */
export function maxRecordSize(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.CDSX_MAX_RECORD_SIZE);
  return Number.isSafeInteger(v) && v > 0 ? v : 16 * 1024 * 1024;
}

/** The located issue of an NDJSON line longer than {@link maxRecordSize}. */
export function recordTooLarge(line: number, length: number, limit: number): ValidationIssue {
  return {
    path: '',
    code: 'record_too_large',
    line,
    message: t(
      `dòng dài ${length} ký tự, vượt giới hạn ${limit} (đặt CDSX_MAX_RECORD_SIZE để đổi)`,
      `the line is ${length} characters long, over the limit of ${limit} (set CDSX_MAX_RECORD_SIZE to change it)`,
    ),
  };
}

/**
 * Longest JSON document (not NDJSON) read whole from standard input, in characters: just under V8's
 * longest string. Beyond it the records must come as NDJSON, which is read one line at a time.
 */
export const MAX_DOCUMENT_SIZE: number = constants.MAX_STRING_LENGTH;

// The parse tree and line index of the last text located in: issues come record by record, so one entry
// is enough, and memory does not grow with the number of records.
let cached: { text: string; tree: Node | undefined; lines: LineIndex } | undefined;

function indexOf(text: string): { tree: Node | undefined; lines: LineIndex } {
  if (cached?.text !== text) cached = { text, tree: parseTree(text), lines: new LineIndex(text) };
  return cached;
}

/**
 * Locate an issue in the source: line and column of the value at its path (or of the nearest enclosing
 * value that exists, e.g. the object missing a required field).
 */
export function locate(record: SourceRecord, issue: ValidationIssue): LocatedIssue {
  if (issue.line !== undefined) return { file: record.file, issue };
  const { tree, lines } = indexOf(record.text);
  const segments = [...record.prefix, ...pathSegments(issue.path)];
  let node: Node | undefined;
  for (let n = segments.length; n >= 0 && tree; n--) {
    node = findNodeAtLocation(tree, segments.slice(0, n));
    if (node) break;
  }
  const { record: _ignored, ...rest } = issue;
  if (!node) return { file: record.file, issue: { ...rest, line: record.firstLine } };
  const at = lines.at(node.offset);
  return { file: record.file, issue: { ...rest, line: record.firstLine + at.line - 1, column: at.column } };
}

function moreIssues(file: string | undefined, n: number, inRecord: boolean, line?: number): LocatedIssue {
  return {
    ...(file !== undefined ? { file } : {}),
    issue: {
      path: '',
      code: 'more_issues',
      ...(line !== undefined ? { line } : {}),
      message: inRecord
        ? t(
            `còn ${n} lỗi khác trong bản ghi này (không liệt kê)`,
            `${n} more problem(s) in this record not listed`,
          )
        : t(`còn ${n} lỗi khác trong tệp (không liệt kê)`, `${n} more problem(s) in this file not listed`),
    },
  };
}

/**
 * Caps the issues listed per file over a whole stream of reports at {@link ISSUES_PER_FILE}: `take` passes
 * on what may still be listed and counts the rest; `rest` gives one `more_issues` line per file that had more.
 */
export class FileIssueCap {
  private readonly listed = new Map<string | undefined, number>();
  private readonly hidden = new Map<string | undefined, number>();

  take(issues: readonly LocatedIssue[]): LocatedIssue[] {
    const out: LocatedIssue[] = [];
    for (const i of issues) {
      const n = this.listed.get(i.file) ?? 0;
      if (n >= ISSUES_PER_FILE) this.hidden.set(i.file, (this.hidden.get(i.file) ?? 0) + 1);
      else {
        this.listed.set(i.file, n + 1);
        out.push(i);
      }
    }
    return out;
  }

  rest(): LocatedIssue[] {
    return [...this.hidden].map(([file, n]) => moreIssues(file, n, false));
  }
}

/**
 * Locate the issues of records, listing at most {@link ISSUES_PER_RECORD} per record and
 * {@link ISSUES_PER_FILE} per file; the others are counted in `more_issues` lines. `total` counts all.
 */
export function locateCapped(pairs: Iterable<readonly [SourceRecord | undefined, ValidationIssue]>): {
  issues: LocatedIssue[];
  total: number;
} {
  const out: LocatedIssue[] = [];
  const perRecord = new Map<SourceRecord, number>();
  const perFile = new Map<string | undefined, number>();
  const overRecord = new Map<SourceRecord, number>();
  const overFile = new Map<string | undefined, number>();
  let total = 0;
  for (const [rec, issue] of pairs) {
    total++;
    const file = rec?.file;
    const inFile = perFile.get(file) ?? 0;
    const inRecord = rec ? (perRecord.get(rec) ?? 0) : 0;
    if (inFile >= ISSUES_PER_FILE) {
      overFile.set(file, (overFile.get(file) ?? 0) + 1);
      continue;
    }
    if (rec && inRecord >= ISSUES_PER_RECORD) {
      overRecord.set(rec, (overRecord.get(rec) ?? 0) + 1);
      continue;
    }
    perFile.set(file, inFile + 1);
    if (rec) perRecord.set(rec, inRecord + 1);
    out.push(rec ? locate(rec, issue) : { issue });
  }
  for (const [rec, n] of overRecord) {
    const at = locate(rec, { path: '', code: 'more_issues', message: t('', '') }).issue.line;
    out.push(moreIssues(rec.file, n, true, at));
  }
  for (const [file, n] of overFile) out.push(moreIssues(file, n, false));
  return { issues: out, total };
}

/** Whether a file name says NDJSON. */
export function isNdjsonName(file: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(file);
}

/** Whether a line is a JSON value on its own. */
export function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether unnamed text (standard input) is NDJSON: its first non-blank line is a JSON value on its own and
 * more non-blank lines follow. A pretty-printed document starts with a line like `{` that does not parse.
 */
export function looksLikeNdjson(body: string): boolean {
  const m = /^[ \t\r\n]*([^\n]*)\n[\s\S]*\S/.exec(body);
  return m !== null && parsesAlone(m[1]!);
}

/**
 * Read JSON values from a file's text: NDJSON (one value per line) for `.ndjson`/`.jsonl`, else JSON — an
 * object is one record, an array gives one record per item. Text from standard input is NDJSON when its
 * first line is a complete value followed by more lines, else JSON. Malformed JSON is a located input
 * error; nothing is skipped.
 */
export function readRecords(file: string, text: string, ndjson?: boolean): SourceRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const asNdjson = ndjson ?? (isNdjsonName(file) || (!/\.json$/i.test(file) && looksLikeNdjson(body)));
  if (!asNdjson) {
    const whole = parseJsonText(body);
    if (!whole.ok) throw new InputError(whole.issues.map((issue) => ({ file, issue })));
    return recordsOf(file, body, whole.value);
  }
  const records: SourceRecord[] = [];
  const issues: LocatedIssue[] = [];
  let hidden = 0;
  const report = (issue: ValidationIssue) => {
    if (issues.length < ISSUES_PER_FILE) issues.push({ file, issue });
    else hidden++;
  };
  const limit = maxRecordSize();
  let start = 0;
  for (let i = 0; start <= body.length; i++) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const next = end + 1;
    if (end > start && body.charCodeAt(end - 1) === 13) end--;
    const length = end - start;
    const from = start;
    start = next;
    if (length > limit) {
      report(recordTooLarge(i + 1, length, limit));
      continue;
    }
    const line = body.slice(from, end);
    // Only JSON whitespace makes a blank line; a line of a BOM or a no-break space is a record, and an error.
    if (/^[ \t]*$/.test(line)) continue;
    const r = parseJsonText(line, undefined, { firstLine: i + 1, maxIssues: 3 });
    if (r.ok) records.push({ file, value: r.value, text: line, firstLine: i + 1, prefix: [] });
    else for (const issue of r.issues) report(issue);
  }
  if (hidden) issues.push(moreIssues(file, hidden, false));
  if (issues.length) throw new InputError(issues);
  if (records.length === 0) {
    throw new InputError([
      {
        file,
        issue: { path: '', code: 'empty', message: t('tệp không có bản ghi nào', 'the file has no records') },
      },
    ]);
  }
  return records;
}

function recordsOf(file: string, text: string, value: unknown): SourceRecord[] {
  if (Array.isArray(value)) {
    return value.map((v, i) => ({ file, value: v, text, firstLine: 1, prefix: [i] }));
  }
  return [{ file, value, text, firstLine: 1, prefix: [] }];
}

/**
 * Issues of a batch (each with its 1-based `record` number) located in the records they came from, at most
 * {@link ISSUES_PER_RECORD} per record and {@link ISSUES_PER_FILE} per file (the rest counted).
 */
export function locateIssues(
  records: readonly SourceRecord[] | undefined,
  issues: readonly ValidationIssue[],
): LocatedIssue[] {
  return locateCapped(
    issues.map(
      (issue) => [issue.record !== undefined ? records?.[issue.record - 1] : undefined, issue] as const,
    ),
  ).issues;
}
