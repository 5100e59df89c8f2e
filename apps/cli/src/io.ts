import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
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

/** The error for a file that cannot be opened; a missing file names the absolute path that was tried. */
export function openError(cwd: string, file: string, e: unknown): Error {
  const code = errnoCode(e);
  if (code === 'ENOENT') {
    const tried = resolve(cwd, file);
    return fileError(
      file,
      'file_not_found',
      t(`không tìm thấy tệp (đã tìm: ${tried})`, `file not found (looked for ${tried})`),
    );
  }
  return readError(file, code);
}

function readError(file: string, code: string | undefined): Error {
  if (code === 'EISDIR')
    return fileError(file, 'is_directory', t('đây là thư mục, không phải tệp', 'is a directory, not a file'));
  if (code === 'EACCES')
    return fileError(file, 'permission_denied', t('không có quyền đọc tệp', 'permission denied'));
  return fileError(
    file,
    'read_failed',
    t(`không đọc được tệp (${code ?? 'lỗi'})`, `cannot read the file (${code ?? 'error'})`),
  );
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
    if (code === 'ENOENT') throw openError(cwd, file, e);
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
 * Write a file atomically: {@link fileSink} with the whole content, then committed — one mechanism with
 * every guarantee of the sink (temporary file renamed over the target, inputs and a redirected standard
 * input refused, permission bits kept, special files written in place, temporaries removed on failure, on
 * SIGINT/SIGTERM/SIGHUP and by the next run).
 */
export function writeFileAtomic(
  cwd: string,
  file: string,
  content: ReadonlyArray<string | Uint8Array>,
  inputs: ReadonlySet<string>,
  stdinFd = 0,
): void {
  const sink = fileSink(cwd, file, inputs, stdinFd);
  for (const part of content) sink.writeNow(part);
  sink.commit();
}

/** Where a streaming command writes: stdout as it goes, or `--out` (a temporary file renamed at the end). */
export interface Sink {
  /** Write text; resolves when the destination can take more (backpressure on a slow pipe). */
  write(text: string | Uint8Array): Promise<void>;
  /** Finish: rename the temporary file over `--out` (refusing an input file); nothing for stdout. */
  commit(): void;
  /** Give up: remove the temporary file; nothing for stdout. */
  abort(): void;
}

/** A sink over a stream with Node's `write` → `false` / `'drain'` backpressure. */
export function streamSink(stream: {
  write(s: string | Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}): Sink {
  return {
    async write(text) {
      if (stream.write(text) === false && stream.once) {
        await new Promise<void>((resolve) => stream.once!('drain', resolve));
      }
    },
    commit() {},
    abort() {},
  };
}

/**
 * A sink writing `--out` (streaming commands as records are decided, and {@link writeFileAtomic}): a
 * temporary file in the same directory, renamed over the target on commit, so readers never see half a
 * file. Never an input, also not when standard input is redirected from the target
 * (`assess - --out x.json < x.json`); the target's permission bits are kept; a special file (a FIFO, a
 * device such as `/dev/null` or `/dev/stdout`) is written in place, never replaced. The temporary is
 * removed on failure, on abort and on SIGINT/SIGTERM/SIGHUP (the process then still ends by that signal),
 * and temporaries that a killed earlier run left behind are removed first.
 */
export function fileSink(
  cwd: string,
  file: string,
  inputs: ReadonlySet<string>,
  stdinFd = 0,
): Sink & { writeNow(text: string | Uint8Array): void } {
  const target = canonicalPath(cwd, file);
  const existing = statOrUndefined(target);
  const refuse = () =>
    new UsageError(
      t(`--out ${file}: không ghi đè lên tệp đầu vào`, `--out ${file}: refusing to overwrite an input file`),
    );
  if (inputs.has(target) || (existing?.isFile() && stdinIs(existing, stdinFd))) throw refuse();
  const fail = (e: unknown) => {
    const code = errnoCode(e);
    return fileError(
      file,
      'write_failed',
      t(`không ghi được tệp (${code ?? 'lỗi'})`, `cannot write the file (${code ?? 'error'})`),
    );
  };
  const special = existing !== undefined && !existing.isFile() && !existing.isDirectory();
  if (!special) removeStaleTemporaries(target);
  const tmp = special
    ? target
    : join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  const removeTemporary = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    if (special) return;
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
  };
  // Writes are synchronous, so a signal that came during one is dispatched only after it: the handlers stay
  // one more turn of the event loop, so such a signal still removes the temporary and then ends the
  // process as it would have (removed at once, the signal would be lost).
  const release = () =>
    setImmediate(() => {
      for (const s of SIGNALS) process.removeListener(s, onSignal);
    });
  const abort = () => {
    removeTemporary();
    release();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemporary();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  try {
    fd = special ? openSync(target, 'w') : openSync(tmp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    if (existing && !special) fchmodSync(fd, existing.mode & 0o7777);
  } catch (e) {
    throw fail(e);
  }
  for (const s of SIGNALS) process.once(s, onSignal);
  const writeNow = (text: string | Uint8Array) => {
    try {
      if (typeof text === 'string') writeSync(fd!, text);
      else writeSync(fd!, text);
    } catch (e) {
      abort();
      throw fail(e);
    }
  };
  return {
    writeNow,
    async write(text) {
      writeNow(text);
    },
    commit() {
      if (inputs.has(target)) {
        abort();
        throw refuse();
      }
      try {
        if (!special) fsyncSync(fd!);
        closeSync(fd!);
        fd = undefined;
        if (!special) renameSync(tmp, target);
      } catch (e) {
        abort();
        throw fail(e);
      }
      release();
    },
    abort,
  };
}

/**
 * Text of a file or of standard input as it arrives, one line at a time (`\n` or `\r\n`; a final line
 * without a newline included), with 1-based line numbers. Memory holds one chunk and at most one line of
 * `maxLine` characters, never the file: a longer line is given as `{ text: '', tooLong }` (its length) and
 * the rest of it is skipped as it arrives, so even an endless input without line breaks stays bounded.
 */
export async function* lines(
  chunks: AsyncIterable<string | Buffer>,
  maxLine = Number.POSITIVE_INFINITY,
): AsyncGenerator<{ text: string; line: number; tooLong?: number }> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;
  let first = true;
  // Characters of the current line skipped so far because it is too long (0: not skipping).
  let skipped = 0;
  for await (const chunk of chunks) {
    let s = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && s.length) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
    }
    if (skipped > 0) {
      const nl = s.indexOf('\n');
      if (nl < 0) {
        skipped += s.length;
        continue;
      }
      line++;
      yield { text: '', line, tooLong: skipped + nl };
      skipped = 0;
      s = s.slice(nl + 1);
    }
    pending += s;
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
      line++;
      if (nl - start > maxLine) yield { text: '', line, tooLong: nl - start };
      else {
        const raw = pending.slice(start, nl);
        yield { text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, line };
      }
      start = nl + 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxLine) {
      skipped = pending.length;
      pending = '';
    }
  }
  pending += decoder.decode();
  if (skipped > 0) {
    line++;
    yield { text: '', line, tooLong: skipped + pending.length };
  } else if (pending.length) {
    line++;
    if (pending.length > maxLine) yield { text: '', line, tooLong: pending.length };
    else yield { text: pending.endsWith('\r') ? pending.slice(0, -1) : pending, line };
  }
}

/** Open a file as a stream of chunks; a missing file is a located input error naming the path tried. */
export async function openFileChunks(cwd: string, file: string): Promise<AsyncIterable<Buffer>> {
  const path = resolve(cwd, file);
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    const fd = openSync(path, 'r');
    return createReadStream(path, { fd, highWaterMark: 1 << 16 });
  } catch (e) {
    throw openError(cwd, file, e);
  }
}
