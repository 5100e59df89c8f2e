import type { ValidationIssue } from '@cdsx/criteria';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DOSSIER_FIELDS, dossierFromCsvRow, readDossiers } from '../src/index';
import { readDossiersCsv } from '../src/node';
import { csvColumns, splitCsvLine } from '../src/readers';
import { generateDossiers } from '../src/testing';

// Regression tests for the parsing layer of the readers (issue 17, items 6, 8, 10 and 12).
const [g0, g1] = [...generateDossiers({ seed: 7, count: 2, communes: ['00004'], year: 2026 })];
const line = (o: unknown) => JSON.stringify(o);

async function drain(reader: ReturnType<typeof readDossiers>) {
  const accepted = [];
  for await (const d of reader) accepted.push(d);
  return { accepted, summary: reader.summary };
}

function codes(issues: readonly ValidationIssue[]): string[] {
  return issues.map((i) => i.code);
}

describe('NDJSON reader on hostile input', () => {
  it('rejects a line over the maximum record size, located, and keeps reading', async () => {
    const text = `${line(g0)}\n{"id":"${'x'.repeat(5000)}"}\n${line(g1)}\n`;
    const { accepted, summary } = await drain(readDossiers(text, { maxRecordSize: 4096 }));
    expect(accepted.map((d) => d.id)).toEqual([g0!.id, g1!.id]);
    expect(summary).toMatchObject({ records: 3, accepted: 2, rejected: 1 });
    expect(summary.issues[0]).toMatchObject({ code: 'record_too_large', record: 2, line: 2 });
  });

  it('ends on an endless line without newlines, with bounded memory (like /dev/zero)', async () => {
    async function* zeros() {
      const chunk = new Uint8Array(1 << 16);
      for (let i = 0; i < 200; i++) yield chunk; // 13 MB without a newline
    }
    const { summary } = await drain(readDossiers(zeros(), { maxRecordSize: 1 << 20 }));
    expect(summary).toMatchObject({ records: 1, rejected: 1 });
    expect(summary.issues[0]).toMatchObject({ code: 'record_too_large', line: 1 });
    expect(summary.issues[0]!.message.en).toContain(`${200 << 16} characters`);
  });

  it('gives a bilingual, located invalid_json message without the engine English in vi', async () => {
    const { summary } = await drain(readDossiers(`${line(g0)}\n{"id": "X1", "communeCode": \n`));
    const issue = summary.issues[0]!;
    expect(issue).toMatchObject({ code: 'invalid_json', line: 2, record: 2 });
    expect(issue.column).toBeGreaterThan(1);
    expect(issue.message.vi).toMatch(/^dòng không phải JSON hợp lệ: JSON sai cú pháp tại dòng 2/);
    expect(issue.message.vi).not.toMatch(/Unexpected|JSON at position|token/);
  });

  it('counts a line of a BOM or a no-break space as a rejected record, not a blank line', async () => {
    for (const odd of ['\u00a0', '\ufeff', '\u3000']) {
      const { summary } = await drain(readDossiers(`${line(g0)}\n${odd}\n\n \t\n${line(g1)}\n`));
      expect(summary).toMatchObject({ records: 3, accepted: 2, rejected: 1 });
      expect(summary.issues[0]).toMatchObject({ code: 'invalid_json', line: 2 });
    }
  });

  it('reports invalid UTF-8 instead of replacing it silently', async () => {
    const enc = new TextEncoder();
    const bad = line({ ...g1, id: 'Z' }).replace('"Z"', '"Z\u0001"');
    const bytes = enc.encode(`${line(g0)}\n${bad}\n`);
    // Replace the U+0001 byte with 0xFF, which is never valid UTF-8.
    const i = bytes.indexOf(1);
    bytes[i] = 0xff;
    const { summary } = await drain(
      readDossiers(
        (async function* () {
          yield bytes;
        })(),
      ),
    );
    expect(summary).toMatchObject({ records: 2, accepted: 1, rejected: 1 });
    expect(summary.issues[0]).toMatchObject({ code: 'invalid_utf8', line: 2 });
  });
});

describe('CSV rows on hostile input', () => {
  it('passes an interval with a third part on whole, so validation reports it', () => {
    const row = dossierFromCsvRow({
      supplementRequests: '2026-01-02T08:00:00+07:00/2026-01-03T08:00:00+07:00/GARBAGE',
    });
    expect(row.supplementRequests).toEqual(['2026-01-02T08:00:00+07:00/2026-01-03T08:00:00+07:00/GARBAGE']);
  });

  it('names repeated and __proto__ header columns by position instead of dropping a value', () => {
    expect(csvColumns(['id', 'communeCode', 'id', '__proto__'])).toEqual([
      'id#1',
      'communeCode',
      'id#3',
      '__proto__#4',
    ]);
  });

  it('rejects every row of a CSV whose header repeats a column, with the column named', async () => {
    const reader = readDossiersCsv('id,id\nA,B\n');
    for await (const _ of reader) expect.unreachable();
    expect(reader.summary).toMatchObject({ records: 1, rejected: 1 });
    expect(JSON.stringify(reader.summary.issues)).toContain('id#2');
    expect(codes(reader.summary.issues)).toContain('unrecognized_keys');
  });
});

describe('one malformed CSV line is one record (issue 17 item 12)', () => {
  const row = (d: Record<string, unknown>) =>
    DOSSIER_FIELDS.map((c) => (d[c] === undefined ? '' : String(d[c]))).join(',');
  const good = [
    ...generateDossiers({ seed: 11, count: 40, communes: ['00004', '00007'], year: 2026 }),
  ].filter((d) => d.supplementRequests.length === 0);
  const base = row(good[0] as unknown as Record<string, unknown>);
  const malformed: Record<string, string> = {
    'too many cells': `${base},extra`,
    'too few cells': base.split(',').slice(0, 4).join(','),
    'bare quote in a cell': base.replace(/^([^,]*),/, 'A"B,'),
    'text after a closing quote': base.replace(/^([^,]*),/, '"$1"x,'),
    'unclosed quote': base.replace(/^([^,]*),/, '"$1,'),
    'unclosed quote at the end': `${base},"`,
  };

  it('reports each malformed line once, on its line, and loses none of the lines after it', async () => {
    expect(good.length).toBeGreaterThan(10);
    for (const [name, bad] of Object.entries(malformed)) {
      // Good lines around the bad one, a blank line, and distinct ids (no duplicates).
      const lines = good.slice(1, 9).map((d) => row(d as unknown as Record<string, unknown>));
      lines.splice(3, 0, bad);
      lines.splice(6, 0, '');
      const text = `${DOSSIER_FIELDS.join(',')}\n${lines.join('\n')}\n`;
      const reader = readDossiersCsv(text);
      const ids: string[] = [];
      for await (const d of reader) ids.push(d.id);
      const s = reader.summary;
      // Oracle: the non-blank data lines of the file, counted by hand.
      const dataLines = lines.filter((l) => l !== '').length;
      expect(s.records, name).toBe(dataLines);
      expect(s.records, name).toBe(s.accepted + s.rejected + s.duplicates);
      expect([s.accepted, s.rejected, s.duplicates], name).toEqual([8, 1, 0]);
      expect(ids, name).toEqual(good.slice(1, 9).map((d) => d.id));
      expect(s.issues, name).toHaveLength(1);
      expect(s.issues[0], name).toMatchObject({ line: 5, record: 4 });
      expect(s.issues[0]?.code, name).toMatch(/^invalid_(csv|column_count)$/);
      expect(s.issues[0]?.message.vi, name).toMatch(/dòng CSV/);
      expect(s.issues[0]?.message.en, name).toMatch(/CSV line/);
    }
  });

  it('splits well-formed lines exactly as csv-parse does (quoted commas, doubled quotes, empty cells)', () => {
    const cells = ['', 'a', 'a,b', 'say ""hi""', ' sp ', 'x""'];
    let n = 0;
    for (const a of cells)
      for (const b of cells)
        for (const quoteA of [false, true]) {
          const enc = (v: string, q: boolean) => (q || v.includes(',') || v.includes('"') ? `"${v}"` : v);
          const text = `${enc(a, quoteA)},${enc(b, false)}`;
          const oracle = parseCsvSync(text, { relax_column_count: true })[0] as string[];
          expect(splitCsvLine(text), text).toEqual(oracle);
          n++;
        }
    expect(n).toBe(72);
  });
});
