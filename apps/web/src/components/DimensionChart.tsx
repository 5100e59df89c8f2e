import type { DecisionRecord } from '@cdsx/rules';
import { useEdition } from '../edition';
import { useI18n } from '../i18n';

/** A horizontal bar per dimension: requirements met out of those applicable (all levels). */
export function DimensionChart({ record }: { record: DecisionRecord }) {
  const { t, l } = useI18n();
  const edition = useEdition();
  return (
    <section className="chart" aria-labelledby="dim-h" data-testid="dimension-chart">
      <h3 id="dim-h">{t.dimensions}</h3>
      <ul className="dims">
        {record.dimensions.map((d) => {
          const def = edition.dimensions.find((x) => x.id === d.dimension);
          const name = def ? l(def.name) : d.dimension;
          const share = d.applicable > 0 ? d.met / d.applicable : null;
          return (
            <li key={d.dimension}>
              <span className="dim-name">{name}</span>
              <span className="bar" role="img" aria-label={`${name}: ${d.met}/${d.applicable}`}>
                <span
                  className="fill"
                  style={{ width: share === null ? 0 : `${(share * 100).toFixed(1)}%` }}
                />
              </span>
              <span className="dim-count">
                {d.met}/{d.applicable}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
