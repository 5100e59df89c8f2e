// Runs inside the smoke-test project against the packed @cdsx/criteria, from ESM.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { contentHashOf, lintCatalog, parseJsonText } from '@cdsx/criteria';
import { COMMUNES } from '@cdsx/criteria/communes';
import { contentHash, edition } from '@cdsx/criteria/latest';

assert.equal(contentHashOf(edition), contentHash);
assert.deepEqual(lintCatalog(edition), []);
assert.equal(COMMUNES.length, 3321);
assert.equal(parseJsonText('{').ok, false);
const schema = createRequire(import.meta.url)('@cdsx/criteria/schema/assessment.json');
assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
console.log('smoke: ok  @cdsx/criteria behaves from ESM');
