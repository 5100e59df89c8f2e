import { formatNumber, type Observation } from '@cdsx/criteria';
import {
  computeDossierKpis,
  type Dossier,
  formatKpiValue,
  type GroupResult,
  KPI_DEFINITIONS,
  KPI_IDS,
  type KpiId,
  type KpiResult,
  kpiObservations,
} from '@cdsx/kpi';
import { useEffect, useState } from 'react';
import { useEdition } from '../edition';
import { useI18n } from '../i18n';

/** KPIs of the chosen commune from a loaded dossier file, against their targets. */
export function KpiPanel(props: {
  communeCode: string;
  communeName: string;
  dossiers: { name: string; dossiers: Dossier[] } | null;
  onApply: (observations: Record<string, Observation>) => void;
}) {
  const { t, l, lang } = useI18n();
  const edition = useEdition();
  const [groups, setGroups] = useState<GroupResult[] | null>(null);
  const dossiers = props.dossiers?.dossiers;
  useEffect(() => {
    setGroups(null);
    if (!dossiers) return;
    let live = true;
    // Per commune and calendar year (Vietnam time), computed by @cdsx/kpi.
    computeDossierKpis(dossiers, { by: ['commune', 'year'] }).then((g) => {
      if (live) setGroups(g);
    });
    return () => {
      live = false;
    };
  }, [dossiers]);

  // The commune's latest year in the file.
  const mine = (groups ?? [])
    .filter((g) => g.key.commune === props.communeCode)
    .sort((a, b) => (a.key.period! < b.key.period! ? 1 : -1))[0];
  // Dossiers received in that year: the denominator @cdsx/kpi used for the dossier rates.
  const count = mine?.kpis.onlineDossierRate?.denominator ?? 0;

  return (
    <section className="kpis" aria-labelledby="kpi-h" data-testid="kpis">
      <h3 id="kpi-h">{t.kpiTitle}</h3>
      {!props.dossiers ? (
        <p className="muted">{t.kpiHint}</p>
      ) : !groups ? null : !mine ? (
        <p>{t.kpiNoDossiers(props.communeName)}</p>
      ) : (
        <>
          <p>
            {props.dossiers.name}: {t.kpiFor(props.communeName, mine.key.period!, count)}
          </p>
          <KpiChart
            results={KPI_IDS.filter((id) => mine.kpis[id]).map((id) => [id, mine.kpis[id]!] as const)}
          />
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section className="table-wrap" aria-label={t.tableOf(t.kpi)} tabIndex={0}>
            <table data-testid="kpi-table">
              <thead>
                <tr>
                  <th scope="col">{t.kpi}</th>
                  <th scope="col">{t.kpiValue}</th>
                  <th scope="col">{t.kpiTarget}</th>
                  <th scope="col">{t.kpiStatus}</th>
                </tr>
              </thead>
              <tbody>
                {KPI_IDS.filter((id) => mine.kpis[id]).map((id) => {
                  const r = mine.kpis[id]!;
                  return (
                    <tr key={id} data-kpi={id}>
                      <th scope="row">{l(KPI_DEFINITIONS[id].name)}</th>
                      <td>
                        {formatKpiValue(r, lang)}
                        {r.value !== null && (
                          <span className="muted">
                            {' '}
                            ({r.numerator}/{r.denominator})
                          </span>
                        )}
                        {r.reason && <div className="muted">{l(r.reason.message)}</div>}
                      </td>
                      <td>
                        {r.targets.length === 0 ? (
                          '—'
                        ) : (
                          // Each target with the year (or document) it applies to; the first one decides the
                          // verdict (@cdsx/kpi's headline target), the others are listed for reference.
                          <ul className="targets">
                            {r.targets.map((x, i) => (
                              <li
                                key={`${x.horizon} ${x.value}`}
                                className={i === 0 ? 'headline' : undefined}
                                data-headline={i === 0}
                                title={x.citation.document}
                              >
                                {x.comparison === '>=' ? '≥' : x.comparison === '<=' ? '≤' : '='}{' '}
                                {formatNumber(x.value, lang)}% — {t.kpiHorizon(x.horizon)}{' '}
                                <span className="muted">({i === 0 ? t.kpiDecides : t.kpiReference})</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td
                        className={
                          r.met === true ? 'outcome met' : r.met === false ? 'outcome not_met' : 'outcome'
                        }
                      >
                        {r.met === true
                          ? t.kpiMet
                          : r.met === false
                            ? t.kpiNotMet
                            : r.value === null
                              ? t.outcome[r.outcome]
                              : t.kpiNoTarget}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <button
            type="button"
            data-testid="kpi-apply"
            onClick={() => props.onApply(kpiObservations(mine.kpis, edition).observations)}
          >
            {t.kpiApply}
          </button>
        </>
      )}
    </section>
  );
}

const sign = (c: string) => (c === '>=' ? '≥' : c === '<=' ? '≤' : '=');

/**
 * Each KPI as a bar on a 0–100% scale with a mark at the target that decides the verdict (plain SVG). The
 * chart is an image whose text alternative names every value, target and verdict; the table below is the
 * fallback. A KPI without a value (no dossiers) gets no bar: unknown is not zero.
 */
function KpiChart({ results }: { results: ReadonlyArray<readonly [KpiId, KpiResult]> }) {
  const { t, l, lang } = useI18n();
  const label = results
    .map(([id, r]) => {
      const x = r.targets[0];
      return t.kpiChartRow(
        l(KPI_DEFINITIONS[id].name),
        formatKpiValue(r, lang),
        x ? `${sign(x.comparison)} ${formatNumber(x.value, lang)}%` : '',
        r.met === true ? t.kpiMet : r.met === false ? t.kpiNotMet : '',
      );
    })
    .join('; ');
  return (
    <figure className="kpi-chart" data-testid="kpi-chart">
      <div role="img" aria-label={`${t.kpiChart}: ${label}`}>
        {results.map(([id, r]) => (
          <div className="row" key={id} data-kpi={id}>
            <span>{l(KPI_DEFINITIONS[id].name)}</span>
            <svg viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
              {r.value !== null && (
                <rect
                  className="value"
                  x={0}
                  y={0}
                  width={Math.min(100, Math.max(0, r.value))}
                  height={4}
                  fill={r.met === true ? '#1e7a3c' : r.met === false ? '#a3231b' : '#2f6db5'}
                  data-value={r.value}
                />
              )}
              {r.target !== null && (
                <rect className="target" x={r.target - 0.4} y={0} width={0.8} height={4} fill="#000" />
              )}
            </svg>
          </div>
        ))}
      </div>
      <figcaption className="muted" aria-hidden="true">
        {t.kpiChartLegend}
      </figcaption>
    </figure>
  );
}
