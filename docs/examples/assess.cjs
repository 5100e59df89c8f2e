// Plain JavaScript, CommonJS: the same steps with require().
// Run: node assess.cjs [assessment.json]
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { formatIssues, parseJsonText, validateAssessment } = require('@cdsx/criteria');
const { EDITIONS } = require('@cdsx/criteria/editions');
const { tryAssess } = require('@cdsx/rules');

const file = process.argv[2] ?? join(__dirname, 'assessment.json');
const parsed = parseJsonText(readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error(formatIssues(parsed.issues));

// The edition the assessment names, picked from every published edition.
const checked = validateAssessment(parsed.value, EDITIONS);
if (!checked.ok) throw new Error(formatIssues(checked.issues));

// tryAssess never throws for bad input: it returns { ok: false, issues } instead.
const result = tryAssess(checked.value, { edition: EDITIONS });
if (!result.ok) throw new Error(formatIssues(result.issues));
const record = result.value;

console.log(
  `${record.commune.name}: level ${record.level.level} (${record.level.name.en}), area group ${record.areaGroup}`,
);
for (const level of record.levels)
  console.log(
    `  level ${level.level}: mandatory ${level.mandatory.met}/${level.mandatory.applicable},` +
      ` extended ${level.extended.met}/${level.extended.required} required`,
  );
