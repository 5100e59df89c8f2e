import { readFileSync } from 'node:fs';
import { validateAssessment } from '@cdsx/criteria';
import { COMMUNES } from '@cdsx/criteria/communes';
import { EDITIONS } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import { assessMany } from '../src/index';
import { generateSyntheticAssessments, SYNTHETIC_PROFILE } from '../src/synthetic/index';

describe.each(EDITIONS.map((p) => [p.edition.version, p] as const))(
  'synthetic dataset, edition %s',
  (_, { edition }) => {
    const data = generateSyntheticAssessments({ edition, communes: COMMUNES });

    it('covers every real commune, is labelled synthetic, and validates', { timeout: 30_000 }, () => {
      expect(data).toHaveLength(COMMUNES.length);
      expect(data.length).toBe(3321);
      expect(data.every((a) => a.synthetic === true)).toBe(true);
      expect(data.every((a) => Object.values(a.observations).every((o) => o.note === 'synthetic'))).toBe(
        true,
      );
      for (const a of data.filter((_, i) => i % 300 === 0)) {
        const r = validateAssessment(a, edition);
        expect(r.ok || r.issues).toBe(true);
      }
    });

    it('is deterministic for a seed and differs between seeds', { timeout: 30_000 }, () => {
      const again = generateSyntheticAssessments({ edition, communes: COMMUNES });
      expect(JSON.stringify(again)).toBe(JSON.stringify(data));
      // A commune's values depend on the seed and its code only, not on which other communes are generated.
      expect(generateSyntheticAssessments({ edition, communes: COMMUNES.slice(100, 101) })[0]).toEqual(
        data[100],
      );
      const other = generateSyntheticAssessments({ edition, communes: COMMUNES, seed: 1 });
      expect(JSON.stringify(other)).not.toBe(JSON.stringify(data));
    });

    it('differs by area group the way real conditions do, with some missing data', {
      timeout: 30_000,
    }, () => {
      const records = assessMany(data, { edition });
      const mean = (g: string) => {
        const rs = records.filter((r) => r.areaGroup === g);
        return rs.reduce((s, r) => s + r.level.level, 0) / rs.length;
      };
      expect(mean('urban')).toBeGreaterThan(mean('rural'));
      const levels = new Set(records.map((r) => r.level.level));
      expect(levels.size).toBe(edition.levels.length);
      expect(records.some((r) => r.provisional)).toBe(true);
      expect(SYNTHETIC_PROFILE.remote.capacity).toBeLessThan(SYNTHETIC_PROFILE.rural.capacity);
    });
  },
);

it('is browser-safe: no Node imports in the synthetic module', () => {
  const source = readFileSync(new URL('../src/synthetic/index.ts', import.meta.url), 'utf8');
  expect(source).not.toMatch(/from ['"]node:/);
});
