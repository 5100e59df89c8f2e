import { describe, expect, it } from 'vitest';
import { InputError } from './errors';
import {
  ISSUES_PER_FILE,
  ISSUES_PER_RECORD,
  locate,
  locateCapped,
  locateIssues,
  maxRecordSize,
  pathSegments,
  readRecords,
} from './records';

describe('pathSegments', () => {
  it('reads back the paths @cdsx/criteria writes', () => {
    expect(pathSegments('observations["DV.01"].value')).toEqual(['observations', 'DV.01', 'value']);
    expect(pathSegments('[3].commune.code')).toEqual([3, 'commune', 'code']);
    expect(pathSegments('criteria[4].requirements.urban["2"]')).toEqual([
      'criteria',
      4,
      'requirements',
      'urban',
      '2',
    ]);
    expect(pathSegments('')).toEqual([]);
  });
});

describe('readRecords and locate', () => {
  it('reads a JSON array item by item and locates an issue at the value', () => {
    const text = '[\n  {"a": 1},\n  {"a": {"b": 200}}\n]\n';
    const recs = readRecords('x.json', text);
    expect(recs).toHaveLength(2);
    const loc = locate(recs[1]!, { path: 'a.b', code: 'too_big', message: { vi: 'v', en: 'e' }, record: 2 });
    expect(loc).toMatchObject({ file: 'x.json', issue: { line: 3, column: 15, path: 'a.b' } });
    expect(loc.issue.record).toBeUndefined();
  });

  it('locates a missing field at the object that lacks it', () => {
    const [rec] = readRecords('x.json', '{\n  "commune": {"code": "1"}\n}');
    expect(
      locate(rec!, { path: 'commune.name', code: 'required', message: { vi: 'v', en: 'e' } }).issue,
    ).toMatchObject({
      line: 2,
      column: 14,
    });
  });

  it('reads NDJSON with the file’s line numbers, skipping blank lines', () => {
    const recs = readRecords('x.ndjson', '{"a":1}\n\n{"a":2}\r\n');
    expect(recs.map((r) => r.firstLine)).toEqual([1, 3]);
    expect(
      locate(recs[1]!, { path: 'a', code: 'custom', message: { vi: 'v', en: 'e' } }).issue,
    ).toMatchObject({
      line: 3,
      column: 6,
    });
  });

  it('takes unnamed text as JSON when it parses whole, else as NDJSON', () => {
    expect(readRecords('<stdin>', '[{"a":1},{"a":2}]')).toHaveLength(2);
    expect(readRecords('<stdin>', '{"a":1}\n{"a":2}\n')).toHaveLength(2);
    expect(readRecords('<stdin>', '{\n  "a": 1\n}\n')).toHaveLength(1);
    expect(readRecords('<stdin>', '{"a":1}\n')).toHaveLength(1);
    // A malformed pretty-printed document is reported as JSON, not as broken NDJSON lines.
    expect(() => readRecords('<stdin>', '{\n  "a": \n}\n')).toThrow(/malformed JSON at line 3/);
  });

  it('reports every malformed NDJSON line with its own line number', () => {
    try {
      readRecords('x.ndjson', '{"a":1}\n{"a":\n{"a":3}\nnope\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const lines = (e as InputError).issues.map((i) => i.issue.line);
      expect(new Set(lines)).toEqual(new Set([2, 4]));
      for (const i of (e as InputError).issues)
        expect(i.issue.message.en).toMatch(/^malformed JSON at line [24],/);
    }
  });

  it('rejects an empty file', () => {
    expect(() => readRecords('x.ndjson', '\n\n')).toThrow(InputError);
  });
});

describe('hostile record files (issue 17, items 2, 6 and 10)', () => {
  const fail = (f: () => unknown): InputError => {
    try {
      f();
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('expected an InputError');
  };

  it('locates each malformed NDJSON line at its own line, listing at most ISSUES_PER_FILE', () => {
    const text = Array.from({ length: 2000 }, (_, i) => (i === 1000 ? '{"a":1}' : `{"a": ${i},}`)).join('\n');
    const e = fail(() => readRecords('x.ndjson', text));
    expect(e.issues[0]!.issue).toMatchObject({ code: 'malformed_json', line: 1 });
    expect(e.issues[2]!.issue).toMatchObject({ line: 2 });
    expect(e.issues).toHaveLength(ISSUES_PER_FILE + 1);
    const last = e.issues.at(-1)!.issue;
    expect(last.code).toBe('more_issues');
    // Two syntax errors per bad line (value expected, then the closing brace), 1,999 bad lines.
    expect(last.message.en).toBe(`${1999 * 2 - ISSUES_PER_FILE} more problem(s) in this file not listed`);
  });

  it('refuses an NDJSON line over the record size limit without parsing it', () => {
    const big = `{"a":"${'x'.repeat(100)}"}`;
    const before = process.env.CDSX_MAX_RECORD_SIZE;
    process.env.CDSX_MAX_RECORD_SIZE = '50';
    try {
      const e = fail(() => readRecords('x.ndjson', `{"a":1}\n${big}\n`));
      expect(e.issues).toHaveLength(1);
      expect(e.issues[0]!.issue).toMatchObject({ code: 'record_too_large', line: 2 });
      expect(e.issues[0]!.issue.message.vi).toMatch(/vượt giới hạn 50/);
    } finally {
      if (before === undefined) delete process.env.CDSX_MAX_RECORD_SIZE;
      else process.env.CDSX_MAX_RECORD_SIZE = before;
    }
    expect(maxRecordSize({})).toBe(16 * 1024 * 1024);
    expect(maxRecordSize({ CDSX_MAX_RECORD_SIZE: 'lots' })).toBe(16 * 1024 * 1024);
  });

  it('counts a line holding only a BOM or a no-break space as a (bad) record, not a blank line', () => {
    for (const odd of ['\u00a0', '\ufeff']) {
      const e = fail(() => readRecords('x.ndjson', `{"a":1}\n${odd}\n{"a":2}\n`));
      expect([...new Set(e.issues.map((i) => i.issue.line))]).toEqual([2]);
    }
    expect(readRecords('x.ndjson', '{"a":1}\n \t\r\n{"a":2}\n')).toHaveLength(2);
  });

  it('caps the issues of one record and counts the rest (20,000 unknown ids)', () => {
    const text = JSON.stringify({
      o: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])),
    });
    const [rec] = readRecords('x.json', text);
    const issues = Array.from({ length: 20_000 }, (_, i) => ({
      path: `o.k${i}`,
      code: 'unknown_criterion' as const,
      message: { vi: 'v', en: 'e' },
      record: 1,
    }));
    const located = locateIssues([rec!], issues);
    expect(located).toHaveLength(ISSUES_PER_RECORD + 1);
    expect(located[1]!.issue).toMatchObject({ path: 'o.k1', line: 1 });
    expect(located.at(-1)!.issue.message.en).toBe(
      `${20_000 - ISSUES_PER_RECORD} more problem(s) in this record not listed`,
    );
    const { total } = locateCapped(issues.map((i) => [rec, i] as const));
    expect(total).toBe(20_000);
  });

  it('refuses a document nested deeper than the limit with a located error', () => {
    const e = fail(() => readRecords('x.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`));
    expect(e.issues[0]!.issue.code).toBe('too_deep');
  });
});
