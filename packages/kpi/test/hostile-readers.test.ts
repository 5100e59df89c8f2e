import type { ValidationIssue } from '@cdsx/criteria';
import { describe, expect, it } from 'vitest';
import { dossierFromCsvRow, readDossiers } from '../src/index';
import { readDossiersCsv } from '../src/node';
import { csvColumns } from '../src/readers';
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
