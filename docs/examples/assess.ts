// TypeScript: the types come with the packages (ESM and CommonJS builds both ship .d.ts).
// Pinning the edition through its permalink subpath keeps results reproducible when newer editions ship.
import { readFile } from 'node:fs/promises';
import { type Assessment, formatIssues, parseJsonText, validateAssessment } from '@cdsx/criteria';
import { published } from '@cdsx/criteria/editions/0.1.0';
import { assess, type DecisionRecord, type GapItem } from '@cdsx/rules';

export async function decide(path: string): Promise<DecisionRecord> {
  const parsed = parseJsonText(await readFile(path, 'utf8'), path);
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
  const checked = validateAssessment(parsed.value, published.edition);
  if (!checked.ok) throw new Error(formatIssues(checked.issues));
  const assessment: Assessment = checked.value;
  return assess(assessment, { edition: published });
}

/** The closest extended criteria to meet for the next level. */
export function easiestWins(record: DecisionRecord, n = 3): GapItem[] {
  return record.gaps?.extended.candidates.slice(0, n) ?? [];
}
