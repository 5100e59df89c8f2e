import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILE,
  METRIC_CODES,
  PORTAL_PROFILE_2026,
  parseCounts,
  rankWithinProvince,
  round2,
  scoreUnit,
  type UnitCounts,
} from '../src/index';

const sample = JSON.parse(
  readFileSync(fileURLToPath(new URL('../examples/counts.sample.json', import.meta.url)), 'utf8'),
) as { units: UnitCounts[] };

/** A complete unit where every indicator has data; overrides replace fields or metrics. */
export function baseUnit(
  fields: Partial<Omit<UnitCounts, 'metrics'>> = {},
  metrics: Partial<Record<string, [number | null, number | null]>> = {},
): UnitCounts {
  const u = structuredClone(sample.units[0] as UnitCounts);
  Object.assign(u, fields);
  for (const [code, v] of Object.entries(metrics)) {
    const m = u.metrics.find((x) => x.metricCode === code);
    if (!m) throw new Error(code);
    [m.numerator, m.denominator] = v as [number | null, number | null];
  }
  return u;
}

const points = (u: UnitCounts, id: string) => scoreUnit(u).indicators.find((i) => i.id === id);

describe('hand-computed unit (examples/counts.sample.json, 00004)', () => {
  // Every figure below was computed by hand from the formulas in domain-research §2.2–2.3.
  const s = scoreUnit(sample.units[0] as UnitCounts);
  const by = Object.fromEntries(s.indicators.map((i) => [i.id, i.points]));
  it('scores each indicator by its rule', () => {
    expect(by).toEqual({
      '1.1': 6, // 6 × 12/12
      '1.2': 3.67, // 4 × 11/12 = 3.6667
      '1.3': 1.97, // 2 × 118/120 = 1.9667
      '1.4': 5.75, // 6 × 1150/1200
      '2.1': 19.4, // 20 × 1164/1200
      '3.1': 1.88, // min(2, 2 × 0.75 / 0.8) = 1.875 → half up
      '3.2': 2.8, // 4 × 63/90
      '3.3': 5.4, // min(6, 6 × 0.45 / 0.5)
      '3.5': 1.75, // min(2, 2 × 0.7 / 0.8)
      '3.5b': 2, // min(2, 2 × 0.8333 / 0.8) = capped
      '3.6': 3.75, // 6 × 250/400
      '4.1': 4.5, // 6 × 0.75
      '4.2': 3.54, // min(4, 4 × 0.70833 / 0.8) = 3.5417
      '4.2b': 1.5, // 2 × 30/40
      '4.3': 0.63, // min(2, 2 × 0.25 / 0.8) = 0.625 → half up
      '4.4': 2, // 4 × 0.5
      '4.5b': 1.67, // 2 × 1000/1200
      '4.5a': 1.6, // 2 × 0.8
      '5.1a': null, // informational
      '5.1b': null,
      '5.2': 6, // no feedback at all → full
      '5.3': 6,
      '5.4': 6, // 0.9167 ≥ 0.9 → full
    });
  });
  it('sums groups from rounded indicator points, total from groups', () => {
    expect(Object.fromEntries(s.groups.map((g) => [g.id, g.points]))).toEqual({
      transparency: 17.39,
      progress: 19.4,
      onlineService: 10.08,
      onlinePayment: 7.5,
      digitisation: 15.44,
      satisfaction: 18,
    });
    expect(Object.fromEntries(s.officialGroups.map((g) => [g.id, g.points]))).toEqual({
      transparency: 17.39,
      progress: 19.4,
      digitisation: 15.44,
      onlineServices: 17.58,
      satisfaction: 18,
    });
    expect(s.total).toEqual({ points: 87.81, max: 100, partial: false, availableMax: 100, notAvailable: [] });
  });
  it('names its profile and content hash', () => {
    expect(s.profile).toEqual({ id: 'qd766-portal-2026.1', contentHash: PORTAL_PROFILE_2026.contentHash });
    expect(s.profile.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('indicator rules', () => {
  it('linear: max × rate', () => {
    expect(points(baseUnit({}, { PUBLISH_ON_TIME: [1, 4] }), '1.1')?.points).toBe(1.5);
    expect(points(baseUnit({ totalReceived: 3, totalOnTime: 2, totalOverdue: 1 }), '2.1')?.points).toBe(
      13.33,
    );
  });
  it('capped: min(max, max × r / t) — full from the threshold on', () => {
    expect(points(baseUnit({}, { DOSSIER_RECEIVING_SATISFACTION: [90, 100] }), '5.4')?.points).toBe(6);
    expect(points(baseUnit({}, { DOSSIER_RECEIVING_SATISFACTION: [85, 100] }), '5.4')?.points).toBe(5.67); // 6 × .85/.9
    expect(points(baseUnit({}, { REUSED_DIGITIZED_DATA: [40, 100] }), '4.3')?.points).toBe(1); // 2 × .4/.8
    expect(
      points(baseUnit({ channelOnlineSum: 250, channelDirectSum: 930, channelTotalSum: 1200 }), '3.3')
        ?.points,
    ).toBe(2.5); // 6 × (250/1200)/.5
  });
  it('zero denominators: full for 5.2 and 5.3, 0 for 5.4, N/A elsewhere', () => {
    const u = baseUnit(
      { totalReceived: 0, totalOnTime: 0, totalOverdue: 0, authorityCount: 0, partialCount: 0, fullCount: 0 },
      {
        PETITION_PROCESSING_ON_TIME: [0, 0],
        PETITION_HANDLING_SATISFACTION: [0, 0],
        DOSSIER_RECEIVING_SATISFACTION: [0, 0],
        DOSSIER_SYNC: [0, 0],
        PUBLISH_ON_TIME: [0, 0],
      },
    );
    const s = scoreUnit(u);
    const get = (id: string) => s.indicators.find((i) => i.id === id);
    expect(get('5.2')).toMatchObject({ points: 6, outcome: 'no_data_full', rate: null });
    expect(get('5.3')).toMatchObject({ points: 6, outcome: 'no_data_full' });
    expect(get('5.4')).toMatchObject({ points: 0, outcome: 'no_data_zero' });
    for (const id of ['1.1', '1.4', '2.1', '3.1'])
      expect(get(id), id).toMatchObject({ points: null, outcome: 'not_available', rate: null });
    expect(get('1.4')?.reason?.en).toMatch(/previous year/);
    // Every zero-denominator rule in the profile is exercised once here.
    for (const d of DEFAULT_PROFILE.profile.indicators.filter((x) => x.zeroDenominator !== 'not_available'))
      expect(['5.2', '5.3', '5.4']).toContain(d.id);
  });
  it('a null input is not available, the group and total are partial', () => {
    const s = scoreUnit(sample.units[2] as UnitCounts);
    const pay = s.groups.find((g) => g.id === 'onlinePayment');
    expect(pay).toMatchObject({
      points: null,
      partial: true,
      availableMax: 0,
      notAvailable: ['3.5', '3.5b', '3.6'],
    });
    expect(s.indicators.find((i) => i.id === '1.4')).toMatchObject({
      points: null,
      outcome: 'not_available',
    });
    expect(s.total.partial).toBe(true);
    expect(s.total.notAvailable).toEqual(['1.4', '3.5', '3.5b', '3.6']);
    expect(s.total.availableMax).toBe(100 - 6 - 10);
  });
});

describe('rounding', () => {
  it('rounds half up and absorbs binary noise', () => {
    expect(round2(0.625)).toBe(0.63);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(1.875)).toBe(1.88);
  });
  it('groups are sums of rounded points (differs from rounding the unrounded sum)', () => {
    // 1/7 on 1.2, 1.3 and 1.4: 4/7 = 0.5714 → 0.57, 2/7 = 0.2857 → 0.29, 6/7 = 0.8571 → 0.86.
    // Rounded then summed: 6 + 0.57 + 0.29 + 0.86 = 7.72; the unrounded sum 6 + 12/7 = 7.714 would give 7.71.
    const u = baseUnit(
      {},
      { PUBLIC_UPDATE_ON_TIME: [1, 7], PUBLIC_CONTENT_FULL: [1, 7], DOSSIER_SYNC: [1, 7] },
    );
    expect(scoreUnit(u).groups.find((g) => g.id === 'transparency')?.points).toBe(7.72);
  });
});

describe('profile', () => {
  const p = DEFAULT_PROFILE.profile;
  it('groups add up to 100 and every group to its indicators', () => {
    expect(p.portalGroups.reduce((s, g) => s + g.max, 0)).toBe(100);
    expect(p.officialGroups.map((g) => [g.id, g.max])).toEqual([
      ['transparency', 18],
      ['progress', 20],
      ['digitisation', 22],
      ['onlineServices', 22],
      ['satisfaction', 18],
    ]);
    for (const g of p.portalGroups)
      expect(
        p.indicators.filter((i) => i.group === g.id).reduce((s, i) => s + i.max, 0),
        g.id,
      ).toBe(g.max);
  });
  it('every indicator cites a source, has a status and a basis', () => {
    for (const i of p.indicators) {
      expect(i.sources.length, i.id).toBeGreaterThan(0);
      expect(['official', 'operational', 'reverse-engineered']).toContain(i.status);
      expect(i.basis.vi && i.basis.en).toBeTruthy();
    }
    expect(
      p.indicators
        .filter((i) => i.group === 'onlineService' || i.group === 'onlinePayment')
        .map((i) => i.status),
    ).toEqual(Array(6).fill('reverse-engineered'));
    expect(new Set(p.indicators.flatMap((i) => (i.code ? [i.code] : []))).size).toBe(METRIC_CODES.length);
  });
  it('is frozen', () => {
    expect(Object.isFrozen(p.indicators[0])).toBe(true);
  });
});

describe('ranking within a province', () => {
  it('ranks by total among comparable units, ties share a rank', () => {
    const { units } = parseCounts({ format: 'cdsx-score766-counts', version: 1, units: sample.units });
    const a = scoreUnit(units[0]!); // 87.81
    const b = scoreUnit(units[1]!);
    const tie = { ...b, unitCode: '00009' };
    const partial = scoreUnit(units[2]!);
    const partial2 = { ...partial, unitCode: '00026', total: { ...partial.total, points: 90 } };
    const other = { ...a, unitCode: '10000', provinceCode: '02' };
    expect(b.total.points).toBeGreaterThan(a.total.points);
    const ranked = rankWithinProvince([partial, a, other, tie, partial2, b]);
    expect(ranked.map((r) => [r.score.unitCode, r.rank, r.of])).toEqual([
      ['00008', 1, 3],
      ['00009', 1, 3],
      ['00004', 3, 3],
      // Partial scores rank only among units missing the same indicators.
      ['00026', 1, 2],
      ['00025', 2, 2],
      ['10000', 1, 1],
    ]);
    expect(ranked[3]?.comparedWithout).toEqual(['1.4', '3.5', '3.5b', '3.6']);
  });
});
