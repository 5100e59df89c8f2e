import type { AreaGroup, Assessment, CatalogEdition, Criterion } from '@cdsx/criteria';
import ExcelJS from 'exceljs';
import { FIRST_ROW, formColumns, formCriteria, SHEETS } from '../src/index';

/** Xã Mường Tè (Lai Châu), a mountain commune: the area group overrides the unit type's default. */
export const MUONG_TE = {
  code: '03445',
  name: 'Mường Tè',
  provinceCode: '12',
  unitType: 'xa' as const,
};

/** Load a form, let `edit` change the criteria sheet (`row(id)` is the row of a criterion), save it. */
export async function editForm(
  bytes: Uint8Array,
  edit: (ctx: {
    wb: ExcelJS.Workbook;
    ws: ExcelJS.Worksheet;
    unit: ExcelJS.Worksheet;
    row: (id: string) => number;
    cols: ReturnType<typeof formColumns>;
  }) => void,
  edition: CatalogEdition,
  areaGroup: AreaGroup,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEETS.criteria)!;
  const unit = wb.getWorksheet(SHEETS.unit)!;
  const ids = formCriteria(edition, areaGroup).map((c) => c.id);
  const row = (id: string) => {
    const i = ids.indexOf(id);
    if (i < 0) throw new Error(`${id} is not on the form`);
    return FIRST_ROW + i;
  };
  edit({ wb, ws, unit, row, cols: formColumns(edition) });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Write an assessment's observations into a form the way a person would (Có/Không for booleans). */
export function fillObservations(
  ws: ExcelJS.Worksheet,
  row: (id: string) => number,
  cols: ReturnType<typeof formColumns>,
  observations: Assessment['observations'],
): void {
  for (const [id, o] of Object.entries(observations)) {
    const r = row(id);
    ws.getCell(r, cols.value).value = typeof o.value === 'boolean' ? (o.value ? 'Có' : 'Không') : o.value;
    if (o.evidence?.reference) ws.getCell(r, cols.evidence).value = o.evidence.reference;
    if (o.evidence?.numerator !== undefined) ws.getCell(r, cols.numerator).value = o.evidence.numerator;
    if (o.evidence?.denominator !== undefined) ws.getCell(r, cols.denominator).value = o.evidence.denominator;
    if (o.note) ws.getCell(r, cols.note).value = o.note;
  }
}

/** The first criterion of a measure on the form. */
export function firstOf(edition: CatalogEdition, group: AreaGroup, measure: Criterion['measure']): Criterion {
  const c = formCriteria(edition, group).find((x) => x.measure === measure);
  if (!c) throw new Error(`no ${measure} criterion on the ${group} form`);
  return c;
}
