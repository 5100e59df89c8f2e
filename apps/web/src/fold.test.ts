import { COMMUNES, fullName } from '@cdsx/criteria/communes';
import { describe, expect, it } from 'vitest';
import { fold, indexBy, search } from './fold';

describe('fold', () => {
  it('removes tone and vowel marks and maps đ/Đ to d', () => {
    expect(fold('Ba Đình')).toBe('ba dinh');
    expect(fold('ĐẮK LẮK')).toBe('dak lak');
    expect(fold('  Hồ   Chí Minh ')).toBe('ho chi minh');
    expect(fold('Thuận Hóa')).toBe(fold('Thuận Hoá'));
  });

  it('handles precomposed and decomposed input alike', () => {
    expect(fold('Bến Thành'.normalize('NFD'))).toBe(fold('Bến Thành'.normalize('NFC')));
  });
});

describe('search over the real commune list', () => {
  const index = indexBy(COMMUNES, (c) => fullName(c));

  it('"Ba Dinh" finds Phường Ba Đình (01), with or without diacritics', () => {
    for (const q of ['Ba Dinh', 'ba đình', 'BA ĐÌNH', 'phuong ba dinh']) {
      const hits = search(index, q);
      expect(hits.map((c) => c.code)).toContain('00004');
      expect(hits.every((c) => fold(fullName(c)).includes('ba dinh'))).toBe(true);
    }
  });

  it('"dinh ba" matches words in any order; a nonsense query matches nothing', () => {
    expect(search(index, 'dinh ba').map((c) => c.code)).toContain('00004');
    expect(search(index, 'zzqx')).toEqual([]);
  });

  it('an empty query matches everything', () => {
    expect(search(index, '  ')).toHaveLength(COMMUNES.length);
  });
});
