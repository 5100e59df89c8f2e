import { parseJsonText } from '@cdsx/criteria';
import type { Context } from './command';
import { fileError, InputError, type LocatedIssue } from './errors';
import { t } from './i18n';
import { filesIn, isDirectory, lines, STDIN } from './io';
import { isNdjsonName, looksLikeNdjson, readRecords, type SourceRecord } from './records';

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
  let head = '';
  let done = false;
  if (!ndjson) {
    // Read until the first non-blank line is complete and something follows it: enough to tell NDJSON
    // (that line is a value on its own) from a pretty-printed document.
    while (!/^[ \t\r\n]*[^\n]*\n[\s\S]*\S/.test(head)) {
      const n = await it.next();
      if (n.done) {
        done = true;
        break;
      }
      head += decode(n.value);
    }
    ndjson = looksLikeNdjson(head.charCodeAt(0) === 0xfeff ? head.slice(1) : head);
  }
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    if (done) return;
    for (let n = await it.next(); !n.done; n = await it.next()) yield decode(n.value);
    const tail = decoder.decode();
    if (tail) yield tail;
  }
  if (!ndjson) {
    let text = '';
    for await (const s of rest()) text += s;
    yield* wholeDocument(name, text);
    return;
  }
  let count = 0;
  for await (const { text, line } of lines(rest())) {
    if (text.trim() === '') continue;
    count++;
    const r = parseJsonText(text);
    if (r.ok) yield { record: { file: name, value: r.value, text, firstLine: line, prefix: [] } };
    else {
      // Re-parse behind the preceding line breaks so the message names the file's line, not the line's own.
      const located = parseJsonText('\n'.repeat(line - 1) + text);
      yield { issues: (located.ok ? r.issues : located.issues).map((issue) => ({ file: name, issue })) };
    }
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
