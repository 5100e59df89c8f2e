// Runs inside the smoke-test project against the packed @cdsx/architecture, from CommonJS.
const assert = require('node:assert/strict');
const { contentHashOf } = require('@cdsx/criteria');
const { getEdition } = require('@cdsx/criteria/editions');
const { lintArchitecture, lintTrace, latestArchitecture } = require('@cdsx/architecture');
const pinned = require('@cdsx/architecture/editions/1.0.0');

assert.equal(contentHashOf(pinned.edition), pinned.contentHash);
assert.deepEqual(lintArchitecture(pinned.edition), []);
assert.equal(latestArchitecture.contentHash, pinned.contentHash);
assert.deepEqual(lintTrace(getEdition('0.3.0').value.edition, pinned.published), []);
assert.ok(require.resolve('@cdsx/architecture/schema/architecture.json'));
console.log('smoke: ok  @cdsx/architecture behaves from CommonJS');
