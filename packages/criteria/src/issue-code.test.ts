import { describe, expect, it } from 'vitest';
import type { IssueCode, ValidationIssue } from './issues';

describe('IssueCode is a closed union', () => {
  it('accepts the codes the packages emit and rejects a typo at compile time', () => {
    const codes: IssueCode[] = [
      'unknown_criterion', // criteria
      'lint_non_monotone_level', // rules: an overlay criterion failing the catalog lint
      'overlay_not_given', // rules
      'invalid_column_count', // kpi
      'formula_error', // forms
      'duplicate_metric', // score766
      'architecture_mismatch', // architecture
      'file_not_found', // cli
    ];
    // @ts-expect-error a misspelt code is not an IssueCode (checked by `pnpm --filter @cdsx/criteria typecheck`)
    const typo: IssueCode = 'unknown_critrion';
    // @ts-expect-error nor is an arbitrary string in an issue
    const issue: ValidationIssue = { path: '', code: 'whatever', message: { vi: 'v', en: 'e' } };
    expect(new Set([...codes, typo, issue.code]).size).toBe(codes.length + 2);
  });
});
