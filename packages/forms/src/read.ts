import {
  AREA_GROUPS,
  type AreaGroup,
  type Assessment,
  type CatalogEdition,
  type Criterion,
  type IssueCode,
  type LocalizedText,
  type Observation,
  type ValidationIssue,
  validateAssessment,
} from '@cdsx/criteria';
import { getEdition } from '@cdsx/criteria/editions';
import ExcelJS from 'exceljs';
import {
  cellRef,
  FIRST_ROW,
  FORM_FORMAT,
  type FormColumns,
  formColumns,
  formCriteria,
  isRate,
  META_KEYS,
  metaFingerprint,
  NO,
  SHEETS,
  UNIT_LAST_ROW,
  UNIT_ROWS,
  UNIT_TYPE_LABELS,
  YES,
} from './layout';

/** One problem of a filled form, located by sheet and cell (`Tiêu chí!J14`), in Vietnamese and English. */
export interface FormIssue extends ValidationIssue {
  /** `error`: the form cannot be read as it is. `warning`: read, with an interpretation the reader should check. */
  severity: 'error' | 'warning';
  sheet: string;
  /** `J14`; empty for a whole sheet or the whole workbook. */
  cell: string;
  /** The criterion of the row, when the problem is in a criterion row. */
  criterion?: string;
}

/** A published or draft edition with its content hash. */
export interface EditionWithHash {
  edition: CatalogEdition;
  contentHash: string;
}

/** Options of {@link readForm}. */
export interface ReadFormOptions {
  /**
   * Editions a form may have been made from, besides the published ones (a draft edition file). The form's
   * hidden metadata names the edition; its id, version and content hash must all match.
   */
  editions?: readonly EditionWithHash[];
  /** The edition version the caller expects: a form made from another edition is an error. */
  expectVersion?: string;
  /** The area group the caller expects: a form made for another area group is an error. */
  expectAreaGroup?: AreaGroup;
}

/** A form read back: the assessment, the edition and area group it was made for, and the warnings. */
export interface FormReading {
  assessment: Assessment;
  edition: EditionWithHash;
  areaGroup: AreaGroup;
  /** Values accepted with an interpretation (e.g. `co` read as Có); each located. */
  warnings: FormIssue[];
}

/** Result of {@link readForm}: on failure every problem (errors and warnings), never a partial assessment. */
export type FormReadResult = { ok: true; value: FormReading } | { ok: false; issues: FormIssue[] };

type Raw =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; percentFormat: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string }
  | { kind: 'no_cached_result' };

interface Cell {
  raw: Raw;
  formula: boolean;
}

function classify(v: unknown, numFmt: string | undefined): Raw {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v, percentFormat: /%/.test(numFmt ?? '') };
  if (typeof v === 'string') return v.trim() === '' ? { kind: 'empty' } : { kind: 'string', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) return { kind: 'date', value: v };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return { kind: 'error', value: String(o.error) };
    if ('richText' in o && Array.isArray(o.richText))
      return classify((o.richText as Array<{ text: string }>).map((r) => r.text).join(''), numFmt);
    if ('hyperlink' in o) return classify(o.text ?? o.hyperlink, numFmt);
  }
  return { kind: 'string', value: String(v) };
}

function readCell(ws: ExcelJS.Worksheet, row: number, col: number): Cell {
  const cell = ws.getCell(row, col);
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined) return { raw: { kind: 'no_cached_result' }, formula: true };
    return { raw: classify(result, cell.numFmt), formula: true };
  }
  return { raw: classify(v, cell.numFmt), formula: false };
}

/** A hyperlink cell's target (evidence links), else its text. */
function cellText(ws: ExcelJS.Worksheet, row: number, col: number): string | undefined {
  const v = ws.getCell(row, col).value as unknown;
  if (v && typeof v === 'object' && 'hyperlink' in v) {
    const h = v as { text?: unknown; hyperlink?: unknown };
    const text = typeof h.text === 'string' ? h.text.trim() : '';
    const link = typeof h.hyperlink === 'string' ? h.hyperlink.trim() : '';
    return text && link && text !== link ? `${text} ${link}` : link || text || undefined;
  }
  const c = readCell(ws, row, col);
  switch (c.raw.kind) {
    case 'string':
      return c.raw.value.trim();
    case 'number':
    case 'boolean':
      return String(c.raw.value);
    case 'date':
      return c.raw.value.toISOString().slice(0, 10);
    default:
      return undefined;
  }
}

function describe(raw: Raw): string {
  switch (raw.kind) {
    case 'string':
      return JSON.stringify(raw.value.length > 40 ? `${raw.value.slice(0, 40)}…` : raw.value);
    case 'number':
    case 'boolean':
      return String(raw.value);
    case 'date':
      return raw.value.toISOString().slice(0, 10);
    case 'error':
      return raw.value;
    default:
      return raw.kind;
  }
}

/** Text a person typed as a number: `82.5`, `82,5`; `1,000` is ambiguous (thousands or decimal) and refused. */
function numberFromText(s: string): number | 'ambiguous' | undefined {
  const t = s.normalize('NFC').trim();
  if (/^\d+,\d{3}$/.test(t)) return 'ambiguous';
  const m = /^(\d+)(?:[.,](\d+))?$/.exec(t);
  if (!m) return undefined;
  return Number(m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`);
}

const TRUE_WORDS = new Set(['có', 'co', 'yes', 'true', 'đúng', 'dung']);
const FALSE_WORDS = new Set(['không', 'khong', 'ko', 'no', 'false', 'sai']);

/** Collects located issues for one workbook. */
class Issues {
  readonly list: FormIssue[] = [];
  add(
    severity: FormIssue['severity'],
    sheet: string,
    row: number,
    col: number,
    code: IssueCode,
    message: LocalizedText,
    criterion?: string,
  ): void {
    const cell = row > 0 && col > 0 ? cellRef(sheet, row, col).slice(sheet.length + 1) : '';
    // `Tiêu chí!J24 DV.01`: the cell as a reader types it, then the criterion of the row.
    const where = cell ? `${sheet}!${cell}` : sheet;
    this.list.push({
      path: criterion ? `${where} ${criterion}` : where,
      code,
      severity,
      sheet,
      cell,
      ...(criterion ? { criterion } : {}),
      message,
    });
  }
  get errors(): number {
    return this.list.filter((i) => i.severity === 'error').length;
  }
}

function sheetError(issues: Issues, sheet: string, code: IssueCode, message: LocalizedText): FormReadResult {
  issues.add('error', sheet, 0, 0, code, message);
  return { ok: false, issues: issues.list };
}

interface ValueContext {
  issues: Issues;
  criterion: Criterion;
  row: number;
  col: number;
}

/** The value of one input cell for its criterion, or `undefined` (empty, or a reported error). */
function parseValue(cell: Cell, x: ValueContext): number | boolean | undefined {
  const { issues, criterion: c, row, col } = x;
  const err = (code: IssueCode, vi: string, en: string) =>
    issues.add('error', SHEETS.criteria, row, col, code, { vi, en }, c.id);
  const warn = (code: IssueCode, vi: string, en: string) =>
    issues.add('warning', SHEETS.criteria, row, col, code, { vi, en }, c.id);
  const raw = cell.raw;
  if (raw.kind === 'empty') return undefined;
  if (raw.kind === 'no_cached_result') {
    err(
      'formula_without_result',
      'ô có công thức nhưng chưa có kết quả đã tính; mở phiếu bằng Excel, lưu lại rồi nộp, hoặc ghi giá trị',
      'formula cell without a cached result; open and save the form in Excel, or type the value',
    );
    return undefined;
  }
  if (raw.kind === 'error') {
    err(
      'formula_error',
      `ô có lỗi ${raw.value}${cell.formula ? ' (kết quả của công thức)' : ''}; sửa công thức hoặc ghi giá trị`,
      `the cell holds the error ${raw.value}${cell.formula ? ' (a formula result)' : ''}; fix the formula or type the value`,
    );
    return undefined;
  }
  if (raw.kind === 'date') {
    err(
      'invalid_type',
      `cần ${expectVi(c)}, nhận được ngày ${describe(raw)}`,
      `expected ${expectEn(c)}, got the date ${describe(raw)}`,
    );
    return undefined;
  }
  if (c.measure === 'boolean') {
    if (raw.kind === 'string') {
      const exact = raw.value === YES || raw.value === NO;
      const w = raw.value.normalize('NFC').trim().toLowerCase();
      const v = TRUE_WORDS.has(w) ? true : FALSE_WORDS.has(w) ? false : undefined;
      if (v === undefined) {
        err(
          'invalid_value',
          `cần "${YES}" hoặc "${NO}", nhận được ${describe(raw)}`,
          `expected "${YES}" or "${NO}", got ${describe(raw)}`,
        );
        return undefined;
      }
      if (!exact)
        warn(
          'normalised_value',
          `đã đọc ${describe(raw)} là "${v ? YES : NO}"`,
          `read ${describe(raw)} as "${v ? YES : NO}" (${v ? 'yes' : 'no'})`,
        );
      return v;
    }
    if (raw.kind === 'boolean') {
      warn(
        'normalised_value',
        `đã đọc ${raw.value ? 'TRUE' : 'FALSE'} là "${raw.value ? YES : NO}"`,
        `read ${raw.value ? 'TRUE' : 'FALSE'} as "${raw.value ? YES : NO}"`,
      );
      return raw.value;
    }
    if (raw.value === 1 || raw.value === 0) {
      warn(
        'normalised_value',
        `đã đọc ${raw.value} là "${raw.value ? YES : NO}"`,
        `read ${raw.value} as "${raw.value ? YES : NO}"`,
      );
      return raw.value === 1;
    }
    err(
      'invalid_value',
      `cần "${YES}" hoặc "${NO}", nhận được ${describe(raw)}`,
      `expected "${YES}" or "${NO}", got ${describe(raw)}`,
    );
    return undefined;
  }
  // Numeric measures.
  if (raw.kind === 'boolean') {
    err(
      'invalid_type',
      `cần ${expectVi(c)}, nhận được ${describe(raw)}`,
      `expected ${expectEn(c)}, got ${describe(raw)}`,
    );
    return undefined;
  }
  if (c.measure === 'ordinal' && raw.kind === 'string') {
    const w = raw.value.normalize('NFC').trim().toLowerCase();
    const point = (c.scale ?? []).find(
      (p) => p.label.vi.toLowerCase() === w || p.label.en.toLowerCase() === w,
    );
    if (point) {
      warn(
        'normalised_value',
        `đã đọc ${describe(raw)} là ${point.value}`,
        `read ${describe(raw)} as ${point.value}`,
      );
      return point.value;
    }
  }
  let value: number;
  if (raw.kind === 'string') {
    const text = raw.value.trim();
    const pct = c.measure === 'percentage' && text.endsWith('%');
    const n = numberFromText(pct ? text.slice(0, -1) : text);
    if (n === 'ambiguous') {
      err(
        'ambiguous_number',
        `${describe(raw)} không rõ là số thập phân hay phân cách hàng nghìn; ghi số không có dấu phân cách (vd. 1000 hoặc 1.5)`,
        `${describe(raw)} is ambiguous (decimal comma or thousands separator); write the number without separators (e.g. 1000 or 1.5)`,
      );
      return undefined;
    }
    if (n === undefined) {
      err(
        'invalid_type',
        `cần ${expectVi(c)}, nhận được chữ ${describe(raw)}`,
        `expected ${expectEn(c)}, got the text ${describe(raw)}`,
      );
      return undefined;
    }
    warn(
      'text_number',
      `ô chứa chữ ${describe(raw)}; đã đọc là số ${n}`,
      `the cell holds the text ${describe(raw)}; read as the number ${n}`,
    );
    value = n;
  } else {
    value = raw.value;
    if (raw.percentFormat && c.measure === 'percentage') {
      // Typing "85%" in Excel stores 0.85 with a percent format: the form asks for 0–100.
      const scaled = Math.round(value * 100 * 1e9) / 1e9;
      warn(
        'percent_format',
        `ô định dạng phần trăm chứa ${value}; đã đọc là ${scaled} (%)`,
        `the cell is percent-formatted and holds ${value}; read as ${scaled} (%)`,
      );
      value = scaled;
    }
  }
  if (!Number.isFinite(value)) {
    err('invalid_type', `cần ${expectVi(c)}`, `expected ${expectEn(c)}`);
    return undefined;
  }
  if (c.measure === 'percentage' && (value < 0 || value > 100)) {
    err(
      'out_of_range',
      `tỷ lệ phải từ 0 đến 100, nhận được ${value}`,
      `a percentage must be 0–100, got ${value}`,
    );
    return undefined;
  }
  if (c.measure === 'number' && value < 0) {
    err('out_of_range', `cần số ≥ 0, nhận được ${value}`, `expected a number ≥ 0, got ${value}`);
    return undefined;
  }
  if (c.measure === 'ordinal') {
    const allowed = (c.scale ?? []).map((p) => p.value);
    if (!allowed.includes(value)) {
      err(
        'invalid_value',
        `cần một trong: ${allowed.join(', ')}, nhận được ${value}`,
        `expected one of: ${allowed.join(', ')}, got ${value}`,
      );
      return undefined;
    }
  }
  return value;
}

function expectVi(c: Criterion): string {
  return {
    percentage: 'tỷ lệ 0–100',
    number: 'số ≥ 0',
    ordinal: 'giá trị của thang điểm',
    boolean: `"${YES}"/"${NO}"`,
  }[c.measure];
}
function expectEn(c: Criterion): string {
  return {
    percentage: 'a percentage 0–100',
    number: 'a number ≥ 0',
    ordinal: 'a scale value',
    boolean: `"${YES}"/"${NO}"`,
  }[c.measure];
}

/** A count (numerator or denominator) cell. */
function parseCount(cell: Cell, x: ValueContext, what: LocalizedText): number | undefined {
  const { issues, criterion: c, row, col } = x;
  const raw = cell.raw;
  const err = (code: IssueCode, vi: string, en: string): undefined => {
    issues.add(
      'error',
      SHEETS.criteria,
      row,
      col,
      code,
      { vi: `${what.vi}: ${vi}`, en: `${what.en}: ${en}` },
      c.id,
    );
    return undefined;
  };
  if (raw.kind === 'empty') return undefined;
  if (raw.kind === 'error')
    return err('formula_error', `ô có lỗi ${raw.value}`, `the cell holds the error ${raw.value}`);
  if (raw.kind === 'no_cached_result')
    return err(
      'formula_without_result',
      'công thức chưa có kết quả đã tính',
      'formula without a cached result',
    );
  let n: number | 'ambiguous' | undefined;
  if (raw.kind === 'number') n = raw.value;
  else if (raw.kind === 'string') {
    n = numberFromText(raw.value);
    if (typeof n === 'number')
      issues.add(
        'warning',
        SHEETS.criteria,
        row,
        col,
        'text_number',
        {
          vi: `${what.vi}: ô chứa chữ ${describe(raw)}; đã đọc là số ${n}`,
          en: `${what.en}: the cell holds the text ${describe(raw)}; read as the number ${n}`,
        },
        c.id,
      );
  }
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
    return err(
      'invalid_type',
      `cần số ≥ 0, nhận được ${describe(raw)}`,
      `expected a number ≥ 0, got ${describe(raw)}`,
    );
  return n;
}

/** Every non-empty cell of a sheet, as [row, column]. */
function filledCells(ws: ExcelJS.Worksheet): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (classify(cell.value, cell.numFmt).kind !== 'empty' || cell.formula) out.push([r, c]);
    });
  });
  return out;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  const model = ws.model as unknown as { merges?: string[] };
  return model.merges ?? [];
}

/** `B3:D5` → its top-left row and column, and its bottom row. */
function mergeRange(range: string): [top: number, left: number, bottom: number] {
  const m = /^([A-Z]+)(\d+):[A-Z]+(\d+)$/.exec(range);
  if (!m) return [0, 0, 0];
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col, Number(m[3])];
}

function editionFor(meta: Record<string, string>, options: ReadFormOptions): EditionWithHash | undefined {
  const candidates: EditionWithHash[] = [...(options.editions ?? [])];
  const published = getEdition(meta.editionVersion ?? '');
  if (published.ok) candidates.push(published.value);
  return candidates.find(
    (e) =>
      e.edition.id === meta.editionId &&
      e.edition.version === meta.editionVersion &&
      e.contentHash === meta.contentHash,
  );
}

function isAreaGroup(s: string | undefined): s is AreaGroup {
  return (AREA_GROUPS as readonly string[]).includes(s ?? '');
}

/**
 * Đọc phiếu tự đánh giá — read a filled form back into an assessment, checked against exactly the edition
 * and area group it was made from. Every problem is located by sheet and cell, in Vietnamese and English;
 * unambiguous variants (`co`, `có `, `TRUE`, `82,5`) are accepted with a warning; nothing is silently
 * dropped. An empty form gives a valid assessment with no observations (everything not available).
 *
 * @example
 * const r = await readForm(readFileSync('phieu.xlsx'));
 * if (!r.ok) console.error(formatIssues(r.issues));
 * else assess(r.value.assessment);
 */
export async function readForm(bytes: Uint8Array, options: ReadFormOptions = {}): Promise<FormReadResult> {
  const issues = new Issues();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return sheetError(issues, '', 'not_xlsx', {
      vi: `không đọc được tệp Excel (.xlsx): ${e instanceof Error ? e.message : String(e)}`,
      en: `not a readable Excel (.xlsx) file: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  const ms = wb.getWorksheet(SHEETS.meta);
  if (!ms)
    return sheetError(issues, SHEETS.meta, 'not_a_form', {
      vi: 'không phải phiếu tự đánh giá của cdsx (thiếu trang siêu dữ liệu ẩn); tạo phiếu bằng `cdsx form generate`',
      en: 'not a cdsx self-assessment form (the hidden metadata sheet is missing); make one with `cdsx form generate`',
    });
  const meta: Record<string, string> = {};
  META_KEYS.forEach((k, i) => {
    const key = cellText(ms, i + 1, 1);
    const value = cellText(ms, i + 1, 2);
    if (key === k && value !== undefined) meta[k] = value;
  });
  if (meta.format !== FORM_FORMAT)
    return sheetError(issues, SHEETS.meta, 'unknown_form_format', {
      vi: `định dạng phiếu ${JSON.stringify(meta.format ?? '')} không được hỗ trợ (cần ${FORM_FORMAT})`,
      en: `unsupported form format ${JSON.stringify(meta.format ?? '')} (expected ${FORM_FORMAT})`,
    });
  const missingKey = META_KEYS.find((k) => meta[k] === undefined);
  const expectedFingerprint =
    missingKey || !isAreaGroup(meta.areaGroup)
      ? undefined
      : metaFingerprint({
          format: meta.format,
          editionId: meta.editionId!,
          editionVersion: meta.editionVersion!,
          contentHash: meta.contentHash!,
          areaGroup: meta.areaGroup,
          criteria: meta.criteria!,
        });
  if (!expectedFingerprint || expectedFingerprint !== meta.fingerprint)
    return sheetError(issues, SHEETS.meta, 'tampered_metadata', {
      vi: 'siêu dữ liệu ẩn của phiếu đã bị sửa (không khớp dấu kiểm); hãy tạo lại phiếu và điền lại',
      en: 'the form’s hidden metadata was edited (its fingerprint does not match); generate a new form and fill it in again',
    });
  const areaGroup = meta.areaGroup as AreaGroup;
  const published = editionFor(meta, options);
  if (!published)
    return sheetError(issues, SHEETS.meta, 'unknown_edition', {
      vi: `phiếu được tạo từ bộ tiêu chí ${meta.editionId} ${meta.editionVersion} (${meta.contentHash}), không có trong các bộ tiêu chí đã biết; nếu là bản dự thảo, hãy cung cấp tệp bộ tiêu chí`,
      en: `the form was made from edition ${meta.editionId} ${meta.editionVersion} (${meta.contentHash}), which is not among the known editions; for a draft, supply its edition file`,
    });
  if (options.expectVersion !== undefined && options.expectVersion !== meta.editionVersion)
    return sheetError(issues, SHEETS.meta, 'edition_mismatch', {
      vi: `phiếu được tạo cho bộ tiêu chí ${meta.editionVersion}, không phải ${options.expectVersion}`,
      en: `the form was made for edition ${meta.editionVersion}, not ${options.expectVersion}`,
    });
  if (options.expectAreaGroup !== undefined && options.expectAreaGroup !== areaGroup)
    return sheetError(issues, SHEETS.meta, 'area_group_mismatch', {
      vi: `phiếu được tạo cho nhóm địa bàn ${areaGroup}, không phải ${options.expectAreaGroup}`,
      en: `the form was made for area group ${areaGroup}, not ${options.expectAreaGroup}`,
    });
  const { edition } = published;
  const criteria = formCriteria(edition, areaGroup);
  if (criteria.map((c) => c.id).join(',') !== meta.criteria)
    return sheetError(issues, SHEETS.meta, 'tampered_metadata', {
      vi: 'danh sách tiêu chí trong siêu dữ liệu không khớp với bộ tiêu chí',
      en: 'the criteria listed in the metadata do not match the edition',
    });

  for (const name of [SHEETS.unit, SHEETS.criteria]) {
    if (!wb.getWorksheet(name))
      return sheetError(issues, name, 'missing_sheet', {
        vi: `thiếu trang "${name}" (đã bị xóa hoặc đổi tên)`,
        en: `the sheet "${name}" is missing (deleted or renamed)`,
      });
  }
  for (const ws of wb.worksheets) {
    if (!(Object.values(SHEETS) as string[]).includes(ws.name) && filledCells(ws).length)
      issues.add('warning', ws.name, 0, 0, 'extra_sheet', {
        vi: `trang "${ws.name}" không thuộc phiếu; nội dung của nó không được đọc`,
        en: `the sheet "${ws.name}" is not part of the form; its content is not read`,
      });
  }

  const commune = readUnit(wb.getWorksheet(SHEETS.unit)!, issues, edition, areaGroup);
  const observations = readCriteria(
    wb.getWorksheet(SHEETS.criteria)!,
    issues,
    edition,
    areaGroup,
    criteria,
    commune.observedAt,
  );

  const assessment: Assessment = {
    commune: {
      code: commune.code ?? '',
      name: commune.name ?? '',
      provinceCode: commune.provinceCode ?? '',
      unitType: commune.unitType ?? 'xa',
      areaGroup,
    },
    period: commune.period ?? '',
    catalogVersion: edition.version,
    observations,
  };
  if (issues.errors === 0) {
    // The library's own validation, each issue mapped back to the cell it came from.
    const checked = validateAssessment(assessment, edition);
    if (!checked.ok) {
      for (const i of checked.issues) {
        const loc = locate(i.path, criteria, edition);
        issues.add('error', loc.sheet, loc.row, loc.col, i.code, i.message, loc.criterion);
      }
    }
  }
  if (issues.errors) return { ok: false, issues: issues.list };
  return { ok: true, value: { assessment, edition: published, areaGroup, warnings: issues.list } };
}

function locate(
  path: string,
  criteria: readonly Criterion[],
  edition: CatalogEdition,
): { sheet: string; row: number; col: number; criterion?: string } {
  const cols = formColumns(edition);
  const obs = /^observations\["([^"]+)"\]/.exec(path);
  if (obs) {
    const i = criteria.findIndex((c) => c.id === obs[1]);
    const col = /evidence\.numerator/.test(path)
      ? cols.numerator
      : /evidence\.denominator/.test(path)
        ? cols.denominator
        : /evidence/.test(path)
          ? cols.evidence
          : /observedAt/.test(path)
            ? -1
            : cols.value;
    if (col === -1) return { sheet: SHEETS.unit, row: UNIT_ROWS.observedAt, col: 2, criterion: obs[1] };
    return { sheet: SHEETS.criteria, row: i < 0 ? 0 : FIRST_ROW + i, col, criterion: obs[1] };
  }
  const unit: Record<string, number> = {
    'commune.code': UNIT_ROWS.code,
    'commune.name': UNIT_ROWS.name,
    'commune.provinceCode': UNIT_ROWS.provinceCode,
    'commune.unitType': UNIT_ROWS.unitType,
    period: UNIT_ROWS.period,
  };
  const row = unit[path];
  return row ? { sheet: SHEETS.unit, row, col: 2 } : { sheet: SHEETS.unit, row: 0, col: 0 };
}

interface UnitValues {
  code?: string;
  name?: string;
  provinceCode?: string;
  unitType?: 'xa' | 'phuong' | 'dac_khu';
  period?: string;
  observedAt?: string;
}

function readUnit(
  ws: ExcelJS.Worksheet,
  issues: Issues,
  edition: CatalogEdition,
  areaGroup: AreaGroup,
): UnitValues {
  const out: UnitValues = {};
  const sheet = SHEETS.unit;
  const missing = (row: number, what: LocalizedText) =>
    issues.add('error', sheet, row, 2, 'required', { vi: `thiếu ${what.vi}`, en: `${what.en} is missing` });
  const text = (row: number) => {
    const c = readCell(ws, row, 2);
    if (c.raw.kind === 'number') return String(c.raw.value);
    return c.raw.kind === 'string' ? c.raw.value.normalize('NFC').trim() : undefined;
  };
  const code = text(UNIT_ROWS.code);
  if (code === undefined) missing(UNIT_ROWS.code, { vi: 'mã đơn vị', en: 'the commune code' });
  else if (/^\d{1,4}$/.test(code) && readCell(ws, UNIT_ROWS.code, 2).raw.kind === 'number') {
    // Excel dropped the leading zeros of a code typed into a number cell.
    out.code = code.padStart(5, '0');
    issues.add('warning', sheet, UNIT_ROWS.code, 2, 'normalised_value', {
      vi: `mã ${code} được ghi dạng số; đã đọc là ${out.code}`,
      en: `the code ${code} was stored as a number; read as ${out.code}`,
    });
  } else out.code = code;
  out.name = text(UNIT_ROWS.name);
  if (out.name === undefined) missing(UNIT_ROWS.name, { vi: 'tên đơn vị', en: 'the name' });
  const province = text(UNIT_ROWS.provinceCode);
  if (province === undefined) missing(UNIT_ROWS.provinceCode, { vi: 'mã tỉnh', en: 'the province code' });
  else out.provinceCode = /^\d$/.test(province) ? province.padStart(2, '0') : province;
  const unitType = text(UNIT_ROWS.unitType);
  if (unitType === undefined) missing(UNIT_ROWS.unitType, { vi: 'loại đơn vị', en: 'the unit type' });
  else {
    const w = unitType.toLowerCase();
    const found = (Object.entries(UNIT_TYPE_LABELS) as Array<[UnitValues['unitType'] & string, string]>).find(
      ([id, label]) => label.toLowerCase() === w || id === w,
    );
    if (found) out.unitType = found[0];
    else
      issues.add('error', sheet, UNIT_ROWS.unitType, 2, 'invalid_value', {
        vi: `loại đơn vị phải là Xã, Phường hoặc Đặc khu, nhận được ${JSON.stringify(unitType)}`,
        en: `the unit type must be Xã, Phường or Đặc khu, got ${JSON.stringify(unitType)}`,
      });
  }
  const period = text(UNIT_ROWS.period);
  if (period === undefined) missing(UNIT_ROWS.period, { vi: 'kỳ đánh giá', en: 'the period' });
  else out.period = period;
  const at = readCell(ws, UNIT_ROWS.observedAt, 2).raw;
  if (at.kind === 'date') out.observedAt = at.value.toISOString().slice(0, 10);
  else if (at.kind === 'string') out.observedAt = at.value.trim();
  else if (at.kind !== 'empty')
    issues.add('error', sheet, UNIT_ROWS.observedAt, 2, 'invalid_type', {
      vi: `cần ngày YYYY-MM-DD, nhận được ${describe(at)}`,
      en: `expected a date YYYY-MM-DD, got ${describe(at)}`,
    });
  const groupName = edition.areaGroups.find((g) => g.id === areaGroup)?.name;
  const shown = text(UNIT_ROWS.areaGroup);
  if (groupName && shown !== `${groupName.vi} / ${groupName.en}`)
    issues.add('error', sheet, UNIT_ROWS.areaGroup, 2, 'area_group_fixed', {
      vi: `nhóm địa bàn cố định theo phiếu (${groupName.vi}); để đánh giá theo nhóm khác, tạo phiếu cho nhóm đó`,
      en: `the area group is fixed by the form (${groupName.en}); for another area group, generate a form for it`,
    });
  for (const [r, c] of filledCells(ws)) {
    if (c === 2 && r >= UNIT_ROWS.code && r <= UNIT_LAST_ROW) continue;
    if (c <= 3 && r <= UNIT_LAST_ROW) continue; // labels and help written by the generator
    issues.add('error', sheet, r, c, 'unexpected_value', {
      vi: `ô ngoài vùng nhập có giá trị ${describe(readCell(ws, r, c).raw)}; phiếu không đọc ô này — chuyển vào đúng ô hoặc xóa`,
      en: `a value outside the input cells (${describe(readCell(ws, r, c).raw)}); the form does not read this cell — move it to the right cell or delete it`,
    });
  }
  return out;
}

function readCriteria(
  ws: ExcelJS.Worksheet,
  issues: Issues,
  edition: CatalogEdition,
  areaGroup: AreaGroup,
  criteria: readonly Criterion[],
  observedAt: string | undefined,
): Record<string, Observation> {
  const sheet = SHEETS.criteria;
  const cols: FormColumns = formColumns(edition);
  const byId = new Map(criteria.map((c, i) => [c.id, i]));
  const rowOf = new Map<string, number>();
  const observations: Record<string, Observation> = {};
  const lastRow = FIRST_ROW + criteria.length - 1;

  for (const range of merges(ws)) {
    const [top, left, bottom] = mergeRange(range);
    if (bottom >= FIRST_ROW)
      issues.add('error', sheet, top, left, 'merged_cells', {
        vi: `các ô ${range} đã bị gộp; bỏ gộp để mỗi tiêu chí có dòng riêng`,
        en: `the cells ${range} were merged; unmerge them so each criterion keeps its own row`,
      });
  }
  // Rows are found by their id: a moved row still reads, a deleted or added one is reported.
  for (let r = FIRST_ROW; r <= Math.max(ws.rowCount, lastRow); r++) {
    const id = cellText(ws, r, cols.id);
    if (id === undefined) continue;
    const i = byId.get(id);
    if (i === undefined) {
      issues.add('error', sheet, r, cols.id, 'unknown_row', {
        vi: `dòng có mã ${JSON.stringify(id)} không thuộc phiếu này (nhóm ${areaGroup}, bộ tiêu chí ${edition.version}); không thêm dòng vào phiếu`,
        en: `the row with id ${JSON.stringify(id)} is not part of this form (area group ${areaGroup}, edition ${edition.version}); do not add rows to the form`,
      });
      continue;
    }
    if (rowOf.has(id)) {
      issues.add(
        'error',
        sheet,
        r,
        cols.id,
        'duplicate_row',
        {
          vi: `tiêu chí ${id} xuất hiện hai lần (dòng ${rowOf.get(id)} và ${r})`,
          en: `criterion ${id} appears twice (rows ${rowOf.get(id)} and ${r})`,
        },
        id,
      );
      continue;
    }
    rowOf.set(id, r);
    if (r !== FIRST_ROW + i)
      issues.add(
        'warning',
        sheet,
        r,
        cols.id,
        'moved_row',
        {
          vi: `dòng của ${id} đã bị dời (dự kiến ở dòng ${FIRST_ROW + i}); đã đọc theo mã`,
          en: `the row of ${id} was moved (expected at row ${FIRST_ROW + i}); read by its id`,
        },
        id,
      );
  }
  for (const [i, c] of criteria.entries()) {
    if (!rowOf.has(c.id))
      issues.add(
        'error',
        sheet,
        FIRST_ROW + i,
        cols.id,
        'deleted_row',
        {
          vi: `không tìm thấy dòng của tiêu chí ${c.id} (đã bị xóa hoặc sửa mã); tạo lại phiếu hoặc khôi phục dòng`,
          en: `the row of criterion ${c.id} is missing (deleted, or its id edited); regenerate the form or restore the row`,
        },
        c.id,
      );
  }

  const readonlyCols = new Set([
    cols.id,
    cols.dimension,
    cols.titleVi,
    cols.titleEn,
    cols.measure,
    cols.previous,
    ...cols.levels.map((l) => l.column),
  ]);
  const claimed = new Set<string>();
  for (const c of criteria) {
    const r = rowOf.get(c.id);
    if (r === undefined) continue;
    for (let k = 1; k <= cols.last; k++) if (readonlyCols.has(k)) claimed.add(`${r}:${k}`);
    const ctx = (col: number): ValueContext => ({ issues, criterion: c, row: r, col });
    claimed.add(`${r}:${cols.value}`);
    claimed.add(`${r}:${cols.evidence}`);
    claimed.add(`${r}:${cols.note}`);
    let value = parseValue(readCell(ws, r, cols.value), ctx(cols.value));
    const valueCellEmpty = readCell(ws, r, cols.value).raw.kind === 'empty';
    let numerator: number | undefined;
    let denominator: number | undefined;
    if (isRate(c)) {
      claimed.add(`${r}:${cols.numerator}`);
      claimed.add(`${r}:${cols.denominator}`);
      numerator = parseCount(readCell(ws, r, cols.numerator), ctx(cols.numerator), {
        vi: 'tử số',
        en: 'numerator',
      });
      denominator = parseCount(readCell(ws, r, cols.denominator), ctx(cols.denominator), {
        vi: 'mẫu số',
        en: 'denominator',
      });
      const numEmpty = readCell(ws, r, cols.numerator).raw.kind === 'empty';
      const denEmpty = readCell(ws, r, cols.denominator).raw.kind === 'empty';
      if (numEmpty !== denEmpty) {
        issues.add(
          'error',
          sheet,
          r,
          numEmpty ? cols.numerator : cols.denominator,
          'incomplete_fraction',
          {
            vi: 'cần cả tử số và mẫu số (hoặc để trống cả hai)',
            en: 'give both the numerator and the denominator (or neither)',
          },
          c.id,
        );
      } else if (numerator !== undefined && denominator !== undefined) {
        if (denominator === 0) {
          issues.add(
            'error',
            sheet,
            r,
            cols.denominator,
            'zero_denominator',
            {
              vi: 'mẫu số bằng 0: không có tỷ lệ; để trống giá trị, tử số và mẫu số (chưa có số liệu)',
              en: 'zero denominator: there is no rate; leave the value, numerator and denominator empty (not available)',
            },
            c.id,
          );
        } else if (numerator > denominator) {
          issues.add(
            'error',
            sheet,
            r,
            cols.numerator,
            'numerator_exceeds_denominator',
            {
              vi: `tử số ${numerator} lớn hơn mẫu số ${denominator}`,
              en: `the numerator ${numerator} exceeds the denominator ${denominator}`,
            },
            c.id,
          );
        } else {
          const rate = (numerator / denominator) * 100;
          if (valueCellEmpty) {
            value = rate;
            issues.add(
              'warning',
              sheet,
              r,
              cols.value,
              'computed_value',
              {
                vi: `giá trị để trống; đã tính từ ${numerator}/${denominator} = ${Math.round(rate * 100) / 100}%`,
                en: `the value is empty; computed from ${numerator}/${denominator} = ${Math.round(rate * 100) / 100}%`,
              },
              c.id,
            );
          } else if (typeof value === 'number' && Math.abs(value - rate) > 0.05) {
            issues.add(
              'error',
              sheet,
              r,
              cols.value,
              'fraction_mismatch',
              {
                vi: `giá trị ${value} không khớp tử số/mẫu số ${numerator}/${denominator} = ${Math.round(rate * 100) / 100}%`,
                en: `the value ${value} does not match numerator/denominator ${numerator}/${denominator} = ${Math.round(rate * 100) / 100}%`,
              },
              c.id,
            );
          }
        }
      }
    }
    const reference = cellText(ws, r, cols.evidence);
    const note = cellText(ws, r, cols.note);
    if (value === undefined) {
      if (reference !== undefined || note !== undefined)
        issues.add(
          'warning',
          sheet,
          r,
          cols.value,
          'evidence_without_value',
          {
            vi: 'có minh chứng hoặc ghi chú nhưng không có giá trị: tiêu chí được tính là chưa có số liệu',
            en: 'evidence or a note but no value: the criterion counts as not available',
          },
          c.id,
        );
      continue;
    }
    const evidence: NonNullable<Observation['evidence']> = {};
    if (reference !== undefined) evidence.reference = reference;
    if (numerator !== undefined && denominator !== undefined && denominator > 0) {
      evidence.numerator = numerator;
      evidence.denominator = denominator;
    }
    const o: Observation = { value, source: 'self_declared' };
    if (Object.keys(evidence).length) o.evidence = evidence;
    if (observedAt !== undefined) o.observedAt = observedAt;
    if (note !== undefined) o.note = note;
    observations[c.id] = o;
  }
  // Nothing silently dropped: any other filled cell below the headers is reported.
  for (const [r, k] of filledCells(ws)) {
    if (r < FIRST_ROW || claimed.has(`${r}:${k}`)) continue;
    if (k === cols.id) continue; // unknown or duplicate rows are reported above
    const rowId = cellText(ws, r, cols.id);
    const criterion = rowId !== undefined && byId.has(rowId) ? rowId : undefined;
    const raw = readCell(ws, r, k).raw;
    issues.add(
      'error',
      sheet,
      r,
      k,
      'unexpected_value',
      criterion && (k === cols.numerator || k === cols.denominator)
        ? {
            vi: `tiêu chí này không phải tỷ lệ nên không có tử số/mẫu số; giá trị ${describe(raw)} không được đọc`,
            en: `this criterion is not a rate and has no numerator/denominator; the value ${describe(raw)} is not read`,
          }
        : {
            vi: `ô ngoài vùng nhập có giá trị ${describe(raw)}; phiếu không đọc ô này — chuyển vào đúng ô hoặc xóa`,
            en: `a value outside the input cells (${describe(raw)}); the form does not read this cell — move it to the right cell or delete it`,
          },
      criterion,
    );
  }
  return observations;
}
