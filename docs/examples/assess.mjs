// Plain JavaScript, ES modules: validate an assessment file, assess it, read the decision record.
// Run: node assess.mjs [assessment.json]
import { readFile } from 'node:fs/promises';
import { formatIssues, formatRequirement, parseJsonText, validateAssessment } from '@cdsx/criteria';
import { EDITIONS } from '@cdsx/criteria/editions';
import { assess, recordCatalog, remediationOf } from '@cdsx/rules';

const file = process.argv[2] ?? new URL('./assessment.json', import.meta.url);
const parsed = parseJsonText(await readFile(file, 'utf8'), String(file));
if (!parsed.ok) throw new Error(formatIssues(parsed.issues)); // line and column, vi / en

// 1. Validate against the edition the assessment names (catalogVersion), picked from every published
//    edition; a missing or unknown version is an issue like any other.
const checked = validateAssessment(parsed.value, EDITIONS);
if (!checked.ok) throw new Error(formatIssues(checked.issues)); // located, vi / en

// 2. Assess: the level reached and what blocks the next one.
const record = assess(checked.value, { edition: EDITIONS });

// 3. Read the decision record. Criterion texts come from the catalog it names: its edition, plus the
//    province overlay it was decided with (pass the overlay files you assessed with; none here).
const overlays = [];
const published = EDITIONS.find((e) => e.edition.version === record.catalog.version);
const catalog = recordCatalog(record, published, overlays);
if (!catalog.ok) throw new Error(formatIssues(catalog.issues));
const { edition } = catalog.value;
const criterion = (id) => edition.criteria.find((c) => c.id === id);
console.log(
  `${record.commune.name}: ${record.level.name.vi} / ${record.level.name.en} (level ${record.level.level})`,
);
console.log(`catalog ${record.catalog.version} ${record.catalog.contentHash}`);
if (record.provisional)
  console.log(
    `provisional: up to level ${record.possibleLevel} once ${record.missingCriteria.length} missing criteria are observed`,
  );
const blocking = record.gaps?.mandatory ?? [];
console.log(
  `${blocking.length} mandatory requirement(s) of level ${record.gaps?.level} not met or not observed; first five:`,
);
for (const gap of blocking.slice(0, 5))
  console.log(
    // Records reference remediation: look the criterion up in the record's catalog.
    `  ${gap.criterion} ${gap.outcome}: ${formatRequirement(gap.comparison, gap.threshold, criterion(gap.criterion), 'en')} — ${remediationOf(record, gap.criterion, edition)?.en}`,
  );
