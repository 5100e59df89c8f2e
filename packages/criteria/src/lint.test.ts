import { describe, expect, it } from 'vitest';
import { clone, makeEdition } from '../test/make-edition';
import { LINT_RULES, type LintRule, lintCatalog } from './lint';
import type { CatalogEdition } from './model';

function rules(edition: CatalogEdition): LintRule[] {
  return lintCatalog(edition).map((p) => p.rule);
}

describe('lintCatalog', () => {
  it('finds nothing in a clean edition', () => {
    expect(lintCatalog(makeEdition())).toEqual([]);
  });

  const broken: Record<LintRule, (e: CatalogEdition) => void> = {
    'duplicate-id': (e) => {
      e.criteria[1]!.id = e.criteria[0]!.id;
    },
    'missing-requirement': (e) => {
      delete e.criteria[0]!.requirements.remote['2'];
    },
    'unknown-level': (e) => {
      e.criteria[0]!.requirements.urban['4'] = { kind: 'mandatory', comparison: '>=', threshold: 95 };
    },
    'non-monotone-level': (e) => {
      e.criteria[0]!.requirements.urban['3'] = { kind: 'mandatory', comparison: '>=', threshold: 70 };
    },
    'remote-stricter-than-urban': (e) => {
      e.criteria[0]!.requirements.remote['3'] = { kind: 'mandatory', comparison: '>=', threshold: 95 };
    },
    'unit-measure-mismatch': (e) => {
      e.criteria[0]!.unit = { vi: 'người', en: 'people' };
    },
    'threshold-type-mismatch': (e) => {
      e.criteria[0]!.requirements.urban['3'] = { kind: 'mandatory', comparison: '>=', threshold: 120 };
    },
    'mixed-comparison': (e) => {
      e.criteria[0]!.requirements.urban['1'] = { kind: 'mandatory', comparison: '<=', threshold: 60 };
    },
    'missing-citation': (e) => {
      e.criteria[0]!.sources = [];
    },
    'missing-text': (e) => {
      e.criteria[0]!.remediation = { vi: 'Khắc phục', en: '' };
    },
    'level-definitions': (e) => {
      e.levels = e.levels.filter((l) => l.level !== 2);
    },
    'level-rule-parameters': (e) => {
      delete e.levelRule.extendedSharePercent['2'];
    },
    'empty-dimension': (e) => {
      e.criteria = e.criteria.filter((c) => c.dimension !== 'standards');
    },
    'architecture-trace': (e) => {
      // A traced criterion in an edition that declares no architecture.
      e.criteria[0]!.architecture = ['HTS7'];
    },
  };

  it('has a crafted broken catalog for every rule', () => {
    expect(Object.keys(broken).sort()).toEqual([...LINT_RULES].sort());
  });

  for (const rule of LINT_RULES) {
    it(`reports ${rule}`, () => {
      const edition = clone(makeEdition());
      broken[rule](edition);
      const problems = lintCatalog(edition);
      const hit = problems.find((p) => p.rule === rule);
      expect(hit, `expected a ${rule} problem, got ${JSON.stringify(problems)}`).toBeDefined();
      expect(hit!.message.vi).not.toBe('');
      expect(hit!.message.en).not.toBe('');
    });
  }

  it('requires a trace on every criterion once the edition declares an architecture', () => {
    const e = clone(makeEdition());
    e.architecture = {
      id: 'arch',
      version: '1.0.0',
      contentHash: `sha256:${'0'.repeat(64)}`,
      unmeasured: [],
    };
    e.criteria.forEach((c) => {
      c.architecture = ['HTS7'];
    });
    expect(lintCatalog(e)).toEqual([]);
    delete e.criteria[1]!.architecture;
    const p = lintCatalog(e);
    expect(p.map((x) => [x.rule, x.path, x.criterion])).toEqual([
      ['architecture-trace', 'criteria[1].architecture', e.criteria[1]!.id],
    ]);
  });

  it('locates problems precisely', () => {
    const e = clone(makeEdition());
    e.criteria[0]!.requirements.urban['3'] = { kind: 'mandatory', comparison: '>=', threshold: 70 };
    const p = lintCatalog(e).find((x) => x.rule === 'non-monotone-level')!;
    expect(p.path).toBe('criteria[0].requirements.urban["3"]');
    expect(p.criterion).toBe('T.01');
  });

  it('treats <= thresholds in the right direction', () => {
    const e = clone(makeEdition());
    const c = e.criteria.find((x) => x.id === 'T.22')!;
    // a higher level allowing MORE days asks less: non-monotone
    c.requirements.urban['3'] = { kind: 'mandatory', comparison: '<=', threshold: 6 };
    expect(rules(e)).toContain('non-monotone-level');
    // remote allowing fewer days than urban is stricter
    const e2 = clone(makeEdition());
    e2.criteria.find((x) => x.id === 'T.22')!.requirements.remote['3'] = {
      kind: 'mandatory',
      comparison: '<=',
      threshold: 2,
    };
    expect(rules(e2)).toContain('remote-stricter-than-urban');
  });

  it('flags a requirement that stops applying at a higher level', () => {
    const e = clone(makeEdition());
    e.criteria[0]!.requirements.rural['3'] = { kind: 'not_applicable' };
    expect(rules(e)).toContain('non-monotone-level');
  });

  it('checks boolean and ordinal thresholds', () => {
    const e = clone(makeEdition());
    e.criteria.find((x) => x.id === 'T.20')!.requirements.urban['1'] = {
      kind: 'mandatory',
      comparison: '>=',
      threshold: 1,
    };
    expect(rules(e)).toContain('threshold-type-mismatch');
    const e2 = clone(makeEdition());
    e2.criteria.find((x) => x.id === 'T.21')!.requirements.urban['3'] = {
      kind: 'mandatory',
      comparison: '>=',
      threshold: 5,
    };
    expect(rules(e2)).toContain('threshold-type-mismatch');
  });

  it('does not throw on badly broken criteria', () => {
    const e = clone(makeEdition()) as unknown as { criteria: unknown[] };
    e.criteria.push({ id: 'X.01' });
    expect(() => lintCatalog(e as unknown as CatalogEdition)).not.toThrow();
    expect(lintCatalog(e as unknown as CatalogEdition).length).toBeGreaterThan(0);
  });
});
