import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acceptDossier } from '../src/acceptor';
import { DOSSIER_FIELDS, DossierSchema } from '../src/schemas';
import { dossierKpiSql, parseColumnMapping, SQL_FIELDS } from '../src/sql';

describe('DOSSIER_FIELDS — the one list of dossier fields', () => {
  it('is exactly the schema keys, in order', () => {
    expect([...DOSSIER_FIELDS]).toEqual(Object.keys(DossierSchema.shape));
  });

  it('is the header of the CSV sample', () => {
    const csv = readFileSync(fileURLToPath(new URL('../examples/dossiers.csv', import.meta.url)), 'utf8');
    const header = csv
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]!
      .split(',');
    for (const h of header) expect(DOSSIER_FIELDS).toContain(h);
  });

  it('is what the acceptor admits: one key outside it and the acceptor declines', () => {
    const d = JSON.parse(
      readFileSync(fileURLToPath(new URL('../examples/dossiers.ndjson', import.meta.url)), 'utf8').split(
        '\n',
      )[0]!,
    ) as Record<string, unknown>;
    expect(acceptDossier(d)).toBeDefined();
    expect(acceptDossier({ ...d, extra: 1 })).toBeUndefined();
  });
});

describe('parseColumnMapping (cdsx kpi --map)', () => {
  it('accepts column names and SQL expressions for known fields, unchanged', () => {
    const m = { communeCode: 'ma_xa', channel: { sql: "CASE kenh WHEN 2 THEN 'online' ELSE 'direct' END" } };
    const r = parseColumnMapping(m);
    expect(r).toEqual({ ok: true, value: m });
    // and the SQL uses them
    const sql = dossierKpiSql({
      dialect: 'postgres',
      source: 'ho_so',
      columns: r.ok ? r.value : {},
      period: '2026-Q1',
    });
    expect(sql).toContain('"ma_xa"');
    expect(sql).toContain('CASE kenh WHEN 2');
  });

  it('reports every bad entry at its field, in Vietnamese and English', () => {
    const r = parseColumnMapping({
      kenh: 'channel',
      communeCode: '',
      channel: { sql: '' },
      rating: { sql: 'x', extra: 1 },
      status: 3,
      finishedAt: ['a'],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['kenh', 'unknown_field'],
      ['communeCode', 'invalid_mapping'],
      ['channel', 'invalid_mapping'],
      ['rating', 'invalid_mapping'],
      ['status', 'unknown_field'],
      ['finishedAt', 'invalid_mapping'],
    ]);
    for (const i of r.issues) {
      expect(i.message.vi).not.toBe(i.message.en);
      expect(i.segments).toEqual([i.path]);
    }
    expect(r.issues[0]!.message.en).toContain(SQL_FIELDS.join(', '));
    expect(r.issues[5]!.message.en).toBe(
      'expected a column name (non-empty text) or { "sql": "expression" }, got array',
    );
  });

  it('refuses what is not an object', () => {
    for (const v of [null, [], 'ma_xa', 3]) {
      const r = parseColumnMapping(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]).toMatchObject({ path: '', code: 'invalid_type' });
    }
  });
});
