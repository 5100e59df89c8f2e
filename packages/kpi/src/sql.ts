import type { ParseResult, ValidationIssue } from '@cdsx/criteria';
import type { GroupDimension } from './calculators';
import { vietnamCalendar, type WorkingDayCalendar, yearOfDay } from './calendar/calendar';
import { dayNumber, parseIsoDay, weekdayOfDay } from './calendar/days';
import type { KpiCounts } from './counts';
import { DOSSIER_KPI_SPECS, type DossierPredicate } from './definitions';
import { parsePeriod, type ReportingPeriod } from './period';
import { DOSSIER_YEARS } from './schemas';

/**
 * The dossier KPIs as SQL: one query, generated from {@link DOSSIER_KPI_SPECS} and the on-time rule,
 * returning counts (numerator and denominator per KPI and group — never rates) so results of
 * partitions merge by adding. The working-day calendar enters the query as a generated table
 * (each day with its cumulative working-day index), so working-day arithmetic is a join.
 */

/** SQL dialects: `duckdb` and `postgres` are executed and tested here; `trino` and `spark` are generated, not executed. */
export type SqlDialect = 'duckdb' | 'postgres' | 'trino' | 'spark';

/** The dossier columns the query reads; the supplement columns describe the first request only. */
export const SQL_FIELDS = [
  'communeCode',
  'provinceCode',
  'receivedAt',
  'channel',
  'onlineMode',
  'appointmentDate',
  'processingDays',
  'finishedAt',
  'supplementCount',
  'supplementRequestedAt',
  'supplementSuppliedAt',
  'rating',
  'complaint',
  'feeBearing',
  'feeAmount',
  'paidOnline',
  'digitised',
  'digitisedDataReused',
] as const;
export type SqlField = (typeof SQL_FIELDS)[number];

/**
 * Where each field is in the vendor's table: a column name (quoted as an identifier) or
 * `{ sql }`, an SQL expression over the row (e.g. a code mapping `CASE kenh WHEN 2 THEN 'online' … END`).
 * Unmapped fields are read from a column of the field's own name.
 */
export type ColumnMapping = Partial<Record<SqlField, string | { sql: string }>>;

/**
 * Check a column mapping read from JSON (e.g. `cdsx kpi --map mapping.json`): an object whose keys are
 * among {@link SQL_FIELDS} and whose values are a column name (non-empty text) or `{ "sql": "…" }` (a
 * non-empty SQL expression, no other key). Every problem is an issue located at its field (`path`,
 * `segments`), in Vietnamese and English; nothing is dropped or coerced.
 *
 * @example
 * ```ts
 * const r = parseColumnMapping(JSON.parse(text));
 * if (!r.ok) console.error(formatIssues(r.issues)); // `kenh: unknown field "kenh"; the fields are …`
 * ```
 */
export function parseColumnMapping(value: unknown): ParseResult<ColumnMapping> {
  const fields = SQL_FIELDS.join(', ');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          segments: [],
          code: 'invalid_type',
          message: {
            vi: `ánh xạ cột phải là một đối tượng JSON { trường: "cột" | { "sql": "…" } }, trường thuộc ${fields}`,
            en: `a column mapping must be a JSON object { field: "column" | { "sql": "…" } }, with fields among ${fields}`,
          },
        },
      ],
    };
  }
  const issues: ValidationIssue[] = [];
  const known = new Set<string>(SQL_FIELDS);
  const out: Record<string, string | { sql: string }> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    const shown = JSON.stringify(key);
    if (!known.has(key)) {
      issues.push({
        path: key,
        segments: [key],
        code: 'unknown_field',
        message: {
          vi: `trường ${shown} không có trong danh sách: ${fields}`,
          en: `unknown field ${shown}; the fields are ${fields}`,
        },
      });
      continue;
    }
    if (typeof v === 'string' && v.trim() !== '') {
      out[key] = v;
      continue;
    }
    const sql =
      typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as { sql?: unknown }).sql : undefined;
    if (typeof sql === 'string' && sql.trim() !== '' && Object.keys(v as object).length === 1) {
      out[key] = { sql };
      continue;
    }
    issues.push({
      path: key,
      segments: [key],
      code: 'invalid_mapping',
      message: {
        vi: `cần tên cột (chuỗi khác rỗng) hoặc { "sql": "biểu thức" }, nhận được ${kindOf(v)}`,
        en: `expected a column name (non-empty text) or { "sql": "expression" }, got ${kindOf(v)}`,
      },
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: out as ColumnMapping };
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return v.trim() === '' ? '""' : 'text';
  return typeof v === 'object' ? 'object' : typeof v;
}

/**
 * The mapping for the dossier layout of `@cdsx/kpi` (NDJSON read by DuckDB's `read_json`, where
 * `supplementRequests` is a list of structs).
 */
export const NDJSON_DUCKDB_MAPPING: ColumnMapping = Object.freeze({
  supplementCount: { sql: 'len("supplementRequests")' },
  supplementRequestedAt: { sql: '"supplementRequests"[1]."requestedAt"' },
  supplementSuppliedAt: { sql: '"supplementRequests"[1]."suppliedAt"' },
});

/** Options of {@link dossierKpiSql}. */
export interface DossierKpiSqlOptions {
  dialect: SqlDialect;
  /** The FROM item: a table name (e.g. `ho_so`, `public.dossiers`) or a table function call. */
  source: string;
  columns?: ColumnMapping;
  /** Group by these dimensions (at most one of month / quarter / year). */
  by?: readonly GroupDimension[];
  /** Only dossiers received in this period; required unless `by` has a period dimension. */
  period?: string | ReportingPeriod;
  /** Province of each commune, for `by: ['province']` when the table has no province column. */
  communes?: ReadonlyArray<{ code: string; provinceCode: string }>;
  calendar?: WorkingDayCalendar;
}

const PERIOD_DIMS = new Set<GroupDimension>(['month', 'quarter', 'year']);
/** The calendar table covers dossier dates and due dates up to 3,650 working days later. */
const CAL_FIRST_YEAR = DOSSIER_YEARS.first;
const CAL_LAST_YEAR = DOSSIER_YEARS.last + 20;

const ident = (d: SqlDialect, name: string) =>
  d === 'spark' ? `\`${name.replaceAll('`', '``')}\`` : `"${name.replaceAll('"', '""')}"`;
const lit = (v: string | number | boolean) =>
  typeof v === 'string'
    ? `'${v.replaceAll("'", "''")}'`
    : typeof v === 'boolean'
      ? v
        ? 'TRUE'
        : 'FALSE'
      : String(v);

/** Day number (days since 1970-01-01) of an instant's civil date in Vietnam (UTC+7 since 1975). */
function instantDay(d: SqlDialect, x: string): string {
  const ms =
    d === 'duckdb'
      ? `epoch_ms(CAST(${x} AS TIMESTAMPTZ))`
      : d === 'postgres'
        ? `(extract(epoch FROM CAST(${x} AS timestamptz)) * 1000)`
        : d === 'trino'
          ? `(to_unixtime(CAST(${x} AS timestamp(3) with time zone)) * 1000)`
          : `unix_millis(CAST(${x} AS timestamp))`;
  return `CAST(floor((${ms} + 25200000) / 86400000) AS INTEGER)`;
}

/** Day number of a civil date. */
function dateDay(d: SqlDialect, x: string): string {
  if (d === 'postgres') return `(CAST(${x} AS date) - DATE '1970-01-01')`;
  if (d === 'spark') return `datediff(CAST(${x} AS DATE), DATE '1970-01-01')`;
  return `CAST(date_diff('day', DATE '1970-01-01', CAST(${x} AS DATE)) AS INTEGER)`;
}

/** A one-column table `day` of the integers lo..hi. */
function series(d: SqlDialect, lo: number, hi: number): string {
  if (d === 'duckdb') return `SELECT CAST(range AS INTEGER) AS day FROM range(${lo}, ${hi + 1})`;
  if (d === 'postgres') return `SELECT generate_series(${lo}, ${hi}) AS day`;
  if (d === 'trino') return `SELECT day FROM UNNEST(sequence(${lo}, ${hi})) AS t(day)`;
  return `SELECT explode(sequence(${lo}, ${hi})) AS day`;
}

const exceptionCache = new WeakMap<WorkingDayCalendar, Array<[number, number]>>();

/** Days whose working status differs from Monday–Friday, with 1 (working) or 0 (off). */
function calendarExceptions(cal: WorkingDayCalendar): Array<[number, number]> {
  let out = exceptionCache.get(cal);
  if (!out) {
    out = [];
    const end = dayNumber(CAL_LAST_YEAR + 1, 1, 1);
    for (let n = dayNumber(CAL_FIRST_YEAR, 1, 1); n < end; n++) {
      const wd = weekdayOfDay(n);
      const weekday = wd !== 0 && wd !== 6;
      const working = cal.isWorkingDayNumber(n);
      if (working !== weekday) out.push([n, working ? 1 : 0]);
    }
    exceptionCache.set(cal, out);
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Each month of [fromYear, toYear]: first day, labels and last days of its month, quarter and year. */
function monthRows(fromYear: number, toYear: number): string[] {
  const rows: string[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const yLast = dayNumber(y + 1, 1, 1) - 1;
    for (let m = 1; m <= 12; m++) {
      const q = Math.floor((m - 1) / 3) + 1;
      const first = dayNumber(y, m, 1);
      const mLast = (m === 12 ? dayNumber(y + 1, 1, 1) : dayNumber(y, m + 1, 1)) - 1;
      const qLast = (q === 4 ? dayNumber(y + 1, 1, 1) : dayNumber(y, q * 3 + 1, 1)) - 1;
      rows.push(`(${first}, '${y}-${pad(m)}', '${y}-Q${q}', '${y}', ${mLast}, ${qLast}, ${yLast})`);
    }
  }
  return rows;
}

function predicateSql(p: DossierPredicate, col: (f: string) => string): string {
  if ('all' in p)
    return p.all.length === 0 ? 'TRUE' : `(${p.all.map((x) => predicateSql(x, col)).join(' AND ')})`;
  if ('not' in p) return `(NOT ${predicateSql(p.not, col)})`;
  if ('fact' in p) return 'coalesce(on_time, FALSE)';
  if ('eq' in p) return `coalesce(${col(p.field)} = ${lit(p.eq)}, FALSE)`;
  if ('in' in p) return `coalesce(${col(p.field)} IN (${p.in.map(lit).join(', ')}), FALSE)`;
  return `(${col(p.field)} IS NOT NULL)`;
}

/** Column names of the counts in the query's result: `<kpi id in snake case>_num` / `_den`. */
export function countColumn(id: string, part: 'num' | 'den'): string {
  return `${id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_${part}`;
}

/**
 * The SQL text computing the dossier KPIs' counts per group, for a vendor to run in its own
 * database over its own dossier table (through `columns`), or for the DuckDB/PostgreSQL executors.
 * Result columns: `commune` / `province` / `period` (those grouped by), then for each dossier KPI
 * `<kpi>_num` and `<kpi>_den` (e.g. `on_time_rate_num`); rows ordered by group.
 *
 * @example
 * ```ts
 * const sql = dossierKpiSql({
 *   dialect: 'postgres', source: 'public.ho_so', by: ['commune'], period: '2026-Q1',
 *   columns: { communeCode: 'ma_xa', receivedAt: 'ngay_tiep_nhan', channel: { sql: "CASE kenh WHEN 2 THEN 'online' WHEN 3 THEN 'postal' ELSE 'direct' END" } },
 * });
 * ```
 */
export function dossierKpiSql(options: DossierKpiSqlOptions): string {
  const d = options.dialect;
  const by = options.by ?? [];
  const cal = options.calendar ?? vietnamCalendar;
  const periodDims = by.filter((x) => PERIOD_DIMS.has(x));
  if (periodDims.length > 1)
    throw new TypeError(`group by at most one period dimension, got ${periodDims.join(', ')}`);
  const periodDim = periodDims[0] as 'month' | 'quarter' | 'year' | undefined;
  let filter: { from: number; to: number } | undefined;
  if (options.period !== undefined) {
    const p = typeof options.period === 'string' ? parsePeriod(options.period) : options.period;
    if (!p) throw new TypeError(`not a reporting period / không phải kỳ báo cáo: ${String(options.period)}`);
    filter = { from: parseIsoDay(p.firstDay) as number, to: parseIsoDay(p.lastDay) as number };
  } else if (!periodDim) {
    throw new TypeError(
      'give `period` or group by month / quarter / year: unfinished records are judged on the last day of their period',
    );
  }
  const mapping = options.columns ?? {};
  const col = (f: SqlField): string => {
    const m = mapping[f];
    if (m === undefined) return ident(d, f);
    return typeof m === 'string' ? ident(d, m) : `(${m.sql})`;
  };
  const lo = dayNumber(CAL_FIRST_YEAR, 1, 1);
  const hi = dayNumber(CAL_LAST_YEAR + 1, 1, 1) - 1;
  const exceptions = calendarExceptions(cal).map(([n, w]) => `(${n}, ${w})`);
  const monthsFrom = filter ? yearOfDay(filter.from) : CAL_FIRST_YEAR;
  const monthsTo = filter ? yearOfDay(filter.to) : DOSSIER_YEARS.last;
  const lastDayOf = periodDim
    ? filter
      ? `least(r.${periodDim[0]}_last, ${filter.to})`
      : `r.${periodDim[0]}_last`
    : String(filter?.to);
  const periodLabel = periodDim ? `r.${periodDim[0]}_label` : 'NULL';
  const groupCols: string[] = [];
  for (const dim of by) {
    if (dim === 'commune') groupCols.push('commune');
    else if (dim === 'province') groupCols.push('province');
    else groupCols.push('period');
  }
  const communeTable = options.communes?.length
    ? `communes(code, province) AS (VALUES ${options.communes.map((c) => `(${lit(c.code)}, ${lit(c.provinceCode)})`).join(', ')}),\n`
    : '';
  const provinceExpr = options.communes?.length
    ? `coalesce(${col('provinceCode')}, (SELECT c.province FROM communes c WHERE c.code = ${col('communeCode')}), 'unknown')`
    : `coalesce(${col('provinceCode')}, 'unknown')`;
  const kpiCol = (f: string) => f; // predicates read the projected columns of `d4`
  const aggregates = DOSSIER_KPI_SPECS.flatMap((s) => {
    const den = predicateSql(s.denominator, kpiCol);
    const num = predicateSql(s.numerator, kpiCol);
    return [
      `sum(CASE WHEN ${den} AND ${num} THEN 1 ELSE 0 END) AS ${countColumn(s.id, 'num')}`,
      `sum(CASE WHEN ${den} THEN 1 ELSE 0 END) AS ${countColumn(s.id, 'den')}`,
    ];
  });
  const fields = [
    'channel',
    'onlineMode',
    'rating',
    'complaint',
    'feeBearing',
    'feeAmount',
    'paidOnline',
    'digitised',
    'digitisedDataReused',
  ] as const;
  return `-- @cdsx/kpi dossier KPIs (${d}): counts per group, generated by dossierKpiSql
WITH
cal_x(day, working) AS (VALUES ${exceptions.join(', ')}),
months(start_day, m_label, q_label, y_label, m_last, q_last, y_last) AS (VALUES ${monthRows(monthsFrom, monthsTo).join(', ')}),
${communeTable}cal_days AS (${series(d, lo, hi)}),
cal_1 AS (
  SELECT s.day,
    coalesce(x.working, CASE WHEN (s.day + 4) % 7 IN (0, 6) THEN 0 ELSE 1 END) AS working,
    CASE WHEN m.start_day IS NOT NULL THEN s.day END AS month_start
  FROM cal_days s LEFT JOIN cal_x x ON x.day = s.day LEFT JOIN months m ON m.start_day = s.day
),
cal_2 AS (
  SELECT day, working,
    sum(working) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ix,
    max(month_start) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS month_start
  FROM cal_1
),
cal AS (
  SELECT c.day, c.working, c.ix, c.ix - c.working AS ix_before,
    m.m_label, m.q_label, m.y_label, m.m_last, m.q_last, m.y_last
  FROM cal_2 c LEFT JOIN months m ON m.start_day = c.month_start
),
working_days AS (SELECT ix, day FROM cal WHERE working = 1),
src AS (
  SELECT ${col('communeCode')} AS commune,
    ${by.includes('province') ? provinceExpr : 'NULL'} AS province,
    ${instantDay(d, col('receivedAt'))} AS rday,
    ${instantDay(d, col('finishedAt'))} AS fday,
    ${dateDay(d, col('appointmentDate'))} AS aday,
    ${col('processingDays')} AS pdays,
    coalesce(${col('supplementCount')}, 0) AS nsup,
    ${instantDay(d, col('supplementRequestedAt'))} AS qday,
    ${instantDay(d, col('supplementSuppliedAt'))} AS sday,
    ${fields.map((f) => `${col(f)} AS ${f}`).join(',\n    ')}
  FROM ${options.source}
),
d1 AS (
  SELECT s.*, ${periodLabel} AS period, ${lastDayOf} AS lastday, r.ix AS rix, r.ix_before AS rix_before
  FROM src s JOIN cal r ON r.day = s.rday${filter ? `\n  WHERE s.rday BETWEEN ${filter.from} AND ${filter.to}` : ''}
),
d2 AS (
  SELECT d1.*, coalesce(d1.fday, d1.lastday) AS endday,
    CASE WHEN d1.aday IS NOT NULL THEN a.ix_before + 1
         ELSE greatest(d1.rix + d1.pdays, d1.rix_before + 1) END AS due_ix
  FROM d1 LEFT JOIN cal a ON a.day = d1.aday
),
d3 AS (
  SELECT d2.*, CASE WHEN d2.nsup = 1 THEN e.ix - q.ix ELSE 0 END AS waited
  FROM d2 LEFT JOIN cal q ON q.day = d2.qday
    LEFT JOIN cal e ON e.day = least(coalesce(d2.sday, d2.endday), d2.endday)
),
d4 AS (
  SELECT d3.*, (d3.nsup <= ${1} AND d3.endday <= w.day) AS on_time
  FROM d3 LEFT JOIN working_days w ON w.ix = d3.due_ix + greatest(d3.waited, 0)
)
SELECT ${[...groupCols, ...aggregates].join(',\n  ')}
FROM d4${groupCols.length ? `\nGROUP BY ${groupCols.join(', ')}\nORDER BY ${groupCols.join(', ')}` : ''}
`;
}

/** Turn result rows of {@link dossierKpiSql} into {@link KpiCounts} (numbers; bigint counts converted). */
export function countsFromSqlRows(
  rows: Iterable<Record<string, unknown>>,
  by: readonly GroupDimension[] = [],
): KpiCounts[] {
  const out: KpiCounts[] = [];
  for (const row of rows) {
    const key: KpiCounts['key'] = {};
    for (const dim of by) {
      if (dim === 'commune') key.commune = String(row.commune);
      else if (dim === 'province') key.province = String(row.province);
      else key.period = String(row.period);
    }
    const counts: KpiCounts['counts'] = {};
    for (const s of DOSSIER_KPI_SPECS)
      counts[s.id] = [Number(row[countColumn(s.id, 'num')] ?? 0), Number(row[countColumn(s.id, 'den')] ?? 0)];
    out.push({ key, counts });
  }
  return out;
}
