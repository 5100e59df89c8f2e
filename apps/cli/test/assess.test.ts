import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdsx, EXAMPLES, REPO, STACK, tempDir } from './helpers';

const VALID = join(EXAMPLES, 'valid');
const OUT_OF_RANGE = join(EXAMPLES, 'invalid/percentage-out-of-range.json');
const urbanWard = () => JSON.parse(readFileSync(join(VALID, 'urban-ward-quarter.json'), 'utf8'));

describe('cdsx assess', () => {
  it('assesses a directory and prints a table with a summary after the rows', () => {
    const r = cdsx(['assess', VALID]);
    expect(r.code).toBe(0);
    const files = readdirSync(VALID).filter((f) => f.endsWith('.json'));
    for (const f of files) {
      const code = JSON.parse(readFileSync(join(VALID, f), 'utf8')).commune.code;
      expect(r.stdout).toContain(code);
    }
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^${files.length} đánh giá — `));
  });

  it('prints an array of decision records with --format json', () => {
    const r = cdsx(['assess', join(VALID, 'urban-ward-quarter.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout);
    expect(Array.isArray(records)).toBe(true);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      recordVersion: 2,
      commune: { code: '25747' },
      catalog: { version: '0.1.0' },
    });
    expect(records[0].catalog.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('prints one decision record per line with --format ndjson', () => {
    const r = cdsx(['assess', VALID, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(readdirSync(VALID).filter((f) => f.endsWith('.json')).length);
    for (const l of lines) expect(JSON.parse(l).recordVersion).toBe(2);
  });

  it('reports an invalid assessment with file:line:col, the path, vi / en — and no stack trace', () => {
    const r = cdsx(['assess', OUT_OF_RANGE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const line = r.stderr.split('\n')[0]!;
    expect(line).toMatch(/percentage-out-of-range\.json:\d+:\d+ observations\["DV\.01"\]\.value: /);
    expect(line).toContain(' / ');
    expect(line).toContain('180');
    expect(r.stderr).not.toMatch(STACK);
    // The line:col points at the offending value in the file.
    const [, ln, col] = line.match(/\.json:(\d+):(\d+)/)!;
    const text = readFileSync(OUT_OF_RANGE, 'utf8').split('\n')[Number(ln) - 1]!;
    expect(text.slice(Number(col) - 1)).toMatch(/^180/);
  });

  it('shows the stack trace only with --debug', () => {
    const r = cdsx(['assess', 'no/such/file.json', '--debug']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(STACK);
  });

  it('locates malformed JSON and bad NDJSON lines', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "commune": ,\n}\n');
    const r = cdsx(['assess', bad, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json:2:14 \(root\): malformed JSON at line 2, column 14/);
    const nd = join(dir, 'bad.ndjson');
    const ok = JSON.stringify(urbanWard());
    writeFileSync(nd, `${ok}\n${ok.replace('"2026-Q1"', '"2026-Q7"')}\n`);
    const r2 = cdsx(['assess', nd, '--lang', 'en']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(
      /^.*bad\.ndjson:2:\d+ period: a reporting period is a year \(2026\), a quarter \(2026-Q1 … 2026-Q4\) or a month \(2026-01 … 2026-12\), got "2026-Q7"$/m,
    );
    // The good line is still decided and written (the batch contract).
    expect(r2.stdout).toContain('25747');
  });

  it('exits 1 for a missing file', () => {
    const r = cdsx(['assess', 'no/such/file.json']);
    expect(r.code).toBe(1);
    // Resolved against the working directory, and the path tried is named.
    const tried = join(REPO, 'no/such/file.json');
    expect(r.stderr.trim()).toBe(
      `no/such/file.json: không tìm thấy tệp (đã tìm: ${tried}) / file not found (looked for ${tried})`,
    );
  });

  it('says when observations name criteria outside the catalog', () => {
    const a = urbanWard();
    a.observations['ZZ.99'] = { value: 1, source: 'self_declared' };
    const r = cdsx(['assess', '-', '--lang', 'en'], { input: JSON.stringify(a) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '1 assessments have observations for criterion ids outside the catalog (not used for the level): ZZ.99',
    );
  });

  it('reads standard input with -', () => {
    const r = cdsx(['assess', '-', '--format', 'json'], {
      input: readFileSync(join(VALID, 'rural-commune-quarter.json'), 'utf8'),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].commune.code).toBe('12166');
  });

  it('gives byte-identical output for the same input', () => {
    const a = cdsx(['assess', VALID, '--format', 'json']);
    const b = cdsx(['assess', VALID, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('cdsx assess --overlay', () => {
  const fixture = () =>
    JSON.parse(
      readFileSync(join(REPO, 'packages/rules/fixtures/0.1.0/overlay-urban-on-level-2.json'), 'utf8'),
    );

  it('applies a province overlay and names it in the decision record', () => {
    const dir = tempDir();
    const fx = fixture();
    writeFileSync(join(dir, 'a.json'), JSON.stringify(fx.assessment));
    writeFileSync(join(dir, 'overlay.json'), JSON.stringify(fx.overlays[0], null, 2));
    const r = cdsx(['assess', 'a.json', '--overlay', 'overlay.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const [record] = JSON.parse(r.stdout);
    expect(record.overlay.id).toBe(fx.overlays[0].id);
    expect(record.level.level).toBe(fx.expected.level);
    expect(record.findings.some((f: { criterion: string }) => f.criterion.startsWith('P01.'))).toBe(true);
  });

  it('locates a problem in the overlay file itself', () => {
    const dir = tempDir();
    const fx = fixture();
    const overlay = fx.overlays[0];
    overlay.province = '1';
    writeFileSync(join(dir, 'a.json'), JSON.stringify(fx.assessment));
    writeFileSync(join(dir, 'overlay.json'), JSON.stringify(overlay, null, 2));
    const r = cdsx(['assess', 'a.json', '--overlay', 'overlay.json', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^overlay\.json:3:\d+ province: /m);
  });

  it('cdsx report shows the province criteria of an overlay record (title and what to do from the overlay)', () => {
    const dir = tempDir();
    const fx = fixture();
    const own = fx.overlays[0].addCriteria[0];
    writeFileSync(join(dir, 'a.json'), JSON.stringify(fx.assessment));
    writeFileSync(join(dir, 'overlay.json'), JSON.stringify(fx.overlays[0], null, 2));
    const rec = cdsx(['assess', 'a.json', '--overlay', 'overlay.json', '--format', 'json'], { cwd: dir });
    writeFileSync(join(dir, 'record.json'), JSON.stringify(JSON.parse(rec.stdout)[0]));
    // The same Markdown report under the overlay, from a record or from an assessment.
    const reportMd = (input: string) =>
      cdsx(
        [
          'report',
          input,
          '--overlay',
          'overlay.json',
          '--format',
          'md',
          '--lang',
          'en',
          '--date',
          '2026-05-04',
        ],
        {
          cwd: dir,
        },
      );
    const fromRecord = reportMd('record.json');
    expect(fromRecord.code).toBe(0);
    const row = fromRecord.stdout.split('\n').find((l) => l.includes(own.title.en));
    expect(row).toMatch(/^\| P01/);
    expect(row).toContain(own.remediation.en);
    // From the assessment itself: decided and reported under the same overlay, the same report.
    const fromAssessment = reportMd('a.json');
    expect(fromAssessment.stdout).toBe(fromRecord.stdout);
    // Without the overlay the record's province criteria cannot be shown: a located error, not bare ids.
    const without = cdsx(['report', 'record.json', '--lang', 'en'], { cwd: dir });
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/record\.json.*overlay/);
  });
});

describe('--out', () => {
  it('writes the output to a file instead of stdout, leaving no temporary file', () => {
    const dir = tempDir();
    const out = join(dir, 'levels.json');
    const r = cdsx(['assess', VALID, '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(cdsx(['assess', VALID, '--format', 'json']).stdout);
    expect(readdirSync(dir)).toEqual(['levels.json']);
  });

  it('replaces an existing file in one step and never writes on failure', () => {
    const dir = tempDir();
    const out = join(dir, 'report.txt');
    writeFileSync(out, 'previous');
    expect(cdsx(['assess', OUT_OF_RANGE, '--out', out]).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(cdsx(['catalog', 'list', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('0.1.0');
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('refuses to overwrite an input file (exit 2, input untouched)', () => {
    const dir = tempDir();
    const input = join(dir, 'a.json');
    writeFileSync(input, readFileSync(join(VALID, 'urban-ward-quarter.json')));
    const before = readFileSync(input, 'utf8');
    const mtime = statSync(input).mtimeMs;
    const r = cdsx(['assess', 'a.json', '--out', './a.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to overwrite an input file');
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(statSync(input).mtimeMs).toBe(mtime);
    // An input found inside a directory argument is protected too.
    const r2 = cdsx(['assess', dir, '--out', input]);
    expect(r2.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'a.json'))).toBe(true);
  });
});

describe('safe CSV and HTML', () => {
  const hostile = (name: string) => {
    const a = urbanWard();
    // A made-up unit: its code is outside the commune list, accepted with --allow-unlisted-units.
    a.commune.code = '99999';
    a.commune.name = name;
    return JSON.stringify(a);
  };

  it('neutralises cells that a spreadsheet would run as formulas, and adds a BOM on request', () => {
    const names = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)'];
    const r = cdsx(['assess', '-', '--allow-unlisted-units', '--format', 'csv'], {
      input: names.map(hostile).join('\n'),
    });
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(names.length);
    rows.forEach((row, i) => {
      const cell = row.split(',')[1]!;
      expect(cell.replace(/^"|"$/g, '').replaceAll('""', '"')).toBe(`'${names[i]}`);
    });
    // Negative numbers are numbers, not formulas: they are never altered.
    expect(r.stdout).not.toContain("'-1");
    const plain = cdsx(['assess', '-', '--allow-unlisted-units', '--format', 'csv'], {
      input: hostile('Thủ Dầu Một'),
    });
    expect(plain.stdout.charCodeAt(0)).not.toBe(0xfeff);
    expect(plain.stdout.split('\r\n')[1]!.split(',')[1]).toBe('Thủ Dầu Một');
    const bom = cdsx(['assess', '-', '--allow-unlisted-units', '--format', 'csv', '--bom'], {
      input: hostile('Thủ Dầu Một'),
    });
    expect(bom.stdout.charCodeAt(0)).toBe(0xfeff);
  });

  it('escapes every value in HTML output', () => {
    const r = cdsx(['assess', '-', '--allow-unlisted-units', '--format', 'html'], {
      input: hostile('<script>alert("x")</script>&'),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
    expect(r.stdout).not.toContain('<script>');
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
  });

  it('escapes Markdown table cells', () => {
    const r = cdsx(['assess', '-', '--allow-unlisted-units', '--format', 'md'], { input: hostile('a|b<i>') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a\\|b&lt;i&gt;');
  });
});
