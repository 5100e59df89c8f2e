import { parseJsonText, type ValidationIssue } from '@cdsx/criteria';
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

// The parse tree of the last text an issue was located in (a document with many bad items is parsed once;
// a stream of NDJSON lines keeps one line's tree, not one per line).
let lastTree: { text: string; tree: Node | undefined } | undefined;

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Locate an issue in the source: line and column of the value at its path (or of the nearest enclosing
 * value that exists, e.g. the object missing a required field).
 */
export function locate(record: SourceRecord, issue: ValidationIssue): LocatedIssue {
  if (issue.line !== undefined) return { file: record.file, issue };
  if (lastTree?.text !== record.text) lastTree = { text: record.text, tree: parseTree(record.text) };
  const tree = lastTree.tree;
  const segments = [...record.prefix, ...pathSegments(issue.path)];
  let node: Node | undefined;
  for (let n = segments.length; n >= 0 && tree; n--) {
    node = findNodeAtLocation(tree, segments.slice(0, n));
    if (node) break;
  }
  const { record: _ignored, ...rest } = issue;
  if (!node) return { file: record.file, issue: { ...rest, line: record.firstLine } };
  const at = lineColumn(record.text, node.offset);
  return { file: record.file, issue: { ...rest, line: record.firstLine + at.line - 1, column: at.column } };
}

/** Whether a file name says NDJSON. */
export function isNdjsonName(file: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(file);
}

function parsesAlone(line: string): boolean {
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
  const lines = body.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const r = parseJsonText(line);
    if (r.ok) records.push({ file, value: r.value, text: line, firstLine: i + 1, prefix: [] });
    else {
      // Re-parse behind i blank lines so the message names the file's line, not the line's own.
      const located = parseJsonText('\n'.repeat(i) + line);
      for (const issue of located.ok ? r.issues : located.issues) issues.push({ file, issue });
    }
  });
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

/** Issues of a batch (each with its 1-based `record` number) located in the records they came from. */
export function locateIssues(
  records: readonly SourceRecord[] | undefined,
  issues: readonly ValidationIssue[],
): LocatedIssue[] {
  return issues.map((issue) => {
    const rec = issue.record !== undefined ? records?.[issue.record - 1] : undefined;
    return rec ? locate(rec, issue) : { issue };
  });
}
