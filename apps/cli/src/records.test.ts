import { describe, expect, it } from 'vitest';
import { InputError } from './errors';
import { locate, pathSegments, readRecords } from './records';

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
    expect(locate(recs[1]!, { path: 'a', code: 'c', message: { vi: 'v', en: 'e' } }).issue).toMatchObject({
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
