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
});
