// For vendors who do not use TypeScript or JavaScript at runtime: the same checks through the
// JSON Schema (draft 2020-12) shipped in @cdsx/criteria/schema/. Any 2020-12 validator works; here Ajv.
// Run: node validate-with-json-schema.mjs [assessment.json]
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@cdsx/criteria/schema/assessment-0.1.0.json');
const schema = JSON.parse(await readFile(schemaPath, 'utf8'));

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const file = process.argv[2] ?? new URL('./assessment.json', import.meta.url);
const assessment = JSON.parse(await readFile(file, 'utf8'));

if (validate(assessment)) console.log('valid under assessment-0.1.0.json');
else {
  for (const e of validate.errors) console.error(`${e.instancePath || '(root)'}: ${e.message}`);
  process.exitCode = 1;
}
