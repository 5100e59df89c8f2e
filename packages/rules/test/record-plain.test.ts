import { inspect } from 'node:util';
import type { CatalogEdition } from '@cdsx/criteria';
import { COMMUNES } from '@cdsx/criteria/communes';
import { latestEdition } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import {
  assess,
  assessLevels,
  assessMany,
  assessWithEngine,
  type DecisionRecord,
  remediationOf,
  tryAssessLevels,
} from '../src/index';
import { generateSyntheticAssessments } from '../src/synthetic/index';
import mini from './helpers/mini-edition.json';

const { edition } = latestEdition;
const sample = generateSyntheticAssessments({ edition, communes: COMMUNES.slice(0, 40) });

/** Every path through `value` whose property is an accessor (getter/setter) rather than plain data. */
function accessors(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    if (d.get || d.set) out.push(`${path}.${key}`);
    else out.push(...accessors(d.value, `${path}.${key}`));
  }
  return out;
}

describe('decision records are plain JSON', () => {
  it('have only data properties, show their findings when logged and equal their JSON round trip', () => {
    for (const a of sample.slice(0, 5)) {
      const record = assess(a, { edition: latestEdition });
      expect(accessors(record)).toEqual([]);
      expect(inspect(record, { depth: 0 })).not.toContain('Getter');
      expect(Array.isArray(Object.getOwnPropertyDescriptor(record, 'findings')?.value)).toBe(true);
      expect(JSON.parse(JSON.stringify(record))).toStrictEqual(record);
    }
  });

  it('are protected by Object.freeze and copied by a descriptor copy, like any object', () => {
    const record = assess(sample[0], { edition: latestEdition });
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(record)) as DecisionRecord;
    copy.findings = [];
    expect(record.findings.length).toBe(edition.criteria.length * (edition.levels.length - 1));
    Object.freeze(record);
    expect(() => {
      (record as { findings: unknown }).findings = [];
    }).toThrow(TypeError);
  });

  it('keep findings lean: no remediation, unit or dimension repeated per finding', () => {
    const record = assessMany(sample, { edition: latestEdition }).find((r) => r.level.level === 0)!;
    expect(Object.keys(record.findings[0]!)).toEqual([
      'criterion',
      'level',
      'kind',
      'outcome',
      'observed',
      'comparison',
      'threshold',
      'gap',
    ]);
    expect('remediation' in record).toBe(false);
    const failed = record.findings.find((f) => f.outcome === 'not_met' || f.outcome === 'not_available')!;
    // By reference: the criterion's remediation in the record's edition.
    const own = edition.criteria.find((c) => c.id === failed.criterion)!.remediation;
    expect(remediationOf(record, failed.criterion, edition)).toEqual(own);
  });

  it('inline remediation: once per criterion with a failed requirement, catalog order, same otherwise', () => {
    for (const a of sample.slice(0, 10)) {
      const plain = assess(a, { edition: latestEdition });
      const inline = assess(a, { edition: latestEdition, remediation: 'inline' });
      const failed = new Set(
        plain.findings.filter((f) => f.outcome !== 'met' && f.kind).map((f) => f.criterion),
      );
      const expected = edition.criteria.filter((c) => failed.has(c.id)).map((c) => [c.id, c.remediation]);
      expect(Object.entries(inline.remediation ?? {})).toEqual(expected);
      const { remediation: _, ...rest } = inline;
      expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
      for (const id of failed)
        expect(remediationOf(inline, id, mini as unknown as CatalogEdition)).toBeDefined();
    }
  });

  it('summary records are the full record without findings; levels-only gives the same levels', async () => {
    const full = assessMany(sample, { edition: latestEdition });
    const summary = assessMany(sample, { edition: latestEdition, detail: 'summary' });
    const levels = assessLevels(sample, { edition: latestEdition });
    expect(levels.level).toHaveLength(sample.length);
    full.forEach((r, i) => {
      const { findings: _, ...rest } = r;
      expect(JSON.stringify(summary[i])).toBe(JSON.stringify(rest));
      expect('findings' in summary[i]!).toBe(false);
      expect([levels.level[i], levels.possibleLevel[i]]).toEqual([r.level.level, r.possibleLevel]);
    });
    const engine = await assessWithEngine(sample[3], { detail: 'summary' });
    expect(JSON.stringify(engine)).toBe(JSON.stringify(summary[3]));
  });

  it('levels-only reports bad input by record number and keeps nothing silent', () => {
    const r = tryAssessLevels([sample[0], { ...sample[1], period: 7 }], { edition: latestEdition });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.record, i.path])).toEqual([[2, 'period']]);
  });

  it('full and summary records share one key order (summary: the same keys without findings)', () => {
    const keys = [
      'recordVersion',
      'catalog',
      'engine',
      'overlay',
      'commune',
      'areaGroup',
      'period',
      'synthetic',
      'level',
      'nextLevel',
      'provisional',
      'possibleLevel',
      'missingCriteria',
      'levels',
      'dimensions',
      'findings',
      'gaps',
      'unknownCriteria',
    ];
    const full = assess(sample[0], { edition: latestEdition });
    const summary = assess(sample[0], { edition: latestEdition, detail: 'summary' });
    const inline = assess(sample[0], { edition: latestEdition, detail: 'summary', remediation: 'inline' });
    expect(Object.keys(full)).toEqual(keys);
    expect(Object.keys(summary)).toEqual(keys.filter((k) => k !== 'findings'));
    expect(Object.keys(inline)).toEqual([...keys.filter((k) => k !== 'findings'), 'remediation']);
  });

  it('assessMany gives records byte-identical to assess', () => {
    const many = assessMany(sample, { edition: latestEdition });
    sample.forEach((a, i) => {
      expect(JSON.stringify(many[i])).toBe(JSON.stringify(assess(a, { edition: latestEdition })));
    });
  });
});
