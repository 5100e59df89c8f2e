// Runs inside the smoke-test project against the packed @cdsx/forms, from CommonJS.
const assert = require('node:assert/strict');
const { latestEdition } = require('@cdsx/criteria/editions');
const { generateForm, readForm } = require('@cdsx/forms');
const { buildGapReport, renderGapReportHtml } = require('@cdsx/forms/report');
const { assess } = require('@cdsx/rules');

(async () => {
  const commune = { code: '03445', name: 'Mường Tè', provinceCode: '12', unitType: 'xa' };
  const bytes = await generateForm({ edition: latestEdition, areaGroup: 'remote', commune, period: '2026' });
  assert.equal(Buffer.from(bytes.subarray(0, 2)).toString(), 'PK');
  const read = await readForm(bytes);
  assert.equal(read.ok, true);
  assert.deepEqual(read.value.assessment.observations, {});
  const report = buildGapReport(assess(read.value.assessment, { edition: latestEdition }), {
    reportDate: '2026-05-04',
  });
  assert.equal(report.ok, true);
  assert.match(renderGapReportHtml(report.value, 'vi'), /Xã Mường Tè/);
  console.log('smoke: ok  @cdsx/forms behaviour from CommonJS (generate → read → report)');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
