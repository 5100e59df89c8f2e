import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getEdition } from '@cdsx/criteria/editions';
import { FIRST_ROW, formColumns, formCriteria, SHEETS } from '@cdsx/forms';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cdsx, EXAMPLES, STACK, tempDir } from './helpers';

const dir = tempDir();
const published = getEdition('0.1.0');
if (!published.ok) throw new Error('0.1.0 missing');
const { edition } = published.value;
const cols = formColumns(edition);
const letter = (n: number) => String.fromCharCode(64 + n);

// The rural example (Xuân Trúc, Hưng Yên): the same observations typed into a form must give the same report.
const example = JSON.parse(readFileSync(join(EXAMPLES, 'valid/rural-commune-quarter.json'), 'utf8'));
const group = 'rural' as const;
const ids = formCriteria(edition, group).map((c) => c.id);
const rowOf = (id: string) => FIRST_ROW + ids.indexOf(id);

async function fill(src: string, dest: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  edit(wb.getWorksheet(SHEETS.criteria)!);
  await wb.xlsx.writeFile(dest);
}

describe('cdsx form generate / read, cdsx report', () => {
  const blank = join(dir, 'xuan-truc.xlsx');

  it('generates a pre-filled form for a commune (binary output needs --out or a pipe)', () => {
    const r = cdsx([
      'form',
      'generate',
      '--catalog',
      '0.1.0',
      '--commune',
      example.commune.code,
      '--area-group',
      group,
      '--period',
      example.period,
      '--out',
      blank,
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${ids.length} criteria (sheet "${SHEETS.criteria}"`);
    expect(readFileSync(blank).subarray(0, 2).toString()).toBe('PK');
    const unknown = cdsx([
      'form',
      'generate',
      '--commune',
      '99999',
      '--out',
      join(dir, 'x.xlsx'),
      '--lang',
      'en',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--commune 99999: no commune has this code');
  });

  it('reads a filled form: the same report as the JSON assessment, byte for byte', async () => {
    const filled = join(dir, 'filled.xlsx');
    await fill(blank, filled, (ws) => {
      for (const [id, o] of Object.entries(example.observations) as Array<
        [string, { value: number | boolean }]
      >) {
        ws.getCell(rowOf(id), cols.value).value =
          typeof o.value === 'boolean' ? (o.value ? 'Có' : 'Không') : o.value;
      }
    });
    const read = cdsx(['form', 'read', filled]);
    expect(read.code).toBe(0);
    const assessment = JSON.parse(read.stdout);
    expect(Object.keys(assessment.observations).sort()).toEqual(Object.keys(example.observations).sort());
    for (const format of ['md', 'html']) {
      const fromForm = cdsx(['report', filled, '--format', format, '--date', '2026-05-04']);
      const fromJson = cdsx([
        'report',
        join(EXAMPLES, 'valid/rural-commune-quarter.json'),
        '--format',
        format,
        '--date',
        '2026-05-04',
      ]);
      expect(fromForm.code).toBe(0);
      expect(fromJson.code).toBe(0);
      // The form path sets the area group explicitly and drops the JSON's evidence: the decision is the same.
      expect(fromForm.stdout).toBe(fromJson.stdout);
    }
    const md = cdsx(['report', filled, '--format', 'md', '--date', '2026-05-04']).stdout;
    const dv01 = edition.criteria.find((c) => c.id === 'DV.01')!;
    expect(md).toContain(`| DV.01 | ${dv01.title.vi} | 55,94% | ≥ 80% | 24,06% | ${dv01.remediation.vi} |`);
    expect(md).toContain('Ngày lập báo cáo: 2026-05-04');
    const html = cdsx(['report', filled, '--format', 'html', '--lang', 'en']).stdout;
    expect(html).toContain(dv01.remediation.en);
    expect(html).not.toMatch(/<[^>]*\s(src|href)=|url\(|@import|<script|<link/i);
  });

  it('a bad form: every problem located by file, sheet!cell and criterion; exit 1, no stack trace', async () => {
    const bad = join(dir, 'bad.xlsx');
    await fill(blank, bad, (ws) => {
      ws.getCell(rowOf('DV.01'), cols.value).value = 150;
      ws.getCell(rowOf('HT.08'), cols.value).value = 'hai';
      ws.getCell(rowOf('VH.01'), cols.value).value = 'co';
    });
    const r = cdsx(['form', 'read', bad, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `bad.xlsx: ${SHEETS.criteria}!${letter(cols.value)}${rowOf('DV.01')} DV.01: a percentage must be 0–100, got 150`,
    );
    expect(r.stderr).toContain(`${SHEETS.criteria}!${letter(cols.value)}${rowOf('HT.08')} HT.08: expected`);
    expect(r.stderr).toContain(
      `${SHEETS.criteria}!${letter(cols.value)}${rowOf('VH.01')} VH.01: read "co" as "Có"`,
    );
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe('');
    const report = cdsx(['report', bad, '--lang', 'en']);
    expect(report.code).toBe(1);
    const wrongGroup = cdsx(['form', 'read', blank, '--area-group', 'urban', '--lang', 'en']);
    expect(wrongGroup.code).toBe(1);
    expect(wrongGroup.stderr).toContain('the form was made for area group rural, not urban');
  });

  it('--format xlsx for decision tables, KPI tables and the report; text never runs as a formula', () => {
    const out = join(dir, 'decisions.xlsx');
    const r = cdsx(['assess', join(EXAMPLES, 'valid'), '--format', 'xlsx', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const rep = join(dir, 'report.xlsx');
    expect(
      cdsx(['report', join(EXAMPLES, 'valid/rural-commune-quarter.json'), '--format', 'xlsx', '--out', rep])
        .code,
    ).toBe(0);
    expect(readFileSync(rep).subarray(0, 2).toString()).toBe('PK');
    const hostile = join(dir, 'hostile.json');
    writeFileSync(
      hostile,
      // An unlisted code (accepted with a warning) so the hostile name is not refused by the identity check.
      JSON.stringify({
        ...example,
        commune: { ...example.commune, code: '99999', name: '=HYPERLINK("http://x")' },
      }),
    );
    const csv = cdsx(['assess', hostile, '--format', 'csv', '--allow-unlisted-units']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain(`'=HYPERLINK`);
  });

  it('kpi --format xlsx holds the same table as --format csv', async () => {
    const { generateDossiers } = await import('@cdsx/kpi/testing');
    const file = join(dir, 'dossiers.ndjson');
    const dossiers = [...generateDossiers({ seed: 7, count: 300, year: 2026, communes: ['00004', '00008'] })];
    writeFileSync(file, `${dossiers.map((d) => JSON.stringify(d)).join('\n')}\n`);
    const out = join(dir, 'kpi.xlsx');
    const args = ['kpi', file, '--period', '2026', '--by', 'commune', '--lang', 'en'];
    expect(cdsx([...args, '--format', 'xlsx', '--out', out]).code).toBe(0);
    const csv = cdsx([...args, '--format', 'csv'])
      .stdout.split('\r\n\r\n')[0]!
      .split('\r\n');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const header = csv.find((l) => l.includes(','))!;
    const sheet = wb.worksheets.find((ws) => {
      let found = false;
      ws.eachRow((row) => {
        if ((row.values as unknown[]).slice(1).join(',') === header) found = true;
      });
      return found;
    });
    expect(sheet).toBeDefined();
    const rows: string[] = [];
    let inTable = false;
    sheet!.eachRow({ includeEmpty: false }, (row) => {
      const cells = (row.values as unknown[])
        .slice(1)
        .map((v) => (v === undefined || v === null ? '' : String(v)));
      while (cells.length < header.split(',').length) cells.push('');
      const line = cells.join(',');
      if (line === header) inTable = true;
      if (inTable) rows.push(line);
    });
    const csvRows = csv.slice(csv.indexOf(header)).filter((l) => l !== '');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows).toEqual(csvRows);
  });

  it('cdsx demo uses the same gap report sections as cdsx report', () => {
    const r = cdsx(['demo', '--example', '00004', '--format', 'md', '--lang', 'en']);
    expect(r.code).toBe(0);
    // Markdown output escapes parentheses from data (no link syntax passes through).
    expect(r.stdout).toContain('Digital-transformation assessment report — Phường Ba Đình \\(00004\\)');
    expect(r.stdout).toContain('## Unit and result');
    expect(r.stdout).toContain('SYNTHETIC DATA — not the real figures of this commune.');
  });
});

describe('cdsx form generate|read and cdsx report with a draft edition file', () => {
  it('makes a form from --catalog ./draft.json, reads it back against the draft, and reports under it', async () => {
    const { contentHashOf } = await import('@cdsx/criteria');
    const draftDir = tempDir();
    const draft = JSON.parse(readFileSync(join(EXAMPLES, '../src/editions/0.2.0.json'), 'utf8'));
    draft.id = 'cdsx-commune-draft-forms';
    draft.version = '0.9.0';
    draft.criteria.find((c: { id: string }) => c.id === 'HT.01').requirements.rural['1'].threshold = 70;
    writeFileSync(join(draftDir, 'draft.json'), JSON.stringify(draft, null, 2));
    const hash = contentHashOf(draft);

    const gen = cdsx(
      [
        'form',
        'generate',
        '--catalog',
        './draft.json',
        '--area-group',
        'rural',
        '--commune',
        example.commune.code,
        '--period',
        example.period,
        '--out',
        'draft.xlsx',
        '--lang',
        'en',
      ],
      { cwd: draftDir },
    );
    expect(gen.code).toBe(0);
    expect(gen.stderr).toContain('Form 0.9.0 · rural');
    // The hidden metadata names the draft (id, version, content hash), read with a second reader (ExcelJS).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(draftDir, 'draft.xlsx'));
    const meta: string[] = [];
    wb.getWorksheet(SHEETS.meta)!.eachRow((row) => {
      row.eachCell((cell) => {
        meta.push(String(cell.value));
      });
    });
    expect(meta).toContain('cdsx-commune-draft-forms');
    expect(meta).toContain('0.9.0');
    expect(meta).toContain(hash);

    // Read back: against the draft it is a valid (empty, provisional) assessment of edition 0.9.0;
    // without the draft the form names an edition this release does not know.
    const read = cdsx(['form', 'read', 'draft.xlsx', '--catalog', './draft.json'], { cwd: draftDir });
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).catalogVersion).toBe('0.9.0');
    expect(cdsx(['form', 'read', 'draft.xlsx'], { cwd: draftDir }).code).toBe(1);
    const report = cdsx(
      ['report', 'draft.xlsx', '--catalog', './draft.json', '--format', 'md', '--lang', 'en'],
      {
        cwd: draftDir,
      },
    );
    expect(report.code).toBe(0);
    expect(report.stdout).toContain(hash);
    expect(report.stderr).not.toMatch(STACK);
  });
});
