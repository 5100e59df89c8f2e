import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdsx, EXAMPLES, REPO, STACK, shell, tempDir } from './helpers';

const ward = () => JSON.parse(readFileSync(join(EXAMPLES, 'valid/urban-ward-quarter.json'), 'utf8'));
const rural = () => JSON.parse(readFileSync(join(EXAMPLES, 'valid/rural-commune-quarter.json'), 'utf8'));

/** Five NDJSON lines: good, malformed JSON, bad period, unknown commune code, good. */
function mixedBatch(dir: string): string {
  const file = join(dir, 'mixed.ndjson');
  const badPeriod = { ...ward(), period: '2026-Q7' };
  const unknown = ward();
  unknown.commune.code = '99999';
  writeFileSync(
    file,
    [ward(), '{"commune": ', badPeriod, unknown, rural()]
      .map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))
      .join('\n'),
  );
  return file;
}

describe('cdsx assess over a batch with bad records', () => {
  it('reports each bad record (file:line, path, vi / en), decides and writes every good one, exits 1', () => {
    const file = mixedBatch(tempDir());
    const r = cdsx(['assess', file, '--format', 'ndjson']);
    expect(r.code).toBe(1);
    const codes = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).commune.code);
    expect(codes).toEqual(['25747', '12166']);
    const err = r.stderr.split('\n');
    expect(err.some((l) => /mixed\.ndjson:2:\d+ \(root\): .+ \/ malformed JSON/.test(l))).toBe(true);
    expect(
      err.some((l) => /mixed\.ndjson:3:\d+ period: kỳ báo cáo .+ \/ a reporting period is/.test(l)),
    ).toBe(true);
    expect(
      err.some((l) => /mixed\.ndjson:4:\d+ commune\.code: .+ \/ commune code 99999 is not in/.test(l)),
    ).toBe(true);
    expect(r.stderr).toContain('3 trong 5 bản ghi không hợp lệ');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('streams a JSON array ([, records, ]) with the same contract, and a table with the summary after it', () => {
    const file = mixedBatch(tempDir());
    const json = cdsx(['assess', file, '--format', 'json', '--lang', 'en']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).map((d: { commune: { code: string } }) => d.commune.code)).toEqual([
      '25747',
      '12166',
    ]);
    const table = cdsx(['assess', file, '--lang', 'en']);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('25747');
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe(
      '3 of 5 records invalid (reported above, not assessed); the 2 valid records were assessed.',
    );
  });

  it('the good records are the records a clean batch gives (byte for byte)', () => {
    const dir = tempDir();
    const clean = join(dir, 'clean.ndjson');
    writeFileSync(clean, `${JSON.stringify(ward())}\n${JSON.stringify(rural())}\n`);
    const good = cdsx(['assess', clean, '--format', 'ndjson']);
    expect(good.code).toBe(0);
    expect(cdsx(['assess', mixedBatch(dir), '--format', 'ndjson']).stdout).toBe(good.stdout);
  });

  it('stops early and quietly when the reader of a pipe goes away (| head)', () => {
    const r = shell('cdsx dataset synthetic | cdsx assess - --format ndjson | head -n 2');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(JSON.parse(l).recordVersion).toBe(2);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('commune identity', () => {
  it('rejects a listed code with another name or province, naming the listed values', () => {
    const a = ward();
    a.commune.name = 'Tên Khác';
    a.commune.provinceCode = '01';
    const r = cdsx(['assess', '-', '--lang', 'en'], { input: JSON.stringify(a) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /commune\.name: commune 25747 is "Thủ Dầu Một" in the commune list, not "Tên Khác"/,
    );
    expect(r.stderr).toMatch(/commune\.provinceCode: commune 25747 Thủ Dầu Một belongs to province 79 /);
  });

  it('accepts a unit outside the list with --allow-unlisted-units, as a warning', () => {
    const a = ward();
    a.commune.code = '99999';
    const strict = cdsx(['assess', '-', '--lang', 'en'], { input: JSON.stringify(a) });
    expect(strict.code).toBe(1);
    const r = cdsx(['assess', '-', '--allow-unlisted-units', '--format', 'json', '--lang', 'en'], {
      input: JSON.stringify(a),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].commune.code).toBe('99999');
    expect(r.stderr).toMatch(
      /<stdin>:\d+:\d+ commune\.code: commune code 99999 is not in the commune list \(accepted/,
    );
  });
});

describe('cdsx validate checks commune identity like cdsx assess', () => {
  it('rejects a wrong name or province and an unlisted code; --allow-unlisted-units makes the latter a warning', () => {
    const dir = tempDir();
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(ward()));
    expect(cdsx(['validate', good, '--lang', 'en']).code).toBe(0);

    const renamed = ward();
    renamed.commune.name = 'Tên Khác';
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify(renamed, null, 2));
    const r = cdsx(['validate', wrong, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /wrong\.json:\d+:\d+ commune\.name: commune 25747 is "Thủ Dầu Một" in the commune list, not "Tên Khác"/,
    );
    expect(r.stdout).not.toMatch(STACK);

    const unlisted = ward();
    unlisted.commune.code = '99999';
    const file = join(dir, 'unlisted.json');
    writeFileSync(file, JSON.stringify(unlisted, null, 2));
    const strict = cdsx(['validate', file, '--lang', 'en']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/unlisted\.json:\d+:\d+ commune\.code: commune code 99999 is not in/);
    const allowed = cdsx(['validate', file, '--allow-unlisted-units', '--lang', 'en']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/commune\.code: commune code 99999 is not in the commune list \(accepted/);
    expect(allowed.stdout).toContain('✓');
  });
});

describe('draft editions', () => {
  const draft = () => {
    const e = JSON.parse(readFileSync(join(REPO, 'packages/criteria/src/editions/0.2.0.json'), 'utf8'));
    e.id = 'cdsx-commune-draft-test';
    e.version = '0.3.0';
    // Ask less of rural communes at level 1 for mobile broadband (90% → 70%).
    e.criteria.find((c: { id: string }) => c.id === 'HT.01').requirements.rural['1'].threshold = 70;
    return e;
  };

  it('previews a draft edition file with catalog impact (same report as the library)', async () => {
    const { contentHashOf } = await import('@cdsx/criteria');
    const { getEdition } = await import('@cdsx/criteria/editions');
    const { tryImpactReport } = await import('@cdsx/rules');
    const dir = tempDir();
    const file = join(dir, 'draft.json');
    const edition = draft();
    writeFileSync(file, JSON.stringify(edition, null, 2));
    const from = getEdition('0.2.0');
    if (!from.ok) throw new Error('0.2.0 missing');
    const expected = tryImpactReport({
      from: from.value,
      to: { edition, contentHash: contentHashOf(edition) },
    });
    if (!expected.ok) throw new Error('impact failed');
    expect(expected.value.totals.up).toBeGreaterThan(0);
    const r = cdsx(['catalog', 'impact', '0.2.0', 'draft.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected.value)));
    const show = cdsx(['catalog', 'show', file, '--format', 'json']);
    expect(show.code).toBe(0);
  });

  it('validates and lints a draft first, with every problem located in the file', () => {
    const dir = tempDir();
    const e = draft();
    e.criteria[3].requirements.rural['2'].threshold = -5;
    e.criteria.push(e.criteria[0]);
    const file = join(dir, 'bad-draft.json');
    writeFileSync(file, JSON.stringify(e, null, 2));
    const r = cdsx(['catalog', 'impact', '0.2.0', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-draft\.json:\d+:\d+ criteria\[/);
    expect(r.stderr).not.toMatch(STACK);
    const assess = cdsx(['assess', join(EXAMPLES, 'valid'), '--catalog', file]);
    expect(assess.code).toBe(1);
    expect(assess.stderr).toMatch(/bad-draft\.json:\d+:\d+ criteria\[/);
  });
});

describe('cdsx --version', () => {
  it('prints the CLI version and the versions of the packages it runs', () => {
    const r = cdsx(['--version']);
    expect(r.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(REPO, 'apps/cli/package.json'), 'utf8'));
    expect(r.stdout.split('\n')[0]).toBe(`cdsx ${pkg.version}`);
    expect(r.stdout).toMatch(/@cdsx\/criteria \d+\.\d+\.\d+.*; catalog \d+\.\d+\.\d+/);
  });
});
