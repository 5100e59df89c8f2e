import type { CatalogEdition } from '@cdsx/criteria';
import { getEdition } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import { published } from './editions/1.0.0';
import { essentialComponents, lintTrace, TRACE_LINT_RULES, type TraceLintRule } from './trace';

const e030 = getEdition('0.3.0');
if (!e030.ok) throw new Error('edition 0.3.0 missing');
const catalog = e030.value.edition;
const clone = () => structuredClone(catalog) as CatalogEdition;
const crit = (e: CatalogEdition, id: string) => e.criteria.find((c) => c.id === id)!;

describe('criteria edition 0.3.0 traces to architecture 1.0.0', () => {
  it('lints clean: every criterion names existing components; every essential one is measured or listed', () => {
    expect(lintTrace(catalog, published)).toEqual([]);
  });

  it('measures every essential component except the two listed with a reason (independent count)', () => {
    const traced = new Set(catalog.criteria.flatMap((c) => c.architecture ?? []));
    const unmeasured = essentialComponents(published.edition)
      .map((c) => c.code)
      .filter((code) => !traced.has(code));
    expect(unmeasured.sort()).toEqual(['ĐLHQ7', 'ƯDKTS6'].sort());
    expect(catalog.architecture!.unmeasured.map((u) => u.code).sort()).toEqual(unmeasured.sort());
    expect(essentialComponents(published.edition)).toHaveLength(29);
  });

  it('uses area-specific components only for their own area group', () => {
    const comps = new Map(published.edition.components.map((c) => [c.code, c]));
    for (const c of catalog.criteria) {
      const traced = (c.architecture ?? []).map((code) => comps.get(code));
      if (!traced.every((t) => t?.tier === 'area_specific')) continue;
      const groups = new Set(traced.flatMap((t) => t!.areaGroups ?? []));
      for (const g of ['urban', 'rural', 'remote'] as const) {
        const applicable = Object.values(c.requirements[g]).some((r) => r.kind !== 'not_applicable');
        expect(applicable, `${c.id} ${g}`).toBe(groups.has(g));
        // Area-specific components are priorities, never mandatory.
        expect(
          Object.values(c.requirements[g]).some((r) => r.kind === 'mandatory'),
          c.id,
        ).toBe(false);
      }
    }
  });

  const broken: Record<TraceLintRule, (e: CatalogEdition) => void> = {
    'trace-architecture-mismatch': (e) => {
      e.architecture!.contentHash = `sha256:${'1'.repeat(64)}`;
    },
    'trace-missing': (e) => {
      delete crit(e, 'HT.06').architecture;
    },
    'trace-unknown-code': (e) => {
      crit(e, 'HT.06').architecture = ['HTS99'];
    },
    'trace-extension-slot': (e) => {
      crit(e, 'HT.06').architecture = ['HTS9'];
    },
    'trace-area-scope': (e) => {
      crit(e, 'HT.10').requirements.rural['3'] = { kind: 'extended', comparison: '=', threshold: true };
    },
    'essential-unmeasured': (e) => {
      e.architecture!.unmeasured = e.architecture!.unmeasured.filter((u) => u.code !== 'ĐLHQ7');
    },
    'unmeasured-contradiction': (e) => {
      e.architecture!.unmeasured.push({ code: 'HTS7', reason: { vi: 'x', en: 'x' } });
    },
  };

  it('has a crafted broken edition for every rule', () => {
    expect(Object.keys(broken).sort()).toEqual([...TRACE_LINT_RULES].sort());
  });

  for (const rule of TRACE_LINT_RULES) {
    it(`reports ${rule}`, () => {
      const e = clone();
      broken[rule](e);
      const problems = lintTrace(e, published);
      const hit = problems.find((p) => p.rule === rule);
      expect(hit, `expected ${rule}, got ${JSON.stringify(problems)}`).toBeDefined();
      expect(hit!.message.vi).not.toBe('');
    });
  }

  it('refuses an edition that declares no architecture (0.2.0)', () => {
    const e020 = getEdition('0.2.0');
    if (!e020.ok) throw new Error('0.2.0');
    expect(lintTrace(e020.value.edition, published).map((p) => p.rule)).toEqual(['trace-missing']);
  });
});
