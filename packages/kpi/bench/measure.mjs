// One measurement in its own process (so peak RSS is this run's only):
//   node bench/measure.mjs ours <file.ndjson>
//   node bench/measure.mjs duckdb <file.ndjson>
// Prints one JSON line: { engine, ms (wall), cpuMs (user + system CPU time), groups, dossiers, digest, peakRssMB }.
import { createHash } from 'node:crypto';
import { computeDossierKpis, dayNumber, vietnamCalendar } from '../dist/index.js';
import { readDossiersFile } from '../dist/node.js';

const [engine, file] = process.argv.slice(2);

/** A digest of every group's numerators and denominators, to show both engines agree. */
function digest(entries) {
  const h = createHash('sha256');
  for (const [key, kpis] of entries.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    h.update(key);
    for (const id of Object.keys(kpis).sort())
      h.update(`|${id}:${kpis[id].numerator}/${kpis[id].denominator}/${kpis[id].value}`);
    h.update('\n');
  }
  return h.digest('hex').slice(0, 16);
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
let entries;
let dossiers = 0;
let rejected = 0;
if (engine === 'ours') {
  const reader = readDossiersFile(file);
  const groups = await computeDossierKpis(reader, { by: ['commune', 'quarter'] });
  dossiers = reader.summary.accepted;
  rejected = reader.summary.rejected + reader.summary.duplicates;
  entries = groups.map((g) => [`${g.key.commune}|${g.key.period}`, g.kpis]);
} else {
  // Imported only here so the DuckDB native module does not load in our process.
  const { calendarArrays, duckdbKpis } = await import('./duckdb-kpis.mjs');
  const cal = calendarArrays(vietnamCalendar, dayNumber(2025, 1, 1), dayNumber(2027, 12, 31));
  const map = await duckdbKpis(file, cal, { threads: 1 });
  entries = [...map.entries()];
  for (const [, k] of entries) dossiers += k.onTimeRate.denominator;
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const peakRssMB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    engine,
    ms: Math.round(ms),
    cpuMs: Math.round(cpuMs),
    groups: entries.length,
    dossiers,
    rejected,
    digest: digest(entries),
    peakRssMB: Math.round(peakRssMB),
  }),
);
