import type { GroupDimension } from './calculators';
import type { KpiCounts } from './counts';
import {
  type ColumnMapping,
  countsFromSqlRows,
  type DossierKpiSqlOptions,
  dossierKpiSql,
  NDJSON_DUCKDB_MAPPING,
} from './sql';

/**
 * The SQL executors of the dossier KPIs: DuckDB (embedded, over NDJSON or Parquet files or any
 * DuckDB table) and PostgreSQL (a vendor's own table through a column mapping). Both run the query
 * of {@link dossierKpiSql} and return {@link KpiCounts}, finished with `groupsFromCounts` or merged
 * with other shards by `mergeKpiCounts`. The drivers are optional peer dependencies, loaded on use.
 */

/** The column types of the dossier NDJSON layout for DuckDB's `read_json`. */
const NDJSON_COLUMNS = `{
  id: 'VARCHAR', communeCode: 'VARCHAR', provinceCode: 'VARCHAR', procedureCode: 'VARCHAR',
  receivedAt: 'VARCHAR', channel: 'VARCHAR', onlineMode: 'VARCHAR', appointmentDate: 'VARCHAR',
  processingDays: 'INTEGER', finishedAt: 'VARCHAR', status: 'VARCHAR',
  supplementRequests: 'STRUCT("requestedAt" VARCHAR, "suppliedAt" VARCHAR)[]', rating: 'VARCHAR',
  complaint: 'BOOLEAN', feeBearing: 'BOOLEAN', feeAmount: 'DOUBLE', paidOnline: 'BOOLEAN',
  digitised: 'BOOLEAN', digitisedDataReused: 'BOOLEAN', electronicResult: 'BOOLEAN'
}`;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The DuckDB FROM item reading a dossier file: NDJSON (`read_json`) or Parquet (`read_parquet`), by extension. */
export function duckdbFileSource(path: string): string {
  if (/\.parquet$/i.test(path)) return `read_parquet(${quote(path)})`;
  return `read_json(${quote(path)}, format = 'newline_delimited', columns = ${NDJSON_COLUMNS})`;
}

/** Options of {@link dossierKpiCountsDuckDB}. */
export interface DuckDBKpiOptions extends Omit<DossierKpiSqlOptions, 'dialect' | 'source'> {
  /** A dossier file (NDJSON, or Parquet with the same fields), or give `source`. */
  file?: string;
  /** A DuckDB FROM item, instead of `file`. */
  source?: string;
  /** DuckDB worker threads (default: DuckDB's, all cores). */
  threads?: number;
}

/**
 * The dossier KPIs' counts computed by DuckDB (`@duckdb/node-api`, an optional peer dependency).
 *
 * @example
 * ```ts
 * const counts = await dossierKpiCountsDuckDB({ file: 'dossiers.ndjson', by: ['commune', 'quarter'] });
 * groupsFromCounts(counts, ['commune', 'quarter']);
 * ```
 */
export async function dossierKpiCountsDuckDB(options: DuckDBKpiOptions): Promise<KpiCounts[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const source = options.source ?? (options.file ? duckdbFileSource(options.file) : undefined);
  if (!source) throw new TypeError('give `file` or `source`');
  // Files have the dossier layout (supplements as a list); a given `source` is mapped by `columns` only.
  const columns: ColumnMapping =
    options.source === undefined ? { ...NDJSON_DUCKDB_MAPPING, ...options.columns } : { ...options.columns };
  const sql = dossierKpiSql({ ...options, dialect: 'duckdb', source, columns });
  const instance = await DuckDBInstance.create(
    ':memory:',
    options.threads !== undefined ? { threads: String(options.threads) } : {},
  );
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll(sql);
    return countsFromSqlRows(reader.getRowObjectsJS() as Array<Record<string, unknown>>, options.by ?? []);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Options of {@link dossierKpiCountsPostgres}. */
export interface PostgresKpiOptions extends Omit<DossierKpiSqlOptions, 'dialect' | 'source'> {
  /** A connection string (`postgres://…`, or `postgresql:///db?host=/run/postgresql` for a socket), or give `client`. */
  connectionString?: string;
  /** A connected `pg` client (not closed here). */
  client?: { query(sql: string): Promise<{ rows: Array<Record<string, unknown>> }> };
  /** The dossier table (`schema.table`), quoted as given: a trusted name from the operator, never user data. */
  table: string;
}

/**
 * The dossier KPIs' counts computed inside PostgreSQL over a vendor's table (`pg`, an optional
 * peer dependency), with the column mapping for its names and codes.
 */
export async function dossierKpiCountsPostgres(options: PostgresKpiOptions): Promise<KpiCounts[]> {
  const sql = dossierKpiSql({ ...options, dialect: 'postgres', source: options.table });
  // One read-only transaction; JIT off inside it only: the calendar CTEs' row estimates are poor and
  // PostgreSQL would spend seconds JIT-compiling a query that runs in far less.
  const run = async (client: NonNullable<PostgresKpiOptions['client']>) => {
    await client.query('BEGIN READ ONLY');
    try {
      await client.query('SET LOCAL jit = off');
      const r = await client.query(sql);
      return countsFromSqlRows(r.rows, options.by ?? []);
    } finally {
      await client.query('ROLLBACK');
    }
  };
  if (options.client) return run(options.client);
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    return await run(client as unknown as NonNullable<PostgresKpiOptions['client']>);
  } finally {
    await client.end();
  }
}

export type { GroupDimension };
