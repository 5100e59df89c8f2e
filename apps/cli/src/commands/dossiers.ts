import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ValidationIssue } from '@cdsx/criteria';
import type { Dossier, DuplicateRecord, RecordReader, RejectionSummary } from '@cdsx/kpi';
import type { Context } from '../command';
import { fileError, InputError } from '../errors';
import { t } from '../i18n';
import { openError, STDIN } from '../io';
import { Progress } from '../progress';

/** Files above this size (bytes) get a progress bar. */
const LONG_FILE = 1 << 20;

/**
 * A dossier file (NDJSON, or CSV by extension) read through the @cdsx/kpi readers, streamed from disk with
 * a progress bar on stderr (terminal only). `-` reads standard input as NDJSON.
 */
/**
 * A CSV whose header is separated by semicolons is what Excel writes in a Vietnamese (or other
 * comma-decimal) locale: refuse it with the way out, instead of reading one column per line.
 */
function rejectSemicolonCsv(ctx: Context, file: string): void {
  const fd = openSync(resolve(ctx.cwd, file), 'r');
  const buf = Buffer.alloc(64 * 1024);
  let n: number;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  const header =
    buf
      .toString('utf8', 0, n)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0] ?? '';
  if (header.includes(';') && !header.includes(',')) {
    throw new InputError([
      {
        file,
        issue: {
          path: '',
          line: 1,
          code: 'semicolon_csv',
          message: t(
            'tệp CSV phân cách bằng dấu chấm phẩy (;) — kiểu Excel lưu khi máy đặt vùng Việt Nam. Hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" hoặc đổi dấu phân cách danh sách thành dấu phẩy (,)',
            'the CSV file is separated by semicolons (;), as Excel saves it under a Vietnamese locale. Save it again as "CSV UTF-8 (Comma delimited)" or set the list separator to a comma (,)',
          ),
        },
      },
    ]);
  }
}

export async function openDossiers(
  ctx: Context,
  file: string,
): Promise<{ reader: RecordReader<Dossier>; name: string; finish: () => void }> {
  const csv = /\.csv$/i.test(file);
  // Loaded on use: only the dossier commands need @cdsx/kpi.
  const { readDossiers } = await import('@cdsx/kpi');
  if (file === '-') {
    // Streamed like a file, a chunk at a time (never the whole input in memory); the reader's maximum
    // record size bounds a line.
    return { reader: readDossiers(await ctx.openChunks('-')), name: STDIN, finish: () => {} };
  }
  let size: number;
  try {
    const st = statSync(resolve(ctx.cwd, file));
    if (st.isDirectory())
      throw fileError(
        file,
        'is_directory',
        t('đây là thư mục, không phải tệp', 'is a directory, not a file'),
      );
    if (!st.isFile() && !st.isFIFO())
      // A device such as /dev/zero never ends: refuse it rather than read forever.
      throw fileError(
        file,
        'not_a_file',
        t('không phải tệp thường (thiết bị, socket)', 'not a regular file (a device or a socket)'),
      );
    size = st.size;
    // Open once now so an unreadable file is a clear error, not an internal one while streaming.
    if (st.isFile()) closeSync(openSync(resolve(ctx.cwd, file), 'r'));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw openError(ctx.cwd, file, e);
    if (code === 'EACCES')
      throw fileError(file, 'permission_denied', t('không có quyền đọc tệp', 'permission denied'));
    throw e;
  }
  ctx.addInput(file);
  if (csv) rejectSemicolonCsv(ctx, file);
  const progress = new Progress(
    (s) => ctx.note(s),
    Progress.enabledFor(ctx.stderrIsTTY, ctx.env) && size > LONG_FILE,
    file,
  );
  let bytes = 0;
  let reader: RecordReader<Dossier> | undefined;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(resolve(ctx.cwd, file), { highWaterMark: 1 << 20 })) {
      bytes += (chunk as Buffer).length;
      progress.update(bytes, size, reader?.summary.records ?? 0);
      yield chunk as Buffer;
    }
  }
  reader = csv ? (await import('@cdsx/kpi/node')).readDossiersCsv(chunks()) : readDossiers(chunks());
  return { reader, name: file, finish: () => progress.done() };
}

/** Read a whole dossier file for its rejection summary (validation only). */
export async function readDossierFile(
  ctx: Context,
  file: string,
  onDossier: (d: Dossier) => void,
): Promise<{ summary: RejectionSummary; name: string }> {
  const { reader, name, finish } = await openDossiers(ctx, file);
  try {
    for await (const d of reader) onDossier(d);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!code) throw e;
    throw fileError(name, 'read_failed', t(`không đọc được tệp (${code})`, `cannot read the file (${code})`));
  } finally {
    finish();
  }
  return { summary: reader.summary, name };
}

/** A duplicate dossier id reported by the readers, as a located issue (counted once, at its first record). */
export function duplicateIssue(d: DuplicateRecord): ValidationIssue {
  return {
    path: 'id',
    code: 'duplicate_id',
    ...(d.line !== undefined ? { line: d.line } : { record: d.record }),
    message: t(
      `mã hồ sơ ${d.id} trùng với bản ghi #${d.firstRecord}`,
      `dossier id ${d.id} duplicates record #${d.firstRecord}`,
    ),
  };
}
