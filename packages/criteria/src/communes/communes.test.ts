import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNES, communeByCode, communesOfProvince, fullName, PROVINCES, provinceByCode } from './index';

const count = <T>(xs: readonly T[], f: (x: T) => boolean) => xs.filter(f).length;

describe('commune list', () => {
  it('has the 34 provinces and 3,321 communes with the 2026-04-30 changes applied', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(COMMUNES).toHaveLength(3321);
    expect(count(PROVINCES, (p) => p.type === 'thanh_pho')).toBe(7);
    expect(count(COMMUNES, (c) => c.unitType === 'xa')).toBe(2611);
    expect(count(COMMUNES, (c) => c.unitType === 'phuong')).toBe(697);
    expect(count(COMMUNES, (c) => c.unitType === 'dac_khu')).toBe(13);
    expect(provinceByCode('75')).toMatchObject({ name: 'Đồng Nai', type: 'thanh_pho' });
    expect(communeByCode('25270')).toMatchObject({ unitType: 'phuong', areaGroup: 'urban' });
    expect(communeByCode('00745')!.name).toBe('Phố Bảng');
  });

  it('gives each commune its default area group and keeps codes as strings', () => {
    expect(communeByCode('00004')).toEqual({
      code: '00004',
      name: 'Ba Đình',
      unitType: 'phuong',
      provinceCode: '01',
      areaGroup: 'urban',
    });
    expect(communeByCode('26732')).toMatchObject({
      name: 'Côn Đảo',
      unitType: 'dac_khu',
      areaGroup: 'remote',
    });
    expect(communeByCode('99999')).toBeUndefined();
    expect(new Set(COMMUNES.map((c) => c.code)).size).toBe(3321);
    for (const c of COMMUNES) expect(provinceByCode(c.provinceCode)).toBeDefined();
    expect(communesOfProvince('12')).toHaveLength(38);
    expect(communesOfProvince('79')).toHaveLength(168);
    expect(fullName(communeByCode('00004')!)).toBe('Phường Ba Đình');
    expect(COMMUNES.every((c) => c.name === c.name.normalize('NFC'))).toBe(true);
  });

  const shared = join(__dirname, '../../../../../shared/data/vn-admin-units-2025/communes.csv');
  // In CI the shared data sits beside the clone (../shared), so this runs there and fails loudly if it is
  // missing; only a local checkout without ../shared skips it.
  it.runIf(existsSync(shared) || Boolean(process.env.CI))(
    'matches the shared source file row for row (apart from the listed changes)',
    () => {
      const rows = readFileSync(shared, 'utf8').trimEnd().split('\n').slice(1);
      const changed = new Set([
        '25270',
        '25357',
        '25363',
        '26116',
        '26170',
        '26248',
        '26326',
        '26368',
        '26425',
        '26485',
        '00745',
      ]);
      expect(rows).toHaveLength(COMMUNES.length);
      rows.forEach((line, i) => {
        const [code, name, type, province] = line.split(',');
        const c = COMMUNES[i]!;
        expect(c.code).toBe(code);
        expect(c.provinceCode).toBe(province);
        if (!changed.has(code!)) {
          expect(c.name).toBe(name);
          expect(c.unitType).toBe(type);
        }
      });
    },
  );
});
