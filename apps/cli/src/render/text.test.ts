import { describe, expect, it } from 'vitest';
import { csvField, displayWidth, escapeHtml, escapeMarkdownCell, neutralize } from './text';

describe('csvField', () => {
  it('neutralises text a spreadsheet would treat as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+84 912')).toBe("'+84 912");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
  });

  it('quotes per RFC 4180 and keeps numbers, booleans and null as values', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(82.5)).toBe('82.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField('Thủ Dầu Một')).toBe('Thủ Dầu Một');
  });
});

describe('escaping', () => {
  it('escapes every HTML special character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('keeps Markdown cells in their column and free of HTML', () => {
    expect(escapeMarkdownCell('a|b\nc<d>')).toBe('a\\|b<br>c&lt;d&gt;');
  });
});

describe('displayWidth', () => {
  it('counts Vietnamese letters once whether precomposed or combining', () => {
    expect(displayWidth('Hà Nội')).toBe(6);
    expect(displayWidth('Hà Nội'.normalize('NFD'))).toBe(6);
  });
});

describe('hostile text in human-facing output (issue 17, item 8)', () => {
  const hostile = 'Xã \u001b[2J\u001b]8;;http://x\u0007A\u0000B\u202Etxt.exe\u2066C\r\u009bD';

  it('shows control and bidi characters instead of letting them act', () => {
    const out = neutralize(hostile, true);
    expect(out).toBe('Xã \\x1B[2J\\x1B]8;;http://x\\x07A\\x00B\\u202Etxt.exe\\u2066C\\x0D\\x9BD');
    expect(
      [...out].every((c) => c.charCodeAt(0) >= 0x20 && !/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(c)),
    ).toBe(true);
    expect(neutralize('a\nb')).toBe('a\nb');
    expect(neutralize('a\nb', true)).toBe('a\\x0Ab');
    expect(neutralize('Thủ Dầu Một')).toBe('Thủ Dầu Một');
  });

  it('passes no link, image or autolink syntax through to Markdown', () => {
    const md = escapeMarkdownCell('![x](http://evil/p.png) [click](https://evil) www.evil.vn *b* `c`');
    expect(md).not.toMatch(/(?<!\\)[[\]()!*`]/);
    expect(md).not.toContain('://');
    expect(md).not.toMatch(/www\./i);
    expect(escapeMarkdownCell('Tom & Jerry #1')).toBe('Tom &amp; Jerry \\#1');
  });
});
