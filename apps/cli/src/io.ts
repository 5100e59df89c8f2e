import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
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

/** Temporary files of {@link writeFileAtomic}: `.<name>.<pid>.<random>.tmp` next to the target. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}

/**
 * Remove temporaries a killed earlier run left next to `target` (their process is gone). Best effort: a
 * file that cannot be listed or removed is left alone.
 */
export function removeStaleTemporaries(target: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || m[1] !== basename(target) || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    try {
      unlinkSync(join(dirname(target), name));
      removed.push(name);
    } catch {
      // Someone else's file or already gone.
    }
  }
  return removed;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Whether standard input is the file `st` (e.g. `cdsx assess - --out x.json < x.json`). */
function stdinIs(st: Stats, stdinFd: number): boolean {
  try {
    const s = fstatSync(stdinFd);
    return s.isFile() && s.dev === st.dev && s.ino === st.ino;
  } catch {
    return false;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Write a file atomically: the content goes to a temporary file in the same directory, which is then
 * renamed over the target, so readers never see a half-written file. Refuses to overwrite an input, also
 * when standard input is redirected from the target. The target keeps its permission bits. A special file
 * (a FIFO, a device such as `/dev/null` or `/dev/stdout`) is written directly, never replaced. A temporary
 * is removed when the write fails or the process is interrupted (SIGINT, SIGTERM, SIGHUP), and temporaries
 * that a killed earlier run left behind are removed by the next write to the same target.
 */
export function writeFileAtomic(
  cwd: string,
  file: string,
  content: ReadonlyArray<string | Uint8Array>,
  inputs: ReadonlySet<string>,
  stdinFd = 0,
): void {
  const target = canonicalPath(cwd, file);
  const existing = statOrUndefined(target);
  if (inputs.has(target) || (existing?.isFile() && stdinIs(existing, stdinFd))) {
    throw new UsageError(
      t(`--out ${file}: không ghi đè lên tệp đầu vào`, `--out ${file}: refusing to overwrite an input file`),
    );
  }
  const failed = (e: unknown) => {
    const code = errnoCode(e);
    return fileError(
      file,
      'write_failed',
      t(`không ghi được tệp (${code ?? 'lỗi'})`, `cannot write the file (${code ?? 'error'})`),
    );
  };
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    // A FIFO, a device or a socket: renaming over it would replace it with a regular file.
    let fd: number | undefined;
    try {
      fd = openSync(target, 'w');
      for (const part of content) {
        if (typeof part === 'string') writeSync(fd, part);
        else writeSync(fd, part);
      }
    } catch (e) {
      throw failed(e);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return;
  }
  removeStaleTemporaries(target);
  const tmp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const cleanup = () => {
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file was never created or is already gone.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.once(s, onSignal);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    if (existing) fchmodSync(fd, existing.mode & 0o7777);
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
    cleanup();
    throw failed(e);
  } finally {
    // The write is synchronous, so a signal that came during it is dispatched only after it: keep the
    // handler one more turn of the event loop so that signal still removes the temporary and then ends
    // the process as it would have.
    setImmediate(() => {
      for (const s of SIGNALS) process.removeListener(s, onSignal);
    });
  }
}
