// Runs inside the smoke-test project against the packed @cdsx/plan, from CommonJS.
const assert = require('node:assert/strict');
const plan = require('@cdsx/plan/examples/province-plan.example.json');
const { EDITIONS } = require('@cdsx/criteria/editions');
const { validatePlan, formatIssues } = require('@cdsx/plan');

assert.equal(validatePlan(plan, EDITIONS).ok, true);
const bad = { ...plan, targets: [{ ...plan.targets[0], indicator: { kind: 'kpi', kpi: 'nope' } }] };
const r = validatePlan(bad, EDITIONS);
assert.equal(r.ok, false);
assert.match(formatIssues(r.issues, 'en'), /^targets\[0\]\.indicator\.kpi: no KPI "nope"/);
console.log('smoke: ok  @cdsx/plan behaves from CommonJS');
