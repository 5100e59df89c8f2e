import { type LocalizedText, parseJsonText, type ValidationIssue } from '@cdsx/criteria';
import { fromZodError } from '@cdsx/criteria/internal';
import { z } from 'zod';
import { acceptDossier } from './acceptor';
import { explainDossier } from './rejection';
import {
  type Dossier,
  DossierSchema,
  type FeedbackCase,
  FeedbackCaseSchema,
  type Procedure,
  ProcedureSchema,
} from './schemas';

/** A line of text with its 1-based line number. */
export interface NumberedLine {
  text: string;
  line: number;
  /**
   * Set when the line was longer than the maximum record size: its length so far (characters); `text` is
   * then empty and the rest of the line was skipped without being kept in memory.
   */
  tooLong?: number;
}

/** Default maximum record size (one NDJSON line), in characters: 1 MiB. A dossier is under 2 KB. */
export const DEFAULT_MAX_RECORD_SIZE = 1 << 20;

/** Where records come from: a whole text, lines, chunks (bytes or text), or a Web `ReadableStream`. */
export type TextSource =
  | string
  | Iterable<string>
  | AsyncIterable<string | Uint8Array>
  | ReadableStream<string | Uint8Array>;

function isReadableStream(x: unknown): x is ReadableStream<string | Uint8Array> {
  return typeof x === 'object' && x !== null && typeof (x as ReadableStream).getReader === 'function';
}

async function* streamChunks(
  stream: ReadableStream<string | Uint8Array>,
): AsyncGenerator<string | Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Split chunks of text or UTF-8 bytes into batches of numbered lines (one batch per chunk). A line longer
 * than `maxLine` characters is given as `{ text: '', tooLong }` and the rest of it is skipped, so memory
 * stays bounded whatever the input (even an endless stream without newlines).
 */
export function lineBatches(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  maxLine: number = DEFAULT_MAX_RECORD_SIZE,
): AsyncGenerator<NumberedLine[]> {
  return lineBatchesFrom(chunks, maxLine, 0, true);
}

/**
 * {@link lineBatches} from line `line0` on: `first` says whether the chunks start the stream (then a
 * leading BOM is dropped); chunks taken over mid-stream start at a line boundary and keep any BOM.
 */
async function* lineBatchesFrom(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  maxLine: number,
  line0: number,
  first: boolean,
): AsyncGenerator<NumberedLine[]> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: !first });
  let rest = '';
  let line = line0;
  // Characters of the current line skipped so far because it is too long (0: not skipping).
  let skipped = 0;
  for await (const chunk of chunks as AsyncIterable<string | Uint8Array>) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const batch: NumberedLine[] = [];
    let start = 0;
    if (skipped > 0) {
      const nl = text.indexOf('\n');
      if (nl < 0) {
        skipped += text.length;
        continue;
      }
      line++;
      batch.push({ text: '', line, tooLong: skipped + nl });
      skipped = 0;
      start = nl + 1;
    }
    text = rest + text.slice(start);
    start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      line++;
      if (nl - start > maxLine) batch.push({ text: '', line, tooLong: nl - start });
      else {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        batch.push({ text: text.slice(start, end), line });
      }
      start = nl + 1;
    }
    rest = text.slice(start);
    if (rest.length > maxLine) {
      skipped = rest.length;
      rest = '';
    }
    if (batch.length > 0) yield batch;
  }
  rest += decoder.decode();
  if (skipped > 0) {
    line++;
    yield [{ text: '', line, tooLong: skipped + rest.length }];
  } else if (rest.length > 0) {
    line++;
    if (rest.length > maxLine) yield [{ text: '', line, tooLong: rest.length }];
    else yield [{ text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, line }];
  }
}

/**
 * Split chunks of text or UTF-8 bytes into numbered lines (LF or CRLF; a leading BOM is dropped).
 *
 * @example
 * ```ts
 * for await (const { text, line } of linesFromChunks(response.body!)) …
 * ```
 */
export async function* linesFromChunks(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): AsyncGenerator<NumberedLine> {
  for await (const batch of lineBatches(chunks)) yield* batch;
}

/** Numbered lines of any {@link TextSource} in batches: an iterable of strings is taken as one line per item. */
async function* lineBatchesOf(
  source: TextSource,
  maxLine: number = DEFAULT_MAX_RECORD_SIZE,
): AsyncGenerator<NumberedLine[]> {
  if (typeof source === 'string') {
    yield* lineBatches([source], maxLine);
  } else if (isReadableStream(source)) {
    yield* lineBatches(streamChunks(source), maxLine);
  } else if (Symbol.asyncIterator in source) {
    yield* lineBatches(source as AsyncIterable<string | Uint8Array>, maxLine);
  } else {
    let line = 0;
    let batch: NumberedLine[] = [];
    for (const text of source as Iterable<string>) {
      line++;
      if (text.length > maxLine) batch.push({ text: '', line, tooLong: text.length });
      else batch.push({ text: text.endsWith('\r') ? text.slice(0, -1) : text, line });
      if (batch.length === 4096) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/** Numbered lines of any {@link TextSource}: an iterable of strings is taken as one line per item. */
export async function* linesOf(source: TextSource): AsyncGenerator<NumberedLine> {
  for await (const batch of lineBatchesOf(source)) yield* batch;
}

/** A record rejected as a duplicate of an earlier one. */
export interface DuplicateRecord {
  id: string;
  record: number;
  line?: number;
  /** Record number of the first occurrence, which is the one counted. */
  firstRecord: number;
}

/**
 * Tổng hợp bản ghi bị loại — what a reader accepted and rejected. Every data record is either
 * accepted or rejected (`records = accepted + rejected + duplicates`); nothing is dropped silently.
 */
export interface RejectionSummary {
  /** Data records read (blank lines are not records). */
  records: number;
  accepted: number;
  /** Records rejected for invalid content. */
  rejected: number;
  /** Records rejected because their id was already seen (the first occurrence is counted). */
  duplicates: number;
  /** Number of issues per issue code (one record may have several issues). */
  issuesByCode: Record<string, number>;
  /** The first `maxIssues` issues, each located by `record`, `line` and `path`. */
  issues: ValidationIssue[];
  /** The first `maxIssues` duplicates. */
  duplicateRecords: DuplicateRecord[];
  /** True when more issues or duplicates were found than are listed. */
  truncated: boolean;
}

/** Options of the readers. */
export interface ReadOptions {
  /** How many issues and duplicates to keep in the summary (default 1000); all are counted. */
  maxIssues?: number;
  /** Report records whose id was seen before (default true). Memory: about 20 bytes plus the id length per distinct id. */
  dedupe?: boolean;
  /** Called for each rejected record's issues as they are found. */
  onReject?: (issues: ValidationIssue[]) => void;
  /**
   * Longest record (NDJSON line) read, in characters (default {@link DEFAULT_MAX_RECORD_SIZE}, 1 MiB).
   * A longer line is rejected as `record_too_large` without being kept in memory; reading continues.
   */
  maxRecordSize?: number;
}

/** Bytes per page of the {@link IdSet}'s id store. */
const ID_PAGE_BITS = 20;
const ID_PAGE = 1 << ID_PAGE_BITS;
/** Pages addressable below bit 31 of an offset (bit 31 marks an id kept as a string: longer than a page). */
const ID_MAX_PAGES = 1 << (31 - ID_PAGE_BITS);
const ID_LONG = 0x80000000;

/**
 * The set of ids seen, with the record of first sight: an open-addressing table of 32-bit hashes
 * whose ids are kept in fixed 1 MiB byte pages — a hash match is confirmed by comparing the ids, so
 * two different ids are never taken for duplicates (no false positive on a hash collision). An id whose
 * code units are all below 256 (every ASCII id) is stored one byte per character, any other two bytes
 * per UTF-16 code unit. Memory: 12 bytes per slot (load ≤ 0.75) plus 4 + (1 or 2) × length bytes per
 * id; pages are added, never copied, so the store has no growth slack and no copy at growth (an id
 * longer than a page — over a million characters — is kept as a string).
 */
export class IdSet {
  /**
   * The slots, three words each side by side (one cache line for a probe): the id's hash; the record
   * number of first sight (0: empty slot); page × 2^20 + byte offset of the id, or ID_LONG + index in `long`.
   */
  private table = new Uint32Array(3 << 16);
  private slotCount = 1 << 16;
  private pages: Uint8Array[] = [new Uint8Array(ID_PAGE)];
  private long: string[] = [];
  /** Bytes used in the last page. */
  private used = 0;
  private size = 0;

  /** Distinct ids stored. */
  get count(): number {
    return this.size;
  }

  /** Record number of an earlier occurrence of `id`, or 0 after inserting it with `record`. */
  addOrGet(id: string, record: number): number {
    let h = 0x811c9dc5;
    let wide = false;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (c > 0xff) wide = true;
      h = Math.imul(h ^ c, 0x01000193);
    }
    h = (h ^ (h >>> 15)) >>> 0;
    if ((this.size + 1) * 4 > this.slotCount * 3) this.grow();
    const mask = this.slotCount - 1;
    const t = this.table;
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const f = t[3 * i + 1] as number;
      if (f === 0) break;
      if (t[3 * i] === h && this.same(t[3 * i + 2] as number, id, wide)) return f;
      i = (i + 1) & mask;
    }
    t[3 * i] = h;
    t[3 * i + 1] = record;
    t[3 * i + 2] = this.store(id, wide);
    this.size++;
    return 0;
  }

  /** Store an id: 4 header bytes (bit 31: two bytes per unit; bits 0–30: length in code units), then the units. */
  private store(id: string, wide: boolean): number {
    const need = 4 + (wide ? 2 : 1) * id.length;
    if (need > ID_PAGE) {
      this.long.push(id);
      return ID_LONG + this.long.length - 1;
    }
    if (this.used + need > ID_PAGE) {
      if (this.pages.length >= ID_MAX_PAGES)
        throw new RangeError(
          'quá nhiều mã hồ sơ để kiểm tra trùng (trên 2 GiB); hãy đọc với dedupe: false / too many ids to check for duplicates (over 2 GiB); read with dedupe: false',
        );
      this.pages.push(new Uint8Array(ID_PAGE));
      this.used = 0;
    }
    const a = this.pages[this.pages.length - 1] as Uint8Array;
    const off = this.used;
    const head = id.length + (wide ? 0x80000000 : 0);
    a[off] = head >>> 24;
    a[off + 1] = (head >>> 16) & 0xff;
    a[off + 2] = (head >>> 8) & 0xff;
    a[off + 3] = head & 0xff;
    if (wide) {
      for (let k = 0; k < id.length; k++) {
        const c = id.charCodeAt(k);
        a[off + 4 + 2 * k] = c >>> 8;
        a[off + 5 + 2 * k] = c & 0xff;
      }
    } else for (let k = 0; k < id.length; k++) a[off + 4 + k] = id.charCodeAt(k);
    this.used += need;
    return (this.pages.length - 1) * ID_PAGE + off;
  }

  private same(at: number, id: string, wide: boolean): boolean {
    if (at >= ID_LONG) return this.long[at - ID_LONG] === id;
    const a = this.pages[at >>> ID_PAGE_BITS] as Uint8Array;
    const off = at & (ID_PAGE - 1);
    const head =
      (a[off] as number) * 0x1000000 +
      ((a[off + 1] as number) << 16) +
      ((a[off + 2] as number) << 8) +
      (a[off + 3] as number);
    if (head !== id.length + (wide ? 0x80000000 : 0)) return false;
    if (wide) {
      for (let k = 0; k < id.length; k++)
        if (((a[off + 4 + 2 * k] as number) << 8) + (a[off + 5 + 2 * k] as number) !== id.charCodeAt(k))
          return false;
    } else for (let k = 0; k < id.length; k++) if (a[off + 4 + k] !== id.charCodeAt(k)) return false;
    return true;
  }

  private grow(): void {
    const old = this.table;
    const n = this.slotCount * 2;
    const t = new Uint32Array(3 * n);
    const mask = n - 1;
    for (let j = 0; j < this.slotCount; j++) {
      const f = old[3 * j + 1] as number;
      if (f === 0) continue;
      const h = old[3 * j] as number;
      let i = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
      while (t[3 * i + 1] !== 0) i = (i + 1) & mask;
      t[3 * i] = h;
      t[3 * i + 1] = f;
      t[3 * i + 2] = old[3 * j + 2] as number;
    }
    this.table = t;
    this.slotCount = n;
  }
}

/** Whether a string is all ASCII (then NFC normalisation leaves it unchanged). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The identity of an id for duplicate detection: its Unicode NFC form (NFD "Hà" and NFC "Hà" are the same id). */
export function idKey(id: string): string {
  return isAscii(id) ? id : id.normalize('NFC');
}

/** Fast acceptors of schemas (a compiled check that returns the record, or declines and lets the schema decide). */
const ACCEPTORS = new Map<unknown, (value: unknown) => unknown>([[DossierSchema, acceptDossier]]);
/** Compiled rejection paths of schemas: the schema's issues for a record, or `undefined` (the schema decides). */
const EXPLAINERS = new Map<unknown, (value: unknown) => ValidationIssue[] | undefined>([
  [DossierSchema, explainDossier],
]);

/** The issues of a failed parse, and nothing else. */
class IssueList {
  constructor(readonly issues: z.core.$ZodIssue[]) {}
}
/**
 * `safeParse` whose failure carries a plain {@link IssueList} instead of a `ZodError`: a ZodError is an
 * `Error`, and capturing its stack trace (plus its per-instance methods) for every rejected record made
 * a rejected dossier several times the cost of a valid one (issue 17 item 4). Same issues, same text.
 */
const safeParseIssues = z.core._safeParse(IssueList as unknown as z.core.$ZodErrorClass);

/** Validates records one by one, keeping the {@link RejectionSummary}. */
export class RecordValidator<T> {
  readonly summary: RejectionSummary = {
    records: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    issuesByCode: {},
    issues: [],
    duplicateRecords: [],
    truncated: false,
  };
  private readonly schema: z.ZodType<T>;
  private readonly maxIssues: number;
  private readonly seen: IdSet | undefined;
  private readonly accept: ((value: unknown) => T | undefined) | undefined;
  private readonly explain: ((value: unknown) => ValidationIssue[] | undefined) | undefined;
  private readonly onReject: ReadOptions['onReject'];
  private readonly idOf: (record: T) => string;

  /** `idOf` gives the identity used to detect duplicates (default: the record's `id`). */
  constructor(
    schema: z.ZodType<T>,
    options: ReadOptions = {},
    idOf: (record: T) => string = (r) => (r as { id: string }).id,
  ) {
    this.schema = schema;
    this.idOf = idOf;
    this.maxIssues = options.maxIssues ?? 1000;
    this.seen = options.dedupe === false ? undefined : new IdSet();
    this.accept = ACCEPTORS.get(schema) as ((value: unknown) => T | undefined) | undefined;
    this.explain = EXPLAINERS.get(schema);
    this.onReject = options.onReject;
  }

  /** Reject a record with issues found before schema validation (e.g. malformed JSON). */
  reject(issues: ValidationIssue[]): void {
    this.summary.records++;
    this.summary.rejected++;
    this.note(issues);
  }

  private note(issues: ValidationIssue[]): void {
    const s = this.summary;
    for (const i of issues) {
      s.issuesByCode[i.code] = (s.issuesByCode[i.code] ?? 0) + 1;
      if (s.issues.length < this.maxIssues) s.issues.push(i);
      else s.truncated = true;
    }
    this.onReject?.(issues);
  }

  /** Validate one parsed record; returns the typed record, or `undefined` when rejected (and recorded). */
  check(value: unknown, line?: number): T | undefined {
    const s = this.summary;
    s.records++;
    const record = s.records;
    // reportInput: zod 4 leaves `input` off issues otherwise, and the messages name the value received.
    let data = this.accept?.(value);
    if (data === undefined) {
      // The compiled rejection path gives the schema's issues without running it (issue 17 item 4);
      // where it declines, or finds none (a record the schema accepts after trimming), the schema runs.
      const explained = this.explain?.(value);
      const r =
        explained !== undefined && explained.length > 0
          ? undefined
          : safeParseIssues(this.schema, value, { reportInput: true });
      if (r === undefined || !r.success) {
        s.rejected++;
        // The converted issues are fresh objects: locate them in place rather than copying each again.
        const located =
          r === undefined
            ? (explained as ValidationIssue[])
            : fromZodError(r.error as unknown as z.core.$ZodError);
        for (const i of located) {
          i.record = record;
          if (line !== undefined) i.line = line;
        }
        this.note(located);
        return undefined;
      }
      data = r.data;
    }
    if (this.seen) {
      const id = this.idOf(data);
      const first = this.seen.addOrGet(idKey(id), record);
      if (first !== 0) {
        s.duplicates++;
        const dup: DuplicateRecord = {
          id,
          record,
          firstRecord: first,
          ...(line !== undefined ? { line } : {}),
        };
        if (s.duplicateRecords.length < this.maxIssues) s.duplicateRecords.push(dup);
        else s.truncated = true;
        s.issuesByCode.duplicate_id = (s.issuesByCode.duplicate_id ?? 0) + 1;
        return undefined;
      }
    }
    s.accepted++;
    return data;
  }
}

/** An async iterable of valid records whose `summary` is complete once iteration ends. */
export interface RecordReader<T> extends AsyncIterable<T> {
  readonly summary: RejectionSummary;
  /** The same records in batches (one per chunk read): fewer async steps for bulk consumers. */
  batches(): AsyncIterable<T[]>;
}

/** A {@link RecordReader} from a batch generator. */
export function recordReader<T>(
  summary: RejectionSummary,
  batches: () => AsyncIterable<T[]>,
): RecordReader<T> {
  // A reader reads its source once: a second pass would find the stream consumed and yield nothing
  // while the summary still counts the first pass — so it is an error, not an empty result.
  let used = false;
  const once = (): AsyncIterable<T[]> => {
    if (used)
      throw new TypeError(
        'bộ đọc bản ghi chỉ đọc được một lần; hãy tạo bộ đọc mới / a record reader can be read only once; create a new reader',
      );
    used = true;
    return batches();
  };
  return {
    summary,
    batches: once,
    async *[Symbol.asyncIterator]() {
      for await (const batch of once()) yield* batch;
    },
  };
}

const INVALID_JSON: LocalizedText = { vi: 'dòng không phải JSON hợp lệ', en: 'line is not valid JSON' };

/** The located, bilingual reason a line is not JSON (never the JavaScript engine's English message). */
function invalidJson(text: string, line: number, record: number): ValidationIssue {
  const r = parseJsonText(text, undefined, { firstLine: line, maxIssues: 1 });
  const first = r.ok ? undefined : r.issues[0];
  return {
    path: '',
    code: first?.code === 'too_deep' ? 'too_deep' : 'invalid_json',
    message: first
      ? { vi: `${INVALID_JSON.vi}: ${first.message.vi}`, en: `${INVALID_JSON.en}: ${first.message.en}` }
      : INVALID_JSON,
    record,
    line,
    ...(first?.column !== undefined ? { column: first.column } : {}),
  };
}

// JSON whitespace only: a line holding a BOM or a no-break space is a record (and an error), not a blank.
const BLANK = /^[ \t]*$/;

/**
 * Numbered record batches of byte chunks, split on LF bytes without decoding the chunk: each line's
 * bytes go to `onBytes`. Exactly what {@link lineBatches} would give, line for line: a line never
 * decodes differently alone than in the stream (a newline byte ends any pending UTF-8 sequence). What
 * this does not handle itself — a string chunk, a stream starting with a BOM byte, a line longer than
 * `maxLine` bytes — is handed over, with the line count so far, to {@link lineBatchesFrom} for the rest.
 * Before the lines of a chunk, `onRegion` is told the bytes `[start, end)` they lie in (up to the
 * chunk's last LF), so that it can decode them at once; a line put together from two chunks is not
 * in any region.
 */
async function* byteLineBatches<T>(
  chunks: AsyncIterable<string | Uint8Array>,
  maxLine: number,
  onBytes: (buf: Uint8Array, start: number, end: number, line: number, out: T[]) => void,
  onLine: (l: NumberedLine, out: T[]) => void,
  onRegion: (buf: Uint8Array, start: number, end: number) => void = () => {},
): AsyncGenerator<T[]> {
  const it = chunks[Symbol.asyncIterator]();
  let carry: Uint8Array | undefined;
  let line = 0;
  let atStart = true;
  async function* rest(head: Uint8Array | string, next?: Uint8Array | string) {
    yield head;
    if (next !== undefined) yield next;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  async function* handOver(head: Uint8Array | string, next?: Uint8Array | string) {
    for await (const lines of lineBatchesFrom(rest(head, next), maxLine, line, atStart)) {
      const out: T[] = [];
      for (const l of lines) onLine(l, out);
      if (out.length > 0) yield out;
    }
  }
  const cr = (buf: Uint8Array, start: number, nl: number) => (nl > start && buf[nl - 1] === 13 ? nl - 1 : nl);
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    const chunk = r.value;
    if (typeof chunk === 'string' || (atStart && chunk[0] === 0xef)) {
      yield* carry !== undefined ? handOver(carry, chunk) : handOver(chunk);
      return;
    }
    if (chunk.length === 0) continue;
    atStart = false;
    const out: T[] = [];
    let start = 0;
    if (carry !== undefined) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        const joined = new Uint8Array(carry.length + chunk.length);
        joined.set(carry);
        joined.set(chunk, carry.length);
        carry = joined;
        if (carry.length > maxLine) {
          const head = carry;
          carry = undefined;
          yield* handOver(head);
          return;
        }
        continue;
      }
      const joined = new Uint8Array(carry.length + nl + 1);
      joined.set(carry);
      joined.set(chunk.subarray(0, nl + 1), carry.length);
      carry = undefined;
      if (joined.length - 1 > maxLine) {
        yield* handOver(joined, chunk.subarray(nl + 1));
        return;
      }
      line++;
      onBytes(joined, 0, cr(joined, 0, joined.length - 1), line, out);
      start = nl + 1;
    }
    onRegion(chunk, start, Math.max(start, chunk.lastIndexOf(10)));
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      if (nl - start > maxLine) {
        if (out.length > 0) yield out;
        yield* handOver(chunk.subarray(start));
        return;
      }
      line++;
      onBytes(chunk, start, cr(chunk, start, nl), line, out);
      start = nl + 1;
    }
    if (out.length > 0) yield out;
    if (start < chunk.length) {
      carry = chunk.slice(start);
      if (carry.length > maxLine) {
        const head = carry;
        carry = undefined;
        yield* handOver(head);
        return;
      }
    }
  }
  if (carry !== undefined) {
    const out: T[] = [];
    line++;
    onBytes(carry, 0, cr(carry, 0, carry.length), line, out);
    if (out.length > 0) yield out;
  }
}

function ndjsonReader<T>(
  schema: z.ZodType<T>,
  source: TextSource,
  options: ReadOptions,
  idOf?: (record: T) => string,
): RecordReader<T> {
  const validator = new RecordValidator(schema, options, idOf);
  const maxLine = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  const onLine = ({ text, line, tooLong }: NumberedLine, out: T[]): void => {
    if (tooLong !== undefined) {
      const record = validator.summary.records + 1;
      validator.reject([
        {
          path: '',
          code: 'record_too_large',
          message: {
            vi: `bản ghi dài ${tooLong} ký tự, vượt giới hạn ${maxLine}`,
            en: `the record is ${tooLong} characters long, over the limit of ${maxLine}`,
          },
          record,
          line,
        },
      ]);
      return;
    }
    onText(text, line, out);
  };
  const onText = (text: string, line: number, out: T[]): void => {
    // BLANK can only match an empty line or one starting with a space or tab: the regex runs for those alone.
    const c0 = text.charCodeAt(0);
    if ((text.length === 0 || c0 === 32 || c0 === 9) && BLANK.test(text)) return;
    const record = validator.summary.records + 1;
    if (text.includes('\ufffd')) {
      // The decoder replaced invalid UTF-8 with U+FFFD (or the text already held one): never silently.
      validator.reject([
        {
          path: '',
          code: 'invalid_utf8',
          message: {
            vi: 'dòng có byte UTF-8 không hợp lệ (ký tự thay thế U+FFFD)',
            en: 'the line holds invalid UTF-8 (replacement character U+FFFD)',
          },
          record,
          line,
          column: text.indexOf('\ufffd') + 1,
        },
      ]);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      validator.reject([invalidJson(text, line, record)]);
      return;
    }
    const ok = validator.check(value, line);
    if (ok !== undefined) out.push(ok);
  };
  // A line alone: no BOM is dropped inside the stream.
  const lineDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  // Each line is decoded and given to the engine's JSON.parse. A byte-level parser in JavaScript
  // (building the dossier object key by key) was tried here and removed: decode + JSON.parse took 37 %
  // fewer instructions per dossier (callgrind, 42 k vs 67 k) — JSON.parse builds each object at its
  // final shape in one go, which also makes the validator and the accumulator read it faster.
  // The lines of a chunk are decoded a block of up to 16 KiB at a time (one decoder call, no view per
  // line), and a line's text sliced from its block, when every byte of the block became one UTF-16 unit
  // — all ASCII, or a byte replaced by U+FFFD — so that byte offsets are text offsets and each slice is
  // exactly what decoding the line alone gives (any other UTF-8 makes the text shorter than its bytes;
  // a newline ends any pending sequence). Otherwise lines are decoded one by one. Blocks, not the whole
  // 256 KiB chunk: a string that large is allocated outside the young generation, and decoding a chunk
  // at once measured 2.1 ms of CPU (half of it system time) against 0.3 ms line by line and ≈ 0.05 ms
  // in 16 KiB blocks (same chunk, 400 passes) — a cost callgrind, counting user-space instructions
  // only, did not show.
  let regionBuf: Uint8Array | undefined;
  let regionEnd = 0;
  let blockStart = 0;
  let blockEnd = -1;
  let blockText: string | undefined;
  const onRegion = (buf: Uint8Array, _start: number, end: number): void => {
    regionBuf = buf;
    regionEnd = end;
    blockEnd = -1;
  };
  const onBytes = (buf: Uint8Array, start: number, end: number, line: number, out: T[]): void => {
    if (buf === regionBuf && end <= regionEnd && (start < blockStart || end > blockEnd)) {
      // A new block: from this line to the last LF within 16 KiB (at least to this line's end).
      let stop = start + 16384 < regionEnd ? buf.lastIndexOf(10, start + 16384) : regionEnd;
      if (stop < end) stop = end;
      const text = lineDecoder.decode(buf.subarray(start, stop));
      blockStart = start;
      blockEnd = stop;
      blockText = text.length === stop - start ? text : undefined;
    }
    const text =
      buf === regionBuf && blockText !== undefined && start >= blockStart && end <= blockEnd
        ? blockText.slice(start - blockStart, end - blockStart)
        : lineDecoder.decode(buf.subarray(start, end));
    onText(text, line, out);
  };
  return recordReader(validator.summary, async function* () {
    if (typeof source !== 'string' && (isReadableStream(source) || Symbol.asyncIterator in source)) {
      // Bytes are split and parsed without decoding whole chunks (the common, fast path).
      const chunks = isReadableStream(source)
        ? streamChunks(source)
        : (source as AsyncIterable<string | Uint8Array>);
      yield* byteLineBatches(chunks, maxLine, onBytes, onLine, onRegion);
      return;
    }
    for await (const lines of lineBatchesOf(source, maxLine)) {
      const out: T[] = [];
      for (const l of lines) onLine(l, out);
      if (out.length > 0) yield out;
    }
  });
}

/**
 * Read dossiers from NDJSON (one JSON object per line): every record is validated; each bad record
 * is reported with its record and line number and field, and reading continues; duplicate ids are
 * counted once. Browser-safe (works on a `File`'s text or stream).
 *
 * @example
 * ```ts
 * const reader = readDossiers(await file.text());
 * const [all] = await computeDossierKpis(reader, { period: '2026-Q1' });
 * console.log(formatIssues(reader.summary.issues)); // "#3 3 receivedAt: …"
 * ```
 */
export function readDossiers(source: TextSource, options: ReadOptions = {}): RecordReader<Dossier> {
  return ndjsonReader(DossierSchema, source, options);
}

/** Read feedback cases (PAKN) from NDJSON, like {@link readDossiers}. */
export function readFeedbackCases(source: TextSource, options: ReadOptions = {}): RecordReader<FeedbackCase> {
  return ndjsonReader(FeedbackCaseSchema, source, options);
}

/** Read procedures from NDJSON, like {@link readDossiers}; duplicates are detected by `code`. */
export function readProcedures(source: TextSource, options: ReadOptions = {}): RecordReader<Procedure> {
  return ndjsonReader(ProcedureSchema, source, options, (p) => p.code);
}

// ─── CSV rows ───────────────────────────────────────────────────────────────────────────────────

const BOOLEAN_FIELDS = new Set([
  'complaint',
  'feeBearing',
  'paidOnline',
  'digitised',
  'digitisedDataReused',
  'electronicResult',
]);
const NUMBER_FIELDS = new Set(['processingDays', 'feeAmount']);
const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * Turn one CSV row (all strings) into a dossier-shaped object for validation: an empty cell is an
 * absent field; booleans are `true`/`false`/`1`/`0`; numbers are decimal; `supplementRequests` is
 * a `;`-separated list of ISO 8601 intervals `requestedAt/suppliedAt` (open: `requestedAt/`).
 * Anything else is passed through unchanged so validation reports it — nothing is coerced silently.
 */
export function dossierFromCsvRow(row: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(row)) {
    if (raw === undefined || raw === '') {
      if (k === 'supplementRequests') out[k] = [];
      continue;
    }
    const v = raw.trim();
    if (BOOLEAN_FIELDS.has(k)) {
      out[k] = v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : raw;
    } else if (NUMBER_FIELDS.has(k)) {
      out[k] = NUMERIC.test(v) ? Number(v) : raw;
    } else if (k === 'supplementRequests') {
      out[k] = v.split(';').map((iv) => {
        const parts = iv.split('/');
        // More than one `/` is not an interval: pass it on whole so validation reports it, not a part.
        if (parts.length > 2) return iv;
        const [requestedAt, suppliedAt] = parts;
        return suppliedAt ? { requestedAt, suppliedAt } : { requestedAt };
      });
    } else {
      out[k] = raw;
    }
  }
  return out;
}

/**
 * Split one CSV line (RFC 4180 quoting, comma separator) into its cells, or give the 1-based column
 * where the quoting breaks: a quote never closed on the line, text after a closing quote, or a bare
 * quote inside an unquoted cell. A quoted cell cannot span lines: no dossier field holds a line break,
 * and keeping each line on its own means one malformed line is exactly one rejected record.
 * (Internal to the package: `readDossiersCsv` in `@cdsx/kpi/node` reads CSV.)
 */
export function splitCsvLine(s: string): string[] | number {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    if (s.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) return i + 1;
        value += s.slice(j, q);
        if (s.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      out.push(value);
      if (j === n) return out;
      if (s.charCodeAt(j) !== 44 /* , */) return j + 1;
      i = j + 1;
    } else {
      const comma = s.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      const quote = s.indexOf('"', i);
      if (quote >= 0 && quote < end) return quote + 1;
      out.push(s.slice(i, end));
      if (comma < 0) return out;
      i = comma + 1;
    }
  }
}

/**
 * Column names of a CSV header row, made safe to use as keys: a repeated name, and `__proto__` (which an
 * object key cannot hold), become `name#N` (N the column number), which validation then reports on every
 * row as an unsupported field. Without this the first of two `id` columns would be lost without a word.
 */
export function csvColumns(header: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const h of header) count.set(h, (count.get(h) ?? 0) + 1);
  return header.map((h, i) => (count.get(h)! > 1 || h === '__proto__' ? `${h}#${i + 1}` : h));
}
