// `pnpm bench`: all dossier KPIs grouped by commune × quarter over 1,000,000 generated dossiers,
// ours vs DuckDB (threads=1) over the same NDJSON file; then peak RSS of ours at 1M and 3M.
// Printed, never asserted. Needs a build (`pnpm --filter @cdsx/kpi build`; root `pnpm bench` builds).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
if (!existsSync(here('../dist/index.js'))) {
  console.error('dist/ is missing: run `pnpm --filter @cdsx/kpi build` first');
  process.exit(1);
}
const { loadCommunes } = await import('./communes.mjs');
const { writeDossierFile } = await import('./generate.mjs');

const SEED = 2026;
const sizes = (process.env.CDSX_BENCH_SIZES ?? '1000000,3000000').split(',').map(Number);
const dataDir = here('./.data/');
mkdirSync(dataDir, { recursive: true });
const communes = await loadCommunes();

function fileFor(n) {
  return `${dataDir}dossiers-${n}-seed${SEED}.ndjson`;
}

function measure(engine, file) {
  const out = execFileSync(process.execPath, [here('./measure.mjs'), engine, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

const { cpus, loadavg } = await import('node:os');
console.log(
  `@cdsx/kpi benchmark — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}, ` +
    `${communes.length} communes, year 2026, seed ${SEED}`,
);
/** Wall time and CPU time (user + system): CPU time is less sensitive to other load on the machine. */
const secs = (r) => `${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU`;
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
  const ours = measure('ours', file);
  console.log(
    `\n${n.toLocaleString('en')} dossiers (${mb.toFixed(0)} MB NDJSON), commune × quarter: ${ours.groups.toLocaleString('en')} groups`,
  );
  console.log(
    `  @cdsx/kpi (validate + all 8 dossier KPIs): ${secs(ours)}, peak RSS ${ours.peakRssMB} MB, rejected ${ours.rejected}`,
  );
  if (n === sizes[0]) {
    const duck = measure('duckdb', file);
    console.log(`  DuckDB SQL, threads=1:                      ${secs(duck)}, peak RSS ${duck.peakRssMB} MB`);
    console.log(
      `  ratio ours / DuckDB: ${(ours.ms / duck.ms).toFixed(2)}× wall, ${(ours.cpuMs / duck.cpuMs).toFixed(2)}× CPU (target ≤ 2×)`,
    );
    console.log(
      `  results identical: ${ours.digest === duck.digest ? 'yes' : 'NO'} (digest ${ours.digest} vs ${duck.digest})`,
    );
  }
}
console.log('\nTargets: ≤ 2× DuckDB; peak RSS ≤ 300 MB and flat from 1M to 3M.');
