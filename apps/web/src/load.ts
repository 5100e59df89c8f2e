import {
  type Assessment,
  loadEdition,
  type PublishedEdition,
  parseJsonText,
  type ValidationIssue,
  validateAssessment,
} from '@cdsx/criteria';
import { type Dossier, type RejectionSummary, readDossiers } from '@cdsx/kpi';
import { readDossiersCsvText } from './csv';

/** What a loaded file turned out to be. */
export type Loaded =
  | { kind: 'assessment'; name: string; assessment: Assessment; edition: PublishedEdition }
  | { kind: 'dossiers'; name: string; dossiers: Dossier[]; summary: RejectionSummary }
  | { kind: 'error'; name: string; issues: ValidationIssue[] };

type Format = 'assessment' | 'ndjson' | 'csv' | 'xlsx';

function formatOf(name: string): Format | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'assessment';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

function unsupported(name: string): ValidationIssue {
  return {
    path: '',
    code: 'unsupported_file',
    message: {
      vi: `không nhận dạng được loại tệp "${name}": cần .json (đánh giá), .xlsx (phiếu tự đánh giá), .ndjson/.jsonl hoặc .csv (hồ sơ)`,
      en: `unrecognised file type "${name}": expected .json (assessment), .xlsx (self-assessment form), .ndjson/.jsonl or .csv (dossiers)`,
    },
  };
}

/**
 * Read an assessment (JSON) under the edition it names, loading that edition's body on demand (a separate
 * chunk per edition). Every problem comes back located and bilingual from @cdsx/criteria: malformed JSON
 * with line and column, wrong fields with their path, a missing or unknown catalog version.
 */
export async function readAssessment(name: string, text: string): Promise<Loaded> {
  const json = parseJsonText(text, name);
  if (!json.ok) return { kind: 'error', name, issues: json.issues };
  const declared = (json.value as { catalogVersion?: unknown } | null)?.catalogVersion;
  const edition = typeof declared === 'string' ? await loadEdition(declared) : null;
  if (edition && !edition.ok) return { kind: 'error', name, issues: edition.issues };
  // Without a catalog version, validateAssessment reports it missing beside any other structural problem.
  const r = validateAssessment(json.value, edition ? edition.value : []);
  if (!r.ok || !edition) return { kind: 'error', name, issues: r.ok ? [] : r.issues };
  return { kind: 'assessment', name, assessment: r.value, edition: edition.value };
}

/**
 * Read dossiers (NDJSON or CSV) with @cdsx/kpi's readers. A file with any rejected or duplicate record is
 * refused as a whole, naming each problem (record, line, field): a KPI from part of a file would mislead.
 */
export async function readDossierFile(name: string, text: string, format: 'ndjson' | 'csv'): Promise<Loaded> {
  let dossiers: Dossier[] = [];
  let s: RejectionSummary;
  if (format === 'csv') ({ dossiers, summary: s } = await readDossiersCsvText(text));
  else {
    const reader = readDossiers(text);
    for await (const d of reader) dossiers.push(d);
    s = reader.summary;
  }
  const issues: ValidationIssue[] = [...s.issues];
  for (const d of s.duplicateRecords) {
    issues.push({
      path: 'id',
      code: 'duplicate_id',
      record: d.record,
      ...(d.line !== undefined ? { line: d.line } : {}),
      message: {
        vi: `mã hồ sơ "${d.id}" trùng với bản ghi #${d.firstRecord}`,
        en: `dossier id "${d.id}" repeats record #${d.firstRecord}`,
      },
    });
  }
  if (s.records === 0) {
    issues.push({
      path: '',
      code: 'empty_file',
      message: { vi: 'tệp không có hồ sơ nào', en: 'the file has no dossier records' },
    });
  }
  if (issues.length > 0) return { kind: 'error', name, issues };
  return { kind: 'dossiers', name, dossiers, summary: s };
}

/**
 * Read a filled Excel self-assessment form with @cdsx/forms' `readForm` (loaded on demand: exceljs is large).
 * A bad form comes back with every problem located by sheet and cell, in both languages.
 */
export async function readFormFile(name: string, bytes: Uint8Array): Promise<Loaded> {
  const { readForm } = await import('@cdsx/forms');
  const r = await readForm(bytes);
  if (!r.ok) return { kind: 'error', name, issues: r.issues };
  const { assessment } = r.value;
  const edition = await loadEdition(assessment.catalogVersion);
  if (!edition.ok) return { kind: 'error', name, issues: edition.issues };
  return { kind: 'assessment', name, assessment, edition: edition.value };
}

/** Read a user's file by its extension. Never throws for bad content: problems come back as issues. */
export async function readUserFile(name: string, text: string): Promise<Loaded> {
  const format = formatOf(name);
  if (format === null) return { kind: 'error', name, issues: [unsupported(name)] };
  // A stored form is kept as the assessment read from it (JSON): read back as one.
  if (format === 'assessment' || format === 'xlsx') return readAssessment(name, text);
  return readDossierFile(name, text, format);
}
