import { parseJsonText } from '@cdsx/criteria';
import type { Context } from './command';
import { fileError, InputError, type LocatedIssue } from './errors';
import { t } from './i18n';
import { filesIn, isDirectory, lines, STDIN } from './io';
import {
  isNdjsonName,
  MAX_DOCUMENT_SIZE,
  maxRecordSize,
  parsesAlone,
  readRecords,
  recordTooLarge,
  type SourceRecord,
} from './records';

/**
 * Read JSON/NDJSON records from a file, every `.json`/`.ndjson`/`.jsonl` file of a directory (sorted by
 * name), or standard input (`-`). Every problem of every file is reported together.
 */
export async function readRecordInputs(ctx: Context, spec: string): Promise<SourceRecord[]> {
  if (spec === '-') return readRecords(STDIN, await ctx.readText('-'));
  const files = isDirectory(ctx.cwd, spec) ? filesIn(ctx.cwd, spec, ['.json', '.ndjson', '.jsonl']) : [spec];
  if (files.length === 0) {
    throw fileError(
      spec,
      'empty_directory',
      t('thư mục không có tệp .json/.ndjson nào', 'the directory has no .json/.ndjson file'),
    );
  }
  const records: SourceRecord[] = [];
  const issues: InputError['issues'] = [];
  for (const file of files) {
    try {
      records.push(...readRecords(file, await ctx.readText(file)));
    } catch (e) {
      if (e instanceof InputError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length) throw new InputError(issues);
  return records;
}

/** Read one JSON document (an overlay, a catalog) as a record that issues can be located in. */
export async function readJsonDocument(ctx: Context, file: string): Promise<SourceRecord> {
  const text = await ctx.readText(file);
  const name = file === '-' ? STDIN : file;
  const r = parseJsonText(text);
  if (!r.ok) throw new InputError(r.issues.map((issue) => ({ file: name, issue })));
  return {
    file: name,
    value: r.value,
    text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
    firstLine: 1,
    prefix: [],
  };
}

/** One item of a record stream: a record to decide, or the problems of one unreadable record or file. */
export type StreamItem = { record: SourceRecord; issues?: undefined } | { issues: LocatedIssue[] };

/**
 * Records of a file, a directory's `.json`/`.ndjson`/`.jsonl` files (sorted by name) or standard input,
 * one at a time. NDJSON (by extension, or standard input / an unnamed file whose first line is a whole
 * value) is read line by line, so memory holds one line, not the file; a JSON document or array is read
 * whole. A line that is not JSON is yielded as its located problems and reading goes on.
 */
export async function* streamRecordInputs(ctx: Context, spec: string): AsyncGenerator<StreamItem> {
  if (spec === '-') {
    yield* streamFile(ctx, '-', STDIN);
    return;
  }
  if (!isDirectory(ctx.cwd, spec)) {
    yield* streamFile(ctx, spec, spec);
    return;
  }
  const files = filesIn(ctx.cwd, spec, ['.json', '.ndjson', '.jsonl']);
  if (files.length === 0) {
    throw fileError(
      spec,
      'empty_directory',
      t('thư mục không có tệp .json/.ndjson nào', 'the directory has no .json/.ndjson file'),
    );
  }
  for (const file of files) yield* streamFile(ctx, file, file);
}

function* wholeDocument(name: string, text: string): Generator<StreamItem> {
  let records: SourceRecord[];
  try {
    records = readRecords(name, text, false);
  } catch (e) {
    if (e instanceof InputError) {
      yield { issues: e.issues };
      return;
    }
    throw e;
  }
  for (const record of records) yield { record };
}

async function* streamFile(ctx: Context, file: string, name: string): AsyncGenerator<StreamItem> {
  if (/\.json$/i.test(file)) {
    yield* wholeDocument(name, await ctx.readText(file));
    return;
  }
  const it = (await ctx.openChunks(file))[Symbol.asyncIterator]();
  const decoder = new TextDecoder('utf-8');
  const decode = (c: string | Buffer) => (typeof c === 'string' ? c : decoder.decode(c, { stream: true }));
  let ndjson = isNdjsonName(file);
  const limit = maxRecordSize(ctx.env);
  let head = '';
  let done = false;
  if (!ndjson) {
    // Read until the first non-blank line is complete: NDJSON when that line is a JSON value on its own
    // (an object, as records are), a JSON document otherwise (a pretty-printed `{`, or a one-line array).
    // The look-ahead holds at most one record's worth of text: past the limit (a huge first line, or
    // a flood of blank lines) it stops and the input is read as NDJSON, whose reader bounds each line.
    let pos = 0;
    let from = 0;
    for (;;) {
      while (pos < head.length && /[ \t\r\n]/.test(head[pos]!)) pos++;
      from = Math.max(from, pos);
      const nl = pos < head.length ? head.indexOf('\n', from) : -1;
      if (nl >= 0) {
        const first = head.slice(pos, nl);
        ndjson = parsesAlone(first) && !/^\s*\[/.test(first);
        break;
      }
      from = head.length;
      if (head.length > limit) {
        ndjson = true;
        break;
      }
      const n = await it.next();
      if (n.done) {
        done = true;
        break;
      }
      head += decode(n.value);
      if (pos === 0 && head.charCodeAt(0) === 0xfeff) pos = 1;
    }
  }
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    head = '';
    if (done) return;
    for (let n = await it.next(); !n.done; n = await it.next()) yield decode(n.value);
    const tail = decoder.decode();
    if (tail) yield tail;
  }
  if (!ndjson) {
    // A JSON document (or array) cannot be split into records before it is parsed: it is read whole, up
    // to the longest string JavaScript holds; a larger one is a located error that says to use NDJSON.
    let text = '';
    for await (const s of rest()) {
      if (text.length + s.length > MAX_DOCUMENT_SIZE) {
        yield {
          issues: [
            {
              file: name,
              issue: {
                path: '',
                code: 'document_too_large',
                message: t(
                  `tài liệu JSON dài hơn ${MAX_DOCUMENT_SIZE} ký tự, không đọc nguyên được; hãy ghi mỗi bản ghi trên một dòng (NDJSON)`,
                  `the JSON document is over ${MAX_DOCUMENT_SIZE} characters and cannot be read whole; write one record per line (NDJSON)`,
                ),
              },
            },
          ],
        };
        return;
      }
      text += s;
    }
    yield* wholeDocument(name, text);
    return;
  }
  let count = 0;
  for await (const { text, line, tooLong } of lines(rest(), limit)) {
    if (tooLong !== undefined) {
      count++;
      yield { issues: [{ file: name, issue: recordTooLarge(line, tooLong, limit) }] };
      continue;
    }
    if (text.trim() === '') continue;
    count++;
    // Located at the file's line (`firstLine`), not the line's own; at most a few issues per bad line.
    const r = parseJsonText(text, undefined, { firstLine: line, maxIssues: 3 });
    if (r.ok) yield { record: { file: name, value: r.value, text, firstLine: line, prefix: [] } };
    else yield { issues: r.issues.map((issue) => ({ file: name, issue })) };
  }
  if (count === 0) {
    yield {
      issues: [
        {
          file: name,
          issue: {
            path: '',
            code: 'empty',
            message: t('tệp không có bản ghi nào', 'the file has no records'),
          },
        },
      ],
    };
  }
}
