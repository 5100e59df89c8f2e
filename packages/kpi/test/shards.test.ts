import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { dossierKpiAccumulator } from '../src/calculators';
import { groupsFromCounts, type KpiCounts, mergeKpiCounts } from '../src/counts';
import { readDossiersFile } from '../src/node';
import { edgeDossiers } from './edge-data';

// The shard demo: split a file into N shards, compute each shard's counts in its own process
// (bench/measure.mjs, DuckDB, over the built package), merge with mergeKpiCounts — byte-identical to
// the single JavaScript run. JavaScript partial accumulators merge the same way.
const run = promisify(execFile);
const MEASURE = fileURLToPath(new URL('../bench/measure.mjs', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../dist/node.js', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'cdsx-kpi-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BY = ['commune', 'quarter'] as const;

describe('sharded and merged = one run', () => {
  const lines = [...edgeDossiers(7, 6000)].map((d) => JSON.stringify(d));
  const file = join(dir, 'all.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const shards = [0, 1, 2].map((i) => {
    const f = join(dir, `shard${i}.ndjson`);
    writeFileSync(f, `${lines.slice(i * 2000, (i + 1) * 2000).join('\n')}\n`);
    return f;
  });

  async function single() {
    const acc = dossierKpiAccumulator({ by: [...BY] });
    for await (const d of readDossiersFile(file)) acc.add(d);
    return acc.finish();
  }

  it('JavaScript shards: counts merged with mergeKpiCounts', async () => {
    const parts: KpiCounts[][] = [];
    for (const f of [...shards].reverse()) {
      const acc = dossierKpiAccumulator({ by: [...BY] });
      for await (const d of readDossiersFile(f)) acc.add(d);
      parts.push(acc.counts());
    }
    const merged = groupsFromCounts(mergeKpiCounts(parts, [...BY]), [...BY]);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(await single()));
  }, 60_000);

  it.runIf(BUILT || process.env.CI === 'true')(
    'DuckDB shards, each in its own process, merged',
    async () => {
      await Promise.all(shards.map((f) => run(process.execPath, [MEASURE, 'shard', f, '1'])));
      const parts = shards.map((f) => JSON.parse(readFileSync(`${f}.counts.json`, 'utf8')) as KpiCounts[]);
      expect(parts.every((p) => p.length > 0)).toBe(true);
      const merged = groupsFromCounts(mergeKpiCounts(parts, [...BY]), [...BY]);
      expect(JSON.stringify(merged)).toBe(JSON.stringify(await single()));
    },
    120_000,
  );
});
