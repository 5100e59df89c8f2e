// Runs inside the smoke-test project against the packed @cdsx/rules and @cdsx/kpi, from CommonJS.
const assert = require('node:assert/strict');
const { latestEdition } = require('@cdsx/criteria/editions');
const { COMMUNES } = require('@cdsx/criteria/communes');
const { assess, assessMany, toJsonRulesEngineRules } = require('@cdsx/rules');
const { generateSyntheticAssessments } = require('@cdsx/rules/synthetic');
const { isWorkingDay, parsePeriod, formatKpiValue } = require('@cdsx/kpi');

const assessments = generateSyntheticAssessments({
  edition: latestEdition.edition,
  communes: COMMUNES.slice(0, 20),
});
const records = assessMany(assessments, { edition: latestEdition });
assert.equal(records.length, 20);
assert.equal(JSON.stringify(records[3]), JSON.stringify(assess(assessments[3], { edition: latestEdition })));
assert.equal(records[0].catalog.contentHash, latestEdition.contentHash);
assert.ok(toJsonRulesEngineRules(latestEdition.edition, 'rural').length > 100);
assert.equal(isWorkingDay('2026-01-10'), true); // the swapped Saturday
assert.equal(isWorkingDay('2026-02-17'), false); // Tết
assert.equal(parsePeriod('2026-Q2').label, '2026-Q2');
assert.equal(formatKpiValue({ value: null, numerator: 0, denominator: 0 }), 'N/A');
console.log('smoke: ok  @cdsx/rules and @cdsx/kpi behave from CommonJS');
