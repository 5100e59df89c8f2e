// The dossier KPIs computed by DuckDB with SQL over an NDJSON file — an independent
// implementation used to check ours (test/duckdb-equality.test.ts) and to benchmark against.
// The working-day calendar enters the SQL as data (a cumulative count of working days per day),
// exported from @cdsx/kpi's calendar, so the SQL needs no holiday logic of its own.
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Working-day tables for [fromDay, toDay] (day numbers since 1970-01-01):
 * cums[i] = working days in [fromDay, fromDay + i]; nth[k - 1] = the k-th working day.
 */
export function calendarArrays(calendar, fromDay, toDay) {
  const cums = [];
  const nth = [];
  let acc = 0;
  for (let d = fromDay; d <= toDay; d++) {
    if (calendar.isWorkingDayNumber(d)) {
      acc++;
      nth.push(d);
    }
    cums.push(acc);
  }
  return { base: fromDay, cums, nth };
}

const COLUMNS = `{
  id: 'VARCHAR', communeCode: 'VARCHAR', provinceCode: 'VARCHAR', procedureCode: 'VARCHAR',
  receivedAt: 'VARCHAR', channel: 'VARCHAR', onlineMode: 'VARCHAR', appointmentDate: 'VARCHAR',
  processingDays: 'INTEGER', finishedAt: 'VARCHAR', status: 'VARCHAR',
  supplementRequests: 'STRUCT(requestedAt VARCHAR, suppliedAt VARCHAR)[]', rating: 'VARCHAR',
  complaint: 'BOOLEAN', feeBearing: 'BOOLEAN', feeAmount: 'DOUBLE', paidOnline: 'BOOLEAN',
  digitised: 'BOOLEAN', digitisedDataReused: 'BOOLEAN', electronicResult: 'BOOLEAN'
}`;

/** SQL computing numerators and denominators per commune × quarter (period = quarter of receipt in Vietnam). */
export function kpiSql(file, cal) {
  const path = file.replaceAll("'", "''");
  const values = Object.entries(KPI_COLUMNS)
    .map(([id, [n, d]]) => `CASE WHEN ${d} > 0 THEN CAST(100 * ${n} AS DOUBLE) / ${d} END AS "${id}"`)
    .join(',\n  ');
  return `
SELECT *,
  ${values}
FROM (
WITH c AS (SELECT ${cal.base}::INTEGER AS base, [${cal.cums.join(',')}]::INTEGER[] AS cl, [${cal.nth.join(',')}]::INTEGER[] AS nl),
raw AS (
  SELECT * FROM read_json('${path}', format = 'newline_delimited', columns = ${COLUMNS})
),
d1 AS (
  SELECT r.*, c.base, c.cl, c.nl,
    CAST(floor((epoch_ms(CAST(receivedAt AS TIMESTAMPTZ)) + 25200000) / 86400000) AS INTEGER) AS rday,
    CAST(floor((epoch_ms(CAST(finishedAt AS TIMESTAMPTZ)) + 25200000) / 86400000) AS INTEGER) AS fday,
    CAST(date_diff('day', DATE '1970-01-01', CAST(appointmentDate AS DATE)) AS INTEGER) AS aday,
    len(supplementRequests) AS nsup,
    CAST(floor((epoch_ms(CAST(supplementRequests[1].requestedAt AS TIMESTAMPTZ)) + 25200000) / 86400000) AS INTEGER) AS qday,
    CAST(floor((epoch_ms(CAST(supplementRequests[1].suppliedAt AS TIMESTAMPTZ)) + 25200000) / 86400000) AS INTEGER) AS sday
  FROM raw r CROSS JOIN c
),
d2 AS (
  SELECT *,
    DATE '1970-01-01' + rday AS rdate,
    CAST(date_diff('day', DATE '1970-01-01', CAST(date_trunc('quarter', DATE '1970-01-01' + rday) + INTERVAL 3 MONTH AS DATE)) - 1 AS INTEGER) AS lastday,
    CASE WHEN aday IS NOT NULL THEN aday
         WHEN processingDays = 0 THEN rday
         ELSE nl[cl[rday - base + 1] + processingDays] END AS due
  FROM d1
),
d3 AS (
  SELECT *, coalesce(fday, lastday) AS endday FROM d2
),
d4 AS (
  SELECT *,
    CASE WHEN nsup = 1 THEN cl[least(coalesce(sday, endday), endday) - base + 1] - cl[qday - base + 1] ELSE 0 END AS waited
  FROM d3
),
d5 AS (
  SELECT *,
    nsup <= 1 AND endday <= CASE WHEN waited > 0 THEN nl[cl[due - base + 1] + waited] ELSE due END AS ontime,
    strftime(rdate, '%Y') || '-Q' || quarter(rdate) AS period
  FROM d4
)
SELECT communeCode AS commune, period,
  count(*) AS dossiers,
  count(*) FILTER (channel = 'online' AND onlineMode = 'full') AS full_online,
  count(*) FILTER (channel = 'online') AS online,
  count(*) FILTER (coalesce(rating, '') <> 'dissatisfied' AND NOT complaint AND ontime) AS satisfied_766,
  count(*) FILTER (rating IS NOT NULL) AS rated,
  count(*) FILTER (rating IN ('satisfied', 'very_satisfied')) AS rated_satisfied,
  count(*) FILTER (ontime) AS on_time,
  count(*) FILTER (feeBearing AND coalesce(feeAmount, -1) <> 0) AS fee_dossiers,
  count(*) FILTER (feeBearing AND coalesce(feeAmount, -1) <> 0 AND paidOnline) AS paid_online,
  count(*) FILTER (digitised) AS digitised,
  count(*) FILTER (digitisedDataReused) AS reused
FROM d5
GROUP BY ALL
)
ORDER BY commune, period`;
}

/** The KPI ids as numerator/denominator columns of the query above. */
export const KPI_COLUMNS = {
  fullProcessOnlineRate: ['full_online', 'dossiers'],
  onlineDossierRate: ['online', 'dossiers'],
  satisfactionRate: ['satisfied_766', 'dossiers'],
  surveySatisfactionRate: ['rated_satisfied', 'rated'],
  onTimeRate: ['on_time', 'dossiers'],
  onlinePaymentRate: ['paid_online', 'fee_dossiers'],
  digitisationRate: ['digitised', 'dossiers'],
  digitisedDataReuseRate: ['reused', 'dossiers'],
};

/**
 * Run the query with DuckDB on one thread. Returns rows keyed `commune|period` with
 * `{ [kpiId]: { numerator, denominator, value } }`; DuckDB computes value = 100 × numerator /
 * denominator as a DOUBLE (null for a zero denominator).
 */
export async function duckdbKpis(file, cal, { threads = 1 } = {}) {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll(kpiSql(file, cal));
    const out = new Map();
    for (const row of reader.getRowObjectsJS()) {
      const kpis = {};
      for (const [id, [n, d]] of Object.entries(KPI_COLUMNS)) {
        const numerator = Number(row[n]);
        const denominator = Number(row[d]);
        kpis[id] = { numerator, denominator, value: row[id] === null ? null : Number(row[id]) };
      }
      out.set(`${row.commune}|${row.period}`, kpis);
    }
    return out;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
