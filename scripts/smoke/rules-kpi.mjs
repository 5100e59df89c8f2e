// Runs inside the smoke-test project against the packed @cdsx/rules and @cdsx/kpi, from ESM.
import assert from 'node:assert/strict';
import { edition, published } from '@cdsx/criteria/editions/0.1.0';
import { computeDossierKpis, kpiObservations, readDossiers } from '@cdsx/kpi';
import { generateDossiers } from '@cdsx/kpi/testing';
import { assessWithEngine, tryAssess } from '@cdsx/rules';

const commune = { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' };
const bad = tryAssess(
  {
    commune,
    period: '2026',
    catalogVersion: '0.1.0',
    observations: { 'DV.01': { value: 180, source: 'computed' } },
  },
  { edition: published },
);
assert.equal(bad.ok, false);
const good = {
  commune,
  period: '2026',
  catalogVersion: '0.1.0',
  observations: { 'DV.01': { value: 85, source: 'computed' } },
};
// @cdsx/rules imports no edition body: pass the edition (sync), or let the async path load it on demand.
const fast = tryAssess(good, { edition: published });
assert.equal(fast.ok, true);
assert.equal(JSON.stringify(await assessWithEngine(good)), JSON.stringify(fast.value));
assert.equal(fast.value.provisional, true);

const dossiers = [...generateDossiers({ seed: 1, count: 300, communes: ['00004'], year: 2026 })];
const reader = readDossiers(dossiers.map((d) => JSON.stringify(d)).join('\n'));
const groups = await computeDossierKpis(reader, { by: ['commune', 'quarter'] });
assert.ok(groups.length >= 1);
assert.equal(reader.summary.rejected, 0);
const { observations } = kpiObservations(groups[0].kpis, edition);
assert.ok(Object.keys(observations).length > 0);
console.log('smoke: ok  @cdsx/rules and @cdsx/kpi behave from ESM');
