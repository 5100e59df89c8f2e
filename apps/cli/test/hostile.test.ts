import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdsx, EXAMPLES, STACK, shell, tempDir } from './helpers';

// Regressions for issue 17 at the command line (items 5, 6, 7).
describe('cdsx on hostile input', () => {
  it('kpi /dev/zero ends with a located error instead of reading forever', () => {
    const r = cdsx(['kpi', '/dev/zero', '--period', '2026', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/dev/zero: not a regular file');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('refuses --out when standard input is redirected from the target (assess - --out x.json < x.json)', () => {
    const dir = tempDir();
    const x = join(dir, 'x.json');
    const original = readFileSync(join(EXAMPLES, 'valid/rural-commune-quarter.json'), 'utf8');
    writeFileSync(x, original);
    const r = shell(`cdsx assess - --format json --out x.json < x.json`, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to overwrite an input file|không ghi đè lên tệp đầu vào/);
    expect(readFileSync(x, 'utf8')).toBe(original);
  });

  it('validate: deep JSON is a located too_deep error, not an internal error', () => {
    const r = cdsx(['validate', '-', '--lang', 'en'], {
      input: `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/<stdin>:1:257 .*nested too deeply/);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('assess lists at most 50 problems per record and 500 per file over a stream, and counts the rest', () => {
    const dir = tempDir();
    const base = JSON.parse(readFileSync(join(EXAMPLES, 'valid/rural-commune-quarter.json'), 'utf8'));
    // One record with 2,000 problems: observations of unknown ids without their required source.
    const many = structuredClone(base);
    for (let i = 0; i < 2000; i++) many.observations[`ZZ.${i}`] = { value: true };
    writeFileSync(join(dir, 'one.json'), JSON.stringify(many, null, 1));
    const one = cdsx(['assess', 'one.json', '--lang', 'en'], { cwd: dir });
    expect(one.code).toBe(1);
    expect(one.stderr.match(/observations\["ZZ\.\d+"\]\.source/g)).toHaveLength(50);
    expect(one.stderr).toContain('1950 more problem(s) in this record not listed');
    // 600 records with one problem each, as NDJSON: 500 listed, 100 counted.
    const lines = Array.from({ length: 600 }, () => JSON.stringify({ ...base, period: 'not-a-period' }));
    writeFileSync(join(dir, 'bad.ndjson'), `${lines.join('\n')}\n`);
    const file = cdsx(['assess', 'bad.ndjson', '--lang', 'en'], { cwd: dir });
    expect(file.code).toBe(1);
    expect(file.stderr.match(/^bad\.ndjson:\d+:\d+ period:/gm)).toHaveLength(500);
    expect(file.stderr).toContain('bad.ndjson: 100 more problem(s) in this file not listed');
    expect(file.stderr).toContain('600 of 600 records invalid');
    expect(file.stderr).not.toMatch(STACK);
  });
});
