// Runs inside the smoke-test project against the packed @cdsx/plan, from ESM.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EDITIONS } from '@cdsx/criteria/editions';
import { kpiResult } from '@cdsx/kpi';
import { evaluatePlan, nextYearPlan, validatePlan } from '@cdsx/plan';

const path = createRequire(import.meta.url).resolve('@cdsx/plan/examples/commune-plan.example.json');
const r = validatePlan(JSON.parse(readFileSync(path, 'utf8')), EDITIONS);
assert.equal(r.ok, true);
const edition = EDITIONS.find((e) => e.edition.version === r.value.catalogVersion);
const ev = evaluatePlan(
  r.value,
  { period: '2026', kpis: { onlineDossierRate: kpiResult('onlineDossierRate', 60, 100) } },
  { edition },
);
assert.equal(ev.targets.find((t) => t.id === 'X-05').status, 'met');
assert.equal(ev.targets.find((t) => t.id === 'X-01').status, 'not_available');
assert.equal(validatePlan(nextYearPlan(r.value, ev), EDITIONS).ok, true);
console.log('smoke: ok  @cdsx/plan behaves from ESM');
