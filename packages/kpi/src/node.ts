/**
 * Node-only helpers of `@cdsx/kpi`: read dossier files (NDJSON or CSV) from disk.
 * Import from `@cdsx/kpi/node`; the main entry stays browser-safe.
 *
 * @packageDocumentation
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import {
  dossierFromCsvRow,
  linesFromChunks,
  type ReadOptions,
  type RecordReader,
  RecordValidator,
  readDossiers,
  recordReader,
  type TextSource,
} from './readers';
import { type Dossier, DossierSchema } from './schemas';

function chunksOf(source: TextSource): AsyncIterable<string | Uint8Array> | Iterable<string> {
  if (typeof source === 'string') return [source];
  if (typeof (source as ReadableStream).getReader === 'function') {
    return Readable.fromWeb(source as import('node:stream/web').ReadableStream<string | Uint8Array>);
  }
  return source as AsyncIterable<string | Uint8Array>;
}

/**
 * Read dossiers from CSV with a header row (parsed by `csv-parse`): cells are converted by
 * {@link dossierFromCsvRow}, every record is validated and each bad record is reported with its
 * record number, line and field; reading continues. A row with the wrong number of cells or bad
 * quoting is reported, not dropped. An iterable of strings is read as chunks of CSV text.
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
  return recordReader(validator.summary, async function* () {
    const parser = parse({
      columns: true,
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
    });
    // With skip_records_with_error, csv-parse reports a malformed record (bad quoting, wrong
    // number of cells) as a `skip` event and carries on: each becomes a located rejection. Skips are
    // queued and filed in line order with the records, so record numbers stay sequential.
    const skipped: Array<CsvError & { lines?: number }> = [];
    parser.on('skip', (err: CsvError & { lines?: number }) => skipped.push(err));
    const fileSkipped = (beforeLine: number) => {
      while (skipped.length > 0 && ((skipped[0] as { lines?: number }).lines ?? 0) < beforeLine) {
        const err = skipped.shift() as CsvError & { lines?: number };
        const columns =
          err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' ||
          err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH';
        validator.reject([
          {
            path: '',
            code: columns ? 'invalid_column_count' : 'invalid_csv',
            message: {
              vi: `dòng CSV không đọc được: ${err.message}`,
              en: `unreadable CSV record: ${err.message}`,
            },
            record: validator.summary.records + 1,
            ...(typeof err.lines === 'number' ? { line: err.lines } : {}),
          },
        ]);
      }
    };
    const input = Readable.from(chunksOf(source) as AsyncIterable<string | Uint8Array>);
    input.on('error', (e) => parser.destroy(e));
    input.pipe(parser);
    let batch: Dossier[] = [];
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      // `info.lines` is the line the record ends on.
      fileSkipped(item.info.lines);
      const ok = validator.check(dossierFromCsvRow(item.record), item.info.lines);
      if (ok !== undefined) batch.push(ok);
      if (batch.length >= 1024) {
        yield batch;
        batch = [];
      }
    }
    fileSkipped(Number.POSITIVE_INFINITY);
    if (batch.length > 0) yield batch;
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
