import type { AreaGroup, Assessment, CatalogEdition, CommuneProfile, Criterion } from '@cdsx/criteria';
import ExcelJS from 'exceljs';
import {
  cellRef,
  FIRST_ROW,
  FORM_FORMAT,
  type FormMeta,
  formColumns,
  formCriteria,
  isRate,
  META_KEYS,
  measureLabel,
  metaFingerprint,
  NO,
  requirementLabel,
  SHEETS,
  UNIT_ROWS,
  UNIT_TYPE_LABELS,
  YES,
} from './layout';
import { withFixedZipTimes } from './zip-time';

/** Options of {@link generateForm}. */
export interface GenerateFormOptions {
  /** The edition the form is for (published or a draft) with its content hash. */
  edition: { edition: CatalogEdition; contentHash: string };
  areaGroup: AreaGroup;
  /** Pre-fill the unit sheet with this commune's identity. */
  commune?: Omit<CommuneProfile, 'areaGroup'> & { areaGroup?: AreaGroup };
  /** Pre-fill the reporting period (`2026`, `2026-Q1`, `2026-03`). */
  period?: string;
  /** Last period's assessment: its values are shown beside each input cell (never copied into it). */
  previous?: Assessment;
  /** Date written as the workbook's created/modified time (default: 2000-01-01, so output is stable). */
  created?: Date;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: ExcelJS.Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
};

function valueValidation(c: Criterion): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop' };
  switch (c.measure) {
    case 'percentage':
      return {
        ...common,
        type: 'decimal',
        operator: 'between',
        formulae: [0, 100],
        errorTitle: 'Tỷ lệ / Percentage',
        error: 'Nhập số từ 0 đến 100 (không kèm dấu %). / Enter a number from 0 to 100 (no % sign).',
        promptTitle: c.id,
        prompt:
          'Tỷ lệ % (0–100); để trống nếu chưa có số liệu. / Percentage 0–100; leave empty if not available.',
      };
    case 'number':
      return {
        ...common,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        errorTitle: 'Số / Number',
        error: 'Nhập số ≥ 0. / Enter a number ≥ 0.',
        promptTitle: c.id,
        prompt: `Số ≥ 0 (${c.unit?.vi ?? ''}); để trống nếu chưa có số liệu. / Number ≥ 0; leave empty if not available.`,
      };
    case 'boolean':
      return {
        ...common,
        type: 'list',
        formulae: [`"${YES},${NO}"`],
        errorTitle: 'Có / Không',
        error: `Chọn ${YES} hoặc ${NO}. / Choose ${YES} (yes) or ${NO} (no).`,
        promptTitle: c.id,
        prompt: `${YES} hoặc ${NO}; để trống nếu chưa có số liệu. / ${YES} (yes) or ${NO} (no); empty if not available.`,
      };
    case 'ordinal': {
      const values = (c.scale ?? []).map((p) => p.value);
      return {
        ...common,
        type: 'list',
        formulae: [`"${values.join(',')}"`],
        errorTitle: 'Thang điểm / Scale',
        error: `Chọn một trong: ${values.join(', ')}. / Choose one of: ${values.join(', ')}.`,
        promptTitle: c.id,
        prompt: (c.scale ?? [])
          .map((p) => `${p.value} = ${p.label.vi}`)
          .join('; ')
          .slice(0, 250),
      };
    }
  }
}

const COUNT_VALIDATION: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'greaterThanOrEqual',
  formulae: [0],
  allowBlank: true,
  showErrorMessage: true,
  errorTitle: 'Số / Number',
  error: 'Nhập số ≥ 0. / Enter a number ≥ 0.',
};

function previousCell(c: Criterion, previous: Assessment | undefined): string | number | null {
  const o = previous?.observations[c.id];
  if (!o) return null;
  if (typeof o.value === 'boolean') return o.value ? YES : NO;
  return o.value;
}

function addInstructions(wb: ExcelJS.Workbook, edition: CatalogEdition, areaGroupName: string): void {
  const ws = wb.addWorksheet(SHEETS.instructions, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getColumn(1).width = 110;
  const lines: Array<[string, boolean?]> = [
    [`Phiếu tự đánh giá chuyển đổi số cấp xã — ${edition.title.vi}`, true],
    [`Self-assessment form, commune digital transformation — ${edition.title.en}`, true],
    [
      `Bộ tiêu chí / Catalog edition: ${edition.id} ${edition.version} (${edition.status}) · Nhóm địa bàn / Area group: ${areaGroupName}`,
    ],
    [''],
    ['Cách điền (tiếng Việt)', true],
    [
      `1. Trang "${SHEETS.unit}": kiểm tra mã, tên, tỉnh, loại đơn vị; ghi kỳ đánh giá (2026, 2026-Q1 hoặc 2026-03) và ngày số liệu (YYYY-MM-DD, nếu có).`,
    ],
    [
      `2. Trang "${SHEETS.criteria}": mỗi dòng là một tiêu chí áp dụng cho nhóm địa bàn này. Chỉ điền các ô nền vàng.`,
    ],
    [
      '   • Giá trị: tỷ lệ ghi số 0–100 (không kèm %); Có/Không chọn trong danh sách; thang điểm chọn số; số lượng ghi số ≥ 0.',
    ],
    [
      '   • Tỷ lệ có thể ghi kèm tử số và mẫu số (hoặc chỉ tử số và mẫu số: giá trị sẽ được tính). Mẫu số 0 thì không có tỷ lệ.',
    ],
    ['   • Minh chứng: số, ngày văn bản hoặc đường dẫn. Ghi chú: giải thích nếu cần.'],
    ['   • Chưa có số liệu: để trống ô giá trị (không ghi 0). Kết quả khi đó là tạm tính.'],
    [
      '3. Không thêm, xóa, gộp hay sắp xếp lại dòng; không sửa trang ẩn. Phiếu được đọc lại đúng theo bộ tiêu chí đã tạo ra nó.',
    ],
    ['4. Cột "Kỳ trước" (nếu có) chỉ để tham khảo; không được đọc vào kết quả.'],
    [''],
    ['How to fill in (English)', true],
    [
      `1. Sheet "${SHEETS.unit}" (unit): check the code, name, province and unit type; enter the period (2026, 2026-Q1 or 2026-03) and the observation date (YYYY-MM-DD, optional).`,
    ],
    [
      `2. Sheet "${SHEETS.criteria}" (criteria): one row per criterion that applies to this area group. Fill in the yellow cells only.`,
    ],
    [
      '   • Value: percentages as 0–100 (no % sign); Có (yes) / Không (no) from the list; ordinal scales as the number; counts as numbers ≥ 0.',
    ],
    [
      '   • A percentage may carry its numerator and denominator (or only those: the value is then computed). A zero denominator gives no rate.',
    ],
    ['   • Evidence: document number and date, or a link. Note: anything to explain.'],
    ['   • Not available: leave the value empty (do not write 0). The result is then provisional.'],
    [
      '3. Do not add, delete, merge or reorder rows, and do not edit the hidden sheet: the form is read back against the edition it was made from.',
    ],
    ['4. The "Previous period" column (when present) is for reference only; it is not read back.'],
  ];
  for (const [text, bold] of lines) {
    const row = ws.addRow([text]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (bold) row.font = { bold: true };
  }
}

function addUnitSheet(wb: ExcelJS.Workbook, options: GenerateFormOptions, areaGroupName: string): void {
  const ws = wb.addWorksheet(SHEETS.unit, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getColumn(1).width = 36;
  ws.getColumn(2).width = 30;
  ws.getColumn(3).width = 60;
  ws.getCell('A1').value = 'Thông tin đơn vị / Unit';
  ws.getCell('A1').font = { bold: true, size: 13 };
  const header = ws.getRow(2);
  header.values = ['Mục / Field', 'Giá trị / Value', 'Hướng dẫn / Help'];
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  const c = options.commune;
  const rows: Array<[number, string, string | null, string, boolean]> = [
    [UNIT_ROWS.code, 'Mã đơn vị / Commune code', c?.code ?? null, '5 chữ số / 5 digits', true],
    [
      UNIT_ROWS.name,
      'Tên đơn vị / Name',
      c?.name ?? null,
      'Không kèm "Xã", "Phường" / Without the unit-type word',
      true,
    ],
    [UNIT_ROWS.provinceCode, 'Mã tỉnh / Province code', c?.provinceCode ?? null, '2 chữ số / 2 digits', true],
    [
      UNIT_ROWS.unitType,
      'Loại đơn vị / Unit type',
      c ? UNIT_TYPE_LABELS[c.unitType] : null,
      'Xã, Phường hoặc Đặc khu / Xã (commune), Phường (ward) or Đặc khu (special zone)',
      true,
    ],
    [
      UNIT_ROWS.period,
      'Kỳ đánh giá / Period',
      options.period ?? null,
      '2026, 2026-Q1 hoặc / or 2026-03',
      true,
    ],
    [
      UNIT_ROWS.observedAt,
      'Ngày số liệu / Observation date',
      null,
      'YYYY-MM-DD (không bắt buộc / optional)',
      true,
    ],
    [
      UNIT_ROWS.areaGroup,
      'Nhóm địa bàn / Area group',
      areaGroupName,
      'Cố định theo phiếu / Fixed by the form',
      false,
    ],
  ];
  for (const [r, label, value, help, input] of rows) {
    const row = ws.getRow(r);
    row.getCell(1).value = label;
    const v = row.getCell(2);
    v.value = value;
    // Text format keeps leading zeros of codes and stops Excel turning a period into a date.
    v.numFmt = r === UNIT_ROWS.observedAt ? 'yyyy-mm-dd' : '@';
    v.fill = input ? INPUT_FILL : LOCKED_FILL;
    row.getCell(3).value = help;
    for (let col = 1; col <= 3; col++) row.getCell(col).border = THIN;
  }
  ws.getCell(`B${UNIT_ROWS.unitType}`).dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${Object.values(UNIT_TYPE_LABELS).join(',')}"`],
    showErrorMessage: true,
    error: 'Xã, Phường hoặc Đặc khu / Xã, Phường or Đặc khu',
  };
}

/**
 * Tạo phiếu tự đánh giá — generate an Excel self-assessment form for one edition and area group: an
 * instructions sheet, the unit sheet (identity, period), the criteria sheet (one row per applicable
 * criterion with its requirements per level, a validated input cell, numerator and denominator for
 * rates, evidence and note) and a very hidden metadata sheet that ties the form to its edition.
 * Returns the .xlsx bytes. Works without a file system (Node and browsers).
 *
 * @example
 * const bytes = await generateForm({ edition: latestEdition, areaGroup: 'remote', period: '2026' });
 * writeFileSync('phieu.xlsx', bytes);
 */
export async function generateForm(options: GenerateFormOptions): Promise<Uint8Array> {
  const { edition, contentHash } = options.edition;
  const { areaGroup } = options;
  const groupName = edition.areaGroups.find((g) => g.id === areaGroup)?.name ?? {
    vi: areaGroup,
    en: areaGroup,
  };
  const areaGroupName = `${groupName.vi} / ${groupName.en}`;
  const criteria = formCriteria(edition, areaGroup);
  const cols = formColumns(edition);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cdsx';
  wb.lastModifiedBy = 'cdsx';
  const created = options.created ?? new Date(Date.UTC(2000, 0, 1));
  wb.created = created;
  wb.modified = created;
  wb.title = `${edition.id} ${edition.version} ${areaGroup}`;

  addInstructions(wb, edition, areaGroupName);
  addUnitSheet(wb, options, areaGroupName);

  const ws = wb.addWorksheet(SHEETS.criteria, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: FIRST_ROW - 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `3:${FIRST_ROW - 1}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `${edition.id} ${edition.version} · ${areaGroup} · &P/&N` },
  });
  const widths: Array<[number, number]> = [
    [cols.id, 9],
    [cols.dimension, 14],
    [cols.titleVi, 42],
    [cols.titleEn, 36],
    [cols.measure, 18],
    ...cols.levels.map((l): [number, number] => [l.column, 15]),
    [cols.previous, 12],
    [cols.value, 12],
    [cols.numerator, 11],
    [cols.denominator, 11],
    [cols.evidence, 28],
    [cols.note, 24],
  ];
  for (const [c, w] of widths) ws.getColumn(c).width = w;

  ws.getCell(1, 1).value =
    `PHIẾU TỰ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP XÃ / SELF-ASSESSMENT FORM — ${edition.title.vi}`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value =
    `${edition.id} ${edition.version} (${edition.status}) · ${areaGroupName}` +
    (options.commune ? ` · ${options.commune.code} ${options.commune.name}` : '');
  const prevHead = options.previous ? ` (${options.previous.period})` : '';
  const headers: Array<[number, string, string]> = [
    [cols.id, 'Mã', 'Id'],
    [cols.dimension, 'Lĩnh vực', 'Dimension'],
    [cols.titleVi, 'Tiêu chí', 'Criterion (Vietnamese)'],
    [cols.titleEn, 'Tiêu chí (tiếng Anh)', 'Criterion (English)'],
    [cols.measure, 'Cách đo', 'Measure'],
    ...cols.levels.map((l): [number, string, string] => {
      const def = edition.levels.find((d) => d.level === l.level)!;
      return [l.column, `Mức ${l.level} ${def.name.vi}`, `Level ${l.level} ${def.name.en}`];
    }),
    [cols.previous, `Kỳ trước${prevHead}`, `Previous${prevHead}`],
    [cols.value, 'Giá trị', 'Value'],
    [cols.numerator, 'Tử số', 'Numerator'],
    [cols.denominator, 'Mẫu số', 'Denominator'],
    [cols.evidence, 'Minh chứng (số văn bản / đường dẫn)', 'Evidence (document no. / link)'],
    [cols.note, 'Ghi chú', 'Note'],
  ];
  for (const [c, vi, en] of headers) {
    const a = ws.getCell(3, c);
    a.value = vi;
    const b = ws.getCell(4, c);
    b.value = en;
    for (const cell of [a, b]) {
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    }
    a.font = { bold: true };
    b.font = { italic: true };
  }

  criteria.forEach((c, i) => {
    const r = FIRST_ROW + i;
    const row = ws.getRow(r);
    row.getCell(cols.id).value = c.id;
    row.getCell(cols.dimension).value =
      edition.dimensions.find((d) => d.id === c.dimension)?.name.vi ?? c.dimension;
    row.getCell(cols.titleVi).value = c.title.vi;
    row.getCell(cols.titleEn).value = c.title.en;
    row.getCell(cols.measure).value = measureLabel(c, 'vi');
    for (const l of cols.levels) row.getCell(l.column).value = requirementLabel(c, areaGroup, l.level, 'vi');
    row.getCell(cols.previous).value = previousCell(c, options.previous);
    const value = row.getCell(cols.value);
    value.dataValidation = valueValidation(c);
    value.fill = INPUT_FILL;
    for (const k of [cols.numerator, cols.denominator]) {
      const cell = row.getCell(k);
      if (isRate(c)) {
        cell.dataValidation = COUNT_VALIDATION;
        cell.fill = INPUT_FILL;
      } else cell.fill = LOCKED_FILL;
    }
    row.getCell(cols.evidence).fill = INPUT_FILL;
    row.getCell(cols.note).fill = INPUT_FILL;
    for (let k = 1; k <= cols.last; k++) {
      const cell = row.getCell(k);
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  });

  const metaCore = {
    format: FORM_FORMAT,
    editionId: edition.id,
    editionVersion: edition.version,
    contentHash,
    areaGroup,
    criteria: criteria.map((c) => c.id).join(','),
  };
  const meta: FormMeta = { ...metaCore, fingerprint: metaFingerprint(metaCore) };
  const ms = wb.addWorksheet(SHEETS.meta, { state: 'veryHidden' });
  META_KEYS.forEach((k, i) => {
    ms.getCell(i + 1, 1).value = k;
    ms.getCell(i + 1, 2).value = meta[k];
  });
  wb.views = [
    { activeTab: 2, x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: 'visible' },
  ];
  const buffer = await wb.xlsx.writeBuffer();
  return withFixedZipTimes(new Uint8Array(buffer as ArrayBuffer));
}

/** Where the value of a criterion goes in a generated form (for programs that fill forms). */
export function formCellOf(
  edition: CatalogEdition,
  areaGroup: AreaGroup,
  criterionId: string,
  column: 'value' | 'numerator' | 'denominator' | 'evidence' | 'note' = 'value',
): string | undefined {
  const i = formCriteria(edition, areaGroup).findIndex((c) => c.id === criterionId);
  return i < 0 ? undefined : cellRef(SHEETS.criteria, FIRST_ROW + i, formColumns(edition)[column]);
}
