// `pnpm bench`: the dossier KPIs grouped by commune × quarter over 1M and 3M generated dossiers,
// by every executor of the same definitions: the JavaScript path (validate + accumulate), DuckDB
// with threads=1 and all cores, PostgreSQL (a throwaway cluster: load time reported apart from
// query time), and DuckDB over N shards in N processes merged with mergeKpiCounts. Ratios are to
// DuckDB threads=1 in the same run. Printed, never asserted. Needs a build (root `pnpm bench` builds).
// CDSX_BENCH_SIZES=200000 for a short run; CDSX_BENCH_SHARDS (default 4); CDSX_BENCH_PG=0 to leave PostgreSQL out.
import { execFile, execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
if (!existsSync(here('../dist/index.js'))) {
  console.error('dist/ is missing: run `pnpm --filter @cdsx/kpi build` first');
  process.exit(1);
}
const { loadCommunes } = await import('./communes.mjs');
const { writeDossierFile } = await import('./generate.mjs');
const { groupsFromCounts, mergeKpiCounts } = await import('../dist/index.js');
const { digest } = await import('./measure-digest.mjs');

const SEED = 2026;
const BY = ['commune', 'quarter'];
const sizes = (process.env.CDSX_BENCH_SIZES ?? '1000000,3000000').split(',').map(Number);
const SHARDS = Number(process.env.CDSX_BENCH_SHARDS ?? 4);
const withPg = process.env.CDSX_BENCH_PG !== '0';
const dataDir = here('./.data/');
mkdirSync(dataDir, { recursive: true });
const communes = await loadCommunes();
const fileFor = (n) => `${dataDir}dossiers-${n}-seed${SEED}.ndjson`;

function measure(...args) {
  const out = execFileSync(process.execPath, [here('./measure.mjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

async function split(file, n) {
  const outs = Array.from({ length: n }, (_, i) => `${file}.shard${i + 1}of${n}`);
  if (outs.every((f) => existsSync(f))) return outs;
  const total = Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
  const per = Math.ceil(total / n);
  const streams = outs.map((f) => createWriteStream(f));
  let i = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const s = streams[Math.min(n - 1, Math.floor(i / per))];
    if (!s.write(`${line}\n`)) await new Promise((r) => s.once('drain', r));
    i++;
  }
  await Promise.all(streams.map((s) => new Promise((r) => s.end(r))));
  return outs;
}

/** N shard processes at once (DuckDB threads=1 each), merged with the library's mergeKpiCounts. */
async function sharded(file) {
  const shards = await split(file, SHARDS);
  const t0 = performance.now();
  const parts = await Promise.all(
    shards.map(
      (s) =>
        new Promise((resolve, reject) =>
          execFile(
            process.execPath,
            [here('./measure.mjs'), 'shard', s, '1'],
            { maxBuffer: 1 << 24 },
            (e, out) =>
              e
                ? reject(e)
                : resolve({
                    counts: JSON.parse(readFileSync(`${s}.counts.json`, 'utf8')),
                    stats: JSON.parse(out.trim().split('\n').pop()),
                  }),
          ),
        ),
    ),
  );
  const groups = groupsFromCounts(
    mergeKpiCounts(
      parts.map((p) => p.counts),
      BY,
    ),
    BY,
  );
  return {
    ms: Math.round(performance.now() - t0),
    cpuMs: Math.round(parts.reduce((s, p) => s + p.stats.cpuMs, 0)),
    peakRssMB: Math.round(Math.max(...parts.map((p) => p.stats.peakRssMB))),
    groups: groups.length,
    digest: digest(groups),
  };
}

console.log(
  `@cdsx/kpi benchmark — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} (1/5/15 min) at start, ` +
    `${communes.length} communes, year 2026, seed ${SEED}, commune × quarter`,
);
const fmt = (r, base) =>
  `${(r.ms / 1000).toFixed(2).padStart(7)} s wall ${(r.cpuMs / 1000).toFixed(2).padStart(7)} s CPU ${String(r.peakRssMB).padStart(5)} MB` +
  (base ? `   ×${(r.ms / base.ms).toFixed(2)} wall ×${(r.cpuMs / base.cpuMs).toFixed(2)} CPU` : '');
let cluster;
if (withPg) {
  const { startPgCluster } = await import('./pg-cluster.mjs');
  cluster = startPgCluster();
  // Never leave the throwaway cluster running: stop it on any exit, error or signal.
  process.on('exit', () => cluster?.stop());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(sig, () => {
      cluster?.stop();
      process.exit(130);
    });
}
try {
  for (const n of sizes) {
    const file = fileFor(n);
    if (!existsSync(file)) {
      const t = performance.now();
      await writeDossierFile(file, { count: n, seed: SEED, year: 2026, communes });
      console.log(
        `generated ${n.toLocaleString('en')} dossiers in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    const mb = statSync(file).size / 1048576;
    console.log(
      `\n${n.toLocaleString('en')} dossiers (${mb.toFixed(0)} MB NDJSON)                   wall        CPU   peak RSS   ratio to DuckDB threads=1`,
    );
    const duck1 = measure('duckdb', file, '1');
    const rows = [
      ['DuckDB SQL, threads=1', duck1],
      [`DuckDB SQL, all cores (${cpus().length})`, measure('duckdb', file, 'all')],
      ['JavaScript (validate + accumulate)', measure('js', file)],
      [`DuckDB, ${SHARDS} shards × 1 process, merged`, await sharded(file)],
    ];
    if (cluster) {
      const load = measure('pg-load', file, cluster.connectionString);
      rows.push(['PostgreSQL 15 query (CPU: client only)', measure('pg', cluster.connectionString)]);
      console.log(
        `  (PostgreSQL load: ${(load.ms / 1000).toFixed(2)} s wall for ${load.loaded.toLocaleString('en')} rows via COPY, not counted below)`,
      );
    }
    for (const [name, r] of rows)
      console.log(`  ${name.padEnd(40)} ${fmt(r, name === 'DuckDB SQL, threads=1' ? undefined : duck1)}`);
    const digests = new Set(rows.map(([, r]) => r.digest));
    console.log(
      `  identical results (digest of every group's counts and values): ${digests.size === 1 ? 'yes' : 'NO'} (${[...digests].join(', ')}), ${duck1.groups.toLocaleString('en')} groups`,
    );
  }
} finally {
  cluster?.stop();
}
console.log(
  `\nload average at end ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
console.log(
  'Targets: JavaScript ≤ 2× DuckDB threads=1 (CPU); JavaScript peak RSS ≤ 300 MB and flat from 1M to 3M.',
);
