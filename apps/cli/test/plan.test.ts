import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdsx, REPO, STACK, tempDir } from './helpers';

const PROVINCE_PLAN = join(REPO, 'packages/plan/examples/province-plan.example.json');
const COMMUNE_PLAN = join(REPO, 'packages/plan/examples/commune-plan.example.json');

/** `cdsx plan evaluate <province plan> --synthetic --format json`, run once and shared by the tests. */
let provinceRun: ReturnType<typeof cdsx> | undefined;
const syntheticProvince = () => {
  provinceRun ??= cdsx(['plan', 'evaluate', PROVINCE_PLAN, '--synthetic', '--format', 'json']);
  return provinceRun;
};

describe('cdsx plan validate', () => {
  it('accepts the example plans and lists their targets', () => {
    const r = cdsx(['plan', 'validate', PROVINCE_PLAN, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Valid plan: Tỉnh Lai Châu 2026 — 8 targets, all computable');
    expect(r.stdout).toMatch(/XA-01\s+Leadership and direction\s+Share of communes at level ≥ 1\s+>= 60%/);
    expect(cdsx(['plan', 'validate', COMMUNE_PLAN]).code).toBe(0);
  });

  it('rejects uncomputable targets, each located by line, column and path, in vi and en, no stack trace', () => {
    const dir = tempDir();
    const doc = JSON.parse(readFileSync(COMMUNE_PLAN, 'utf8'));
    doc.targets[4].indicator.kpi = 'onlineRate';
    doc.targets.push({
      ...doc.targets[0],
      id: 'X-09',
      indicator: { kind: 'share_at_level', level: 2 },
      value: 50,
    });
    doc.targets[2].indicator.criterion = 'HT.99';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const r = cdsx(['plan', 'validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /bad\.json:\d+:\d+ targets\[2\]\.indicator\.criterion: tiêu chí "HT\.99" không có trong bộ tiêu chí .* \/ criterion "HT\.99" is not in catalog/,
    );
    expect(lines[1]).toMatch(
      /bad\.json:\d+:\d+ targets\[4\]\.indicator\.kpi: không có chỉ số KPI "onlineRate".* \/ no KPI "onlineRate"/,
    );
    expect(lines[2]).toMatch(
      /targets\[6\]\.indicator\.kind: .* \/ "share_at_level" is a share over a province's communes/,
    );
    // The line number points at the offending value in the file.
    const lineNo = Number(/bad\.json:(\d+):/.exec(lines[1]!)![1]);
    expect(readFileSync(file, 'utf8').split('\n')[lineNo - 1]).toContain('"onlineRate"');
    const en = cdsx(['plan', 'validate', file, '--lang', 'en']);
    expect(en.stderr).not.toContain('không có chỉ số');
  });
});

describe('cdsx plan evaluate', () => {
  it('follows seed 002 §I.1: results by target group, previous year, national targets, communes holding back', () => {
    const r = cdsx(['plan', 'evaluate', PROVINCE_PLAN, '--synthetic', '--lang', 'en']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    const order = [
      'SYNTHETIC DATA',
      'EXAMPLE — an illustrative plan',
      'Summary',
      '1.1. Results — Leadership and direction',
      '1.2. Results — Digital infrastructure',
      '1.3. Results — Digital government',
      '2. Compared with the previous year',
      '3. Compared with the national targets',
      '4. Communes holding XA-01 back',
      'Basis',
    ].map((s) => out.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out).toMatch(/CQS-04 .* Not available .* no procedures/);
    expect(out).toMatch(/Data period: 2026/);
  });

  it('the JSON record is deterministic and agrees with the table', () => {
    const a = syntheticProvince();
    const b = cdsx(['plan', 'evaluate', PROVINCE_PLAN, '--synthetic', '--format', 'json'], {
      env: { TZ: 'America/Los_Angeles' },
    });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const ev = JSON.parse(a.stdout);
    expect(ev.format).toBe('cdsx-plan-evaluation/1');
    expect(ev.plan.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ev.catalog.version).toBe('0.2.0');
    expect(ev.data.synthetic).toBe(true);
    const counts = { met: 0, not_met: 0, not_available: 0 } as Record<string, number>;
    for (const t of ev.targets) counts[t.status]!++;
    expect(ev.summary).toEqual({
      targets: 8,
      met: counts.met,
      notMet: counts.not_met,
      notAvailable: counts.not_available,
    });
    for (const t of ev.targets) if (t.status === 'not_available') expect(t.actual).toBeNull();
    const table = cdsx(['plan', 'evaluate', PROVINCE_PLAN, '--synthetic', '--lang', 'en']).stdout;
    const cqs01 = ev.targets.find((t: { id: string }) => t.id === 'CQS-01');
    expect(table).toContain(`${cqs01.actual.toFixed(2)}%`);
  });

  it('reads the same synthetic assessments from a file (cdsx dataset synthetic) to the same shares; --previous chains years', () => {
    const dir = tempDir();
    const file = join(dir, 'lai-chau.ndjson');
    expect(cdsx(['dataset', 'synthetic', '--province', '12', '--catalog', '0.2.0', '--out', file]).code).toBe(
      0,
    );
    const fromFile = cdsx(['plan', 'evaluate', PROVINCE_PLAN, '--assessments', file, '--format', 'json']);
    expect(fromFile.code).toBe(0);
    const synthetic = JSON.parse(syntheticProvince().stdout);
    const ev = JSON.parse(fromFile.stdout);
    for (const id of ['XA-01', 'HT-01', 'HT-02']) {
      const x = ev.targets.find((t: { id: string }) => t.id === id);
      const y = synthetic.targets.find((t: { id: string }) => t.id === id);
      expect([x.status, x.actual, x.range, x.aggregate]).toEqual([y.status, y.actual, y.range, y.aggregate]);
    }
    // No dossiers given: KPI targets are not available, not 0.
    const kpi = ev.targets.find((t: { id: string }) => t.id === 'CQS-01');
    expect([kpi.status, kpi.actual]).toEqual(['not_available', null]);
    // The previous year's evaluation is used for "compared with the previous year".
    const prev = join(dir, 'prev.json');
    writeFileSync(prev, fromFile.stdout.replace('"period": "2026"', '"period": "2025"'));
    const chained = JSON.parse(
      cdsx(['plan', 'evaluate', PROVINCE_PLAN, '--assessments', file, '--previous', prev, '--format', 'json'])
        .stdout,
    );
    const ht01 = chained.targets.find((t: { id: string }) => t.id === 'HT-01');
    expect(ht01.previous).toEqual({ year: 2025, value: ht01.actual, from: 'previous_evaluation' });
    expect(ht01.trend).toBe('unchanged');
    expect(chained.previous.period).toBe('2025');
  });

  it('refuses a file that is not an evaluation, and --synthetic with data files', () => {
    const r = cdsx(['plan', 'evaluate', PROVINCE_PLAN, '--previous', PROVINCE_PLAN, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('province-plan.example.json: not a plan evaluation (cdsx-plan-evaluation/1)');
    expect(r.stderr).not.toMatch(STACK);
    const u = cdsx([
      'plan',
      'evaluate',
      PROVINCE_PLAN,
      '--synthetic',
      '--assessments',
      'x.ndjson',
      '--lang',
      'en',
    ]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('--synthetic cannot be combined');
  });

  it('the docs pages show a real excerpt of this report (vi and en)', () => {
    for (const [page, lang] of [
      ['docs/guide/plan.md', 'vi'],
      ['docs/en/guide/plan.md', 'en'],
    ] as const) {
      const md = readFileSync(join(REPO, page), 'utf8');
      // The fenced block that starts with the report title of the sample province plan.
      const excerpt = md
        .split('```text\n')
        .map((b) => b.split('```')[0]!)
        .find((b) => b.includes('— Tỉnh Lai Châu (12)'));
      expect(excerpt, page).toBeDefined();
      expect(excerpt!.split('\n').length).toBeGreaterThan(40);
      const out = cdsx(['plan', 'evaluate', PROVINCE_PLAN, '--synthetic', '--lang', lang]).stdout;
      expect(out.startsWith(excerpt!.trimEnd()), `${page} excerpt differs from the CLI output`).toBe(true);
    }
  });

  it('writes an Excel workbook with --format xlsx', () => {
    const dir = tempDir();
    const out = join(dir, 'eval.xlsx');
    const r = cdsx(['plan', 'evaluate', COMMUNE_PLAN, '--synthetic', '--format', 'xlsx', '--out', out]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('cdsx plan next', () => {
  it('writes next year’s draft with baselines and proposals, which validates', () => {
    const dir = tempDir();
    const out = join(dir, 'plan-2027.json');
    const r = cdsx(['plan', 'next', PROVINCE_PLAN, '--synthetic', '--out', out]);
    expect(r.code).toBe(0);
    const next = JSON.parse(readFileSync(out, 'utf8'));
    expect(next).toMatchObject({ format: 'cdsx-plan/1', status: 'draft', year: 2027, example: true });
    const ev = JSON.parse(syntheticProvince().stdout);
    for (const t of ev.targets) {
      expect(next.targets.find((x: { id: string }) => x.id === t.id).baseline).toEqual({
        year: 2026,
        value: t.actual,
      });
    }
    // The province plan already has a satisfaction target; 2027's only KPI-measured national target
    // (QĐ 2629: 95% satisfaction, 2025–2027) is proposed to the commune plan, which has none.
    expect(next.targets.filter((x: { proposal?: boolean }) => x.proposal)).toEqual([]);
    const commune = JSON.parse(cdsx(['plan', 'next', COMMUNE_PLAN, '--synthetic']).stdout);
    const proposals = commune.targets.filter((x: { proposal?: boolean }) => x.proposal);
    expect(
      proposals.map((x: { nationalTarget: string; value: number }) => [x.nationalTarget, x.value]),
    ).toEqual([['QD2629.satisfaction95', 95]]);
    expect(cdsx(['plan', 'validate', out]).code).toBe(0);
    // From a saved evaluation instead of data: the same skeleton.
    const evFile = join(dir, 'eval.json');
    writeFileSync(evFile, JSON.stringify(ev));
    const again = cdsx(['plan', 'next', PROVINCE_PLAN, '--evaluation', evFile]);
    expect(JSON.parse(again.stdout)).toEqual(next);
    // An evaluation of another plan is refused.
    const other = cdsx(['plan', 'next', COMMUNE_PLAN, '--evaluation', evFile, '--lang', 'en']);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/the evaluation is of plan sha256:[0-9a-f]+, not of this plan/);
  });
});
