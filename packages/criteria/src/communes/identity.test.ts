import { describe, expect, it } from 'vitest';
import { COMMUNES, checkCommuneIdentity } from './index';

describe('checkCommuneIdentity', () => {
  it('accepts every listed unit as listed, with or without its unit-type label', () => {
    expect.hasAssertions();
    let problems = 0;
    for (const c of COMMUNES) {
      const r = checkCommuneIdentity({
        code: c.code,
        name: c.name,
        provinceCode: c.provinceCode,
        unitType: c.unitType,
      });
      problems += r.errors.length + r.warnings.length;
    }
    expect(problems).toBe(0);
    expect(checkCommuneIdentity({ code: '03445', name: 'Xã Mường Tè', provinceCode: '12' })).toEqual({
      errors: [],
      warnings: [],
    });
    expect(
      checkCommuneIdentity({ code: '00004', name: ' phường  Ba Đình ', provinceCode: '01' }).errors,
    ).toEqual([]);
  });

  it('rejects an unknown code, naming it, unless units outside the list are allowed', () => {
    const r = checkCommuneIdentity({ code: '99999', name: 'Xã Mới', provinceCode: '12' });
    expect(r.errors.map((i) => [i.path, i.code])).toEqual([['code', 'unknown_commune']]);
    expect(r.errors[0]!.message.en).toContain('99999');
    expect(r.errors[0]!.message.en).toContain('Lai Châu');
    expect(r.warnings).toEqual([]);
    const allowed = checkCommuneIdentity(
      { code: '99999', name: 'Xã Mới', provinceCode: '12' },
      { allowUnlisted: true },
    );
    expect(allowed.errors).toEqual([]);
    expect(allowed.warnings.map((i) => i.code)).toEqual(['unlisted_commune']);
    // An unknown province stays an error even when unlisted units are allowed.
    const badProvince = checkCommuneIdentity({ code: '99999', provinceCode: '00' }, { allowUnlisted: true });
    expect(badProvince.errors.map((i) => i.path)).toEqual(['provinceCode']);
  });

  it('rejects a listed code with another name, province or unit type, with the listed values in the message', () => {
    const r = checkCommuneIdentity({
      code: '03445',
      name: 'Mường Tê',
      provinceCode: '11',
      unitType: 'phuong',
    });
    expect(r.errors.map((i) => i.code)).toEqual([
      'commune_name_mismatch',
      'commune_province_mismatch',
      'commune_unit_type_mismatch',
    ]);
    expect(r.errors[0]!.message.vi).toBe('xã 03445 trong danh sách là "Mường Tè", không phải "Mường Tê"');
    expect(r.errors[1]!.message.en).toBe('commune 03445 Mường Tè belongs to province 12 Lai Châu, not 11');
    expect(r.errors[2]!.message.en).toContain('"xa"');
    // allowUnlisted does not excuse a mismatch on a listed code.
    expect(
      checkCommuneIdentity({ code: '03445', name: 'Khác', provinceCode: '12' }, { allowUnlisted: true })
        .errors,
    ).toHaveLength(1);
  });

  it('leaves missing or non-string fields to schema validation', () => {
    expect(checkCommuneIdentity(undefined)).toEqual({ errors: [], warnings: [] });
    expect(checkCommuneIdentity({ code: 4 })).toEqual({ errors: [], warnings: [] });
    expect(checkCommuneIdentity({ code: '00004' })).toEqual({ errors: [], warnings: [] });
  });
});
