import { describe, expect, it } from 'vitest';
import { excessiveNesting, LineIndex, MAX_JSON_DEPTH, parseJsonText } from './json';

/** Independent oracle: line and column by scanning from the start (the old, quadratic way). */
function scanLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

describe('LineIndex', () => {
  it('agrees with a scan from the start at every offset', () => {
    const text = 'a\n\nbc\r\nd\n';
    const index = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) expect(index.at(o)).toEqual(scanLineColumn(text, o));
  });
});

describe('parseJsonText on hostile input (issue 17, items 3 and 5)', () => {
  it('refuses malformed JSON nested 5,000 levels with a located too_deep issue, not a stack overflow', () => {
    const r = parseJsonText(`${'['.repeat(5000)}}`, 'deep.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'too_deep', line: 1, column: MAX_JSON_DEPTH + 1 });
    expect(r.issues[0]!.message.vi).toMatch(/lồng quá sâu/);
    expect(r.issues[0]!.message.en).toMatch(/nested too deeply/);
  });

  it('refuses valid JSON nested deeper than the limit, and accepts it at the limit', () => {
    const at = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseJsonText(at(MAX_JSON_DEPTH)).ok).toBe(true);
    const r = parseJsonText(`{"a":\n${at(100_000)}}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'too_deep', line: 2 });
    expect(parseJsonText(at(20), undefined, { maxDepth: 10 }).ok).toBe(false);
  });

  it('does not count brackets inside strings as nesting', () => {
    const text = JSON.stringify({ s: '['.repeat(1000), t: '\\"[[[' });
    expect(excessiveNesting(text, 2)).toBe(-1);
    expect(parseJsonText(text).ok).toBe(true);
  });

  it('lists the first syntax errors and counts the rest (40,000 errors)', () => {
    const text = `[${'1 1,\n'.repeat(40_000)}]`;
    const r = parseJsonText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(21);
    expect(r.issues[0]).toMatchObject({ code: 'malformed_json', line: 1, column: 4 });
    const more = r.issues[20]!;
    expect(more.code).toBe('more_issues');
    expect(more.message.en).toMatch(/^\d+ more syntax error\(s\) not listed$/);
    expect(Number(/\d+/.exec(more.message.vi)![0])).toBeGreaterThanOrEqual(40_000 - 20);
  });

  it('reports lines relative to firstLine (one NDJSON line of a file)', () => {
    const r = parseJsonText('{"a": }', undefined, { firstLine: 7 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ line: 7, column: 7 });
  });
});

describe('parseJsonText: keys that would change data silently (issue 17, item 10)', () => {
  it('reports a key repeated in one object, located, and not keys repeated across objects', () => {
    const r = parseJsonText('{"a": 1,\n "b": {"a": 2, "c": 3},\n "a": 4}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'duplicate_key', line: 3, column: 2 });
    expect(r.issues[0]!.message.vi).toContain('"a"');
    expect(parseJsonText('[{"a":1},{"a":2}]').ok).toBe(true);
  });

  it('compares keys after unescaping ("a" and "\\u0061" are the same key)', () => {
    const r = parseJsonText('{"a": 1, "\\u0061": 2}');
    expect(r.ok ? 'ok' : r.issues[0]!.code).toBe('duplicate_key');
  });

  it('reports a __proto__ key at any depth, and accepts it as a string value', () => {
    const r = parseJsonText('{"requirements": {"urban": {"__proto__": {"kind": "mandatory"}}}}');
    expect(r.ok ? 'ok' : r.issues[0]!.code).toBe('forbidden_key');
    expect(parseJsonText('{"note": "__proto__", "list": ["__proto__"]}').ok).toBe(true);
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });
});
