import type { CatalogEdition } from '@cdsx/criteria';
import { EDITIONS } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import { assess, tryImpactReport } from '../src/index';
import mini from './helpers/mini-edition.json';

// Regressions for issue 17 (items 5 and 9).
const edition = mini as unknown as CatalogEdition;
const commune = { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' as const };
const obs = (value: number | boolean) => ({ value, source: 'self_declared' as const });

describe('hostile values in the rules', () => {
  it('a huge observed value keeps a finite gap, never Infinity (written as null, "missing")', () => {
    // DV.02 is "at most" (≤): 1e300 fails it by about 1e300.
    const r = assess(
      { commune, period: '2026', catalogVersion: '0.1.0', observations: { 'DV.02': obs(1e300) } },
      { edition },
    );
    const gaps = r.findings.filter((f) => f.criterion === 'DV.02' && f.outcome === 'not_met');
    expect(gaps.length).toBeGreaterThan(0);
    for (const f of gaps) {
      expect(Number.isFinite(f.gap)).toBe(true);
      expect(f.gap).toBeGreaterThan(1e299);
    }
    expect(JSON.stringify(gaps)).not.toMatch(/"gap":null/);
  });

  it('tryImpactReport reports a deeply nested catalogVersion as a located issue, no stack overflow', () => {
    let deep: unknown = '0.1.0';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [a, b] = EDITIONS;
    const r = tryImpactReport({ from: a!, to: b!, assessments: [{ catalogVersion: deep }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({
        code: 'impact_catalog_version',
        record: 1,
        path: 'catalogVersion',
      });
      expect(r.issues[0]!.message.en).toMatch(/got array\(1\)$/);
    }
  });
});
