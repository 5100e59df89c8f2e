import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdsx, REPO, STACK, tempDir } from './helpers';

async function dossierFile(
  dir: string,
  count: number,
  extra: string[] = [],
): Promise<{ file: string; lines: string[] }> {
  const { generateDossiers } = await import('@cdsx/kpi/testing');
  const { COMMUNES } = await import('@cdsx/criteria/communes');
  const dossiers = generateDossiers({
    seed: 7,
    count,
    year: 2026,
    communes: COMMUNES.slice(0, 40).map((c) => c.code),
  });
  const lines = [...[...dossiers].map((d) => JSON.stringify(d)), ...extra];
  const file = join(dir, 'dossiers.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, lines };
}

describe('cdsx kpi', () => {
  it('computes the KPI table with targets for a period', async () => {
    const dir = tempDir();
    const { file } = await dossierFile(dir, 500);
    const r = cdsx(['kpi', file, '--period', '2026-Q1', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dossier KPIs — period 2026-Q1');
    expect(r.stdout).toMatch(/Records: 500 read, 500 accepted, 0 rejected, 0 duplicate ids\./);
    expect(r.stderr).toBe('');
    const json = JSON.parse(cdsx(['kpi', file, '--period', '2026-Q1', '--format', 'json']).stdout);
    expect(json.period.label).toBe('2026-Q1');
    expect(json.groups).toHaveLength(1);
    const onTime = json.groups[0].kpis.onTimeRate;
    expect(onTime.denominator).toBeGreaterThan(0);
    expect(onTime.denominator + json.records.outsidePeriod).toBe(500);
  });

  it('groups by province, and the summary of a CSV/JSON run goes to stderr', async () => {
    const dir = tempDir();
    const { file } = await dossierFile(dir, 300);
    const r = cdsx(['kpi', file, '--period', '2026', '--by', 'province', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.by).toBe('province');
    for (const g of json.groups) expect(g.key.province).toMatch(/^\d{2}$/);
    expect(r.stderr).toContain('300');
  });

  it('reports rejected records with their line and field at the end, and exits 1', async () => {
    const dir = tempDir();
    const { file, lines } = await dossierFile(dir, 50, ['{"id": "broken", "communeCode": "1"}', 'not json']);
    const r = cdsx(['kpi', file, '--period', '2026', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Records: 52 read, 50 accepted, 2 rejected');
    expect(r.stdout).toContain(`dossiers.ndjson:${lines.length - 1} communeCode:`);
    // A line that is not JSON is located to its column too (issue 17).
    expect(r.stdout).toMatch(
      new RegExp(
        `dossiers\\.ndjson:${lines.length}:1 \\(root\\): dòng không phải JSON|dossiers\\.ndjson:${lines.length}:1 \\(root\\): line is not valid JSON`,
      ),
    );
    expect(r.stderr).not.toMatch(STACK);
    // No progress bar when stderr is not a terminal.
    expect(r.stderr).not.toContain('\r');
  });

  it('reads CSV dossiers and gives the same KPIs as NDJSON', async () => {
    const dir = tempDir();
    const { file, lines } = await dossierFile(dir, 200);
    const dossiers = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const fields = [...new Set(dossiers.flatMap((d) => Object.keys(d)))];
    const cell = (v: unknown): string => {
      if (v === undefined) return '';
      if (Array.isArray(v)) {
        return v
          .map((s: { requestedAt: string; suppliedAt?: string }) => `${s.requestedAt}/${s.suppliedAt ?? ''}`)
          .join(';');
      }
      return String(v);
    };
    const csv = [fields.join(','), ...dossiers.map((d) => fields.map((f) => cell(d[f])).join(','))].join(
      '\n',
    );
    const csvFile = join(dir, 'dossiers.csv');
    writeFileSync(csvFile, `${csv}\n`);
    const a = cdsx(['kpi', file, '--period', '2026', '--by', 'commune', '--format', 'json']);
    const b = cdsx(['kpi', csvFile, '--period', '2026', '--by', 'commune', '--format', 'json']);
    expect(b.code, b.stdout + b.stderr).toBe(0);
    expect(JSON.parse(b.stdout).groups).toEqual(JSON.parse(a.stdout).groups);
  });

  it('adds the procedure KPIs from --services', async () => {
    const dir = tempDir();
    const { file } = await dossierFile(dir, 20);
    const procedures = [
      {
        code: '1.001612',
        name: 'Đăng ký khai sinh',
        level: 'commune',
        onlineService: 'full',
        fullProcessEligible: true,
        essential: true,
        aiEnabled: true,
        enterpriseRelated: false,
        locationIndependent: true,
        feeBearing: false,
      },
      {
        code: '1.004227',
        name: 'Chứng thực bản sao',
        level: 'commune',
        onlineService: 'partial',
        fullProcessEligible: false,
        essential: true,
        aiEnabled: false,
        enterpriseRelated: true,
        locationIndependent: false,
        feeBearing: true,
      },
    ];
    const services = join(dir, 'services.ndjson');
    writeFileSync(services, procedures.map((p) => JSON.stringify(p)).join('\n'));
    const r = cdsx(['kpi', file, '--period', '2026', '--services', services, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.services.locationIndependentProcedureRate).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
    expect(json.services.enterpriseProcedureOnlineRate).toMatchObject({
      numerator: 0,
      denominator: 1,
      value: 0,
    });
    writeFileSync(services, '{"code": "x"}\n');
    const bad = cdsx(['kpi', file, '--period', '2026', '--services', services, '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/services\.ndjson:1 name: required field is missing/);
  });

  it('validates a dossier file, listing each bad record with its line', async () => {
    const dir = tempDir();
    const { file, lines } = await dossierFile(dir, 30);
    const ok = cdsx(['validate', file, '--lang', 'en']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`✓ ${file}: valid dossiers (30 records)`);
    const dup = lines[0]!;
    writeFileSync(file, `${[...lines, dup, '{"id": "x"}'].join('\n')}\n`);
    const bad = cdsx(['validate', file, '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`${file}:${lines.length + 1} id: dossier id `);
    expect(bad.stdout).toMatch(
      new RegExp(`dossiers\\.ndjson:${lines.length + 2} communeCode: required field is missing`),
    );
    expect(bad.stdout).toContain('32 records, 1 invalid, 1 duplicate ids');
  });

  it('needs a valid --period (exit 2) and an existing file (exit 1)', async () => {
    const dir = tempDir();
    const { file } = await dossierFile(dir, 5);
    expect(cdsx(['kpi', file]).code).toBe(2);
    expect(cdsx(['kpi', file, '--period', '2026-Q5']).code).toBe(2);
    expect(cdsx(['kpi', file, '--period', '2026', '--by', 'district']).code).toBe(2);
    expect(cdsx(['kpi', join(dir, 'missing.ndjson'), '--period', '2026']).code).toBe(1);
  });
});

describe('cdsx kpi --engine duckdb | postgres (the same KPIs as SQL)', () => {
  it('--map is checked by @cdsx/kpi: each bad entry located at its line and field, before any query', async () => {
    const dir = tempDir();
    const { file } = await dossierFile(dir, 10);
    const map = join(dir, 'mapping.json');
    writeFileSync(map, '{\n  "communeCode": "ma_xa",\n  "kenh": "channel",\n  "rating": { "sql": "" }\n}\n');
    const r = cdsx(['kpi', file, '--period', '2026-Q2', '--engine', 'duckdb', '--map', map]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /mapping\.json:3:\d+ kenh: .+ \/ unknown field "kenh"; the fields are communeCode, /,
    );
    expect(r.stderr).toMatch(/mapping\.json:4:\d+ rating: cần tên cột .+ \/ expected a column name/);
    expect(r.stderr).not.toMatch(STACK);
    writeFileSync(map, '{"communeCode": ');
    const broken = cdsx([
      'kpi',
      file,
      '--period',
      '2026-Q2',
      '--engine',
      'duckdb',
      '--map',
      map,
      '--lang',
      'en',
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/mapping\.json:1:\d+ \(root\): malformed JSON/);
  }, 60_000);

  it('--engine duckdb gives the same groups as the js engine', async () => {
    const dir = tempDir();
    const { file } = await dossierFile(dir, 2000);
    for (const by of ['commune', 'province']) {
      const js = cdsx(['kpi', file, '--period', '2026-Q2', '--by', by, '--format', 'json']);
      const duck = cdsx([
        'kpi',
        file,
        '--period',
        '2026-Q2',
        '--by',
        by,
        '--format',
        'json',
        '--engine',
        'duckdb',
      ]);
      expect(js.code).toBe(0);
      expect(duck.code).toBe(0);
      const a = JSON.parse(js.stdout);
      const b = JSON.parse(duck.stdout);
      expect(b.groups.length).toBeGreaterThan(0);
      expect(JSON.stringify(b.groups)).toBe(JSON.stringify(a.groups));
      expect(b.engine).toBe('duckdb');
    }
  }, 120_000);

  it('--engine postgres reads a table through --map and agrees with the js engine', async () => {
    // @ts-expect-error — plain ESM module of @cdsx/kpi's benchmark
    const { findPgBin, startPgCluster } = await import('../../../packages/kpi/bench/pg-cluster.mjs');
    if (!findPgBin() && process.env.CI !== 'true') {
      expect(findPgBin()).toBeUndefined(); // no server here; CI installs one (.ci/system-deps) and must run this
      return;
    }
    const dir = tempDir();
    const { file, lines } = await dossierFile(dir, 800);
    const cluster = startPgCluster();
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: cluster.connectionString });
    try {
      await client.connect();
      await client.query(`CREATE TABLE ho_so (ma text PRIMARY KEY, ma_xa text, nhan timestamptz, kenh smallint,
        hinh_thuc text, hen date, so_ngay int, xong timestamptz, bo_sung int, yc timestamptz, bs timestamptz,
        danh_gia text, phan_anh boolean, co_phi boolean, phi numeric, tt boolean, so_hoa boolean, tai_su_dung boolean)`);
      for (const line of lines) {
        const d = JSON.parse(line);
        const s = d.supplementRequests[0];
        await client.query(
          'INSERT INTO ho_so VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)',
          [
            d.id,
            d.communeCode,
            d.receivedAt,
            { direct: 1, online: 2, postal: 3 }[d.channel as string],
            d.onlineMode ?? null,
            d.appointmentDate ?? null,
            d.processingDays ?? null,
            d.finishedAt ?? null,
            d.supplementRequests.length,
            s?.requestedAt ?? null,
            s?.suppliedAt ?? null,
            d.rating ?? null,
            d.complaint,
            d.feeBearing,
            d.feeAmount ?? null,
            d.paidOnline,
            d.digitised,
            d.digitisedDataReused,
          ],
        );
      }
      const map = join(dir, 'mapping.json');
      writeFileSync(
        map,
        JSON.stringify({
          communeCode: 'ma_xa',
          provinceCode: { sql: 'NULL' },
          receivedAt: 'nhan',
          channel: { sql: "CASE kenh WHEN 1 THEN 'direct' WHEN 2 THEN 'online' WHEN 3 THEN 'postal' END" },
          onlineMode: 'hinh_thuc',
          appointmentDate: 'hen',
          processingDays: 'so_ngay',
          finishedAt: 'xong',
          supplementCount: 'bo_sung',
          supplementRequestedAt: 'yc',
          supplementSuppliedAt: 'bs',
          rating: 'danh_gia',
          complaint: 'phan_anh',
          feeBearing: 'co_phi',
          feeAmount: 'phi',
          paidOnline: 'tt',
          digitised: 'so_hoa',
          digitisedDataReused: 'tai_su_dung',
        }),
      );
      const js = JSON.parse(
        cdsx(['kpi', file, '--period', '2026', '--by', 'province', '--format', 'json']).stdout,
      );
      const r = cdsx([
        'kpi',
        '--engine',
        'postgres',
        '--db',
        cluster.connectionString,
        '--table',
        'ho_so',
        '--map',
        map,
        '--period',
        '2026',
        '--by',
        'province',
        '--format',
        'json',
      ]);
      expect(r.stderr).not.toContain('internal');
      expect(r.code).toBe(0);
      expect(JSON.stringify(JSON.parse(r.stdout).groups)).toBe(JSON.stringify(js.groups));
      const bad = cdsx([
        'kpi',
        '--engine',
        'postgres',
        '--db',
        cluster.connectionString,
        '--table',
        'ho_so; drop',
        '--period',
        '2026',
      ]);
      expect(bad.code).toBe(2);
    } finally {
      await client.end().catch(() => {});
      cluster.stop();
    }
  }, 180_000);
});

describe('cdsx kpi --feedback', () => {
  // packages/kpi/examples/feedback.ndjson, counted by hand for March 2026 (no holiday in March; due
  // = 15 working days after receipt unless dueDate is given; a pending case is judged on 31/3):
  //   MAU-PAKN-01 00004 received 2/3, due 23/3, handled 12/3            → on time
  //   MAU-PAKN-02 00004 dueDate 6/3, handled 10/3                        → late
  //   MAU-PAKN-03 00004 received 16/3, due 6/4, handled 18/3 (rejected)  → on time
  //   MAU-PAKN-04 00007 received 20/3, due 10/4, pending on 31/3         → on time (not yet due)
  //   MAU-PAKN-05 00007 received 5/3, due 26/3, handled 9/3              → on time
  // All: 4 of 5 = 80%; 00004: 2 of 3; 00007: 2 of 2.
  const sample = join(REPO, 'packages/kpi/examples/feedback.ndjson');

  it('gives the feedback on-time rate from the sample file, alone and grouped by commune', () => {
    const r = cdsx(['kpi', '--feedback', sample, '--period', '2026-03', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.groups).toEqual([]);
    expect(json.feedback.records).toMatchObject({ records: 5, accepted: 5, rejected: 0, outsidePeriod: 0 });
    expect(json.feedback.groups).toHaveLength(1);
    expect(json.feedback.groups[0].kpis.feedbackOnTimeRate).toMatchObject({
      numerator: 4,
      denominator: 5,
      value: 80,
    });

    const by = JSON.parse(
      cdsx(['kpi', '--feedback', sample, '--period', '2026-03', '--by', 'commune', '--format', 'json'])
        .stdout,
    );
    const counts = Object.fromEntries(
      by.feedback.groups.map(
        (g: {
          key: { commune: string };
          kpis: Record<string, { numerator: number; denominator: number }>;
        }) => [g.key.commune, [g.kpis.feedbackOnTimeRate!.numerator, g.kpis.feedbackOnTimeRate!.denominator]],
      ),
    );
    expect(counts).toEqual({ '00004': [2, 3], '00007': [2, 2] });
  });

  it('puts the feedback rows in the same KPI table as the dossiers, and reports a bad case', async () => {
    const dir = tempDir();
    const { file } = await dossierFile(dir, 50);
    const table = cdsx(['kpi', file, '--feedback', sample, '--period', '2026-03', '--lang', 'en']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Dossier and feedback KPIs — period 2026-03');
    expect(table.stdout).toMatch(/Feedback \(.*feedback\.ndjson\) — Records: 5 read, 5 accepted, 0 rejected/);
    const rows = cdsx(['kpi', file, '--feedback', sample, '--period', '2026-03', '--format', 'ndjson'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.filter((x) => x.kpi === 'feedbackOnTimeRate')).toMatchObject([
      { numerator: 4, denominator: 5 },
    ]);
    expect(rows.some((x) => x.kpi === 'onTimeRate')).toBe(true);

    const bad = join(dir, 'feedback.ndjson');
    writeFileSync(
      bad,
      `${readFileSync(sample, 'utf8')}{"id":"X","communeCode":"00004","receivedAt":"2026-03-02T08:00:00+07:00","outcome":"done"}\n`,
    );
    const r = cdsx(['kpi', '--feedback', bad, '--period', '2026-03', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Records: 6 read, 5 accepted, 1 rejected');
    expect(r.stdout).toMatch(/feedback\.ndjson:6 outcome/);
    expect(r.stderr).not.toMatch(STACK);
  });
});
