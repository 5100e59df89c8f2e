import type { UnitScore } from '@cdsx/score766';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, nextYearPlan, type Plan, validatePlan } from '../src/index';
import { COMMUNES, EDITION, kpis, plan, record, target } from './helpers';

const evaluate = (
  p: Plan,
  data: Parameters<typeof evaluatePlan>[1],
  previous?: ReturnType<typeof evaluatePlan>,
) => evaluatePlan(p, data, { edition: EDITION, ...(previous ? { previous } : {}) });

describe('evaluatePlan: KPI targets (hand-computed)', () => {
  const p = plan({}, [
    target({ id: 'MET', indicator: { kind: 'kpi', kpi: 'fullProcessOnlineRate' }, value: 80 }),
    target({
      id: 'NOT',
      indicator: { kind: 'kpi', kpi: 'satisfactionRate' },
      value: 90,
      baseline: { year: 2025, value: 92 },
      nationalTarget: 'NT2026.satisfaction95',
    }),
    target({
      id: 'NA',
      indicator: { kind: 'kpi', kpi: 'onTimeRate' },
      value: 95,
      baseline: { year: 2025, value: 90 },
    }),
    target({ id: 'LOW', indicator: { kind: 'kpi', kpi: 'onlineDossierRate' }, comparison: '<=', value: 30 }),
  ]);
  const data = {
    period: '2026',
    // 170/200 = 85% ≥ 80 met; 87/100 = 87% < 90 not met; on-time: 0 dossiers → not available; online 40/100 > 30.
    kpis: kpis({
      fullProcessOnlineRate: [170, 200],
      satisfactionRate: [87, 100],
      onTimeRate: [0, 0],
      onlineDossierRate: [40, 100],
    }),
  };
  const e = evaluate(p, data);
  const t = Object.fromEntries(e.targets.map((x) => [x.id, x]));

  it('met, not met, not available — with the distance to the target', () => {
    expect(t.MET).toMatchObject({ actual: 85, status: 'met', gap: 0 });
    expect(t.NOT).toMatchObject({ actual: 87, status: 'not_met', gap: 3 });
    expect(t.NA!.status).toBe('not_available');
    expect(t.NA!.actual).toBeNull(); // never a silent 0
    expect(t.NA!.gap).toBeNull();
    expect(t.NA!.reason?.en).toMatch(/dossiers/);
    expect(t.LOW).toMatchObject({ actual: 40, status: 'not_met', gap: 10 });
    expect(e.summary).toEqual({ targets: 4, met: 1, notMet: 2, notAvailable: 1 });
  });

  it('change against the baseline: worsening (92 → 87) and not available without an actual', () => {
    expect(t.NOT).toMatchObject({
      previous: { year: 2025, value: 92, from: 'baseline' },
      change: -5,
      trend: 'worsening',
    });
    expect(t.NA).toMatchObject({ change: null, trend: 'not_available' });
    expect(t.MET!.previous).toBeNull();
    expect(t.MET!.trend).toBe('not_available');
  });

  it('compares with the national target it derives from', () => {
    expect(t.NOT!.national).toMatchObject({ id: 'NT2026.satisfaction95', value: 95, status: 'not_met' });
    expect(t.NOT!.national!.source.line).toContain('95% người dân, doanh nghiệp');
    expect(t.MET!.national).toBeNull();
  });

  it('a previous evaluation gives "compared with the previous year": improving vs worsening, lower-is-better', () => {
    const before = evaluate(p, {
      period: '2025',
      kpis: kpis({
        fullProcessOnlineRate: [120, 200],
        satisfactionRate: [90, 100],
        onlineDossierRate: [20, 100],
      }),
    });
    const now = evaluate(p, data, before);
    const n = Object.fromEntries(now.targets.map((x) => [x.id, x]));
    expect(n.MET).toMatchObject({
      previous: { year: 2025, value: 60, from: 'previous_evaluation' },
      change: 25,
      trend: 'improving',
    });
    // The previous evaluation had 90, so it wins over the plan's baseline (92).
    expect(n.NOT).toMatchObject({
      previous: { value: 90, from: 'previous_evaluation' },
      change: -3,
      trend: 'worsening',
    });
    // "≤ 30": 20 → 40 is worse.
    expect(n.LOW).toMatchObject({ change: 20, trend: 'worsening' });
    // No actual last year (no on-time data): falls back to the baseline, no actual now: no trend.
    expect(n.NA).toMatchObject({ previous: { from: 'baseline', value: 90 }, trend: 'not_available' });
    expect(now.previous).toEqual({ period: '2025', planContentHash: before.plan.contentHash });
  });

  it('without any KPI data every KPI target is not available, not 0', () => {
    const none = evaluate(p, { period: '2026' });
    expect(none.targets.map((x) => [x.status, x.actual])).toEqual([
      ['not_available', null],
      ['not_available', null],
      ['not_available', null],
      ['not_available', null],
    ]);
  });
});

describe('evaluatePlan: commune-aggregate targets', () => {
  const codes = COMMUNES.map((c) => c.code);
  // 38 communes: 0–9 at level 2, 10–18 at level 1, 19–33 at level 0 (final), 34–35 provisional 0 → up to 2,
  // 36 has no record, 37 has two records (conflict).
  const records = [
    ...codes.slice(0, 10).map((c) => record(c, 2, { findings: [['HT.06', 1, 'met', true]] })),
    ...codes.slice(10, 19).map((c) => record(c, 1, { findings: [['HT.06', 1, 'met', true]] })),
    ...codes.slice(19, 34).map((c, i) =>
      record(c, 0, {
        findings: [['HT.06', 1, i < 5 ? 'not_met' : i < 7 ? 'not_applicable' : 'met', i >= 5]],
      }),
    ),
    ...codes
      .slice(34, 36)
      .map((c) => record(c, 0, { possibleLevel: 2, findings: [['HT.06', 1, 'not_available', null]] })),
    record(codes[37]!, 1),
    record(codes[37]!, 2),
    record('00004', 3, { provinceCode: '01' }),
    record(codes[0]!, 3, { period: '2025' }),
  ];
  const p = plan({}, [
    target({ id: 'L1', indicator: { kind: 'share_at_level', level: 1 }, value: 40 }),
    target({ id: 'L2', indicator: { kind: 'share_at_level', level: 2 }, value: 50 }),
    target({ id: 'L1hi', indicator: { kind: 'share_at_level', level: 1 }, value: 60 }),
    target({ id: 'HT', indicator: { kind: 'share_meeting', criterion: 'HT.06', level: 1 }, value: 80 }),
  ]);
  const e = evaluate(p, { period: '2026', records });
  const t = Object.fromEntries(e.targets.map((x) => [x.id, x]));

  it('share at level ≥ N with unknown communes: bounds decide when they can', () => {
    // Level ≥ 1: 19 known yes, 15 no, 4 unknown (2 provisional, 1 missing, 1 conflicting) of 38.
    expect(t.L1!.aggregate).toMatchObject({ communes: 38, counted: 19, notApplicable: 0 });
    expect(t.L1!.aggregate!.holdingBack.map((c) => c.code)).toEqual(codes.slice(19, 34));
    expect(t.L1!.aggregate!.unknown.map((c) => c.code).sort()).toEqual(
      [codes[34], codes[35], codes[36], codes[37]].sort(),
    );
    expect(t.L1!.actual).toBeNull();
    expect(t.L1!.range).toEqual([50, 60.53]); // 19/38, 23/38
    expect(t.L1!.status).toBe('met'); // even the lowest possible share (50%) is ≥ 40%
    expect(t.L1hi!.status).toBe('not_available'); // 50%–60.5% against 60%: undecided
    // Level ≥ 2: 10 yes; at most 14/38 = 36.8% < 50%: not met whatever the unknowns are.
    expect(t.L2!.status).toBe('not_met');
    expect(t.L2!.range).toEqual([26.32, 36.84]);
    expect(t.L2!.gap).toBeNull();
  });

  it('share meeting a criterion: not-applicable communes leave the denominator; the communes holding it back', () => {
    // HT.06 at level 1: yes = 10 + 9 + 8 = 27; not met 5; not applicable 2; unknown: 2 n/a values + 1 missing
    // + 1 conflicting = 4. Denominator 38 − 2 = 36: 75% to 86.1%.
    const a = t.HT!.aggregate!;
    expect(a).toMatchObject({ communes: 38, counted: 27, notApplicable: 2 });
    expect(a.holdingBack.map((c) => [c.code, c.value])).toEqual(codes.slice(19, 24).map((c) => [c, false]));
    expect(a.holdingBack[0]!.name).toBe(COMMUNES[19]!.name);
    expect(t.HT!.range).toEqual([75, 86.11]);
    expect(t.HT!.status).toBe('not_available');
  });

  it('records of another province, another period or duplicates are reported, not silently used', () => {
    expect(e.issues.map((i) => i.code).sort()).toEqual([
      'duplicate_commune',
      'outside_owner',
      'period_mismatch',
    ]);
    expect(e.issues.find((i) => i.code === 'outside_owner')?.path).toBe(`records[${records.length - 2}]`);
  });

  it('with every commune known the share is exact', () => {
    const all = codes.map((c, i) => record(c, i < 19 ? 1 : 0));
    const r = evaluate(p, { period: '2026', records: all });
    expect(r.targets[0]).toMatchObject({ actual: 50, status: 'met', gap: 0 });
    expect(r.targets[2]).toMatchObject({ actual: 50, status: 'not_met', gap: 10 });
    expect(r.targets[0]!.aggregate!.holdingBack).toHaveLength(19);
  });
});

describe('evaluatePlan: commune plans and QĐ 766', () => {
  const p = plan({ owner: { level: 'commune', code: '03445' } }, [
    target({ id: 'LV', indicator: { kind: 'commune_level' }, value: 2, baseline: { year: 2025, value: 1 } }),
    target({
      id: 'DV',
      indicator: { kind: 'criterion_met', criterion: 'DV.01', level: 1 },
      comparison: '=',
      value: true,
      baseline: { year: 2025, value: false },
    }),
    target({
      id: 'HT4',
      indicator: { kind: 'criterion_value', criterion: 'HT.04' },
      value: 85,
      baseline: { year: 2025, value: 70 },
    }),
    target({
      id: 'HT5',
      indicator: { kind: 'criterion_value', criterion: 'HT.05' },
      comparison: '<=',
      value: 5,
      baseline: { year: 2025, value: 4 },
    }),
    target({ id: 'S', indicator: { kind: 'score766_total' }, value: 80 }),
    target({ id: 'G', indicator: { kind: 'score766_group', group: 'satisfaction' }, value: 15 }),
  ]);
  const rec = record('03445', 2, {
    provinceCode: '12',
    findings: [
      ['DV.01', 1, 'met', 82],
      ['HT.04', 1, 'met', 80],
      ['HT.05', 1, 'met', 6],
    ],
  });
  const score = {
    total: { points: 83.5, max: 100, partial: false, availableMax: 100, notAvailable: [] },
    groups: [
      {
        id: 'satisfaction',
        points: null,
        partial: true,
        notAvailable: ['5.4'],
        max: 18,
        availableMax: 0,
        name: { vi: '', en: '' },
      },
    ],
    officialGroups: [],
    profile: { id: 'p', contentHash: 'sha256:0' },
    period: '2026',
  } as unknown as UnitScore;
  const e = evaluate(p, { period: '2026', records: [rec], score766: score });
  const t = Object.fromEntries(e.targets.map((x) => [x.id, x]));

  it('level, criterion met and criterion value; improving and worsening by direction', () => {
    expect(t.LV).toMatchObject({ actual: 2, status: 'met', change: 1, trend: 'improving' });
    expect(t.DV).toMatchObject({ actual: true, status: 'met', gap: null, trend: 'improving' });
    expect(t.HT4).toMatchObject({ actual: 80, status: 'not_met', gap: 5, change: 10, trend: 'improving' });
    // "≤ 5": 4 → 6 is worse and misses the target.
    expect(t.HT5).toMatchObject({ actual: 6, status: 'not_met', gap: 1, change: 2, trend: 'worsening' });
  });

  it('QĐ 766 total is used; a partial group is not available', () => {
    expect(t.S).toMatchObject({ actual: 83.5, status: 'met' });
    expect(t.G).toMatchObject({ actual: null, status: 'not_available' });
    expect(t.G!.reason?.en).toBe('partial score: 5.4 not available');
    expect(e.data.score766).toEqual({ profile: { id: 'p', contentHash: 'sha256:0' }, period: '2026' });
  });

  it('without a record of the commune every record-based target is not available', () => {
    const none = evaluate(p, { period: '2026', records: [record('03388', 2)] });
    expect(none.targets.slice(0, 4).map((x) => x.status)).toEqual(Array(4).fill('not_available'));
    expect(none.targets[0]!.reason?.en).toBe('no assessment of the commune for the period');
    expect(none.issues.map((i) => i.code)).toEqual(['outside_owner']);
  });

  it('a provisional level is a range; summary records have no findings', () => {
    const prov = evaluate(p, {
      period: '2026',
      records: [record('03445', 1, { possibleLevel: 3, provinceCode: '12' })],
    });
    expect(prov.targets[0]).toMatchObject({ actual: null, range: [1, 3], status: 'not_available' });
    expect(prov.targets[1]!.reason?.en).toBe('no finding for criterion DV.01');
    const summary = record('03445', 2, { provinceCode: '12' }) as unknown as Record<string, unknown>;
    delete summary.findings;
    const s = evaluate(p, { period: '2026', records: [summary as never] });
    expect(s.targets[1]!.reason?.en).toBe('summary decision record (no per-criterion findings)');
  });
});

describe('determinism and the record header', () => {
  it('same inputs give byte-identical JSON, naming plan hash, catalog edition and hash, period', () => {
    const p = plan({}, [target({ indicator: { kind: 'share_at_level', level: 1 }, value: 40 })]);
    const records = COMMUNES.map((c, i) => record(c.code, i % 3));
    const a = JSON.stringify(evaluate(p, { period: '2026', records }));
    const b = JSON.stringify(
      evaluate(structuredClone(p), { period: '2026', records: structuredClone(records) }),
    );
    expect(a).toBe(b);
    const e = JSON.parse(a);
    expect(e.plan.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(e.catalog).toEqual({ id: EDITION.edition.id, version: '0.2.0', contentHash: EDITION.contentHash });
    expect(e.period).toBe('2026');
    // A different plan has a different hash.
    const other = evaluate({ ...p, year: 2027 }, { period: '2026', records });
    expect(other.plan.contentHash).not.toBe(e.plan.contentHash);
  });

  it('refuses an edition other than the plan’s', () => {
    const p = plan({ catalogVersion: '0.1.0' }, [
      target({ indicator: { kind: 'share_at_level', level: 1 }, value: 40 }),
    ]);
    expect(() => evaluate(p, { period: '2026' })).toThrow(
      /edition 0\.2\.0 given for a plan on catalog 0\.1\.0/,
    );
  });
});

describe('nextYearPlan', () => {
  it('carries actuals as baselines, proposes missing national targets, and round-trips through validation', () => {
    const p = plan({ status: 'issued', issuingDocument: { document: 'KH 1/KH-UBND', date: '2026-01-10' } }, [
      target({
        id: 'A',
        indicator: { kind: 'kpi', kpi: 'fullProcessOnlineRate' },
        value: 80,
        baseline: { year: 2025, value: 50 },
      }),
      target({ id: 'B', indicator: { kind: 'kpi', kpi: 'onTimeRate' }, value: 95 }),
      target({ id: 'C', indicator: { kind: 'share_at_level', level: 1 }, value: 40 }),
    ]);
    const e = evaluate(p, {
      period: '2026',
      kpis: kpis({ fullProcessOnlineRate: [3, 4], onTimeRate: [0, 0] }),
    });
    const next = nextYearPlan(p, e);
    expect(next.year).toBe(2027);
    expect(next.status).toBe('draft');
    expect(next.targets.slice(0, 3).map((t) => t.baseline)).toEqual([
      { year: 2026, value: 75 },
      { year: 2026, value: null },
      { year: 2026, value: null },
    ]);
    // 2027: QĐ 2629's 95% satisfaction (2025–2027) applies; the 2026-only targets of seed 002 do not.
    const proposals = next.targets.filter((t) => t.proposal);
    expect(proposals.map((t) => [t.indicator, t.value, t.nationalTarget])).toEqual([
      [{ kind: 'kpi', kpi: 'satisfactionRate' }, 95, 'QD2629.satisfaction95'],
    ]);
    expect(proposals[0]!.source).toBe('2629/QĐ-TTg: 2025–2027: 95% satisfaction');
    const r = validatePlan(next, EDITION);
    expect(r.ok).toBe(true);
    expect(r.ok && JSON.stringify(r.value)).toBe(JSON.stringify(next));
  });

  it('a 2025 plan gets the 2026 national targets it lacks, strictest first per KPI', () => {
    const p = plan({ year: 2025 }, [
      target({ indicator: { kind: 'kpi', kpi: 'fullProcessOnlineRate' }, value: 60 }),
    ]);
    const next = nextYearPlan(p, evaluate(p, { period: '2025' }));
    const proposed = next.targets
      .filter((t) => t.proposal)
      .map((t) => `${(t.indicator as { kpi: string }).kpi} ${t.value} ${t.nationalTarget}`);
    expect(proposed).toEqual([
      'aiEnabledEssentialServiceRate 50 NT2026.aiEssential',
      'enterpriseProcedureOnlineRate 100 NT2026.enterpriseOnline',
      'locationIndependentProcedureRate 100 NT2026.locationIndependent',
      'satisfactionRate 95 NT2026.satisfaction95',
    ]);
    expect(validatePlan(next, EDITION).ok).toBe(true);
  });
});
