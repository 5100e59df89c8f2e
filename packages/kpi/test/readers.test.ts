import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssues } from '@cdsx/criteria';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  computeDossierKpis,
  DOSSIER_FIELDS,
  RecordValidator,
  readDossiers,
  readFeedbackCases,
  readProcedures,
} from '../src/index';
import { readDossiersCsv, readDossiersFile } from '../src/node';
import { generateDossiers } from '../src/testing';

const good = [...generateDossiers({ seed: 42, count: 300, communes: ['00004', '00008'], year: 2026 })];
const line = (o: unknown) => JSON.stringify(o);
const g0 = good[0] as (typeof good)[number];

/** NDJSON with the good dossiers and, at known lines, one bad record of each kind. */
function mixedFile(): { text: string; badLines: Record<string, number> } {
  const lines = good.map(line);
  const bad: Array<[string, string]> = [
    ['invalid_json', '{"id": "X1", "communeCode": '],
    ['invalid_instant', line({ ...g0, id: 'X2', receivedAt: '2026-02-30T09:00:00+07:00' })],
    [
      'finished_before_received',
      line({ ...g0, id: 'X3', finishedAt: '2025-01-01T00:00:00+07:00', status: 'finished' }),
    ],
    ['invalid_value', line({ ...g0, id: 'X4', channel: 'fax', onlineMode: undefined })],
    ['out_of_range', line({ ...g0, id: 'X5', feeBearing: true, feeAmount: -5 })],
    ['invalid_type', line({ ...g0, id: 'X6', processingDays: 'five', appointmentDate: undefined })],
    ['duplicate_id', line({ ...good[5] })],
  ];
  const badLines: Record<string, number> = {};
  // Insert from the end so earlier positions stay valid; then compute the final line numbers.
  const at = [250, 200, 150, 100, 50, 20, 3];
  bad.forEach(([, text], i) => {
    lines.splice(at[i] as number, 0, text);
  });
  lines.forEach((l, i) => {
    for (const [code, text] of bad) if (l === text) badLines[code] = i + 1;
  });
  lines.splice(10, 0, ''); // a blank line is not a record
  for (const k of Object.keys(badLines))
    if ((badLines[k] as number) > 10) badLines[k] = (badLines[k] as number) + 1;
  return { text: `${lines.join('\n')}\n`, badLines };
}

describe('NDJSON reader', () => {
  it('reports each bad record with its line and field, continues, and still gives the right KPIs', async () => {
    const { text, badLines } = mixedFile();
    const reader = readDossiers(text);
    const results = await computeDossierKpis(reader, { by: ['quarter'] });
    const expected = await computeDossierKpis(good, { by: ['quarter'] });
    expect(results).toEqual(expected);

    const s = reader.summary;
    expect([s.records, s.accepted, s.rejected, s.duplicates]).toEqual([307, 300, 6, 1]);
    expect(s.records).toBe(s.accepted + s.rejected + s.duplicates);
    const find = (code: string) => s.issues.find((i) => i.code === code);
    expect(find('invalid_json')?.line).toBe(badLines.invalid_json);
    expect(find('invalid_instant')).toMatchObject({ path: 'receivedAt', line: badLines.invalid_instant });
    expect(find('finished_before_received')).toMatchObject({
      path: 'finishedAt',
      line: badLines.finished_before_received,
    });
    expect(find('invalid_value')).toMatchObject({ path: 'channel', line: badLines.invalid_value });
    expect(find('out_of_range')).toMatchObject({ path: 'feeAmount', line: badLines.out_of_range });
    expect(find('invalid_type')).toMatchObject({ path: 'processingDays', line: badLines.invalid_type });
    expect(s.duplicateRecords).toEqual([
      {
        id: good[5]?.id,
        record: expect.any(Number),
        line: badLines.duplicate_id,
        firstRecord: expect.any(Number),
      },
    ]);
    expect(s.issuesByCode.duplicate_id).toBe(1);
    // Bilingual, located messages through the shared formatter.
    const out = formatIssues(s.issues);
    expect(out).toContain(`${badLines.invalid_value} channel: cần một trong:`);
    expect(out).toContain('expected one of: "direct", "online", "postal"');
    for (const i of s.issues) expect(i.message.vi.length * i.message.en.length).toBeGreaterThan(0);
  });

  it('reads the same from a Web ReadableStream of bytes split mid-line and mid-character', async () => {
    const { text } = mixedFile();
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 777) c.enqueue(bytes.slice(i, i + 777));
        c.close();
      },
    });
    const reader = readDossiers(stream);
    const results = await computeDossierKpis(reader, { by: ['quarter'] });
    expect(results).toEqual(await computeDossierKpis(good, { by: ['quarter'] }));
    expect(reader.summary.rejected).toBe(6);
  });

  it('reads an iterable of lines, CRLF endings and a BOM', async () => {
    const lines = good.slice(0, 5).map((d) => `${line(d)}\r`);
    const r1 = readDossiers(lines);
    let n = 0;
    for await (const _ of r1) n++;
    expect(n).toBe(5);
    const r2 = readDossiers(`\uFEFF${good.slice(0, 3).map(line).join('\r\n')}`);
    n = 0;
    for await (const _ of r2) n++;
    expect([n, r2.summary.rejected]).toEqual([3, 0]);
  });

  it('validates procedures and feedback cases too', async () => {
    const pr = readProcedures(
      [
        line({
          code: 'A',
          name: 'x',
          level: 'commune',
          onlineService: 'full',
          fullProcessEligible: true,
          essential: true,
          aiEnabled: true,
          enterpriseRelated: false,
          locationIndependent: true,
          feeBearing: false,
        }),
        line({
          code: 'A',
          name: 'x',
          level: 'commune',
          onlineService: 'full',
          fullProcessEligible: true,
          essential: true,
          aiEnabled: true,
          enterpriseRelated: false,
          locationIndependent: true,
          feeBearing: false,
        }),
        line({ code: 'B', name: 'y', level: 'district' }),
      ].join('\n'),
    );
    const ps = [];
    for await (const p of pr) ps.push(p);
    expect([ps.length, pr.summary.duplicates, pr.summary.rejected]).toEqual([1, 1, 1]);
    expect(pr.summary.issues[0]).toMatchObject({ path: 'level', line: 3 });

    const fr = readFeedbackCases(
      line({
        id: 'F',
        communeCode: '00004',
        receivedAt: '2026-03-02T08:00:00+07:00',
        outcome: 'pending',
        handledAt: '2026-03-01T08:00:00+07:00',
      }),
    );
    for await (const _ of fr) throw new Error('should be rejected');
    expect(fr.summary.issues.map((i) => i.code).sort()).toEqual(['finished_before_received', 'not_allowed']);
  });
});

describe('duplicate ids', () => {
  it('are found across growth of the fingerprint table, with the first occurrence', () => {
    const v = new RecordValidator(z.object({ id: z.string() }), { maxIssues: 5 });
    for (let i = 0; i < 120_000; i++) v.check({ id: `H${i}` }, i + 1);
    for (let i = 0; i < 1000; i++) v.check({ id: `H${i * 113}` });
    const s = v.summary;
    expect([s.accepted, s.duplicates, s.truncated]).toEqual([120_000, 1000, true]);
    expect(s.duplicateRecords[1]).toEqual({ id: 'H113', record: 120_002, firstRecord: 114 });
  }, 60_000); // 120,000 records: a realistic budget on a loaded machine (not a timed assertion)
});

function csvRow(d: Record<string, unknown>): string {
  return DOSSIER_FIELDS.map((c) => {
    const v = d[c];
    if (v === undefined) return '';
    if (c === 'supplementRequests') {
      return (v as Array<{ requestedAt: string; suppliedAt?: string }>)
        .map((s) => `${s.requestedAt}/${s.suppliedAt ?? ''}`)
        .join(';');
    }
    return String(v);
  }).join(',');
}

describe('CSV reader (node)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdsx-kpi-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same KPIs as NDJSON and locates bad rows', async () => {
    const rows = good.map((d) => csvRow(d as unknown as Record<string, unknown>));
    rows.splice(
      4,
      0,
      csvRow({ ...(g0 as unknown as Record<string, unknown>), id: 'C1', complaint: 'maybe' }),
    ); // line 6
    rows.splice(9, 0, 'only,three,cells'); // line 11
    rows.splice(
      14,
      0,
      csvRow({ ...(g0 as unknown as Record<string, unknown>), id: 'C2', receivedAt: '2026-13-01T00:00:00Z' }),
    ); // line 16
    const file = join(dir, 'dossiers.csv');
    writeFileSync(file, `${DOSSIER_FIELDS.join(',')}\n${rows.join('\n')}\n`);
    const reader = readDossiersFile(file);
    const results = await computeDossierKpis(reader, { by: ['commune', 'quarter'] });
    expect(results).toEqual(await computeDossierKpis(good, { by: ['commune', 'quarter'] }));
    const s = reader.summary;
    expect([s.accepted, s.rejected, s.duplicates]).toEqual([300, 3, 0]);
    expect(s.issues.find((i) => i.path === 'complaint')).toMatchObject({ code: 'invalid_type', line: 6 });
    expect(s.issues.find((i) => i.code === 'invalid_column_count')).toMatchObject({ line: 11, record: 10 });
    expect(s.issues.map((i) => i.record)).toEqual([5, 10, 15]);
    expect(s.issues.find((i) => i.path === 'receivedAt')).toMatchObject({
      code: 'invalid_instant',
      line: 16,
    });
  });

  it('reads CSV from a string too', async () => {
    const reader = readDossiersCsv(
      `${DOSSIER_FIELDS.join(',')}\n${csvRow(g0 as unknown as Record<string, unknown>)}\n`,
    );
    const out = [];
    for await (const d of reader) out.push(d);
    expect(out).toEqual([g0]);
  });
});
