import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error — plain ESM module shared with the benchmark
import { findPgBin, startPgCluster } from '../bench/pg-cluster.mjs';
import { dossierKpiAccumulator, type GroupDimension, type GroupOptions } from '../src/calculators';
import { groupsFromCounts } from '../src/counts';
import { dossierKpiCountsDuckDB, dossierKpiCountsPostgres } from '../src/engines';
import { readDossiersFile } from '../src/node';
import type { Dossier } from '../src/schemas';
import { dossierKpiSql } from '../src/sql';
import { EDGE_COMMUNES, edgeDossiers, HO_SO_MAPPING, HO_SO_TABLE, hoSoRow } from './edge-data';

// The differential test of the two executors: on generated dossiers with every edge case of the
// on-time rule forced in, the JavaScript accumulators, DuckDB and PostgreSQL (a real server,
// started here) give identical counts — byte-identical finished results — for every group and KPI.
const COUNT = 30_000;
const CASES: Array<{ by: GroupDimension[]; period?: string }> = [
  { by: ['commune', 'quarter'] },
  { by: ['province'], period: '2026-Q2' },
  { by: ['month'], period: '2026' },
  { by: [], period: '2026-Q4' },
  { by: ['province', 'year'] },
];

let dir: string;
let file: string;
let dossiers: Dossier[];
const provinceOf = (c: string) => EDGE_COMMUNES.find((x) => x.code === c)?.provinceCode;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cdsx-kpi-sql-'));
  file = join(dir, 'dossiers.ndjson');
  dossiers = [...edgeDossiers(20260401, COUNT)];
  writeFileSync(file, `${dossiers.map((d) => JSON.stringify(d)).join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function jsGroups(by: GroupDimension[], period?: string) {
  const reader = readDossiersFile(file);
  const options: GroupOptions = { by, provinceOf, ...(period ? { period } : {}) };
  const acc = dossierKpiAccumulator(options);
  for await (const d of reader) acc.add(d);
  expect(reader.summary.rejected).toBe(0);
  expect(reader.summary.accepted).toBe(COUNT);
  return acc.finish();
}

describe('the data exercise the edge cases', () => {
  it('has boundary instants, 0-day rest-day receipts, rest-day appointments, 0/1/2 supplements, unfinished, zero fees', () => {
    expect(dossiers.some((d) => d.receivedAt.endsWith('T17:00:00Z'))).toBe(true);
    expect(dossiers.some((d) => d.receivedAt.endsWith('T16:59:59Z'))).toBe(true);
    expect(dossiers.filter((d) => d.processingDays === 0).length).toBeGreaterThan(100);
    for (const n of [0, 1, 2]) expect(dossiers.some((d) => d.supplementRequests.length === n)).toBe(true);
    expect(dossiers.some((d) => d.status === 'in_progress')).toBe(true);
    expect(dossiers.some((d) => d.feeAmount === 0)).toBe(true);
    expect(dossiers.some((d) => d.provinceCode === undefined)).toBe(true);
  });
});

describe('JavaScript = DuckDB', () => {
  for (const c of CASES) {
    it(`by [${c.by.join(', ')}]${c.period ? `, period ${c.period}` : ''}`, async () => {
      const ours = await jsGroups(c.by, c.period);
      const counts = await dossierKpiCountsDuckDB({
        file,
        by: c.by,
        ...(c.period ? { period: c.period } : {}),
        communes: EDGE_COMMUNES,
        threads: 1,
      });
      const theirs = groupsFromCounts(counts, c.by);
      expect(ours.length).toBeGreaterThan(0);
      expect(JSON.stringify(theirs)).toBe(JSON.stringify(ours));
    }, 60_000);
  }
});

const pgBin = findPgBin();
// In CI the PostgreSQL tests must run: no server binaries is a failure there, not a skip.
const runPg = pgBin !== undefined || process.env.CI === 'true';

describe.runIf(runPg)('JavaScript = PostgreSQL (a throwaway cluster, vendor column mapping)', () => {
  let cluster: { connectionString: string; stop(): void } | undefined;
  let client: import('pg').Client;
  beforeAll(async () => {
    cluster = startPgCluster();
    const pg = (await import('pg')).default;
    client = new pg.Client({ connectionString: cluster?.connectionString });
    await client.connect();
    await client.query(HO_SO_TABLE);
    const rows = dossiers.map(hoSoRow);
    const width = (rows[0] as unknown[]).length;
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const values = chunk.map(
        (_, r) => `(${Array.from({ length: width }, (_, k) => `$${r * width + k + 1}`).join(', ')})`,
      );
      await client.query(`INSERT INTO ho_so VALUES ${values.join(', ')}`, chunk.flat());
    }
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    cluster?.stop();
  });

  it('loaded every dossier', async () => {
    const r = await client.query('SELECT count(*)::int AS n FROM ho_so');
    expect(r.rows[0].n).toBe(COUNT);
  });

  for (const c of CASES) {
    it(`by [${c.by.join(', ')}]${c.period ? `, period ${c.period}` : ''}`, async () => {
      const ours = await jsGroups(c.by, c.period);
      const counts = await dossierKpiCountsPostgres({
        client,
        table: 'ho_so',
        columns: HO_SO_MAPPING,
        by: c.by,
        ...(c.period ? { period: c.period } : {}),
        communes: EDGE_COMMUNES,
      });
      expect(JSON.stringify(groupsFromCounts(counts, c.by))).toBe(JSON.stringify(ours));
    }, 60_000);
  }

  it('the SQL text a vendor runs themselves gives the same counts', async () => {
    const sql = dossierKpiSql({
      dialect: 'postgres',
      source: 'ho_so',
      columns: HO_SO_MAPPING,
      by: ['commune'],
      period: '2026-Q3',
    });
    await client.query('SET jit = off'); // as the docs advise: the calendar CTEs' estimates make JIT cost seconds
    const r = await client.query(sql);
    const ours = await jsGroups(['commune'], '2026-Q3');
    expect(r.rows.length).toBe(ours.length);
    const first = ours[0];
    const row = r.rows.find((x) => x.commune === first?.key.commune);
    expect(Number(row.on_time_rate_num)).toBe(first?.kpis.onTimeRate?.numerator);
    expect(Number(row.on_time_rate_den)).toBe(first?.kpis.onTimeRate?.denominator);
  }, 60_000);
});
