// Runs inside the smoke-test project against the packed @cdsx/score766, from CommonJS.
const assert = require('node:assert/strict');
const sample = require('@cdsx/score766/examples/counts.sample.json');
const { parseCounts, scoreUnit, cheapestMoves, DEFAULT_PROFILE } = require('@cdsx/score766');
const { countsFromDossiers } = require('@cdsx/score766/dossiers');

const { units, issues } = parseCounts(sample);
assert.deepEqual(issues, []);
const s = scoreUnit(units[0]);
assert.equal(s.total.points, 87.81);
assert.equal(s.profile.contentHash, DEFAULT_PROFILE.contentHash);
assert.equal(cheapestMoves(units[0], 90).reached, true);
assert.equal(typeof countsFromDossiers, 'function');
console.log('smoke: ok  @cdsx/score766 behaves from CommonJS');
