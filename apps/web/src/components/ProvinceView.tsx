import type { PublishedEdition } from '@cdsx/criteria';
import { communesOfProvince, fullName, type Province } from '@cdsx/criteria/communes';
import { spreadsheetSafeText } from '@cdsx/forms/report';
import { assess, assessMany, countLevels, type DecisionRecord } from '@cdsx/rules';
import { useId, useMemo, useState } from 'react';
import type { Own } from '../App';
import { syntheticAssessments } from '../data';
import { download, XLSX_TYPE } from '../download';
import { indexBy, search } from '../fold';
import { useI18n } from '../i18n';
import { LevelChart } from './LevelChart';

type SortKey = 'name' | 'code' | 'level';

const collator = new Intl.Collator('vi');

/**
 * Every commune of a province with its level, sortable and filterable, with counts per level. Communes the
 * user loaded data for show the level decided from that data (under its own edition), marked as theirs;
 * every other commune is synthetic.
 */
export default function ProvinceView({
  province,
  onOpen,
  own,
  edition,
}: {
  province: Province;
  onOpen: (code: string) => void;
  own: ReadonlyMap<string, Own>;
  edition: PublishedEdition;
}) {
  const EDITION = edition.edition;
  const { t, l, lang } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [level, setLevel] = useState('');
  const [sort, setSort] = useState<SortKey>('level');

  const records = useMemo(() => {
    const communes = communesOfProvince(province.code);
    const decided = assessMany(syntheticAssessments(communes, EDITION), { edition });
    return indexBy(
      communes.map((c, i) => {
        const mine = own.get(c.code);
        return mine
          ? { commune: c, record: assess(mine.assessment, { edition: mine.edition }), mine: mine.name }
          : { commune: c, record: decided[i]!, mine: null };
      }),
      (r) => fullName(r.commune),
    );
  }, [province.code, own, edition, EDITION]);
  const ownCount = records.filter((r) => r.item.mine !== null).length;

  // Communes per level: counted by @cdsx/rules, the one home of that tally (CLI and docs use it too).
  const counts = useMemo(() => countLevels(records.map(({ item }) => item.record)).byLevel, [records]);

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

  // The table as shown (filter and sort applied), for CSV and Excel.
  const exportTable = () => {
    const vi = lang === 'vi';
    const columns = [
      { key: 'code', header: t.code },
      { key: 'name', header: t.name },
      { key: 'unitType', header: t.unitType },
      { key: 'level', header: vi ? 'Mức' : 'Level' },
      { key: 'levelName', header: vi ? 'Tên mức' : 'Level name' },
      { key: 'provisional', header: t.provisionalShort },
      { key: 'source', header: t.source },
    ];
    const data = rows.map(({ commune, record, mine }) => ({
      code: commune.code,
      name: commune.name,
      unitType: t.unitTypes[commune.unitType] ?? commune.unitType,
      level: record.level.level,
      levelName: l(record.level.name),
      provisional: record.provisional ? t.yes : t.no,
      source: mine ?? t.sourceSynthetic,
    }));
    return { columns, data };
  };
  const base = `tinh-${province.code}-${EDITION.version}`;
  const downloadCsv = () => {
    const { columns, data } = exportTable();
    // Text cells that a spreadsheet would run as a formula get a leading ' (the CLI's CSV rule).
    const cell = (v: string | number) => {
      const s = typeof v === 'number' ? String(v) : spreadsheetSafeText(v);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const lines = [columns.map((c) => cell(c.header)).join(',')];
    for (const r of data) lines.push(columns.map((c) => cell(r[c.key as keyof typeof r])).join(','));
    // A byte-order mark so Excel opens the Vietnamese text as UTF-8.
    download(`${base}.csv`, `\uFEFF${lines.join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
  };
  const downloadXlsx = async () => {
    const { columns, data } = exportTable();
    const { tablesToXlsx } = await import('@cdsx/forms');
    const bytes = await tablesToXlsx(
      [
        {
          name: fullName(province),
          lines: [
            t.provinceTitle(fullName(province)),
            `${EDITION.id} ${EDITION.version} · ${edition.contentHash}`,
          ],
          columns,
          rows: data,
        },
      ],
      { lang },
    );
    download(`${base}.xlsx`, bytes, XLSX_TYPE);
  };

  return (
    <section className="province" aria-labelledby={`${id}-h`} data-testid="province-view">
      <h2 id={`${id}-h`}>{t.provinceTitle(fullName(province))}</h2>
      <p className="muted" data-testid="province-source">
        {ownCount > 0 ? t.provinceMixed(ownCount) : t.provinceSynthetic}
      </p>
      <h3>{t.countsPerLevel}</h3>
      <LevelChart
        title={t.countsPerLevel}
        levels={EDITION.levels.map((x) => ({
          level: x.level,
          name: l(x.name),
          count: counts.get(x.level)?.communes ?? 0,
        }))}
      />
      <ul className="counts" data-testid="level-counts">
        {EDITION.levels.map((x) => {
          const c = counts.get(x.level) ?? { communes: 0, provisional: 0 };
          return (
            <li key={x.level} className={`level-${x.level}`} data-level={x.level} data-count={c.communes}>
              {t.levelN(x.level)} — {l(x.name)}: <span className="count">{c.communes}</span>{' '}
              {t.units(c.communes)}
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
      <div className="buttons">
        <button type="button" onClick={downloadCsv} data-testid="province-csv">
          {t.downloadCsv}
        </button>
        <button type="button" onClick={() => void downloadXlsx()} data-testid="province-xlsx">
          {t.downloadTableXlsx}
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-wrap" aria-label={t.tableOf(fullName(province))} tabIndex={0}>
        <table className="sticky-head" data-testid="province-table">
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
            {rows.map(({ commune, record, mine }) => (
              <tr
                key={commune.code}
                data-code={commune.code}
                data-level={record.level.level}
                data-own={mine !== null ? 'true' : undefined}
                className={mine !== null ? 'own' : undefined}
              >
                <th scope="row">
                  <button type="button" className="link" onClick={() => onOpen(commune.code)}>
                    {commune.name}
                  </button>
                  {mine !== null && (
                    <span className="tag own" title={mine}>
                      {t.ownData}
                    </span>
                  )}
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
