/**
 * @cdsx/forms — Excel self-assessment forms (phiếu tự đánh giá) for the commune digital-transformation
 * model: generate a form for an edition and area group, read a filled form back into an assessment (every
 * problem located by sheet and cell), export decision records and tables as .xlsx. The gap report
 * (báo cáo đánh giá) is re-exported from the browser-safe `@cdsx/forms/report`.
 *
 * Kept out of `@cdsx/criteria` so the catalog stays light: the Excel library is only loaded by those who
 * import this package.
 *
 * @example
 * ```ts
 * import { latestEdition } from '@cdsx/criteria';
 * import { generateForm, readForm } from '@cdsx/forms';
 * const bytes = await generateForm({ edition: latestEdition, areaGroup: 'rural', period: '2026' });
 * const r = await readForm(bytes); // after the commune filled it in
 * if (r.ok) console.log(r.value.assessment);
 * ```
 *
 * @packageDocumentation
 */
export {
  decisionRecordToXlsx,
  safeCell,
  tablesToXlsx,
  type XlsxCell,
  type XlsxOptions,
  type XlsxTable,
} from './export';
export { formCellOf, type GenerateFormOptions, generateForm } from './generate';
export {
  cellRef,
  columnLetter,
  FIRST_ROW,
  FORM_FORMAT,
  type FormColumns,
  formColumns,
  formCriteria,
  SHEETS,
  UNIT_ROWS,
} from './layout';
export {
  type EditionWithHash,
  type FormIssue,
  type FormReading,
  type FormReadResult,
  type ReadFormOptions,
  readForm,
} from './read';
export * from './report/index';
