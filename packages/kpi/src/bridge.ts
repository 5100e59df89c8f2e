import type { CatalogEdition, LocalizedText, Observation } from '@cdsx/criteria';
import { KPI_DEFINITIONS, KPI_IDS, type KpiId, type KpiResult } from './kpis';

/** A criterion whose KPI gave no observation, and why. */
export interface UnavailableKpi {
  criterionId: string;
  kpi: string;
  /** `not_available` (no data), `not_applicable` (nothing to judge), `not_computed` (no result given), `unknown_kpi`. */
  outcome: 'not_available' | 'not_applicable' | 'not_computed' | 'unknown_kpi';
  reason: LocalizedText;
}

/** Observations for the criteria computed from KPIs, and the criteria left without one. */
export interface KpiObservations {
  observations: Record<string, Observation>;
  notAvailable: UnavailableKpi[];
}

/**
 * Turn KPI results into observations (`source: 'computed'`, numerator and denominator as
 * evidence) for every criterion of `edition` whose `kpi` names a result — ready for `@cdsx/rules`.
 * A KPI whose value is null gives **no** observation (unknown is not zero); it is listed in
 * `notAvailable` with the reason.
 *
 * @example
 * ```ts
 * const [q1] = await computeDossierKpis(reader, { period: '2026-Q1' });
 * const { observations, notAvailable } = kpiObservations(q1.kpis, edition, { observedAt: '2026-03-31' });
 * observations['DV.01']; // { value: 82.5, unit: '%', source: 'computed', evidence: { numerator: 165, denominator: 200, … } }
 * ```
 */
export function kpiObservations(
  results: Partial<Record<KpiId, KpiResult>> | readonly KpiResult[],
  edition: Pick<CatalogEdition, 'criteria'>,
  options: { observedAt?: string } = {},
): KpiObservations {
  const byId = new Map<string, KpiResult>();
  if (Array.isArray(results)) for (const r of results as readonly KpiResult[]) byId.set(r.id, r);
  else for (const r of Object.values(results as Partial<Record<KpiId, KpiResult>>)) if (r) byId.set(r.id, r);

  const observations: Record<string, Observation> = {};
  const notAvailable: UnavailableKpi[] = [];
  for (const c of edition.criteria) {
    if (c.kpi === undefined) continue;
    if (!(KPI_IDS as readonly string[]).includes(c.kpi)) {
      notAvailable.push({
        criterionId: c.id,
        kpi: c.kpi,
        outcome: 'unknown_kpi',
        reason: { vi: `@cdsx/kpi không có chỉ số "${c.kpi}"`, en: `@cdsx/kpi has no KPI "${c.kpi}"` },
      });
      continue;
    }
    const r = byId.get(c.kpi);
    if (!r) {
      notAvailable.push({
        criterionId: c.id,
        kpi: c.kpi,
        outcome: 'not_computed',
        reason: { vi: 'chỉ số chưa được tính', en: 'the KPI was not computed' },
      });
      continue;
    }
    if (r.value === null) {
      notAvailable.push({
        criterionId: c.id,
        kpi: c.kpi,
        outcome: r.outcome === 'not_applicable' ? 'not_applicable' : 'not_available',
        reason: r.reason?.message ?? { vi: 'không có dữ liệu', en: 'no data' },
      });
      continue;
    }
    const src = KPI_DEFINITIONS[r.id].source;
    observations[c.id] = {
      value: r.value,
      unit: '%',
      source: 'computed',
      evidence: {
        numerator: r.numerator,
        denominator: r.denominator,
        reference: `@cdsx/kpi ${r.id} (${src.document}${src.article ? ` ${src.article}` : ''})`,
      },
      ...(options.observedAt !== undefined ? { observedAt: options.observedAt } : {}),
    };
  }
  return { observations, notAvailable };
}
