// Runs inside the smoke-test project against the packed @cdsx/forms, from ESM.
import assert from 'node:assert/strict';
import { getEdition } from '@cdsx/criteria/editions';
import { generateForm, readForm } from '@cdsx/forms';
import { buildGapReport, renderGapReportMarkdown } from '@cdsx/forms/report';
import { assess } from '@cdsx/rules';

const edition = getEdition('0.1.0');
assert.ok(edition.ok);
const bytes = await generateForm({ edition: edition.value, areaGroup: 'rural', period: '2026' });
const notForm = await readForm(new TextEncoder().encode('not a workbook'));
assert.equal(notForm.ok, false);
const read = await readForm(bytes);
// No commune pre-filled: the unit sheet's empty cells are located errors, not a crash.
assert.equal(read.ok, false);
assert.ok(read.issues.some((i) => i.path === 'Đơn vị!B3' && i.code === 'required'));
const record = assess(
  {
    commune: { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' },
    period: '2026',
    catalogVersion: '0.1.0',
    observations: { 'DV.01': { value: 85, source: 'computed' } },
  },
  { edition: edition.value },
);
const report = buildGapReport(record, { reportDate: '2026-05-04' });
assert.ok(report.ok);
assert.match(renderGapReportMarkdown(report.value, 'en'), /Phường Ba Đình/);
console.log('smoke: ok  @cdsx/forms behaviour from ESM (generate → read → report)');
