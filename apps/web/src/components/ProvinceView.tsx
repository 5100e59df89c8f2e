import { communesOfProvince, fullName, type Province } from '@cdsx/criteria/communes';
import { assessMany, type DecisionRecord } from '@cdsx/rules';
import { useId, useMemo, useState } from 'react';
import { EDITION, LATEST, syntheticAssessments } from '../data';
import { indexBy, search } from '../fold';
import { useI18n } from '../i18n';

type SortKey = 'name' | 'code' | 'level';

const collator = new Intl.Collator('vi');

/** Every commune of a province with its level (synthetic data), sortable and filterable, with counts per level. */
export default function ProvinceView({
  province,
  onOpen,
}: {
  province: Province;
  onOpen: (code: string) => void;
}) {
  const { t, l } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [level, setLevel] = useState('');
  const [sort, setSort] = useState<SortKey>('level');

  const records = useMemo(() => {
    const communes = communesOfProvince(province.code);
    const decided = assessMany(syntheticAssessments(communes), { edition: LATEST });
    return indexBy(
      communes.map((c, i) => ({ commune: c, record: decided[i]! })),
      (r) => fullName(r.commune),
    );
  }, [province.code]);

  const counts = useMemo(() => {
    const m = new Map<number, { total: number; provisional: number }>();
    for (const { item } of records) {
      const c = m.get(item.record.level.level) ?? { total: 0, provisional: 0 };
      c.total++;
      if (item.record.provisional) c.provisional++;
      m.set(item.record.level.level, c);
    }
    return m;
  }, [records]);

  const rows = useMemo(() => {
    const found = search(records, query).filter(
      (r) => level === '' || r.record.level.level === Number(level),
    );
    const byName = (a: (typeof found)[number], b: (typeof found)[number]) =>
      collator.compare(a.commune.name, b.commune.name);
    return [...found].sort((a, b) =>
      sort === 'name'
        ? byName(a, b)
        : sort === 'code'
          ? a.commune.code.localeCompare(b.commune.code)
          : b.record.level.level - a.record.level.level || byName(a, b),
    );
  }, [records, query, level, sort]);

  const levelName = (r: DecisionRecord) => `${r.level.level} — ${l(r.level.name)}`;

  return (
    <section className="province" aria-labelledby={`${id}-h`} data-testid="province-view">
      <h2 id={`${id}-h`}>{t.provinceTitle(fullName(province))}</h2>
      <p className="tag synthetic">SYNTHETIC</p>
      <h3>{t.countsPerLevel}</h3>
      <ul className="counts" data-testid="level-counts">
        {EDITION.levels.map((x) => {
          const c = counts.get(x.level) ?? { total: 0, provisional: 0 };
          return (
            <li key={x.level} className={`level-${x.level}`} data-level={x.level} data-count={c.total}>
              <span className="count">{c.total}</span> {x.level} — {l(x.name)}
              {c.provisional > 0 && (
                <span className="muted">
                  {' '}
                  ({c.provisional} {t.provisionalShort})
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <div className="filters">
        <label>
          {t.filterName}
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="province-filter"
          />
        </label>
        <label>
          {t.filterLevel}
          <select value={level} onChange={(e) => setLevel(e.target.value)} data-testid="province-level">
            <option value="">{t.allLevels}</option>
            {EDITION.levels.map((x) => (
              <option key={x.level} value={x.level}>
                {x.level} — {l(x.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.sortBy}
          <select
            value={sort}
            onChange={(e) => setSort(e.target.value as SortKey)}
            data-testid="province-sort"
          >
            <option value="level">{t.sortLevel}</option>
            <option value="name">{t.sortName}</option>
            <option value="code">{t.sortCode}</option>
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {t.shownOf(rows.length, records.length)}
        </span>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-wrap" aria-labelledby={`${id}-h`} tabIndex={0}>
        <table data-testid="province-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={sort === 'name' ? 'ascending' : 'none'}>
                {t.name}
              </th>
              <th scope="col" aria-sort={sort === 'code' ? 'ascending' : 'none'}>
                {t.code}
              </th>
              <th scope="col">{t.unitType}</th>
              <th scope="col" aria-sort={sort === 'level' ? 'descending' : 'none'}>
                {t.level}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ commune, record }) => (
              <tr key={commune.code} data-code={commune.code} data-level={record.level.level}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onOpen(commune.code)}>
                    {commune.name}
                  </button>
                </th>
                <td>{commune.code}</td>
                <td>{t.unitTypes[commune.unitType]}</td>
                <td className={`level-${record.level.level}`}>
                  {levelName(record)}
                  {record.provisional && <span className="tag provisional-tag">{t.provisionalShort}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
