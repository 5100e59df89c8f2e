#!/usr/bin/env node
// Wall time of the built CLI's main job, `cdsx demo`, as a user sees it (process start to exit), plus the
// `dataset synthetic | assess -` pipeline. Printed, never asserted. Run `pnpm build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMUNES } from '@cdsx/criteria/communes';
import { generateDossiers } from '@cdsx/kpi/testing';

const cli = fileURLToPath(new URL('../dist/cdsx.js', import.meta.url));
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`pnpm build\` first`);
  process.exit(1);
}
const runs = Number(process.env.BENCH_RUNS ?? 5);

function time(label, args, shell = false) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = shell
      ? spawnSync('sh', ['-c', args], { stdio: ['ignore', 'ignore', 'ignore'] })
      : spawnSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${label} exited ${r.status}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${label.padEnd(48)} median ${median.toFixed(0).padStart(5)} ms  min ${times[0].toFixed(0).padStart(5)} ms  max ${times.at(-1).toFixed(0).padStart(5)} ms  (${runs} runs)`,
  );
}

console.log(
  `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
time('cdsx --help (start-up)', ['--help']);
time('cdsx demo (3,321 communes)', ['demo']);
time('cdsx demo --format json', ['demo', '--format', 'json']);
const node = JSON.stringify(process.execPath);
time(
  'dataset synthetic | assess - --format ndjson',
  `${node} ${JSON.stringify(cli)} dataset synthetic 2>/dev/null | ${node} ${JSON.stringify(cli)} assess - --format ndjson >/dev/null 2>&1`,
  true,
);

// 100,000 synthetic dossiers over every commune (about 40 MB of NDJSON), KPIs by province for one quarter.
const dir = mkdtempSync(join(os.tmpdir(), 'cdsx-bench-'));
try {
  const file = join(dir, 'dossiers.ndjson');
  const lines = [];
  for (const d of generateDossiers({
    seed: 1,
    count: 100_000,
    year: 2026,
    communes: COMMUNES.map((c) => c.code),
  })) {
    lines.push(JSON.stringify(d));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  time('kpi 100,000 dossiers --period 2026-Q1 --by province', [
    'kpi',
    file,
    '--period',
    '2026-Q1',
    '--by',
    'province',
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
