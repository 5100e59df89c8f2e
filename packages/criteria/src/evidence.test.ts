import { describe, expect, it } from 'vitest';
import { compileAssessmentAcceptor } from './acceptor';
import { latestEdition } from './editions/index';
import { validateAssessment } from './validate';

const edition = latestEdition.edition;
const pct = edition.criteria.find((c) => c.measure === 'percentage')!;
const num = edition.criteria.find((c) => c.measure === 'number')!;
const accepts = compileAssessmentAcceptor(edition);

function withObservation(id: string, observation: unknown) {
  return {
    commune: { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' },
    period: '2026-Q1',
    catalogVersion: edition.version,
    observations: { [id]: observation },
  };
}

/** Both checks, which must agree: the acceptor's yes/no and validateAssessment's issues. */
function check(id: string, value: number, numerator: number, denominator: number) {
  const a = withObservation(id, { value, source: 'computed', evidence: { numerator, denominator } });
  const r = validateAssessment(a, edition);
  expect(accepts(a)).toBe(r.ok);
  return r.ok ? [] : r.issues.map((i) => ({ path: i.path, code: i.code, en: i.message.en }));
}

describe('evidence numerator and denominator', () => {
  it('accepts a percentage that is the fraction to the precision it is written with', () => {
    expect(check(pct.id, 82.5, 165, 200)).toEqual([]);
    expect(check(pct.id, 82.5, 1649, 2000)).toEqual([]); // 82.45 → 82.5 at one decimal
    expect(check(pct.id, 83, 165, 200)).toEqual([]); // 82.5 rounds to 83 at no decimal
    expect(check(pct.id, 66.67, 2, 3)).toEqual([]);
    expect(check(pct.id, 66.66666666666667, 2, 3)).toEqual([]);
    expect(check(pct.id, 100, 7, 7)).toEqual([]);
  });

  it('rejects a value that disagrees with its fraction, with the fraction in the message', () => {
    const path = `observations[${JSON.stringify(pct.id)}]`;
    expect(check(pct.id, 84, 165, 200)).toEqual([
      {
        path: `${path}.value`,
        code: 'evidence_mismatch',
        en: `${pct.id}: value 84% does not agree with numerator/denominator 165/200 = 82.5%`,
      },
    ]);
    expect(check(pct.id, 66.6, 2, 3)[0]!.code).toBe('evidence_mismatch'); // 66.67 at one decimal is 66.7
  });

  it('rejects a numerator above the denominator for any measure, and a rate over a zero denominator', () => {
    const path = (id: string) => `observations[${JSON.stringify(id)}].evidence`;
    expect(check(num.id, 5, 6, 5)).toEqual([
      {
        path: `${path(num.id)}.numerator`,
        code: 'numerator_exceeds_denominator',
        en: `${num.id}: numerator 6 is greater than denominator 5`,
      },
    ]);
    expect(check(pct.id, 100, 6, 5)[0]!.code).toBe('numerator_exceeds_denominator');
    expect(check(pct.id, 0, 0, 0).map((i) => [i.path, i.code])).toEqual([
      [`${path(pct.id)}.denominator`, 'zero_denominator'],
    ]);
    // A number criterion's value is not a rate: only numerator ≤ denominator is checked.
    expect(check(num.id, 250, 3, 4)).toEqual([]);
  });

  it('says which forms a period takes instead of showing a regular expression', () => {
    const r = validateAssessment(
      { ...withObservation(pct.id, { value: 1, source: 'computed' }), period: '2026-Q7' },
      edition,
    );
    expect(r.ok).toBe(false);
    const issue = !r.ok ? r.issues.find((i) => i.path === 'period') : undefined;
    expect(issue?.message.en).toBe(
      'a reporting period is a year (2026), a quarter (2026-Q1 … 2026-Q4) or a month (2026-01 … 2026-12), got "2026-Q7"',
    );
    expect(issue?.message.vi).not.toMatch(/\\d|regex/);
  });
});

describe('a missing field', () => {
  it('says "missing" (thiếu), with the accepted values, instead of "got undefined"', async () => {
    const { z } = await import('zod');
    const { fromZodError } = await import('./issues');
    const r = z.object({ status: z.enum(['finished', 'rejected']) }).safeParse({}, { reportInput: true });
    if (r.success) throw new Error('expected a failure');
    expect(fromZodError(r.error)).toMatchObject([
      {
        path: 'status',
        code: 'required',
        message: {
          vi: 'thiếu trường bắt buộc (cần một trong: "finished", "rejected")',
          en: 'required field is missing (expected one of: "finished", "rejected")',
        },
      },
    ]);
  });
});
