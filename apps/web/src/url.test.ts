import { describe, expect, it } from 'vitest';
import { decodeEdits, EMPTY_STATE, encodeEdits, parseUrl, serializeUrl, type UrlState } from './url';

describe('URL state', () => {
  it('round-trips every field, edits in order, yes/no/no-data included', () => {
    const s: UrlState = {
      lang: 'en',
      view: 'province',
      province: '01',
      commune: '00004',
      edition: '0.3.0',
      edits: [
        ['HT.01', 99.5],
        ['HT.06', true],
        ['AN.02', false],
        ['DL.01', null],
        ['HT.03', -2],
      ],
    };
    const q = serializeUrl(s);
    expect(q).toBe('?lang=en&v=province&p=01&c=00004&ed=0.3.0&w=HT.01:99.5,HT.06:y,AN.02:n,DL.01:-,HT.03:-2');
    expect(parseUrl(q)).toEqual(s);
  });

  it('the empty state is the bare page', () => {
    expect(serializeUrl(EMPTY_STATE)).toBe('');
    expect(parseUrl('')).toEqual(EMPTY_STATE);
  });

  it('ignores malformed parameters instead of failing (a hand-edited link)', () => {
    const s = parseUrl('?lang=fr&v=map&p=x1&c=<script>&ed=latest&w=HT.01:abc,:5,HT.02:7,bad id:1,HT.02:8');
    expect(s).toEqual({ ...EMPTY_STATE, edits: [['HT.02', 8]] });
  });

  it('an edit made twice keeps its last value', () => {
    expect(decodeEdits('A.1:1,B.2:2,A.1:3')).toEqual([
      ['A.1', 3],
      ['B.2', 2],
    ]);
    expect(encodeEdits([])).toBe('');
  });
});
