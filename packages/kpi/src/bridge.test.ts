import { type CatalogEdition, type Criterion, ObservationSchema } from '@cdsx/criteria';
import { describe, expect, it } from 'vitest';
import { kpiObservations } from './bridge';
import { kpiResult } from './kpis';

// A small hand-made edition: only the fields the bridge reads matter, the rest is filled minimally.
function criterion(id: string, kpi?: string): Criterion {
  const t = { vi: id, en: id };
  return {
    id,
    dimension: 'services',
    pillar: 'digital_government',
    title: t,
    description: t,
    measure: 'percentage',
    unit: { vi: '%', en: '%' },
    requirements: { urban: {}, rural: {}, remote: {} },
    sources: [{ document: '766/QĐ-TTg', date: '2022-06-23' }],
    evidence: t,
    dataSource: 'computed',
    remediation: t,
    ...(kpi !== undefined ? { kpi } : {}),
  };
}
const edition: Pick<CatalogEdition, 'criteria'> = {
  criteria: [
    criterion('DV.01', 'fullProcessOnlineRate'),
    criterion('DV.02', 'onlinePaymentRate'),
    criterion('DV.03', 'feedbackOnTimeRate'),
    criterion('DV.04', 'satisfactionRate'),
    criterion('DV.05', 'noSuchKpi'),
    criterion('HT.01'),
    criterion('HN.DV.01', 'fullProcessOnlineRate'),
  ],
};

describe('kpiObservations', () => {
  const results = {
    fullProcessOnlineRate: kpiResult('fullProcessOnlineRate', 165, 200),
    onlinePaymentRate: kpiResult('onlinePaymentRate', 0, 0),
    feedbackOnTimeRate: kpiResult('feedbackOnTimeRate', 0, 0),
  };

  it('gives computed observations with the fraction as evidence for every criterion naming a KPI', () => {
    const { observations } = kpiObservations(results, edition, { observedAt: '2026-03-31' });
    expect(Object.keys(observations).sort()).toEqual(['DV.01', 'HN.DV.01']);
    expect(observations['DV.01']).toEqual({
      value: 82.5,
      unit: '%',
      source: 'computed',
      evidence: {
        numerator: 165,
        denominator: 200,
        reference: '@cdsx/kpi fullProcessOnlineRate (42/2022/NĐ-CP Điều 11)',
      },
      observedAt: '2026-03-31',
    });
    for (const o of Object.values(observations)) expect(ObservationSchema.safeParse(o).success).toBe(true);
  });

  it('lists unavailable KPIs with the reason instead of observing 0', () => {
    const { notAvailable } = kpiObservations(Object.values(results), edition);
    expect(notAvailable.map((n) => [n.criterionId, n.outcome])).toEqual([
      ['DV.02', 'not_available'],
      ['DV.03', 'not_applicable'],
      ['DV.04', 'not_computed'],
      ['DV.05', 'unknown_kpi'],
    ]);
    expect(notAvailable[0]?.reason.en).toMatch(/zero denominator/);
  });
});
