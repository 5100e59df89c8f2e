import { describe, expect, it } from 'vitest';
import { cdsx, STACK } from './helpers';

describe('help and usage errors', () => {
  it('prints help in Vietnamese by default and in English with --lang en', () => {
    const vi = cdsx(['--help']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Cách dùng:');
    expect(vi.stdout).toContain('cdsx demo');
    expect(vi.stdout).toContain('cdsx catalog diff');
    const en = cdsx(['--help', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).not.toContain('Cách dùng:');
  });

  it('prints a command’s help with its options', () => {
    const r = cdsx(['assess', '--help', '--lang', 'en']);
    expect(r.code).toBe(0);
    for (const o of ['--catalog', '--overlay', '--format', '--out', '--bom', '--lang'])
      expect(r.stdout).toContain(o);
    expect(cdsx(['help', 'catalog', 'show']).stdout).toBe(cdsx(['catalog', 'show', '--help']).stdout);
    const group = cdsx(['catalog', '--help']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('cdsx catalog list');
    expect(group.stdout).not.toContain('cdsx assess');
  });

  it('exits 2 on an unknown flag, with a message in both languages and no stack trace', () => {
    const r = cdsx(['assess', 'x.json', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tùy chọn không hợp lệ: --bogus / unknown option: --bogus');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('uses one language with --lang', () => {
    const r = cdsx(['--lang', 'en', 'assess', 'x.json', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cdsx: unknown option: --bogus');
    expect(r.stderr).not.toContain('tùy chọn');
  });

  it('exits 2 on an unknown command, a missing argument, an extra argument and a bad option value', () => {
    expect(cdsx(['frobnicate']).code).toBe(2);
    expect(cdsx(['catalog']).code).toBe(2);
    expect(cdsx(['catalog', 'nope']).code).toBe(2);
    const missing = cdsx(['assess']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing argument');
    expect(cdsx(['catalog', 'list', 'extra']).code).toBe(2);
    const format = cdsx(['catalog', 'list', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format "xml"');
    expect(cdsx(['demo', '--lang', 'fr']).code).toBe(2);
    expect(cdsx(['catalog', 'show', '9.9.9']).code).toBe(2);
  });

  it('exits 2 without a command (help on stderr)', () => {
    const r = cdsx([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cdsx demo');
  });
});
