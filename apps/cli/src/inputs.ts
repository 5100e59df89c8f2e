import { parseJsonText } from '@cdsx/criteria';
import type { Context } from './command';
import { fileError, InputError } from './errors';
import { t } from './i18n';
import { filesIn, isDirectory, STDIN } from './io';
import { readRecords, type SourceRecord } from './records';

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
