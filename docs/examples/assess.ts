// TypeScript: the types come with the packages (ESM and CommonJS builds both ship .d.ts).
import { readFile } from 'node:fs/promises';
import {
  type Assessment,
  formatIssues,
  latestEdition,
  parseJsonText,
  validateAssessment,
} from '@cdsx/criteria';
import { assess, type DecisionRecord, type GapItem } from '@cdsx/rules';

export async function decide(path: string): Promise<DecisionRecord> {
  const parsed = parseJsonText(await readFile(path, 'utf8'), path);
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
  const checked = validateAssessment(parsed.value, latestEdition.edition);
  if (!checked.ok) throw new Error(formatIssues(checked.issues));
  const assessment: Assessment = checked.value;
  return assess(assessment);
}

/** The closest extended criteria to meet for the next level. */
export function easiestWins(record: DecisionRecord, n = 3): GapItem[] {
  return record.gaps?.extended.candidates.slice(0, n) ?? [];
}
