import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error — plain ESM module shared with the benchmark
import { calendarArrays, duckdbKpis } from '../bench/duckdb-kpis.mjs';
import { computeDossierKpis } from '../src/calculators';
import { dayNumber, vietnamCalendar } from '../src/index';
import { readDossiersFile } from '../src/node';
import { generateDossiers } from '../src/testing';

// Two independent implementations — ours (streaming TypeScript) and DuckDB SQL over the same
// NDJSON — must agree exactly on every numerator, denominator and value, per commune × quarter.
const COMMUNES = Array.from({ length: 40 }, (_, i) => ({
  code: String(100 + i * 37).padStart(5, '0'),
  provinceCode: '01',
}));
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cdsx-kpi-'));
  file = join(dir, 'dossiers.ndjson');
  const lines: string[] = [];
  for (const d of generateDossiers({ seed: 20260331, count: 20_000, communes: COMMUNES, year: 2026 }))
    lines.push(JSON.stringify(d));
  writeFileSync(file, `${lines.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DuckDB equality', () => {
  it('gives identical numerators, denominators and values per commune × quarter', async () => {
    const reader = readDossiersFile(file);
    const ours = await computeDossierKpis(reader, { by: ['commune', 'quarter'] });
    expect(reader.summary.rejected).toBe(0);
    expect(reader.summary.accepted).toBe(20_000);

    const cal = calendarArrays(vietnamCalendar, dayNumber(2025, 1, 1), dayNumber(2027, 12, 31));
    const theirs: Map<
      string,
      Record<string, { numerator: number; denominator: number; value: number | null }>
    > = await duckdbKpis(file, cal, { threads: 1 });

    expect(ours.length).toBe(theirs.size);
    expect(ours.length).toBeGreaterThan(100);
    let compared = 0;
    for (const g of ours) {
      const other = theirs.get(`${g.key.commune}|${g.key.period}`);
      expect(other, `${g.key.commune} ${g.key.period}`).toBeDefined();
      for (const [id, r] of Object.entries(g.kpis)) {
        const o = other?.[id];
        expect({ id, key: g.key, n: r?.numerator, d: r?.denominator, v: r?.value }).toEqual({
          id,
          key: g.key,
          n: o?.numerator,
          d: o?.denominator,
          v: o?.value,
        });
        compared++;
      }
    }
    expect(compared).toBe(ours.length * 8);
    // The data exercise the interesting paths: some overdue, some unfinished, some supplements.
    const total = ours.reduce((s, g) => s + (g.kpis.onTimeRate?.denominator ?? 0), 0);
    const onTime = ours.reduce((s, g) => s + (g.kpis.onTimeRate?.numerator ?? 0), 0);
    expect(total).toBe(20_000);
    expect(onTime).toBeLessThan(total);
  }, 30_000);
});
