import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileError, UsageError } from './errors';
import { t } from './i18n';

/** Name shown for standard input in messages. */
export const STDIN = '<stdin>';

/** Canonical absolute path of a file (resolving symlinks when it exists). */
export function canonicalPath(cwd: string, file: string): string {
  const abs = resolve(cwd, file);
  try {
    return realpathSync(abs);
  } catch {
    // Not there yet: resolve the directory, which may itself be a symlink.
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

function errnoCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** Read a text file as UTF-8; a missing or unreadable file is a located input error (exit 1). */
export function readTextFile(cwd: string, file: string): string {
  return readFileWith(cwd, file, (path) => readFileSync(path, 'utf8'));
}

/** Read a binary file (an .xlsx form); errors as {@link readTextFile}. */
export function readBytesFile(cwd: string, file: string): Uint8Array {
  return readFileWith(cwd, file, (path) => new Uint8Array(readFileSync(path)));
}

function readFileWith<T>(cwd: string, file: string, read: (path: string) => T): T {
  try {
    return read(resolve(cwd, file));
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT') throw fileError(file, 'file_not_found', t('không tìm thấy tệp', 'file not found'));
    if (code === 'EISDIR')
      throw fileError(
        file,
        'is_directory',
        t('đây là thư mục, không phải tệp', 'is a directory, not a file'),
      );
    if (code === 'EACCES')
      throw fileError(file, 'permission_denied', t('không có quyền đọc tệp', 'permission denied'));
    throw fileError(
      file,
      'read_failed',
      t(`không đọc được tệp (${code ?? 'lỗi'})`, `cannot read the file (${code ?? 'error'})`),
    );
  }
}

/** Whether a path is a directory (false when it does not exist). */
export function isDirectory(cwd: string, path: string): boolean {
  try {
    return statSync(resolve(cwd, path)).isDirectory();
  } catch {
    return false;
  }
}

/** Files of a directory with one of the extensions, sorted by name (deterministic order). */
export function filesIn(cwd: string, dir: string, extensions: readonly string[]): string[] {
  return readdirSync(resolve(cwd, dir), { withFileTypes: true })
    .filter((d) => d.isFile() && extensions.some((ext) => d.name.toLowerCase().endsWith(ext)))
    .map((d) => d.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(dir, name));
}

/**
 * Write a file atomically: the content goes to a temporary file in the same directory, which is then
 * renamed over the target, so readers never see a half-written file. Refuses to overwrite an input.
 */
export function writeFileAtomic(
  cwd: string,
  file: string,
  content: ReadonlyArray<string | Uint8Array>,
  inputs: ReadonlySet<string>,
): void {
  const target = canonicalPath(cwd, file);
  if (inputs.has(target)) {
    throw new UsageError(
      t(`--out ${file}: không ghi đè lên tệp đầu vào`, `--out ${file}: refusing to overwrite an input file`),
    );
  }
  const tmp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    for (const part of content) {
      if (typeof part === 'string') writeSync(fd, part);
      else writeSync(fd, part);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file was never created or is already gone.
    }
    const code = errnoCode(e);
    throw fileError(
      file,
      'write_failed',
      t(`không ghi được tệp (${code ?? 'lỗi'})`, `cannot write the file (${code ?? 'error'})`),
    );
  }
}
