// Per-record cost of a rejected dossier vs a valid one (issue 17 item 4), through readDossiers (NDJSON)
// and readDossiersCsv. Prints CPU µs/record (user + system) for valid records, records with one realistic
// mistake each, and records with three mistakes each (one of them a cross-field rule, one an unknown column),
// and the ratios rejected/valid — all measured in the same run, interleaved, best of CDSX_BENCH_ROUNDS (the
// machine is shared: the minimum is the least disturbed figure). Never asserted.
// Needs a build: `pnpm --filter @cdsx/kpi build`. CDSX_BENCH_N (default 100000).
// Before/after in one run: CDSX_BENCH_BEFORE=<a dist/ directory of an earlier build inside packages/kpi, e.g.
// bench/out/before/dist> measures that build too, interleaved with this one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
if (!existsSync(here('../dist/index.js'))) {
  console.error('dist/ is missing: run `pnpm --filter @cdsx/kpi build` first');
  process.exit(1);
}
const builds = [['this build', here('../dist')]];
if (process.env.CDSX_BENCH_BEFORE)
  builds.unshift([
    'before',
    fileURLToPath(new URL(process.env.CDSX_BENCH_BEFORE, `file://${process.cwd()}/`)),
  ]);
const loaded = [];
for (const [name, dir] of builds) {
  const { readDossiers } = await import(`${dir}/index.js`);
  const { readDossiersCsv } = await import(`${dir}/node.js`);
  loaded.push({ name, readDossiers, readDossiersCsv });
}
const { DOSSIER_FIELDS } = await import('../dist/index.js');
const { generateDossiers } = await import('../dist/testing/index.js');

const N = Number(process.env.CDSX_BENCH_N ?? 100_000);
const ROUNDS = Number(process.env.CDSX_BENCH_ROUNDS ?? 3);
const valid = [...generateDossiers({ seed: 4, count: N, communes: ['00004', '00007', '00010'], year: 2026 })];
// One realistic mistake per record, cycling through the kinds seen in portal exports.
const breakers = [
  (d) => ({ ...d, receivedAt: '2026-02-30T09:00:00+07:00' }),
  (d) => ({ ...d, channel: 'fax' }),
  (d) => ({ ...d, communeCode: '4' }),
  (d) => ({ ...d, complaint: 'maybe' }),
  (d) => ({ ...d, status: 'done' }),
];
const invalid = valid.map((d, i) => breakers[i % breakers.length](d));
// Three mistakes per record: a bad value, a cross-field rule (finished without finishedAt, or in progress
// with one), and an unknown column.
const multi = valid.map((d, i) => {
  const r = { ...d, provinceCode: '7', note: 'x' };
  if (r.finishedAt === undefined) r.status = 'finished';
  else r.status = 'in_progress';
  if (i % 2) r.appointmentDate = '2026-02-30';
  return r;
});

const COLUMNS = [...DOSSIER_FIELDS, 'note'];
const csvRow = (d) =>
  COLUMNS.map((c) => {
    const v = d[c];
    if (v === undefined) return '';
    if (c === 'supplementRequests') return v.map((s) => `${s.requestedAt}/${s.suppliedAt ?? ''}`).join(';');
    return String(v);
  }).join(',');
const ndjson = (ds) => ds.map((d) => JSON.stringify(d)).join('\n');
const csv = (ds) => `${COLUMNS.join(',')}\n${ds.map(csvRow).join('\n')}\n`;

async function perRecord(read, text) {
  const c0 = process.cpuUsage();
  const reader = read(text);
  for await (const _ of reader.batches());
  const c = process.cpuUsage(c0);
  return { us: (c.user + c.system) / reader.summary.records, s: reader.summary };
}

const sets = [
  ['valid', valid],
  ['1 mistake', invalid],
  ['3 mistakes', multi],
];
for (const [format, enc] of [
  ['ndjson', ndjson],
  ['csv', csv],
]) {
  const texts = sets.map(([, ds]) => enc(ds));
  const small = sets.map(([, ds]) => enc(ds.slice(0, 5000)));
  const best = loaded.map(() => sets.map(() => undefined));
  for (const build of loaded) {
    const read = format === 'ndjson' ? build.readDossiers : build.readDossiersCsv;
    for (const t of small) await perRecord(read, t); // warm-up
  }
  // Interleaved: every round reads every set with every build, the builds in turn first.
  for (let k = 0; k < ROUNDS; k++)
    for (const [b, build] of k % 2 ? [...loaded.entries()].reverse() : loaded.entries()) {
      const read = format === 'ndjson' ? build.readDossiers : build.readDossiersCsv;
      for (const [j, t] of texts.entries()) {
        const m = await perRecord(read, t);
        if (!best[b][j] || m.us < best[b][j].us) best[b][j] = m;
      }
    }
  for (const [b, build] of loaded.entries()) {
    const [v, r1, r3] = best[b];
    console.log(
      `${format} (${build.name}): ${N} records, CPU µs/record — valid ${v.us.toFixed(2)} (accepted ${v.s.accepted}), ` +
        `1 mistake ${r1.us.toFixed(2)} (rejected ${r1.s.rejected}), 3 mistakes ${r3.us.toFixed(2)} (rejected ${r3.s.rejected}); ` +
        `ratio rejected/valid ${(r1.us / v.us).toFixed(2)} and ${(r3.us / v.us).toFixed(2)}`,
    );
  }
}
