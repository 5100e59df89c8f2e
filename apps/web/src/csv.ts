import {
  type Dossier,
  DossierSchema,
  dossierFromCsvRow,
  RecordValidator,
  type RejectionSummary,
} from '@cdsx/kpi';

/** csv-parse's codes for a row whose cell count differs from the header's (with and without `columns`). */
const INCONSISTENT = new Set(['CSV_RECORD_INCONSISTENT_COLUMNS', 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH']);

/**
 * Dossiers from CSV text in the browser. @cdsx/kpi's own CSV reader lives in its Node-only entry (it streams
 * through node:stream), so the page tokenises with csv-parse's browser build — the parser @cdsx/kpi uses —
 * and hands each row to @cdsx/kpi's `dossierFromCsvRow` and `RecordValidator`: the same conversion, the same
 * validation, the same located issues. Loaded on demand, only when a CSV file is opened.
 */
export async function readDossiersCsvText(
  text: string,
): Promise<{ dossiers: Dossier[]; summary: RejectionSummary }> {
  const { parse } = await import('csv-parse/browser/esm/sync');
  const validator = new RecordValidator(DossierSchema);
  const accepted: Dossier[] = [];
  try {
    // Rows are validated as they are parsed (on_record), so skipped rows and valid rows are numbered in
    // file order; nothing is returned from parse itself.
    parse(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (record: Record<string, string>, context: { lines: number }) => {
        const ok = validator.check(dossierFromCsvRow(record), context.lines);
        if (ok !== undefined) accepted.push(ok);
        return null;
      },
      on_skip: (err: (Error & { code?: string; lines?: number }) | undefined) => {
        if (!err) return;
        const columns = INCONSISTENT.has(err.code ?? '');
        validator.reject([
          {
            path: '',
            code: columns ? 'invalid_column_count' : 'invalid_csv',
            // csv-parse's own wording ("Invalid Record Length: …") is English and technical: say it in words.
            message: columns
              ? {
                  vi: 'số ô của dòng này khác số cột của dòng tiêu đề (thiếu hoặc thừa dấu phẩy?)',
                  en: 'this row has a different number of cells than the header has columns (a missing or extra comma?)',
                }
              : {
                  vi: `dòng CSV không đọc được (${err.code ?? 'lỗi cú pháp'})`,
                  en: `unreadable CSV row (${err.code ?? 'syntax error'})`,
                },
            record: validator.summary.records + 1,
            ...(typeof err.lines === 'number' ? { line: err.lines } : {}),
          },
        ]);
      },
    });
  } catch (e) {
    // Errors csv-parse cannot skip past (e.g. an unclosed quote at the end of the file).
    validator.reject([
      {
        path: '',
        code: 'invalid_csv',
        message: {
          vi: `CSV không đọc được: ${(e as Error).message}`,
          en: `unreadable CSV: ${(e as Error).message}`,
        },
        record: validator.summary.records + 1,
      },
    ]);
  }
  return { dossiers: accepted, summary: validator.summary };
}
