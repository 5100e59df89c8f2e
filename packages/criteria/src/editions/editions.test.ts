import { describe, expect, it } from 'vitest';
import { contentHashOf } from '../hash';
import { lintCatalog } from '../lint';
import { DIMENSIONS } from '../model';
import { parseCatalogEdition } from '../validate';
import { edition as edition010, contentHash as hash010 } from './0.1.0';
import { EDITIONS, latestEdition } from './index';

describe.each(EDITIONS.map((p) => [p.edition.version, p] as const))('edition %s', (_version, published) => {
  const { edition, contentHash } = published;

  it('matches the catalog schema', () => {
    const r = parseCatalogEdition(edition);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('is lint-clean', () => {
    expect(lintCatalog(edition)).toEqual([]);
  });

  it('exports the SHA-256 of its canonical JSON as its content hash', () => {
    expect(contentHashOf(edition)).toBe(contentHash);
  });

  it('is deep-frozen', () => {
    expect(Object.isFrozen(edition)).toBe(true);
    expect(Object.isFrozen(edition.criteria[0]!.requirements.urban)).toBe(true);
  });
});

describe('edition 0.1.0 (the reconstructed 2026 draft)', () => {
  const e = edition010;

  it('keeps its published content hash forever', () => {
    // Editions are immutable: if this fails, publish the change as a new edition instead.
    expect(hash010).toBe('sha256:256d6bf9525c6a05e9511a7973ef8a260f651af1eb194514f0a6592095e8cdf9');
  });

  it('is marked as a draft reconstruction with its basis', () => {
    expect(e.status).toBe('draft');
    expect(e.basis.en).toMatch(/not (been made )?public/i);
    expect(e.issuingDocument.document).toBe('1869/BKHCN-CĐSQG');
  });

  it('covers all ten dimensions with at least 3 criteria each, 45 in all', () => {
    expect(e.criteria.length).toBeGreaterThanOrEqual(45);
    for (const d of DIMENSIONS)
      expect(e.criteria.filter((c) => c.dimension === d).length, d).toBeGreaterThanOrEqual(3);
  });

  it('has KPI-linked criteria for the 2026 targets, each mandatory at some level', () => {
    const byKpi = (kpi: string) => e.criteria.filter((c) => c.kpi === kpi);
    const mandatorySomewhere = (kpi: string) =>
      byKpi(kpi).some((c) => Object.values(c.requirements.urban).some((r) => r.kind === 'mandatory'));
    for (const kpi of [
      'fullProcessOnlineRate',
      'locationIndependentProcedureRate',
      'enterpriseProcedureOnlineRate',
      'satisfactionRate',
      'aiEnabledEssentialServiceRate',
    ]) {
      expect(byKpi(kpi).length, kpi).toBeGreaterThan(0);
      expect(mandatorySomewhere(kpi), kpi).toBe(true);
    }
    const full = byKpi('fullProcessOnlineRate')[0]!;
    const thresholds = Object.values(full.requirements.urban).flatMap((r) =>
      r.kind === 'not_applicable' ? [] : [r.threshold],
    );
    expect(thresholds).toContain(80);
    const sat = e.criteria.filter((c) => c.kpi === 'satisfactionRate' || c.kpi === 'surveySatisfactionRate');
    const satThresholds = sat.flatMap((c) =>
      Object.values(c.requirements.urban).flatMap((r) => (r.kind === 'not_applicable' ? [] : [r.threshold])),
    );
    expect(satThresholds).toEqual(expect.arrayContaining([90, 95]));
    expect(e.criteria.some((c) => /dữ liệu mở/i.test(c.title.vi) && c.measure === 'boolean')).toBe(true);
  });

  it('differs by area group for infrastructure', () => {
    const infra = e.criteria.filter((c) => c.dimension === 'infrastructure');
    const differing = infra.filter(
      (c) => JSON.stringify(c.requirements.urban) !== JSON.stringify(c.requirements.remote),
    );
    expect(differing.length).toBeGreaterThanOrEqual(3);
  });

  it('cites a source for every criterion and uses every measure kind', () => {
    for (const c of e.criteria) expect(c.sources.length, c.id).toBeGreaterThan(0);
    expect(new Set(e.criteria.map((c) => c.measure))).toEqual(
      new Set(['boolean', 'percentage', 'number', 'ordinal']),
    );
  });

  it('is the latest edition: highest semver of all, and what the `latest` subpath exports', async () => {
    const semver = (v: string) => v.split('.').map(Number) as [number, number, number];
    const highest = [...EDITIONS]
      .map((p) => p.edition.version)
      .sort((a, b) => {
        const [x, y] = [semver(a), semver(b)];
        return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
      })
      .at(-1);
    expect(latestEdition.edition.version).toBe(highest);
    const subpath = await import('../latest');
    expect(subpath.edition.version).toBe(highest);
    expect(subpath.contentHash).toBe(latestEdition.contentHash);
  });
});
