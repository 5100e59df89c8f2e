import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdsx, EXAMPLES, REPO, STACK, tempDir } from './helpers';

describe('cdsx validate', () => {
  it('accepts a valid assessment and a catalog edition (exit 0)', () => {
    const a = cdsx(['validate', join(EXAMPLES, 'valid/urban-ward-quarter.json'), '--lang', 'en']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('valid assessment');
    const c = cdsx(['validate', join(REPO, 'packages/criteria/src/editions/0.1.0.json'), '--lang', 'en']);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('valid catalog edition');
  });

  it('prints each problem with its location and exits 1', () => {
    const r = cdsx(['validate', join(EXAMPLES, 'invalid/unknown-criterion.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /unknown-criterion\.json:\d+:\d+ observations\["HT\.99"\]: .+ \/ criterion id "HT\.99" is not in catalog 0\.1\.0/,
    );
    expect(r.stderr).not.toMatch(STACK);
  });

  it('checks many files at once: valid examples pass, each invalid one fails with a located problem', () => {
    const files = (kind: string) =>
      readdirSync(join(EXAMPLES, kind))
        .filter((x) => x.endsWith('.json'))
        .map((f) => join(EXAMPLES, kind, f));
    const valid = cdsx(['validate', ...files('valid')]);
    expect(valid.code).toBe(0);
    expect(
      valid.stdout
        .trimEnd()
        .split('\n')
        .filter((l) => l.startsWith('✓')),
    ).toHaveLength(files('valid').length);
    const invalid = files('invalid');
    const r = cdsx(['validate', ...invalid, join(EXAMPLES, 'valid/urban-ward-quarter.json')]);
    expect(r.code).toBe(1);
    for (const f of invalid) {
      expect(r.stdout, f).toContain(`✗ ${f}: `);
      expect(r.stdout, f).toMatch(new RegExp(`${f.replaceAll('.', '\\.')}:\\d+(:\\d+)? `));
    }
    expect(r.stdout).toContain(`✓ ${join(EXAMPLES, 'valid/urban-ward-quarter.json')}`);
  });

  it('takes --kind, and says when it cannot tell what a file is', () => {
    const dir = tempDir();
    const f = join(dir, 'x.json');
    writeFileSync(f, '{"hello": 1}');
    const r = cdsx(['validate', f, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${f}: cannot tell what this file is; use --kind`);
    const missing = cdsx(['validate', join(dir, 'nope.json'), '--lang', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('nope.json: file not found');
    const forced = cdsx(['validate', f, '--kind', 'overlay', '--lang', 'en']);
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain('id: required field is missing');
  });
});

describe('cdsx rules export', () => {
  it('prints the json-rules-engine rules of an area group', () => {
    const r = cdsx(['rules', 'export', '--area-group', 'rural']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.conditions).toBeDefined();
      expect(rule.event.params.areaGroup).toBe('rural');
    }
    expect(rules.some((x: { event: { type: string } }) => x.event.type === 'level')).toBe(true);
  });

  it('needs a valid --area-group (exit 2)', () => {
    expect(cdsx(['rules', 'export']).code).toBe(2);
    expect(cdsx(['rules', 'export', '--area-group', 'suburban']).code).toBe(2);
  });
});

describe('cdsx catalog', () => {
  it('lists editions and shows one', () => {
    const list = JSON.parse(cdsx(['catalog', 'list', '--format', 'json']).stdout);
    expect(list[0]).toMatchObject({ version: '0.1.0' });
    // `latest` is the edition @cdsx/criteria/latest resolves to (0.2.0), not necessarily the newest permalink
    // (0.3.0 is published without moving latest, RELEASING.md §7).
    expect(
      list.filter((e: { latest: boolean }) => e.latest).map((e: { version: string }) => e.version),
    ).toEqual(['0.2.0']);
    expect(list.at(-1)).toMatchObject({ version: '0.3.0', latest: false });
    const show = cdsx(['catalog', 'show', '0.1.0', '--format', 'json']);
    expect(show.code).toBe(0);
    const { edition, contentHash } = JSON.parse(show.stdout);
    expect(contentHash).toBe(list[0].contentHash);
    expect(edition.criteria.length).toBe(list[0].criteria);
    const table = cdsx(['catalog', 'show', 'latest', '--lang', 'en']).stdout;
    for (const c of edition.criteria) expect(table).toContain(c.id);
  });
});

describe('cdsx catalog diff', () => {
  it('prints the @cdsx/criteria diff between two editions, with the required bump', async () => {
    const { tryDiffCatalogs, requiredBump } = await import('@cdsx/criteria');
    const { EDITIONS, crosswalkBetween } = await import('@cdsx/criteria/editions');
    const [a, b] = [EDITIONS[0]!.edition, EDITIONS.at(-1)!.edition];
    const cw = crosswalkBetween(a.version, b.version);
    const expected = tryDiffCatalogs(a, b, cw.ok ? cw.value : undefined);
    if (!expected.ok) throw new Error('diff failed');
    const r = cdsx(['catalog', 'diff', a.version, b.version, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.changes).toEqual(expected.value.changes);
    expect(json.requiredBump).toBe(requiredBump(expected.value).bump);
    const table = cdsx(['catalog', 'diff', a.version, b.version, '--lang', 'en']);
    expect(table.stdout).toContain(
      `${expected.value.changes.length} changes; smallest version bump required:`,
    );
    expect(cdsx(['catalog', 'diff', a.version, 'nope']).code).toBe(2);
  });
});

describe('cdsx catalog impact', () => {
  it('prints the @cdsx/rules impact report between two editions, on the synthetic dataset or a file', async () => {
    const { EDITIONS, latestEdition } = await import('@cdsx/criteria/editions');
    const { tryImpactReport } = await import('@cdsx/rules');
    // The oldest edition against the one latest resolves to (three nationwide runs: keep to one pair).
    const [a, b] = [EDITIONS[0]!, latestEdition];
    const expected = tryImpactReport({ from: a, to: b });
    if (!expected.ok) throw new Error('impact failed');
    const r = cdsx(['catalog', 'impact', a.edition.version, b.edition.version, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected.value)));
    const table = cdsx(['catalog', 'impact', a.edition.version, b.edition.version, '--lang', 'en']);
    expect(table.stdout).toContain('SYNTHETIC DATA');
    expect(table.stdout).toContain(
      `${expected.value.totals.communes} communes: ${expected.value.totals.up} up, ${expected.value.totals.down} down.`,
    );
    // A user's own assessments: the shipped valid examples.
    const own = cdsx([
      'catalog',
      'impact',
      a.edition.version,
      b.edition.version,
      join(EXAMPLES, 'valid'),
      '--format',
      'json',
    ]);
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout).totals.communes).toBe(4);
    expect(cdsx(['catalog', 'impact', a.edition.version, '9.9.9']).code).toBe(2);
  });
});

describe('cdsx dataset synthetic | cdsx assess -', () => {
  it('assesses the synthetic dataset through a pipe', async () => {
    const { communesOfProvince } = await import('@cdsx/criteria/communes');
    const { shell } = await import('./helpers');
    // One province keeps the test fast; the pipeline is the same for the whole country.
    const r = shell('cdsx dataset synthetic --province 01 | cdsx assess - --format json');
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout);
    const communes = communesOfProvince('01');
    expect(records).toHaveLength(communes.length);
    expect(records.every((x: { synthetic: boolean }) => x.synthetic)).toBe(true);
    expect(records.map((x: { commune: { code: string } }) => x.commune.code)).toEqual(
      communes.map((c) => c.code),
    );
    expect(r.stderr).toContain(`${communes.length} đánh giá`);
  });

  it('writes one province as NDJSON', async () => {
    const { communesOfProvince } = await import('@cdsx/criteria/communes');
    const r = cdsx(['dataset', 'synthetic', '--province', '04']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((a) => a.commune.code)).toEqual(communesOfProvince('04').map((c) => c.code));
    expect(lines.every((a) => a.synthetic === true)).toBe(true);
    expect(cdsx(['dataset', 'synthetic', '--province', '99']).code).toBe(2);
  });
});

describe('cdsx demo', () => {
  it('prints the national picture, the blocking criteria and an example gap report, labelled SYNTHETIC', async () => {
    const { COMMUNES, PROVINCES } = await import('@cdsx/criteria/communes');
    const r = cdsx(['demo', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SYNTHETIC DATA');
    expect(r.stdout).toContain(`${COMMUNES.length} communes in ${PROVINCES.length} provinces`);
    for (const title of [
      'Communes per level',
      'By area group',
      'By province',
      'most often blocking',
      'Gap report',
    ]) {
      expect(r.stdout).toContain(title);
    }
    for (const p of PROVINCES) expect(r.stdout).toContain(p.name);
  });

  it('gives the same figures as JSON, deterministically, for a chosen example commune', async () => {
    const { COMMUNES, PROVINCES } = await import('@cdsx/criteria/communes');
    const a = cdsx(['demo', '--format', 'json', '--example', '00004']);
    expect(a.code).toBe(0);
    expect(cdsx(['demo', '--format', 'json', '--example', '00004']).stdout).toBe(a.stdout);
    const json = JSON.parse(a.stdout);
    expect(json.synthetic).toBe(true);
    expect(json.communes).toBe(COMMUNES.length);
    expect(json.byProvince).toHaveLength(PROVINCES.length);
    const sum = (rows: Array<{ total?: number; communes?: number }>, k: 'total' | 'communes') =>
      rows.reduce((n, x) => n + (x[k] ?? 0), 0);
    expect(sum(json.national, 'communes')).toBe(COMMUNES.length);
    expect(sum(json.byProvince, 'total')).toBe(COMMUNES.length);
    expect(sum(json.byAreaGroup, 'total')).toBe(COMMUNES.length);
    expect(json.example.record.commune.code).toBe('00004');
    expect(json.blockers.length).toBeGreaterThan(0);
    const counts = json.blockers.map((b: { communes: number }) => b.communes);
    expect(counts).toEqual([...counts].sort((x: number, y: number) => y - x));
    expect(counts[0]).toBeLessThanOrEqual(COMMUNES.length);
  });

  it('checks --example and --top before doing any work (exit 2)', () => {
    const r = cdsx(['demo', '--example', '12345', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--example 12345: no commune has this code');
    expect(cdsx(['demo', '--top', '0']).code).toBe(2);
  });
});

describe('cdsx fixtures run', () => {
  it('runs the shipped conformance suite with a pass line per fixture', () => {
    const r = cdsx(['fixtures', 'run', '--lang', 'en']);
    expect(r.code).toBe(0);
    const passLines = r.stdout.split('\n').filter((l) => l.startsWith('✓ pass'));
    const summary = r.stdout.match(/Conformance: (\d+)\/(\d+) passed, 0 failed/);
    expect(summary).not.toBeNull();
    expect(passLines.length).toBe(Number(summary![2]));
    expect(passLines.length).toBeGreaterThan(0);
  });

  it('exits 1 with a fail line when a fixture expects something else', () => {
    const dir = tempDir();
    const shipped = join(REPO, 'packages/rules/fixtures/0.1.0');
    const name = readdirSync(shipped).filter((f) => f.endsWith('.json') && !f.startsWith('overlay'))[0]!;
    const fixture = JSON.parse(readFileSync(join(shipped, name), 'utf8'));
    fixture.expected.level = fixture.expected.level === 0 ? 3 : 0;
    writeFileSync(join(dir, name), JSON.stringify(fixture));
    const r = cdsx(['fixtures', 'run', dir, '--catalog', '0.1.0', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`✗ fail +${name.replace('.', '\\.')} `));
    expect(r.stdout).toContain('0/1 passed, 1 failed');
  });
});
