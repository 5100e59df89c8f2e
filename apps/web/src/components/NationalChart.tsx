import type { PublishedEdition } from '@cdsx/criteria';
import { COMMUNES } from '@cdsx/criteria/communes';
import { assessMany, countLevelsBy, type LevelCounts } from '@cdsx/rules';
import { useId, useMemo } from 'react';
import { syntheticAssessments } from '../data';
import { useI18n } from '../i18n';
import { LevelChart } from './LevelChart';

// Per edition, computed once: every commune's synthetic assessment decided by @cdsx/rules.
const cache = new WeakMap<PublishedEdition, Map<string, LevelCounts>>();

function nationalCounts(edition: PublishedEdition): Map<string, LevelCounts> {
  let counts = cache.get(edition);
  if (!counts) {
    const records = assessMany(syntheticAssessments(COMMUNES, edition.edition), { edition });
    // Communes per level and area group: tallied by @cdsx/rules (the CLI's national summary uses it too).
    counts = countLevelsBy(records, (r) => r.areaGroup);
    cache.set(edition, counts);
  }
  return counts;
}

/**
 * The national level distribution of the synthetic dataset, one stacked bar per area group (urban, rural,
 * remote), with the table of counts as the fallback. Lazily loaded: it decides every commune of the country.
 */
export default function NationalChart({ edition }: { edition: PublishedEdition }) {
  const { t, l } = useI18n();
  const id = useId();
  const counts = useMemo(() => nationalCounts(edition), [edition]);
  const levels = edition.edition.levels;
  const groups = edition.edition.areaGroups.filter((g) => counts.has(g.id));
  return (
    <section className="national" aria-labelledby={`${id}-h`} data-testid="national">
      <h3 id={`${id}-h`}>{t.nationalTitle}</h3>
      {groups.map((g) => {
        const c = counts.get(g.id)!;
        const title = t.nationalGroup(l(g.name), c.total);
        return (
          <div key={g.id} data-group={g.id}>
            <p className="chart-label">{title}</p>
            <LevelChart
              testId={`national-chart-${g.id}`}
              title={`${t.nationalTitle} — ${title}`}
              levels={levels.map((x) => ({
                level: x.level,
                name: l(x.name),
                count: c.byLevel.get(x.level)?.communes ?? 0,
              }))}
            />
          </div>
        );
      })}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-wrap short" aria-label={t.tableOf(t.nationalTitle)} tabIndex={0}>
        <table data-testid="national-table">
          <thead>
            <tr>
              <th scope="col">{t.areaGroup}</th>
              {levels.map((x) => (
                <th scope="col" key={x.level}>
                  {t.levelN(x.level)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id} data-group={g.id}>
                <th scope="row">{l(g.name)}</th>
                {levels.map((x) => (
                  <td key={x.level} data-level={x.level}>
                    {counts.get(g.id)!.byLevel.get(x.level)?.communes ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
