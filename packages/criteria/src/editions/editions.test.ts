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

  it('latest stays 0.2.0 while 0.3.0 is published at its permalink only (RELEASING.md §7)', async () => {
    expect(latestEdition.edition.version).toBe('0.2.0');
    expect(EDITIONS.at(-1)!.edition.version).toBe('0.3.0');
    const subpath = await import('../latest');
    expect(subpath.edition.version).toBe('0.2.0');
    expect(subpath.contentHash).toBe(latestEdition.contentHash);
  });
});

describe('editions 0.1.0 and 0.2.0 keep their hashes after the architecture field was added to the schema', () => {
  it('0.2.0 hash is unchanged', () => {
    expect(EDITIONS.find((e) => e.edition.version === '0.2.0')!.contentHash).toBe(
      'sha256:8b6585efc0168d767eb05e4b0fd552b8b047f85a43a0e33906894357f1c2fe74',
    );
    expect(contentHashOf(EDITIONS[1]!.edition)).toBe(EDITIONS[1]!.contentHash);
  });
});

describe('edition 0.3.0 (traced to the reference architecture)', () => {
  const e = EDITIONS.find((x) => x.edition.version === '0.3.0')!.edition;
  it('declares architecture 1.0.0 and traces every criterion', () => {
    expect(e.architecture?.version).toBe('1.0.0');
    expect(e.criteria.every((c) => (c.architecture ?? []).length > 0)).toBe(true);
  });
  it('keeps every 0.2.0 criterion id and adds nine', () => {
    const old = EDITIONS[1]!.edition.criteria.map((c) => c.id);
    const ids = e.criteria.map((c) => c.id);
    expect(ids.filter((id) => !old.includes(id)).sort()).toEqual(
      ['DL.06', 'DV.11', 'HT.10', 'HT.11', 'HT.12', 'HT.13', 'NL.06', 'NV.06', 'NV.07'].sort(),
    );
    expect(old.every((id) => ids.includes(id))).toBe(true);
  });
  it('says its architecture basis is unverified', () => {
    expect(e.status).toBe('draft');
    expect(e.basis.en).toMatch(/unverified/);
  });
});
