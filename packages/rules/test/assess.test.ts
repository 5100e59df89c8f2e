import { type CatalogEdition, CdsxValidationError } from '@cdsx/criteria';
import { describe, expect, it } from 'vitest';
import { assess, assessWithEngine, tryAssess, tryAssessMany } from '../src/index';
import mini from './helpers/mini-edition.json';

const edition = mini as unknown as CatalogEdition;

const commune = { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' as const };
const obs = (value: number | boolean) => ({ value, source: 'self_declared' as const });
function input(observations: Record<string, ReturnType<typeof obs>>, extra: Record<string, unknown> = {}) {
  return { commune, period: '2026', catalogVersion: '0.1.0', observations, ...extra };
}
const level1 = {
  'HT.01': obs(80),
  'HT.02': obs(true),
  'DV.01': obs(50),
  'DL.01': obs(10),
  'DV.02': obs(20),
  'AN.01': obs(1),
  'NL.01': obs(1),
  'QT.01': obs(false),
};

describe('assess', () => {
  it('reaches level 1 exactly on the level-1 thresholds, with gaps for level 2', () => {
    const r = assess(input(level1), { edition });
    expect(r.level).toEqual({ level: 1, name: { vi: 'Mức 1', en: 'Level 1' } });
    expect(r.nextLevel?.level).toBe(2);
    expect(r.provisional).toBe(false);
    // Mandatory at level 2 for urban: HT.01 ≥ 90, HT.02, DV.01 ≥ 70, AN.01 ≥ 2 → HT.01, DV.01, AN.01 fail.
    expect(r.gaps?.mandatory.map((g) => g.criterion)).toEqual(['AN.01', 'DV.01', 'HT.01']);
    expect(r.gaps?.mandatory.find((g) => g.criterion === 'HT.01')?.gap).toBe(10);
    // Extended at level 2: DL.01, DV.02, NL.01, QT.01 → 4 applicable, ceil(1.2) = 2 required, 0 met.
    expect(r.gaps?.extended).toMatchObject({ applicable: 4, required: 2, met: 0, shortfall: 2 });
    // Closest first by relative gap: NL.01 1/2, DL.01 60/70, QT.01 boolean (1), DV.02 15/5.
    expect(r.gaps?.extended.candidates.map((c) => [c.criterion, c.relativeGap])).toEqual([
      ['NL.01', 0.5],
      ['DL.01', 0.857142857],
      ['QT.01', 1],
      ['DV.02', 3],
    ]);
  });

  it('one extended criterion short of the share stays at the lower level', () => {
    // Level 1 extended: DL.01, DV.02, AN.01, NL.01, QT.01 → 5 applicable, ceil(1.5) = 2 required;
    // level1 meets exactly two (AN.01, NL.01).
    const below = { ...level1, 'AN.01': obs(0) };
    const r = assess(input(below), { edition });
    expect(r.level.level).toBe(0);
    expect(r.gaps).toMatchObject({
      level: 1,
      mandatory: [],
      extended: { required: 2, met: 1, shortfall: 1 },
    });
  });

  it('missing data is not available, never met, and makes the level provisional', () => {
    const { 'HT.02': _, ...rest } = level1;
    const r = assess(input(rest), { edition });
    expect(r.level.level).toBe(0);
    expect(r.findings.filter((f) => f.criterion === 'HT.02').map((f) => f.outcome)).toEqual([
      'not_available',
      'not_available',
      'not_available',
    ]);
    expect(r.provisional).toBe(true);
    expect(r.possibleLevel).toBe(1);
    expect(r.missingCriteria).toEqual(['HT.02']);
    expect(r.gaps?.mandatory).toMatchObject([{ criterion: 'HT.02', outcome: 'not_available', gap: null }]);
  });

  it('emits not_applicable findings and counts dimensions over applicable ones', () => {
    const rural = { ...commune, unitType: 'xa' as const };
    const r = assess(input(level1, { commune: rural }), { edition });
    expect(r.areaGroup).toBe('rural');
    const dl = r.findings.filter((f) => f.criterion === 'DL.01');
    expect(dl.map((f) => f.outcome)).toEqual(['not_applicable', 'not_met', 'not_met']);
    expect(r.findings).toHaveLength(8 * 3);
    expect(r.dimensions.find((d) => d.dimension === 'data')).toEqual({
      dimension: 'data',
      met: 0,
      applicable: 2,
    });
  });

  it('reports unknown criterion ids (or rejects them on request)', () => {
    const r = assess(input({ ...level1, 'XX.99': obs(1) }), { edition });
    expect(r.unknownCriteria).toEqual(['XX.99']);
    const strict = tryAssess(input({ ...level1, 'XX.99': obs(1) }), { edition, unknownCriteria: 'error' });
    expect(strict.ok).toBe(false);
    if (!strict.ok)
      expect(strict.issues[0]).toMatchObject({ path: 'observations["XX.99"]', code: 'unknown_criterion' });
  });

  it('rejects invalid input with located bilingual issues', () => {
    const bad = tryAssess(input({ ...level1, 'HT.01': obs(180) }), { edition });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues[0]?.path).toBe('observations["HT.01"].value');
      expect(bad.issues[0]?.message.vi).toMatch(/nhận được 180/);
      expect(bad.issues[0]?.message.en).toMatch(/got 180/);
    }
    expect(() => assess({ nonsense: true }, { edition })).toThrow(CdsxValidationError);
    const version = tryAssess(input(level1, { catalogVersion: '9.9.9' }), { edition });
    expect(version.ok || version.issues[0]).toMatchObject({
      path: 'catalogVersion',
      code: 'catalog_version_mismatch',
    });
    const unknown = tryAssess(input(level1, { catalogVersion: '9.9.9' }));
    expect(unknown.ok || unknown.issues[0]).toMatchObject({
      path: 'catalogVersion',
      code: 'unknown_catalog_version',
    });
    const many = tryAssessMany([input(level1), input({ 'HT.01': obs(-1) })], { edition });
    expect(many.ok || many.issues[0]).toMatchObject({ record: 2, path: 'observations["HT.01"].value' });
  });

  it('gives byte-identical records for the same input, and the same as json-rules-engine', async () => {
    const a = JSON.stringify(assess(input(level1), { edition }));
    const b = JSON.stringify(assess(structuredClone(input(level1)), { edition }));
    expect(a).toBe(b);
    expect(JSON.stringify(await assessWithEngine(input(level1), { edition }))).toBe(a);
  });
});
