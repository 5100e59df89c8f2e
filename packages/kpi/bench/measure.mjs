// One measurement in its own process (so peak RSS is this run's only). Prints one JSON line:
// { engine, ms (wall), cpuMs (user + system), groups, dossiers, digest, peakRssMB }.
//   node bench/measure.mjs js <file.ndjson>
//   node bench/measure.mjs duckdb <file.ndjson> <threads|all>
//   node bench/measure.mjs shard <file.ndjson> 1        — DuckDB counts of one shard, written to <file>.counts.json
//   node bench/measure.mjs pg-load <file.ndjson> <connection>
//   node bench/measure.mjs pg <connection>

import { chmodSync, createReadStream, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { dossierKpiAccumulator, groupsFromCounts, SQL_FIELDS } from '../dist/index.js';
import { dossierKpiCountsDuckDB, dossierKpiCountsPostgres, readDossiersFile } from '../dist/node.js';
import { digest } from './measure-digest.mjs';

export const BY = ['commune', 'quarter'];
const [engine, a1, a2] = process.argv.slice(2);

const t0 = performance.now();
const cpu0 = process.cpuUsage();
let groups;
let dossiers = 0;
let rejected = 0;
let extra = {};
if (engine === 'js') {
  const reader = readDossiersFile(a1);
  const acc = dossierKpiAccumulator({ by: BY });
  for await (const batch of reader.batches()) for (const d of batch) acc.add(d);
  groups = acc.finish();
  dossiers = reader.summary.accepted;
  rejected = reader.summary.rejected + reader.summary.duplicates;
} else if (engine === 'duckdb' || engine === 'shard') {
  const threads = a2 === undefined || a2 === 'all' ? undefined : Number(a2);
  const counts = await dossierKpiCountsDuckDB({ file: a1, by: BY, ...(threads ? { threads } : {}) });
  // A shard writes its counts (the mergeable partial result) beside its file.
  if (engine === 'shard') writeFileSync(`${a1}.counts.json`, JSON.stringify(counts));
  groups = groupsFromCounts(counts, BY);
} else if (engine === 'pg-load') {
  // Load the NDJSON into a table whose columns are the SQL field names, through a CSV file and COPY.
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: a2 });
  await client.connect();
  const types = {
    receivedAt: 'timestamptz',
    finishedAt: 'timestamptz',
    supplementRequestedAt: 'timestamptz',
    supplementSuppliedAt: 'timestamptz',
    appointmentDate: 'date',
    processingDays: 'integer',
    supplementCount: 'integer',
    feeAmount: 'numeric',
    complaint: 'boolean',
    feeBearing: 'boolean',
    paidOnline: 'boolean',
    digitised: 'boolean',
    digitisedDataReused: 'boolean',
  };
  await client.query(
    `DROP TABLE IF EXISTS dossiers; CREATE TABLE dossiers (${SQL_FIELDS.map((f) => `"${f}" ${types[f] ?? 'text'}`).join(', ')})`,
  );
  const csv = join(tmpdir(), `cdsx-bench-${process.pid}.csv`);
  const cell = (v) => (v === undefined || v === null ? '' : `"${String(v).replaceAll('"', '""')}"`);
  const out = [];
  let n = 0;
  const { createWriteStream } = await import('node:fs');
  const ws = createWriteStream(csv);
  for await (const line of createInterface({ input: createReadStream(a1), crlfDelay: Infinity })) {
    if (!line) continue;
    const d = JSON.parse(line);
    const s = d.supplementRequests[0];
    const row = {
      ...d,
      supplementCount: d.supplementRequests.length,
      supplementRequestedAt: s?.requestedAt,
      supplementSuppliedAt: s?.suppliedAt,
    };
    if (!ws.write(`${SQL_FIELDS.map((f) => cell(row[f])).join(',')}\n`))
      await new Promise((r) => ws.once('drain', r));
    n++;
  }
  await new Promise((r) => ws.end(r));
  chmodSync(csv, 0o644);
  await client.query(`COPY dossiers FROM '${csv}' (FORMAT csv)`);
  await client.query('ANALYZE dossiers');
  rmSync(csv, { force: true });
  await client.end();
  dossiers = n;
  groups = [];
  extra = { loaded: n, unused: out.length };
} else if (engine === 'pg') {
  const counts = await dossierKpiCountsPostgres({ connectionString: a1, table: 'dossiers', by: BY });
  groups = groupsFromCounts(counts, BY);
} else {
  throw new Error(`unknown engine ${engine}`);
}
if (engine !== 'js') for (const g of groups) dossiers += g.kpis.onTimeRate?.denominator ?? 0;
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    engine,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    groups: groups.length,
    dossiers,
    rejected,
    digest: digest(groups),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...extra,
  }),
);
