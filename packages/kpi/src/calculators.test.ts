import { describe, expect, it } from 'vitest';
import {
  computeDossierKpis,
  computeFeedbackKpis,
  computeProcedureKpis,
  dossierKpiAccumulator,
  isDossierOnTime,
} from './calculators';
import { parseIsoDay } from './calendar/days';
import { formatKpiValue, KPI_DEFINITIONS, KPI_IDS, KPI_TARGETS, kpiResult } from './kpis';
import type { Dossier, FeedbackCase, Procedure } from './schemas';
import { DossierSchema } from './schemas';
import { generateDossiers } from './testing';

/** A valid, on-time, online full-process dossier received on Monday 2 March 2026; override fields per test. */
function dossier(over: Partial<Dossier> = {}): Dossier {
  return DossierSchema.parse({
    id: `D${Math.random()}`,
    communeCode: '00004',
    procedureCode: '1.001612',
    receivedAt: '2026-03-02T09:00:00+07:00',
    channel: 'online',
    onlineMode: 'full',
    appointmentDate: '2026-03-05',
    finishedAt: '2026-03-04T10:00:00+07:00',
    status: 'finished',
    supplementRequests: [],
    complaint: false,
    feeBearing: false,
    paidOnline: false,
    digitised: true,
    digitisedDataReused: false,
    electronicResult: true,
    ...over,
  });
}

const MARCH_31 = parseIsoDay('2026-03-31') as number;

describe('on-time rule (QĐ 766 §2.1)', () => {
  it('finished on the appointment date is on time; the day after is overdue', () => {
    expect(isDossierOnTime(dossier({ finishedAt: '2026-03-05T23:59:00+07:00' }), MARCH_31)).toBe(true);
    expect(isDossierOnTime(dossier({ finishedAt: '2026-03-05T17:30:00Z' }), MARCH_31)).toBe(false); // 00:30 on 6/3 in Vietnam
  });
  it('without an appointment date, the due date is processingDays working days after receipt', () => {
    const base = { appointmentDate: undefined, processingDays: 5 } as const;
    // Received Friday 24 April 2026; 5 working days: 28, 29 April, 4, 5, 6 May (27/4, 30/4, 1/5 are off).
    const d = { ...base, receivedAt: '2026-04-24T09:00:00+07:00' };
    expect(isDossierOnTime(dossier({ ...d, finishedAt: '2026-05-06T16:00:00+07:00' }), MARCH_31 + 60)).toBe(
      true,
    );
    expect(isDossierOnTime(dossier({ ...d, finishedAt: '2026-05-07T08:00:00+07:00' }), MARCH_31 + 60)).toBe(
      false,
    );
  });
  it('subtracts the working days spent waiting for a supplement', () => {
    // Requested Tuesday 3/3, supplied Friday 6/3: 3 working days; due 5/3 → 10/3.
    const sup = [{ requestedAt: '2026-03-03T09:00:00+07:00', suppliedAt: '2026-03-06T09:00:00+07:00' }];
    expect(
      isDossierOnTime(
        dossier({ supplementRequests: sup, finishedAt: '2026-03-10T16:00:00+07:00' }),
        MARCH_31,
      ),
    ).toBe(true);
    expect(
      isDossierOnTime(
        dossier({ supplementRequests: sup, finishedAt: '2026-03-11T08:00:00+07:00' }),
        MARCH_31,
      ),
    ).toBe(false);
  });
  it('more than one supplement request is overdue', () => {
    const two = [
      { requestedAt: '2026-03-02T10:00:00+07:00', suppliedAt: '2026-03-02T11:00:00+07:00' },
      { requestedAt: '2026-03-02T12:00:00+07:00', suppliedAt: '2026-03-02T13:00:00+07:00' },
    ];
    expect(
      isDossierOnTime(
        dossier({ supplementRequests: two, finishedAt: '2026-03-02T15:00:00+07:00' }),
        MARCH_31,
      ),
    ).toBe(false);
  });
  it('an unfinished dossier is judged on the last day of the period', () => {
    const open = { status: 'in_progress', finishedAt: undefined } as const;
    expect(isDossierOnTime(dossier({ ...open, appointmentDate: '2026-04-02' }), MARCH_31)).toBe(true);
    expect(isDossierOnTime(dossier({ ...open, appointmentDate: '2026-03-20' }), MARCH_31)).toBe(false);
    // Still waiting for the applicant: the wait runs until the period's end.
    const waiting = [{ requestedAt: '2026-03-04T09:00:00+07:00' }];
    expect(
      isDossierOnTime(
        dossier({ ...open, appointmentDate: '2026-03-05', supplementRequests: waiting }),
        MARCH_31,
      ),
    ).toBe(true);
  });
});

describe('dossier KPIs', () => {
  it('computes every dossier KPI from its numerator and denominator', async () => {
    const ds = [
      dossier(),
      dossier({ channel: 'online', onlineMode: 'partial', rating: 'dissatisfied' }),
      dossier({
        channel: 'direct',
        onlineMode: undefined,
        rating: 'satisfied',
        complaint: true,
        digitised: false,
      }),
      dossier({
        channel: 'postal',
        onlineMode: undefined,
        rating: 'very_satisfied',
        finishedAt: '2026-03-20T10:00:00+07:00',
      }),
      dossier({ feeBearing: true, feeAmount: 50_000, paidOnline: true, digitisedDataReused: true }),
      dossier({ feeBearing: true, feeAmount: 50_000, paidOnline: false, rating: 'neutral' }),
      dossier({ feeBearing: true, feeAmount: 0 }), // zero-fee: outside the online-payment rate
    ];
    const [g] = await computeDossierKpis(ds, { period: '2026-03' });
    const k = g?.kpis;
    expect(k?.fullProcessOnlineRate).toMatchObject({ numerator: 4, denominator: 7 });
    expect(k?.onlineDossierRate).toMatchObject({ numerator: 5, denominator: 7 });
    expect(k?.onTimeRate).toMatchObject({ numerator: 6, denominator: 7 });
    // §5.4: minus dissatisfied (#2), complaint (#3), overdue (#4).
    expect(k?.satisfactionRate).toMatchObject({ numerator: 4, denominator: 7 });
    expect(k?.surveySatisfactionRate).toMatchObject({ numerator: 2, denominator: 4 });
    expect(k?.onlinePaymentRate).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(k?.digitisationRate).toMatchObject({ numerator: 6, denominator: 7 });
    expect(k?.digitisedDataReuseRate).toMatchObject({ numerator: 1, denominator: 7 });
    expect(formatKpiValue(k?.fullProcessOnlineRate ?? null)).toBe('57.14%');
    expect(k?.fullProcessOnlineRate?.met).toBe(false);
  });

  it('reports both satisfaction targets (90% and 95%)', () => {
    const r = kpiResult('satisfactionRate', 92, 100);
    expect(r.targets.map((t) => [t.value, t.met])).toEqual([
      [90, true],
      [95, false],
    ]);
    expect([r.target, r.met]).toEqual([90, true]);
  });

  it('each target check is its target, every field in order, plus `met` (kpiResult writes the fields out)', () => {
    for (const id of KPI_IDS)
      for (const [n, d] of [
        [0, 0],
        [1, 2],
        [99, 100],
      ] as const) {
        const r = kpiResult(id, n, d);
        const value = d > 0 ? (100 * n) / d : null;
        const expected = KPI_TARGETS[id].map((t) => ({
          ...t,
          met:
            value === null
              ? null
              : t.comparison === '>='
                ? value >= t.value
                : t.comparison === '<='
                  ? value <= t.value
                  : value === t.value,
        }));
        // JSON text compares the key order too, which a digest of the results depends on.
        expect(JSON.stringify(r.targets)).toBe(JSON.stringify(expected));
      }
  });

  it('no data is N/A with a reason, never 0%', async () => {
    const [g] = await computeDossierKpis([dossier({ feeBearing: false })], { period: '2026-03' });
    const pay = g?.kpis.onlinePaymentRate;
    expect(pay).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      outcome: 'not_available',
      met: null,
    });
    expect(pay?.reason?.code).toBe('no_data');
    expect(formatKpiValue(pay ?? null)).toBe('N/A');
    expect(formatKpiValue(kpiResult('onTimeRate', 0, 5))).toBe('0%'); // a real zero stays zero
    // The one number style of @cdsx/criteria: trailing zeros dropped, vi decimal comma.
    expect(formatKpiValue(96.5, 'vi')).toBe('96,5%');
    expect(formatKpiValue(100, 'en')).toBe('100%');
    expect(formatKpiValue(-0)).toBe('0%');
    expect(formatKpiValue(200 / 3, 'vi')).toBe('66,67%');
    expect(await computeDossierKpis([], { period: '2026-03' })).toEqual([]);
  });

  it('groups by commune, province and period; periods are read in Vietnam time', async () => {
    const ds = [
      dossier({
        communeCode: '00004',
        receivedAt: '2026-03-31T16:59:00Z', // 23:59 on 31/3 in Vietnam → Q1
        appointmentDate: '2026-04-03',
        finishedAt: '2026-04-01T10:00:00+07:00',
      }),
      dossier({
        communeCode: '00004',
        receivedAt: '2026-03-31T17:30:00Z',
        appointmentDate: '2026-04-03',
        finishedAt: '2026-04-02T10:00:00+07:00',
      }), // Q2
      dossier({ communeCode: '00008', receivedAt: '2026-03-02T09:00:00+07:00' }),
      dossier({ communeCode: '26734', receivedAt: '2026-03-02T09:00:00+07:00' }),
    ];
    const byCommune = await computeDossierKpis(ds, { by: ['commune', 'quarter'] });
    expect(
      byCommune.map((g) => [g.key.commune, g.key.period, g.kpis.onlineDossierRate?.denominator]),
    ).toEqual([
      ['00004', '2026-Q1', 1],
      ['00004', '2026-Q2', 1],
      ['00008', '2026-Q1', 1],
      ['26734', '2026-Q1', 1],
    ]);
    const provinceOf = (c: string) => ({ '00004': '01', '00008': '01' })[c];
    const acc = dossierKpiAccumulator({ by: ['province'], period: '2026-Q1', provinceOf });
    for (const d of ds) acc.add(d);
    expect(acc.finish().map((g) => [g.key.province, g.kpis.onTimeRate?.denominator])).toEqual([
      ['01', 2],
      ['unknown', 1],
    ]);
    expect([acc.outsidePeriod, acc.unknownProvince, acc.count]).toEqual([1, 1, 3]);
  });

  it('needs a period to judge unfinished dossiers', () => {
    expect(() => dossierKpiAccumulator({ by: ['commune'] })).toThrow(/period/);
    expect(() => dossierKpiAccumulator({ by: ['month', 'quarter'] })).toThrow(/one period/);
    expect(() => dossierKpiAccumulator({ period: '2026-Q7' })).toThrow(/period/);
  });

  it('merging partial accumulators equals one pass (order-independent)', () => {
    const ds = [
      ...generateDossiers({ seed: 7, count: 3000, communes: ['00004', '00008', '00025'], year: 2026 }),
    ];
    const whole = dossierKpiAccumulator({ by: ['commune', 'month'] });
    for (const d of ds) whole.add(d);
    const a = dossierKpiAccumulator({ by: ['commune', 'month'] });
    const b = dossierKpiAccumulator({ by: ['commune', 'month'] });
    ds.forEach((d, i) => {
      (i % 3 === 0 ? a : b).add(d);
    });
    expect(b.merge(a).finish()).toEqual(whole.finish());
    // Adding after a merge: groups merged in (and not yet added to here) keep their counts.
    const c = dossierKpiAccumulator({ by: ['commune', 'month'] });
    const d = dossierKpiAccumulator({ by: ['commune', 'month'] });
    ds.forEach((x, i) => {
      if (i < 1000) d.add(x);
    });
    c.merge(d);
    ds.forEach((x, i) => {
      if (i >= 1000) c.add(x);
    });
    expect(c.finish()).toEqual(whole.finish());
    expect(c.counts()).toEqual(whole.counts());
    // No grouping: one group, also after a merge.
    const all = dossierKpiAccumulator({ period: '2026' });
    const half = dossierKpiAccumulator({ period: '2026' });
    const rest = dossierKpiAccumulator({ period: '2026' });
    ds.forEach((x, i) => {
      all.add(x);
      (i % 2 ? half : rest).add(x);
    });
    expect(half.merge(rest).finish()).toEqual(all.finish());
    // Deterministic: a second accumulator fed the same dossiers gives byte-identical output.
    const again = dossierKpiAccumulator({ by: ['commune', 'month'] });
    for (const d of ds) again.add(d);
    expect(JSON.stringify(again.finish())).toBe(JSON.stringify(whole.finish()));
  }, 30_000);

  it('a 5-digit code (number lookup) and any other text (string lookup) are distinct groups, in any dimension order', () => {
    // Codes that a number alone would confuse: leading zeros, other lengths, non-digits, the extremes.
    const codes = ['00004', '0004', '4', '000004', '00040', '12a45', '99999', '00000', ' 0004', '０0004'];
    const ds = [
      ...generateDossiers({ seed: 9, count: 2000, communes: ['00004', '00008', '00025'], year: 2026 }),
    ].map((d, i) => ({ ...d, communeCode: codes[i % codes.length] as string }));
    for (const by of [
      ['commune', 'quarter'],
      ['quarter', 'commune'],
      ['province', 'commune', 'month'],
    ] as const) {
      const acc = dossierKpiAccumulator({ by });
      for (const d of ds) acc.add(d);
      const groups = acc.finish();
      // The oracle: each commune's dossiers alone, grouped without the commune dimension (map lookups only).
      const expected = codes.flatMap((c) => {
        const one = dossierKpiAccumulator({ by: by.filter((x) => x !== 'commune') });
        for (const d of ds) if (d.communeCode === c) one.add(d);
        return one.finish().map((g) => ({ key: { ...g.key, commune: c }, kpis: g.kpis }));
      });
      const norm = (gs: typeof groups) =>
        gs.map((g) => JSON.stringify([g.key.commune, g.key.province, g.key.period, g.kpis])).sort();
      expect(norm(groups)).toEqual(norm(expected));
      expect(new Set(groups.map((g) => g.key.commune))).toEqual(new Set(codes));
    }
  });
});

describe('procedure and feedback KPIs', () => {
  const proc = (over: Partial<Procedure>): Procedure => ({
    code: 'P',
    name: 'Thủ tục',
    level: 'commune',
    onlineService: 'full',
    fullProcessEligible: true,
    essential: false,
    aiEnabled: false,
    enterpriseRelated: false,
    locationIndependent: false,
    feeBearing: false,
    ...over,
  });
  it('AI-enabled essential services, location-independent and enterprise procedures', () => {
    const k = computeProcedureKpis([
      proc({ essential: true, aiEnabled: true, locationIndependent: true }),
      proc({ essential: true, locationIndependent: true, enterpriseRelated: true }),
      proc({ essential: true, onlineService: 'partial', aiEnabled: true }), // not full-process: outside the AI rate
      proc({ enterpriseRelated: true, onlineService: 'partial' }),
    ]);
    expect(k.aiEnabledEssentialServiceRate).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
      met: true,
    });
    expect(k.locationIndependentProcedureRate).toMatchObject({ numerator: 2, denominator: 4, met: false });
    expect(k.enterpriseProcedureOnlineRate).toMatchObject({
      numerator: 1,
      denominator: 2,
      target: 100,
      met: false,
    });
  });
  it('feedback on time; no feedback at all is not applicable, not a failure', async () => {
    const c = (over: Partial<FeedbackCase>): FeedbackCase => ({
      id: 'F',
      communeCode: '00004',
      receivedAt: '2026-03-02T08:00:00+07:00',
      outcome: 'resolved',
      handledAt: '2026-03-10T08:00:00+07:00',
      ...over,
    });
    const [g] = await computeFeedbackKpis(
      [
        c({}),
        c({ handledAt: '2026-03-24T08:00:00+07:00' }), // due 23/3 (15 working days)
        c({ outcome: 'pending', handledAt: undefined }), // judged on 31/3: overdue
        c({ outcome: 'pending', handledAt: undefined, receivedAt: '2026-03-20T08:00:00+07:00' }), // not yet due
      ],
      { period: '2026-03' },
    );
    expect(g?.kpis.feedbackOnTimeRate).toMatchObject({ numerator: 2, denominator: 4 });
    const empty = await computeFeedbackKpis([], { period: '2026-03' });
    expect(empty).toHaveLength(1); // the requested group, with nothing to judge
    expect(empty[0]?.kpis.feedbackOnTimeRate).toMatchObject({
      outcome: 'not_applicable',
      value: null,
      denominator: 0,
    });
    expect(kpiResult('feedbackOnTimeRate', 0, 0)).toMatchObject({
      value: null,
      outcome: 'not_applicable',
      met: null,
    });
  });
});

describe('the KPI table', () => {
  it('has a definition and cited targets for every id, with the targets of the brief', () => {
    for (const id of KPI_IDS) {
      expect(KPI_DEFINITIONS[id].id).toBe(id);
      for (const t of KPI_TARGETS[id]) expect(t.citation.document.length).toBeGreaterThan(0);
    }
    expect(KPI_TARGETS.fullProcessOnlineRate[0]?.value).toBe(80);
    expect(KPI_TARGETS.aiEnabledEssentialServiceRate[0]?.value).toBe(50);
    expect(KPI_TARGETS.satisfactionRate.map((t) => t.value)).toEqual([90, 95]);
    expect(KPI_TARGETS.locationIndependentProcedureRate[0]?.value).toBe(100);
    expect(KPI_TARGETS.enterpriseProcedureOnlineRate[0]?.value).toBe(100);
  });
});
