import { latestEdition } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import { applyOverlay, assess, type Overlay, tryAssess } from '../src/index';
import { randomOverlay, rng } from './helpers/random';

const { edition, contentHash } = latestEdition;
const base = randomOverlay(rng(1), edition);
const overlay: Overlay = {
  ...base,
  id: 'hanoi-2026',
  baseEdition: { version: edition.version, contentHash },
  tighten: [
    {
      criterion: 'HT.02',
      areaGroup: 'urban',
      level: 1,
      threshold: 85,
      reason: { vi: 'Hà Nội', en: 'Hà Nội' },
    },
  ],
};
const commune = { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' as const };
const input = (provinceCode = '01') => ({
  commune: { ...commune, provinceCode },
  period: '2026',
  catalogVersion: edition.version,
  observations: {
    'HT.02': { value: 82, source: 'computed' },
    'P01.DV.01': { value: 65, source: 'self_declared' },
  },
});

function issuesOf(o: unknown) {
  const r = applyOverlay(edition, contentHash, o);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

describe('province overlays', () => {
  it('tightens thresholds, adds province criteria, and is named in the record', () => {
    const plain = assess(input(), { edition: latestEdition });
    const withOverlay = assess(input(), { edition: latestEdition, overlays: [overlay] });
    const ht02 = (r: typeof plain) => r.findings.find((f) => f.criterion === 'HT.02' && f.level === 1)!;
    expect(ht02(plain)).toMatchObject({ outcome: 'met', threshold: 80 });
    expect(ht02(withOverlay)).toMatchObject({ outcome: 'not_met', threshold: 85, gap: 3 });
    expect(withOverlay.findings.filter((f) => f.criterion === 'P01.DV.01').map((f) => f.outcome)).toEqual([
      'met',
      'not_met',
      'not_met',
    ]);
    expect(withOverlay.overlay).toEqual({
      id: 'hanoi-2026',
      province: '01',
      contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(plain.overlay).toBeNull();
    // The unknown-to-the-edition id is reported without the overlay, used with it.
    expect(plain.unknownCriteria).toEqual(['P01.DV.01']);
    expect(withOverlay.unknownCriteria).toEqual([]);
  });

  it('applies only to its own province', () => {
    const other = assess(input('79'), { edition: latestEdition, overlays: [overlay] });
    expect(other.overlay).toBeNull();
    expect(other.unknownCriteria).toEqual(['P01.DV.01']);
  });

  it('rejects an overlay that loosens, weakens, or targets what the edition does not have', () => {
    const loosen = issuesOf({
      ...overlay,
      tighten: [{ criterion: 'HT.02', areaGroup: 'urban', level: 1, threshold: 70 }],
    });
    expect(loosen[0]).toMatchObject({ path: 'tighten[0].threshold', code: 'overlay_loosens_threshold' });
    expect(loosen[0]!.message.vi).toMatch(/nới lỏng/);
    expect(loosen[0]!.message.en).toMatch(/loosens/);

    const weaken = issuesOf({
      ...overlay,
      tighten: [{ criterion: 'HT.01', areaGroup: 'urban', level: 1, kind: 'extended' }],
    });
    expect(weaken[0]).toMatchObject({ path: 'tighten[0].kind', code: 'overlay_weakens_kind' });

    const unknown = issuesOf({
      ...overlay,
      tighten: [{ criterion: 'ZZ.01', areaGroup: 'urban', level: 1, threshold: 1 }],
    });
    expect(unknown[0]).toMatchObject({ path: 'tighten[0].criterion', code: 'unknown_criterion' });

    const level = issuesOf({
      ...overlay,
      tighten: [{ criterion: 'HT.02', areaGroup: 'urban', level: 7, threshold: 99 }],
    });
    expect(level[0]).toMatchObject({ path: 'tighten[0].level', code: 'unknown_level' });

    const exact = issuesOf({
      ...overlay,
      tighten: [{ criterion: 'HT.06', areaGroup: 'urban', level: 1, threshold: false }],
    });
    expect(exact[0]).toMatchObject({ path: 'tighten[0].threshold', code: 'overlay_contradicts_edition' });

    const reuse = issuesOf({ ...overlay, addCriteria: [{ ...overlay.addCriteria![0]!, id: 'HT.01' }] });
    expect(reuse.map((i) => i.code)).toEqual(['overlay_criterion_prefix', 'overlay_duplicate_criterion']);
    expect(reuse[0]!.path).toBe('addCriteria[0].id');

    const wrongBase = issuesOf({
      ...overlay,
      baseEdition: { version: '9.0.0', contentHash: `sha256:${'0'.repeat(64)}` },
    });
    expect(wrongBase.map((i) => i.path)).toEqual(['baseEdition.version', 'baseEdition.contentHash']);
  });

  it('reports a malformed overlay with located issues, also through assess', () => {
    const malformed = issuesOf({
      ...overlay,
      province: 'Hà Nội',
      tighten: [{ criterion: 'HT.02', areaGroup: 'city', level: 1 }],
    });
    expect(malformed.map((i) => i.path)).toEqual(['province', 'tighten[0].areaGroup']);
    const r = tryAssess(input(), {
      edition: latestEdition,
      overlays: [overlay, { ...overlay, id: 'again' }],
    });
    expect(r.ok || r.issues[0]).toMatchObject({
      path: 'overlays[1].province',
      code: 'overlay_duplicate_province',
    });
    const bad = tryAssess(input(), {
      edition: latestEdition,
      overlays: [
        { ...overlay, tighten: [{ criterion: 'HT.02', areaGroup: 'urban', level: 1, threshold: 10 }] },
      ],
    });
    expect(bad.ok || bad.issues[0]).toMatchObject({ path: 'overlays[0].tighten[0].threshold' });
  });
});
