import type { Observation } from '@cdsx/criteria';
import {
  computeDossierKpis,
  type Dossier,
  formatKpiValue,
  type GroupResult,
  KPI_DEFINITIONS,
  KPI_IDS,
  kpiObservations,
} from '@cdsx/kpi';
import { useEffect, useState } from 'react';
import { useEdition } from '../edition';
import { formatNumber, useI18n } from '../i18n';

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
