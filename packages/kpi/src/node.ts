/**
 * Node-only helpers of `@cdsx/kpi`: read dossier files (NDJSON or CSV) from disk.
 * Import from `@cdsx/kpi/node`; the main entry stays browser-safe.
 *
 * @packageDocumentation
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { IssueCode, LocalizedText } from '@cdsx/criteria';
import {
  csvColumns,
  DEFAULT_MAX_RECORD_SIZE,
  dossierFromCsvRow,
  lineBatches,
  linesFromChunks,
  type ReadOptions,
  type RecordReader,
  RecordValidator,
  readDossiers,
  recordReader,
  splitCsvLine,
  type TextSource,
} from './readers';
import { type Dossier, DossierSchema } from './schemas';

function chunksOf(source: TextSource): AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> {
  if (typeof source === 'string') return [source];
  if (typeof (source as ReadableStream).getReader === 'function') {
    return Readable.fromWeb(source as import('node:stream/web').ReadableStream<string | Uint8Array>);
  }
  return source as AsyncIterable<string | Uint8Array>;
}

const BAD_QUOTING = {
  vi: 'dòng CSV không đọc được: dấu ngoặc kép (") sai chỗ — ô có ngoặc kép phải mở và đóng trên cùng dòng, ngoặc kép bên trong ô viết là ""',
  en: 'unreadable CSV line: misplaced double quote (") — a quoted cell must open and close on the same line, a quote inside it is written ""',
};

/**
 * Read dossiers from CSV with a header row (the first non-blank line): cells are converted by
 * {@link dossierFromCsvRow}, every record is validated and each bad record is reported with its
 * record number, line and field; reading continues. Each non-blank line is one record: a line with the
 * wrong number of cells or bad quoting is one located rejection (never two, never swallowing the next
 * lines), so `records = accepted + rejected + duplicates` counts lines. Blank lines are skipped. An
 * iterable of strings is read as chunks of CSV text.
 *
 * @example
 * ```ts
 * const reader = readDossiersCsv(createReadStream('dossiers.csv'));
 * for await (const d of reader) acc.add(d);
 * reader.summary.rejected;
 * ```
 */
export function readDossiersCsv(source: TextSource, options: ReadOptions = {}): RecordReader<Dossier> {
  const validator = new RecordValidator(DossierSchema, options);
  const maxLine = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  return recordReader(validator.summary, async function* () {
    let columns: string[] | undefined;
    const rejectLine = (line: number, column: number | undefined, code: IssueCode, message: LocalizedText) =>
      validator.reject([
        {
          path: '',
          code,
          message,
          record: validator.summary.records + 1,
          line,
          ...(column !== undefined ? { column } : {}),
        },
      ]);
    for await (const lines of lineBatches(chunksOf(source), maxLine)) {
      const batch: Dossier[] = [];
      for (const { text, line, tooLong } of lines) {
        if (tooLong !== undefined) {
          rejectLine(line, undefined, 'record_too_large', {
            vi: `bản ghi dài ${tooLong} ký tự, vượt giới hạn ${maxLine}`,
            en: `the record is ${tooLong} characters long, over the limit of ${maxLine}`,
          });
          continue;
        }
        if (text.length === 0) continue;
        const cells = splitCsvLine(text);
        if (typeof cells === 'number') {
          rejectLine(line, cells, 'invalid_csv', BAD_QUOTING);
          continue;
        }
        if (columns === undefined) {
          columns = csvColumns(cells);
          continue;
        }
        if (cells.length !== columns.length) {
          rejectLine(line, undefined, 'invalid_column_count', {
            vi: `dòng CSV có ${cells.length} ô, dòng tiêu đề có ${columns.length} cột`,
            en: `the CSV line has ${cells.length} cells, the header row has ${columns.length} columns`,
          });
          continue;
        }
        const row: Record<string, string> = {};
        for (let c = 0; c < columns.length; c++) row[columns[c] as string] = cells[c] as string;
        const ok = validator.check(dossierFromCsvRow(row), line);
        if (ok !== undefined) batch.push(ok);
      }
      if (batch.length > 0) yield batch;
    }
  });
}

/**
 * Read a dossier file: `.csv` as CSV, anything else as NDJSON.
 *
 * @example
 * ```ts
 * const reader = readDossiersFile('dossiers-2026.ndjson');
 * const results = await computeDossierKpis(reader, { by: ['commune', 'quarter'] });
 * ```
 */
export function readDossiersFile(
  path: string,
  options: ReadOptions & { format?: 'ndjson' | 'csv' } = {},
): RecordReader<Dossier> {
  const format = options.format ?? (path.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
  // 256 KiB chunks: a smaller batch of live records keeps the heap (and peak RSS) lower at little CPU cost.
  const stream = createReadStream(path, { highWaterMark: 1 << 18 });
  return format === 'csv' ? readDossiersCsv(stream, options) : readDossiers(stream, options);
}

export {
  type DuckDBKpiOptions,
  dossierKpiCountsDuckDB,
  dossierKpiCountsPostgres,
  duckdbFileSource,
  type PostgresKpiOptions,
} from './engines';
export { linesFromChunks };
