import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Dossier, isDossierOnTime, parseIsoDay, parsePeriod } from '@cdsx/kpi';
import { generateDossiers } from '@cdsx/kpi/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsFromDossiers } from '../src/dossiers';
import {
  applyMoves,
  cheapestMoves,
  DEFAULT_PROFILE,
  gainsPerIndicator,
  levers,
  METRIC_CODES,
  parseCounts,
  SCORE766_OBSERVATION_KEYS,
  score766Observations,
  scoreUnit,
  type UnitCounts,
  whatIf,
} from '../src/index';

const sample = JSON.parse(
  readFileSync(fileURLToPath(new URL('../examples/counts.sample.json', import.meta.url)), 'utf8'),
) as { units: UnitCounts[] };
const unit0 = () => structuredClone(sample.units[0]) as UnitCounts;

describe('dossier path = counts path', () => {
  it('gives the same scores as counts tallied independently from the same generated dossiers', async () => {
    const communes = [
      { code: '00004', provinceCode: '01' },
      { code: '00008', provinceCode: '01' },
      { code: '00025', provinceCode: '01' },
    ];
    const dossiers: Dossier[] = [...generateDossiers({ seed: 766, count: 3000, communes, year: 2026 })];
    const period = parsePeriod('2026-Q1')!;
    const viaKpi = await countsFromDossiers(dossiers, { period: '2026-Q1' });

    // Independent tally: Vietnam is UTC+7 (no DST since 1975), so the receipt day is the UTC instant + 7 h.
    const lastDay = parseIsoDay(period.lastDay)!;
    const vnDay = (s: string) => new Date(Date.parse(s) + 7 * 3_600_000).toISOString().slice(0, 10);
    const tally = new Map<string, UnitCounts>();
    const metric = (u: UnitCounts, code: string) => u.metrics.find((m) => m.metricCode === code)!;
    for (const d of dossiers) {
      const day = vnDay(d.receivedAt);
      if (day < period.firstDay || day > period.lastDay) continue;
      let u = tally.get(d.communeCode);
      if (!u) {
        u = structuredClone(viaKpi.find((x) => x.unitCode === d.communeCode)!);
        for (const f of [
          'totalReceived',
          'totalOnTime',
          'totalOverdue',
          'channelOnlineSum',
          'channelTotalSum',
        ] as const)
          u[f] = 0;
        u.totalDossierFinancialObligation = 0;
        u.totalDossierOnlinePaymentSuccess = 0;
        for (const c of [
          'SO_HOA_GIAY_TO_GIAI_QUYET',
          'REUSED_DIGITIZED_DATA',
          'DOSSIER_RECEIVING_SATISFACTION',
        ]) {
          metric(u, c).numerator = 0;
          metric(u, c).denominator = 0;
        }
        tally.set(d.communeCode, u);
      }
      const onTime = isDossierOnTime(d, lastDay);
      u.totalReceived! += 1;
      if (onTime) u.totalOnTime! += 1;
      else u.totalOverdue! += 1;
      u.channelTotalSum! += 1;
      if (d.channel === 'online') u.channelOnlineSum! += 1;
      if (d.feeBearing && d.feeAmount !== 0) {
        u.totalDossierFinancialObligation! += 1;
        if (d.paidOnline) u.totalDossierOnlinePaymentSuccess! += 1;
      }
      const add = (code: string, good: boolean) => {
        const m = metric(u!, code);
        m.denominator! += 1;
        if (good) m.numerator! += 1;
      };
      add('SO_HOA_GIAY_TO_GIAI_QUYET', d.digitised);
      add('REUSED_DIGITIZED_DATA', d.digitisedDataReused);
      add('DOSSIER_RECEIVING_SATISFACTION', d.rating !== 'dissatisfied' && !d.complaint && onTime);
    }
    expect(viaKpi.map((u) => u.unitCode)).toEqual(['00004', '00008', '00025']);
    for (const u of viaKpi) {
      const oracle = tally.get(u.unitCode)!;
      expect(u.totalReceived).toBeGreaterThan(100);
      const a = scoreUnit(u);
      const b = scoreUnit(oracle);
      expect(a).toEqual(b);
      // Dossiers give seven of the scored inputs; the rest is not available, never 0.
      expect(a.total.partial).toBe(true);
      expect(a.indicators.filter((i) => i.outcome === 'scored').map((i) => i.id)).toEqual([
        '2.1',
        '3.3',
        '3.6',
        '4.2',
        '4.3',
        '5.4',
      ]);
      // The counts it produces are a valid counts file.
      expect(parseCounts({ format: 'cdsx-score766-counts', version: 1, units: [u] }).issues).toEqual([]);
    }
  });

  it('feedback: a unit with no case gets 0 of 0 (full points), without feedback 5.2 is not available', async () => {
    const dossiers = [...generateDossiers({ seed: 1, count: 200, communes: ['00004'], year: 2026 })];
    const without = await countsFromDossiers(dossiers, { period: '2026' });
    expect(scoreUnit(without[0]!).indicators.find((i) => i.id === '5.2')?.outcome).toBe('not_available');
    const feedback = [
      // 00004: handled in 3 days (on time); 00099 has feedback but no dossier: still a unit.
      {
        id: 'f1',
        communeCode: '00004',
        receivedAt: '2026-03-02T09:00:00+07:00',
        handledAt: '2026-03-05T09:00:00+07:00',
        outcome: 'resolved' as const,
      },
      {
        id: 'f2',
        communeCode: '00099',
        receivedAt: '2026-03-02T09:00:00+07:00',
        handledAt: '2026-05-05T09:00:00+07:00',
        outcome: 'resolved' as const,
      },
    ];
    const withFeedback = await countsFromDossiers(dossiers, { period: '2026', feedback });
    expect(withFeedback.map((u) => u.unitCode)).toEqual(['00004', '00099']);
    const p52 = (u: UnitCounts) => u.metrics.find((m) => m.metricCode === 'PETITION_PROCESSING_ON_TIME');
    expect(p52(withFeedback[0]!)).toMatchObject({ numerator: 1, denominator: 1 });
    expect(p52(withFeedback[1]!)).toMatchObject({ numerator: 0, denominator: 1 }); // two months: late
    expect(withFeedback[1]!.totalReceived).toBe(0);
    expect(scoreUnit(withFeedback[1]!).indicators.find((i) => i.id === '2.1')?.outcome).toBe('not_available');
    const withNone = await countsFromDossiers(dossiers, { period: '2026', feedback: [] });
    expect(scoreUnit(withNone[0]!).indicators.find((i) => i.id === '5.2')).toMatchObject({
      points: 6,
      outcome: 'no_data_full',
    });
  });
});

describe('what-if', () => {
  it('points per indicator for +N records, by hand', () => {
    const gains = Object.fromEntries(gainsPerIndicator(unit0(), 12).map((g) => [g.indicator, g.gain]));
    // 2.1: 20 × 12/1200 = 0.2; 4.2: 4 × (12/1200)/0.8 = 0.05; 3.3: 6 × (12/1200)/0.5 = 0.12.
    expect(gains['2.1']).toBe(0.2);
    expect(gains['4.2']).toBe(0.05);
    expect(gains['3.3']).toBe(0.12);
    // Already at full points: no lever.
    expect(gains['1.1']).toBeUndefined();
    expect(gains['5.4']).toBeUndefined();
  });

  it('moving on-time dossiers lowers overdue; the input is untouched', () => {
    const u = unit0();
    const moved = applyMoves(u, [{ indicator: '2.1', delta: 10 }]);
    expect([moved.totalOnTime, moved.totalOverdue, moved.totalReceived]).toEqual([1174, 26, 1200]);
    expect(u.totalOnTime).toBe(1164);
    expect(parseCounts({ format: 'cdsx-score766-counts', version: 1, units: [moved] }).issues).toEqual([]);
    // A move never goes past the denominator.
    expect(applyMoves(u, [{ indicator: '2.1', delta: 10_000 }]).totalOnTime).toBe(1200);
  });

  it('whatIf reports the gain per indicator', () => {
    const r = whatIf(unit0(), [{ indicator: '4.2', delta: 110 }]);
    // 4.2: 850 → 960 of 1200 = 0.8 → full 4 points (3.54 before).
    expect(r.perIndicator).toEqual([{ indicator: '4.2', before: 3.54, after: 4, gain: 0.46 }]);
    expect(r.gain).toBe(0.46);
    expect(r.after.total.points).toBe(88.27);
  });

  it('cheapest moves reach the target with the fewest records', () => {
    const u = unit0();
    const plan = cheapestMoves(u, 90);
    expect(plan.reached).toBe(true);
    expect(plan.after.total.points).toBeGreaterThanOrEqual(90);
    // Best points per record first: 1.2 (4/12 per procedure), then 1.3, 3.5, 3.1 …
    expect(plan.moves[0]).toEqual({ indicator: '1.2', delta: 1 });
    // No single record can be removed from the plan while still reaching the target.
    for (let i = 0; i < plan.moves.length; i++) {
      const fewer = plan.moves.map((m, j) => (j === i ? { ...m, delta: m.delta - 1 } : m));
      expect(
        whatIf(u, fewer).after.total.points,
        `without one record of ${plan.moves[i]!.indicator}`,
      ).toBeLessThan(90);
    }
    const impossible = cheapestMoves(u, 100);
    expect(impossible.reached).toBe(true); // every indicator of this unit can reach its maximum
    expect(impossible.after.total.points).toBe(100);
    const partial = cheapestMoves(sample.units[2] as UnitCounts, 100);
    expect(partial.reached).toBe(false); // payment and 1.4 are not available: 84 is the ceiling
    expect(partial.after.total.points).toBe(84);
  });

  it('property: raising any good count never lowers the total', () => {
    const count = fc.integer({ min: 0, max: 500 });
    const pair = fc.tuple(count, count).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);
    const unitArb = fc
      .record({
        received: pair,
        authority: fc.tuple(count, count, count),
        services: pair,
        channel: pair,
        feeF: fc.tuple(count, count, count),
        pay: pair,
        metrics: fc.array(fc.option(pair, { nil: null }), {
          minLength: METRIC_CODES.length,
          maxLength: METRIC_CODES.length,
        }),
      })
      .map((r): UnitCounts => {
        const [a, b, c] = r.authority;
        const [f1, f2, f3] = r.feeF;
        const fee = Math.max(f1, f2, f3);
        return {
          unitCode: 'P',
          period: '2026-03',
          totalReceived: r.received[1],
          totalOnTime: r.received[0],
          totalOverdue: r.received[1] - r.received[0],
          authorityCount: a + b + c,
          partialCount: a,
          fullCount: b,
          onlineServiceTotal: r.services[1],
          onlineDossierCount: r.services[0],
          channelOnlineSum: r.channel[0],
          channelDirectSum: r.channel[1] - r.channel[0],
          channelPostalSum: 0,
          channelTotalSum: r.channel[1],
          totalFeeFormality: fee,
          totalDossierOnlineFormalityPaymentSuccess: Math.min(f1, f2),
          totalFeeDossierFormality: Math.min(f2, f3),
          totalDossierFinancialObligation: r.pay[1],
          totalDossierOnlinePaymentSuccess: r.pay[0],
          metrics: METRIC_CODES.map((metricCode, i) => {
            const p = r.metrics[i];
            return { metricCode, numerator: p ? p[0] : null, denominator: p ? p[1] : null };
          }),
        };
      });
    const ids = DEFAULT_PROFILE.profile.indicators.filter((d) => d.lever).map((d) => d.id);
    fc.assert(
      fc.property(
        unitArb,
        fc.constantFrom(...ids),
        fc.integer({ min: 1, max: 600 }),
        (u, indicator, delta) => {
          const before = scoreUnit(u).total.points;
          // (a) a "bad" record becomes good …
          const moved = applyMoves(u, [{ indicator, delta }]);
          expect(scoreUnit(moved).total.points).toBeGreaterThanOrEqual(before);
          // (b) … or a new good record arrives (numerator and denominator both rise). Not for 3.5 / 3.5b:
          // they share the denominator totalFeeFormality, so a new fee-bearing procedure with dossiers
          // raises 3.5b and lowers 3.5 — the counts are not independent there (found by this test).
          const def = DEFAULT_PROFILE.profile.indicators.find((d) => d.id === indicator)!;
          if (indicator === '3.5' || indicator === '3.5b') return;
          const grown = structuredClone(u);
          if (def.input.kind === 'metric') {
            const code = def.input.code;
            const m = grown.metrics.find((x) => x.metricCode === code)!;
            if (m.numerator !== null && m.denominator !== null) {
              m.numerator += delta;
              m.denominator += delta;
            }
          } else {
            const f = def.input.numerator[0]!;
            const d = def.input.denominator;
            grown[f] = (grown[f] as number) + delta;
            grown[d] = (grown[d] as number) + delta;
          }
          expect(scoreUnit(grown).total.points).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 300, seed: 766 },
    );
  });

  it('levers skip indicators that are not available', () => {
    const l = levers(sample.units[2] as UnitCounts).map((x) => x.indicator);
    expect(l).not.toContain('1.4');
    expect(l).not.toContain('3.6');
  });
});

describe('bridge to the criteria catalog', () => {
  const criterion = (id: string, kpi: string) => ({ id, kpi }) as never;
  it('gives complete scores as observations and lists partial ones as not available', () => {
    const edition = {
      criteria: [
        criterion('X.01', 'score766Total'),
        criterion('X.02', 'score766OnlinePayment'),
        criterion('X.03', 'onTimeRate'),
      ],
    };
    const full = score766Observations(scoreUnit(unit0()), edition, { observedAt: '2026-03-31' });
    expect(Object.keys(full.observations)).toEqual(['X.01', 'X.02']);
    expect(full.observations['X.01']).toMatchObject({
      value: 87.81,
      unit: 'điểm',
      source: 'computed',
      observedAt: '2026-03-31',
      evidence: { numerator: 87.81, denominator: 100 },
    });
    expect(full.observations['X.02']?.value).toBe(7.5);
    expect(full.observations['X.01']?.evidence?.reference).toContain('qd766-portal-2026.1');
    const partial = score766Observations(scoreUnit(sample.units[2] as UnitCounts), edition);
    expect(partial.observations).toEqual({});
    expect(partial.notAvailable.map((n) => n.criterionId)).toEqual(['X.01', 'X.02']);
    expect(SCORE766_OBSERVATION_KEYS).toHaveLength(8);
  });
});
