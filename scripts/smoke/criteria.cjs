// Runs inside the smoke-test project against the packed @cdsx/criteria, from CommonJS.
const assert = require('node:assert/strict');
const { validateAssessment, contentHashOf } = require('@cdsx/criteria');
const { latestEdition, getEdition } = require('@cdsx/criteria/editions');
const { communeByCode } = require('@cdsx/criteria/communes');
const pinned = require('@cdsx/criteria/editions/0.1.0');

assert.equal(contentHashOf(pinned.edition), pinned.contentHash);
assert.ok(getEdition('0.1.0').ok);
assert.ok(latestEdition.edition.criteria.length >= 45);
const bad = validateAssessment(
  {
    commune: communeByCode('00004'),
    period: '2026-Q1',
    catalogVersion: '0.1.0',
    observations: { 'XX.99': { value: 1, source: 'self_declared' } },
  },
  pinned.edition,
);
assert.equal(bad.ok, false);
assert.ok(require.resolve('@cdsx/criteria/schema/catalog.json'));
console.log('smoke: ok  @cdsx/criteria behaves from CommonJS');
