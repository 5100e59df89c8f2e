import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdsx, tempDir } from './helpers';

async function dossiers(dir: string) {
  const { generateDossiers } = await import('@cdsx/kpi/testing');
  const { COMMUNES } = await import('@cdsx/criteria/communes');
  const list = [
    ...generateDossiers({
      seed: 3,
      count: 400,
      year: 2026,
      communes: COMMUNES.slice(0, 5).map((c) => c.code),
    }),
  ];
  const file = join(dir, 'dossiers.ndjson');
  writeFileSync(file, `${list.map((d) => JSON.stringify(d)).join('\n')}\n`);
  return { file, list };
}

describe('cdsx kpi --by with a combination', () => {
  it('groups by commune and quarter, as the library does', async () => {
    const dir = tempDir();
    const { file, list } = await dossiers(dir);
    const kpi = await import('@cdsx/kpi');
    const acc = kpi.dossierKpiAccumulator({ period: kpi.parsePeriod('2026')!, by: ['commune', 'quarter'] });
    for (const d of list) acc.add(d as never);
    const expected = acc.finish();
    const r = cdsx(['kpi', file, '--period', '2026', '--by', 'commune,quarter', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.by).toBe('commune,quarter');
    expect(json.groups).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(new Set(json.groups.map((g: { key: { period: string } }) => g.key.period))).toEqual(
      new Set(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']),
    );
    const table = cdsx([
      'kpi',
      file,
      '--period',
      '2026',
      '--by',
      'commune,quarter',
      '--format',
      'csv',
      '--lang',
      'en',
    ]);
    expect(table.stdout.split('\r\n')[0]).toMatch(/^Commune,Commune name,Quarter,KPI,/);
  });

  it('says which dimensions are accepted for a bad --by', async () => {
    const r = cdsx(['kpi', 'x.ndjson', '--period', '2026', '--by', 'commune,week', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '"week" is not usable; pick one or more of commune, province, year, quarter, month',
    );
  });
});

describe('semicolon-delimited CSV (Excel in a Vietnamese locale)', () => {
  it('is rejected with the way out, not read as one column', () => {
    const dir = tempDir();
    const file = join(dir, 'ho-so.csv');
    writeFileSync(
      file,
      '\uFEFFid;communeCode;procedureCode;receivedAt\r\nA1;00004;1.001;2026-01-05T08:00:00+07:00\r\n',
    );
    const r = cdsx(['kpi', file, '--period', '2026', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ho-so.csv:1 (root): the CSV file is separated by semicolons (;)');
    expect(r.stderr).toContain('CSV UTF-8 (Comma delimited)');
  });
});
