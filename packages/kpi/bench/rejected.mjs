// Per-record cost of a rejected dossier vs a valid one (issue 17 item 4), through readDossiers (NDJSON)
// and readDossiersCsv. Prints µs/record and the ratio rejected/valid measured in the same run (best of 3); never
// asserted. Needs a build: `pnpm --filter @cdsx/kpi build`. CDSX_BENCH_N (default 100000).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
if (!existsSync(here('../dist/index.js'))) {
  console.error('dist/ is missing: run `pnpm --filter @cdsx/kpi build` first');
  process.exit(1);
}
const { DOSSIER_FIELDS, readDossiers } = await import('../dist/index.js');
const { readDossiersCsv } = await import('../dist/node.js');
const { generateDossiers } = await import('../dist/testing/index.js');

const N = Number(process.env.CDSX_BENCH_N ?? 100_000);
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

// The CSV header: every dossier field, from the package's one list.
const COLUMNS = DOSSIER_FIELDS;
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
  const t0 = process.hrtime.bigint();
  const reader = read(text);
  for await (const _ of reader.batches());
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { us: (ms * 1000) / reader.summary.records, s: reader.summary };
}

for (const [name, read, enc] of [
  ['ndjson', readDossiers, ndjson],
  ['csv', readDossiersCsv, csv],
]) {
  const vt = enc(valid);
  const it = enc(invalid);
  await perRecord(read, enc(valid.slice(0, 5000))); // warm-up
  await perRecord(read, enc(invalid.slice(0, 5000)));
  // Best of 3 alternating runs: the machine is shared, the minimum is the least disturbed figure.
  let v;
  let r;
  for (let k = 0; k < 3; k++) {
    const a = await perRecord(read, vt);
    const b = await perRecord(read, it);
    if (!v || a.us < v.us) v = a;
    if (!r || b.us < r.us) r = b;
  }
  console.log(
    `${name}: ${N} records — valid ${v.us.toFixed(2)} µs/record (accepted ${v.s.accepted}), ` +
      `rejected ${r.us.toFixed(2)} µs/record (rejected ${r.s.rejected}), ratio rejected/valid ${(r.us / v.us).toFixed(2)}`,
  );
}
