import type { AreaGroup, Assessment, CatalogEdition, Criterion, Observation } from '@cdsx/criteria';
import type { Overlay } from '../../src/overlay';
import { mulberry32 } from '../../src/synthetic/prng';

/** mulberry32 — seeded, so every failing case can be replayed from its seed. */
export const rng = mulberry32;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const GROUP_COMMUNE: Record<AreaGroup, { unitType: 'phuong' | 'xa' | 'dac_khu' }> = {
  urban: { unitType: 'phuong' },
  rural: { unitType: 'xa' },
  remote: { unitType: 'dac_khu' },
};

function range(c: Criterion): { min: number; max: number; step: number } {
  if (c.measure === 'percentage') return { min: 0, max: 100, step: 0.1 };
  if (c.measure === 'ordinal') {
    const v = (c.scale ?? []).map((p) => p.value);
    return { min: Math.min(...v), max: Math.max(...v), step: 1 };
  }
  return { min: 0, max: 1e6, step: 1 };
}

/** A value on, just above or just below one of the criterion's thresholds — or anywhere in range. */
export function valueNear(r: () => number, c: Criterion, group: AreaGroup, target: string): number | boolean {
  const reqs = c.requirements[group];
  const aimed = reqs[target];
  // Mostly aim at the target level's threshold (so every level is reached often), else any threshold.
  if (c.measure === 'boolean')
    return aimed && aimed.kind !== 'not_applicable' && r() < 0.85 ? aimed.threshold : r() < 0.5;
  const thresholds = Object.values(reqs).flatMap((q) =>
    q.kind !== 'not_applicable' && typeof q.threshold === 'number' ? [q.threshold] : [],
  );
  const { min, max, step } = range(c);
  let v: number;
  if (!thresholds.length || r() < 0.1) v = min + Math.floor((r() * Math.min(max - min, 200)) / step) * step;
  else if (aimed && aimed.kind !== 'not_applicable' && typeof aimed.threshold === 'number' && r() < 0.8) {
    v = aimed.threshold + (aimed.comparison === '<=' ? -1 : 1) * pick(r, [0, 0, step, -step]);
  } else v = pick(r, thresholds) + pick(r, [-step, 0, 0, step]);
  v = Math.round(Math.min(max, Math.max(min, v)) * 10) / 10;
  if (c.measure === 'ordinal') {
    const scale = (c.scale ?? []).map((p) => p.value);
    if (!scale.includes(v)) v = pick(r, scale);
  }
  return v;
}

/** A random valid overlay for province 01: tighten a few numeric requirements, add one criterion. */
export function randomOverlay(r: () => number, edition: CatalogEdition): Overlay {
  const levelKeys = edition.levels.filter((l) => l.level > 0).map((l) => String(l.level));
  const tighten: NonNullable<Overlay['tighten']> = [];
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const c = pick(r, edition.criteria);
    const group = pick(r, ['urban', 'rural', 'remote'] as const);
    const key = pick(r, levelKeys);
    const req = c.requirements[group][key];
    if (!req || req.kind === 'not_applicable' || seen.has(`${c.id}${group}${key}`)) continue;
    seen.add(`${c.id}${group}${key}`);
    const { min, max } = range(c);
    const t: NonNullable<Overlay['tighten']>[number] = {
      criterion: c.id,
      areaGroup: group,
      level: Number(key),
    };
    if (typeof req.threshold === 'number' && req.comparison !== '=') {
      const d = Math.floor(r() * 11) * (c.measure === 'ordinal' ? 0.1 : 1);
      const next =
        req.comparison === '>='
          ? Math.min(max, req.threshold + Math.round(d))
          : Math.max(min, req.threshold - Math.round(d));
      t.threshold = next;
    }
    if (req.kind === 'extended' && r() < 0.5) t.kind = 'mandatory';
    if (t.threshold !== undefined || t.kind !== undefined) tighten.push(t);
  }
  const text = (s: string) => ({ vi: `${s} (vi)`, en: s });
  const req = (t: number, kind: 'mandatory' | 'extended') => ({
    kind,
    comparison: '>=' as const,
    threshold: t,
  });
  const byGroup = (base: number) =>
    Object.fromEntries(levelKeys.map((k, i) => [k, req(base + 10 * i, i === 0 ? 'extended' : 'mandatory')]));
  return {
    id: 'test-overlay',
    province: '01',
    baseEdition: { version: edition.version },
    title: text('Test overlay'),
    addCriteria: [
      {
        id: 'P01.DV.01',
        dimension: 'services',
        pillar: 'digital_government',
        title: text('Province criterion'),
        description: text('Province criterion description'),
        measure: 'percentage',
        unit: { vi: '%', en: '%' },
        requirements: { urban: byGroup(60), rural: byGroup(50), remote: byGroup(40) },
        sources: [{ document: '01/KH-UBND', date: '2026-01-15', article: '§2' }],
        evidence: text('Report'),
        dataSource: 'self_declared',
        remediation: text('Do more'),
        // Editions that declare a reference architecture require every criterion, a province's too, to trace to it.
        ...(edition.architecture ? { architecture: ['KTT6'] } : {}),
      },
    ],
    tighten,
  };
}

/** A random assessment: random area group, values around every threshold, some missing, maybe an unknown id. */
export function randomAssessment(
  r: () => number,
  edition: CatalogEdition,
  extra: readonly Criterion[] = [],
): Assessment {
  const group = pick(r, ['urban', 'rural', 'remote'] as const);
  const overrideGroup = r() < 0.2;
  const unitType = overrideGroup
    ? pick(r, ['phuong', 'xa', 'dac_khu'] as const)
    : GROUP_COMMUNE[group].unitType;
  const missingRate = pick(r, [0, 0, 0.02, 0.1, 0.5]);
  const target = pick(
    r,
    edition.levels.filter((l) => l.level > 0).map((l) => String(l.level)),
  );
  const observations: Record<string, Observation> = {};
  for (const c of [...edition.criteria, ...extra]) {
    if (r() < missingRate) continue;
    observations[c.id] = { value: valueNear(r, c, group, target), source: 'self_declared' };
  }
  if (r() < 0.05) observations['ZZ.99'] = { value: 1, source: 'computed' };
  return {
    commune: {
      code: '00004',
      name: 'Thử nghiệm',
      provinceCode: '01',
      unitType,
      ...(overrideGroup ? { areaGroup: group } : {}),
    },
    period: '2026',
    catalogVersion: edition.version,
    observations,
  };
}
