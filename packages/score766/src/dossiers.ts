/**
 * The dossier path: QĐ 766 counts from dossier-level data, through `@cdsx/kpi`'s public calculators
 * (only their results' `numerator` / `denominator` are read). Separate entry point so that scoring
 * portal counts does not load the KPI package.
 *
 * @packageDocumentation
 */
import {
  computeDossierKpis,
  computeFeedbackKpis,
  type Dossier,
  type FeedbackCase,
  type GroupResult,
  type KpiResult,
} from '@cdsx/kpi';
import type { MetricCount, UnitCounts } from './input';
import { METRIC_CODES, type MetricCode } from './profile';

/** Options of {@link countsFromDossiers}. */
export interface DossierCountsOptions {
  /** Reporting period (`2026`, `2026-Q1`, `2026-03`): dossiers received in it, in Vietnam time. */
  period: string;
  /** One unit per commune (default) or per province. */
  by?: 'commune' | 'province';
  /** Feedback cases (PAKN) of the same units; without them, 5.2 is not available. */
  feedback?: Iterable<FeedbackCase> | AsyncIterable<FeedbackCase>;
  /** Province of a commune when records carry no `provinceCode`. */
  provinceOf?: (communeCode: string) => string | undefined;
}

/** Which `@cdsx/kpi` result gives which 766 input. */
const FROM_KPI = {
  onTimeRate: 'totalOnTime / totalReceived (2.1)',
  onlineDossierRate: 'channelOnlineSum / channelTotalSum (3.3)',
  onlinePaymentRate: 'totalDossierOnlinePaymentSuccess / totalDossierFinancialObligation (3.6)',
  digitisationRate: 'SO_HOA_GIAY_TO_GIAI_QUYET (4.2)',
  digitisedDataReuseRate: 'REUSED_DIGITIZED_DATA (4.3)',
  satisfactionRate: 'DOSSIER_RECEIVING_SATISFACTION (5.4)',
  feedbackOnTimeRate: 'PETITION_PROCESSING_ON_TIME (5.2)',
} as const;

/** The mapping of the dossier path, for documentation: `@cdsx/kpi` KPI id → 766 input. */
export const DOSSIER_PATH_MAPPING: Readonly<Record<keyof typeof FROM_KPI, string>> = Object.freeze({
  ...FROM_KPI,
});

/** A result's numerator and denominator; no result for a unit that has no dossier: 0 of 0. */
function pair(r: KpiResult | undefined): { numerator: number; denominator: number } {
  return r ? { numerator: r.numerator, denominator: r.denominator } : { numerator: 0, denominator: 0 };
}

function keyOf(g: GroupResult, by: 'commune' | 'province'): string {
  return (by === 'commune' ? g.key.commune : g.key.province) ?? 'unknown';
}

/**
 * Turn dossiers (and optionally feedback cases) into QĐ 766 counts, one unit per commune or
 * province, in the counts format: the inputs dossiers can give are filled in from the `@cdsx/kpi`
 * calculators; everything else (publication, procedure catalogue, payment procedures, …) is `null`,
 * so those indicators are not available and the score is partial — never a silent 0.
 *
 * @example
 * ```ts
 * const units = await countsFromDossiers(readDossiers(text), { period: '2026-Q1' });
 * units.map((u) => scoreUnit(u).total);
 * ```
 */
export async function countsFromDossiers(
  dossiers: Iterable<Dossier> | AsyncIterable<Dossier>,
  options: DossierCountsOptions,
): Promise<UnitCounts[]> {
  const by = options.by ?? 'commune';
  const common = {
    period: options.period,
    by: [by] as ['commune' | 'province'],
    ...(options.provinceOf ? { provinceOf: options.provinceOf } : {}),
  };
  const groups = await computeDossierKpis(dossiers, common);
  const feedback = new Map<string, GroupResult>();
  if (options.feedback)
    for (const g of await computeFeedbackKpis(options.feedback, common)) feedback.set(keyOf(g, by), g);

  // A unit with feedback but no dossier in the period is still a unit (its dossier inputs are 0 of 0).
  const seen = new Set(groups.map((g) => keyOf(g, by)));
  const all: GroupResult[] = [...groups];
  for (const [code, g] of [...feedback.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (!seen.has(code)) all.push({ key: g.key, kpis: {} });
  const units = all.map((g): UnitCounts => {
    const code = keyOf(g, by);
    const k = g.kpis;
    const onTime = pair(k.onTimeRate);
    const online = pair(k.onlineDossierRate);
    const pay = pair(k.onlinePaymentRate);
    const metricValues: Partial<
      Record<MetricCode, { numerator: number | null; denominator: number | null }>
    > = {
      SO_HOA_GIAY_TO_GIAI_QUYET: pair(k.digitisationRate),
      REUSED_DIGITIZED_DATA: pair(k.digitisedDataReuseRate),
      DOSSIER_RECEIVING_SATISFACTION: pair(k.satisfactionRate),
    };
    if (options.feedback) {
      const f = feedback.get(code)?.kpis.feedbackOnTimeRate;
      // Feedback was given: a unit without any case has 0 of 0 (5.2: full points), not "no data".
      metricValues.PETITION_PROCESSING_ON_TIME = f ? pair(f) : { numerator: 0, denominator: 0 };
    }
    const metrics: MetricCount[] = METRIC_CODES.map((metricCode) => ({
      metricCode,
      ...(metricValues[metricCode] ?? { numerator: null, denominator: null }),
    }));
    const provinceCode = g.key.province ?? (by === 'commune' ? options.provinceOf?.(code) : undefined);
    return {
      unitCode: code,
      level: by,
      ...(provinceCode !== undefined ? { provinceCode } : {}),
      period: options.period,
      totalReceived: onTime.denominator,
      totalOnTime: onTime.numerator,
      totalOverdue: onTime.numerator === null ? null : (onTime.denominator as number) - onTime.numerator,
      authorityCount: null,
      partialCount: null,
      fullCount: null,
      onlineServiceTotal: null,
      onlineDossierCount: null,
      channelOnlineSum: online.numerator,
      channelDirectSum: null,
      channelPostalSum: null,
      channelTotalSum: online.denominator,
      totalFeeFormality: null,
      totalDossierOnlineFormalityPaymentSuccess: null,
      totalFeeDossierFormality: null,
      totalDossierFinancialObligation: pay.denominator,
      totalDossierOnlinePaymentSuccess: pay.numerator,
      metrics,
    };
  });
  return units;
}
