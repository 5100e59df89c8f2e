import {
  type ApplicableRequirement,
  type Assessment,
  type CatalogEdition,
  CdsxValidationError,
  type Crosswalk,
  diffCatalogs,
  requiredBump,
} from '@cdsx/criteria';
import { COMMUNES } from '@cdsx/criteria/communes';
import { crosswalkBetween, EDITIONS } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import { clone, makeEdition } from '../../criteria/test/make-edition';
import { impactReport, tryImpactReport } from './impact';
import { generateSyntheticAssessments } from './synthetic/index';

// ─── A crafted pair of small editions ───────────────────────────────────────────────────────────

const A = makeEdition({ version: '9.0.0' });
const B = clone(A);
B.version = '9.1.0';
(B.criteria[0]!.requirements.urban['1'] as ApplicableRequirement).threshold = 70; // T.01 urban level 1: 60 → 70
B.criteria[1]!.id = 'T.40'; // T.02 renamed
const why = { vi: 'đổi mã', en: 'renumbered' };
const crosswalk: Crosswalk = {
  from: { version: '9.0.0' },
  to: { version: '9.1.0' },
  renamed: [{ from: 'T.02', to: 'T.40', reason: why }],
  added: [],
  removed: [],
};

/** Observations meeting every requirement of the edition (its top level), then `overrides`. */
function assessment(
  edition: CatalogEdition,
  code: string,
  unitType: 'phuong' | 'xa',
  overrides: Record<string, number | boolean> = {},
): Assessment {
  const observations: Assessment['observations'] = {};
  for (const c of edition.criteria) {
    const value =
      c.measure === 'boolean' ? true : c.measure === 'ordinal' ? 2 : c.measure === 'number' ? 1 : 100;
    observations[c.id] = { value: overrides[c.id] ?? value, source: 'self_declared' };
  }
  return {
    commune: { code, name: `Xã ${code}`, provinceCode: code.slice(0, 2), unitType },
    period: '2026',
    catalogVersion: edition.version,
    observations,
  };
}

describe('impactReport on crafted editions', () => {
  const assessments = [
    assessment(A, '01001', 'phuong', { 'T.01': 65 }), // level 1 under A (65 ≥ 60, < 80), level 0 under B (< 70)
    assessment(A, '01002', 'phuong'), // top level under both
    assessment(A, '02001', 'xa', { 'T.01': 65 }), // rural: T.01 is extended at level 1, untouched
    assessment(B, '02002', 'xa'), // under B, with T.40: carried back to A as T.02
  ];
  const report = impactReport({ from: A, to: B, assessments, crosswalk });

  it('counts communes up and down, by area group and by province', () => {
    expect(report.totals).toEqual({ communes: 4, up: 0, down: 1, unchanged: 3 });
    expect(report.byAreaGroup).toEqual([
      { areaGroup: 'urban', communes: 2, up: 0, down: 1, unchanged: 1 },
      { areaGroup: 'rural', communes: 2, up: 0, down: 0, unchanged: 2 },
    ]);
    expect(report.byProvince).toEqual([
      { provinceCode: '01', communes: 2, up: 0, down: 1, unchanged: 1 },
      { provinceCode: '02', communes: 2, up: 0, down: 0, unchanged: 2 },
    ]);
    expect(report.levels).toEqual([
      { level: 0, from: 0, to: 1 },
      { level: 1, from: 2, to: 1 },
      { level: 2, from: 0, to: 0 },
      { level: 3, from: 2, to: 2 },
    ]);
  });

  it('names the criterion behind each change, with both requirements', () => {
    expect(report.changes).toEqual([
      {
        commune: { code: '01001', name: 'Xã 01001', provinceCode: '01' },
        areaGroup: 'urban',
        period: '2026',
        from: 1,
        to: 0,
        causes: [
          {
            criterion: 'T.01',
            level: 1,
            from: { kind: 'mandatory', outcome: 'met', threshold: 60 },
            to: { kind: 'mandatory', outcome: 'not_met', threshold: 70 },
          },
        ],
      },
    ]);
    expect(report.criteria).toEqual([{ criterion: 'T.01', up: 0, down: 1 }]);
    expect(report.retarget).toEqual({
      renamed: [{ from: 'T.02', to: 'T.40' }],
      notAvailableInTo: [],
      notAvailableInFrom: [],
    });
  });

  it('without the crosswalk the renamed criterion is not available: never counted as met', () => {
    const r = impactReport({ from: A, to: B, assessments: assessments.slice(1, 2) });
    expect(r.retarget.notAvailableInTo).toEqual(['T.40']);
    expect(r.totals.down).toBe(1);
    expect(r.changes[0]!.causes[0]).toEqual({
      criterion: 'T.40',
      level: 1,
      from: null,
      to: { kind: 'mandatory', outcome: 'not_available', threshold: 60 },
    });
  });

  it('reports bad assessments with their record number instead of dropping them', () => {
    const bad = clone(assessments[1]!);
    bad.observations['T.03'] = { value: 140, source: 'self_declared' };
    const r = tryImpactReport({
      from: A,
      to: B,
      crosswalk,
      assessments: [assessments[0], { ...bad }, { catalogVersion: '1.0.0' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({ record: 3, code: 'impact_catalog_version', path: 'catalogVersion' }),
    ]);
    expect(r.issues[0]!.message.vi).toContain('9.0.0');
    const r2 = tryImpactReport({ from: A, to: B, crosswalk, assessments: [assessments[0], bad] });
    expect(r2.ok ? [] : r2.issues.map((i) => [i.record, i.path])).toEqual([
      [2, 'observations["T.03"].value'],
    ]);
    expect(() => impactReport({ from: A, to: B, crosswalk, assessments: [bad] })).toThrow(
      CdsxValidationError,
    );
  });

  it('a minor release moves nobody down: the bump policy agrees with the engine', () => {
    // Loosen every threshold of T.01 and add an extended criterion that raises no quota.
    const looser = clone(A);
    looser.version = '9.0.1';
    for (const g of ['urban', 'rural', 'remote'] as const)
      for (const r of Object.values(looser.criteria[0]!.requirements[g]))
        if (r.kind !== 'not_applicable') r.threshold = (r.threshold as number) - 20;
    looser.levelRule.extendedSharePercent['1'] = 20;
    expect(requiredBump(diffCatalogs(A, looser)).bump).toBe('minor');
    const communes = COMMUNES.filter((_, i) => i % 10 === 0);
    const synthetic = generateSyntheticAssessments({ edition: A, communes });
    const r = impactReport({ from: A, to: looser, assessments: synthetic });
    expect(r.totals.down).toBe(0);
    expect(r.totals.up).toBeGreaterThan(0);
  });
});

describe('impactReport 0.1.0 → 0.2.0 on the nationwide synthetic dataset', () => {
  const [from, to] = [EDITIONS[0]!, EDITIONS[1]!];
  const report = impactReport({ from, to });

  it('covers every commune and adds up', () => {
    expect(report.synthetic).toBe(true);
    expect(report.totals.communes).toBe(COMMUNES.length);
    const sum = (xs: { communes: number; up: number; down: number }[]) =>
      xs.reduce((s, x) => ({ communes: s.communes + x.communes, up: s.up + x.up, down: s.down + x.down }), {
        communes: 0,
        up: 0,
        down: 0,
      });
    const { communes, up, down } = report.totals;
    expect(sum(report.byAreaGroup)).toEqual({ communes, up, down });
    expect(sum(report.byProvince)).toEqual({ communes, up, down });
    expect(report.byProvince).toHaveLength(34);
    expect(report.levels.reduce((s, l) => s + l.from, 0)).toBe(communes);
    expect(report.levels.reduce((s, l) => s + l.to, 0)).toBe(communes);
  });

  it('moves nobody up (0.2.0 only asks more) and explains every move down by DV.04 or DV.10', () => {
    expect(report.totals.up).toBe(0);
    expect(report.totals.down).toBeGreaterThan(0);
    expect(report.retarget.notAvailableInTo).toEqual(['DV.10']);
    for (const c of report.changes) {
      expect(c.to).toBeLessThan(c.from);
      expect(c.causes.length, c.commune.code).toBeGreaterThan(0);
      for (const cause of c.causes) expect(['DV.04', 'DV.10']).toContain(cause.criterion);
    }
    // DV.04 was tightened at level 2 for urban and rural communes only.
    for (const c of report.changes.filter((x) => x.causes.some((k) => k.criterion === 'DV.04')))
      expect(c.areaGroup).not.toBe('remote');
  });

  it('is deterministic and agrees with the published crosswalk', () => {
    const communes = COMMUNES.filter((_, i) => i % 20 === 0);
    const sample = generateSyntheticAssessments({ edition: from.edition, communes });
    const cw = crosswalkBetween('0.1.0', '0.2.0');
    const one = impactReport({ from, to, assessments: sample });
    const two = impactReport({
      from,
      to,
      crosswalk: cw.ok ? cw.value : undefined,
      assessments: structuredClone(sample),
    });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    // The sample's moves are exactly the full report's moves for those communes.
    const codes = new Set(communes.map((c) => c.code));
    expect(one.changes).toEqual(report.changes.filter((c) => codes.has(c.commune.code)));
  });
});
