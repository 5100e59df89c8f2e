import {
  AREA_GROUPS,
  type AreaGroup,
  type Assessment,
  type CatalogEdition,
  type Criterion,
  type Observation,
  type PublishedEdition,
} from '@cdsx/criteria';
import { COMMUNES } from '@cdsx/criteria/communes';
import { applyOverlay } from '../../src/overlay';
import { naiveDecide } from './naive';
import { randomOverlay, rng } from './random';

/**
 * The generated conformance fixtures of an edition. Observations are built from the edition's own
 * thresholds (on, just passing, just failing); the expectations come from the naive reading in
 * `naive.ts`, not from the package under test.
 */
export function generateFixtures(
  published: PublishedEdition,
): Array<{ name: string; data: Record<string, unknown> }> {
  const { edition } = published;
  const levels = edition.levels
    .map((l) => l.level)
    .filter((l) => l > 0)
    .sort((a, b) => a - b);
  const out: Array<{ name: string; data: Record<string, unknown> }> = [];
  const add = (
    name: string,
    description: string,
    assessment: Assessment,
    eff: CatalogEdition = edition,
    overlays?: unknown[],
  ) => {
    const n = naiveDecide(eff, assessment);
    out.push({
      name: `${name}.json`,
      data: {
        $schema: 'https://unpkg.com/@cdsx/rules/schema/fixture.json',
        description,
        assessment,
        ...(overlays ? { overlays } : {}),
        expected: { level: n.level, unmet: n.unmet, notAvailable: n.notAvailable },
      },
    });
  };

  for (const group of AREA_GROUPS) {
    const commune = COMMUNES.find((c) => c.areaGroup === group)!;
    const make = (value: (c: Criterion) => number | boolean | undefined): Assessment => {
      const observations: Record<string, Observation> = {};
      for (const c of edition.criteria) {
        const v = value(c);
        if (v !== undefined) observations[c.id] = { value: v, source: c.dataSource };
      }
      const { code, name, provinceCode, unitType } = commune;
      return {
        commune: { code, name, provinceCode, unitType },
        period: '2026',
        catalogVersion: edition.version,
        observations,
        synthetic: true,
      };
    };
    const g = group;
    add(
      `${g}-failing-every-threshold`,
      `${g}: every value just fails its lowest threshold (level 0, every requirement not met)`,
      make((c) => failing(c, g, levels[0]!)),
    );
    for (const level of levels) {
      add(
        `${g}-on-level-${level}`,
        `${g}: every value exactly on its level-${level} threshold`,
        make((c) => onLevel(c, g, level)),
      );
      add(
        `${g}-just-below-level-${level}`,
        `${g}: on the level-${level} thresholds except each mandatory level-${level} value just failing`,
        make((c) =>
          requirement(c, g, level)?.kind === 'mandatory' ? failing(c, g, level) : onLevel(c, g, level),
        ),
      );
      const mandatory = edition.criteria.find((c) => requirement(c, g, level)?.kind === 'mandatory');
      if (mandatory) {
        add(
          `${g}-on-level-${level}-missing-${mandatory.id}`,
          `${g}: on the level-${level} thresholds but ${mandatory.id} not reported (provisional)`,
          make((c) => (c.id === mandatory.id ? undefined : onLevel(c, g, level))),
        );
      }
      // The extended share exactly: the required number of extended criteria met, the others just failing.
      const extended = edition.criteria.filter((c) => requirement(c, g, level)?.kind === 'extended');
      const share = edition.levelRule.extendedSharePercent[String(level)] ?? 0;
      const required = extended.length ? Math.ceil((share * extended.length) / 100 - 1e-9) : 0;
      for (const count of [required, required - 1]) {
        if (count < 0 || !extended.length) continue;
        const met = new Set(extended.slice(0, count).map((c) => c.id));
        add(
          `${g}-level-${level}-extended-${count}-of-${extended.length}`,
          `${g}: level-${level} mandatory met, ${count} of ${extended.length} extended met (${required} required)`,
          make((c) =>
            extended.some((e) => e.id === c.id) && !met.has(c.id)
              ? failing(c, g, level)
              : onLevel(c, g, level),
          ),
        );
      }
    }
    add(
      `${g}-passing-every-threshold`,
      `${g}: every value just passes its highest threshold (top level)`,
      make((c) => passing(c, g, levels.at(-1)!)),
    );
  }

  // One overlay fixture: an urban Hà Nội commune on the level-2 thresholds under a random valid overlay.
  const overlay = { ...randomOverlay(rng(7), edition), id: 'fixture-overlay' };
  const applied = applyOverlay(edition, published.contentHash, overlay);
  if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
  const hanoi = COMMUNES.find((c) => c.provinceCode === '01' && c.areaGroup === 'urban')!;
  const obs: Record<string, Observation> = {};
  for (const c of applied.value.edition.criteria) {
    const v = onLevel(c, 'urban', levels[1] ?? levels[0]!);
    if (v !== undefined) obs[c.id] = { value: v, source: c.dataSource };
  }
  add(
    'overlay-urban-on-level-2',
    'urban Hà Nội commune on the edition level-2 thresholds, under a province overlay that tightens some of them',
    {
      commune: { code: hanoi.code, name: hanoi.name, provinceCode: '01', unitType: hanoi.unitType },
      period: '2026',
      catalogVersion: edition.version,
      observations: obs,
      synthetic: true,
    },
    applied.value.edition,
    [overlay],
  );
  return out;
}

function requirement(c: Criterion, g: AreaGroup, level: number) {
  const r = c.requirements[g][String(level)];
  return r && r.kind !== 'not_applicable' ? r : undefined;
}

/** The requirement at `level`, else the nearest applicable one below, else above. */
function nearest(c: Criterion, g: AreaGroup, level: number) {
  const keys = Object.keys(c.requirements[g])
    .map(Number)
    .sort((a, b) => a - b);
  const below = keys.filter((k) => k <= level).reverse();
  const above = keys.filter((k) => k > level);
  for (const k of [...below, ...above]) {
    const r = requirement(c, g, k);
    if (r) return r;
  }
  return undefined;
}

function step(c: Criterion): number {
  return c.measure === 'percentage' ? 0.1 : 1;
}
function inRange(c: Criterion, v: number): number {
  if (c.measure === 'percentage') return Math.min(100, Math.max(0, Math.round(v * 10) / 10));
  if (c.measure === 'ordinal') {
    const s = (c.scale ?? []).map((p) => p.value);
    return Math.min(Math.max(...s), Math.max(Math.min(...s), v));
  }
  return Math.max(0, v);
}

function onLevel(c: Criterion, g: AreaGroup, level: number): number | boolean | undefined {
  const r = nearest(c, g, level);
  return r ? r.threshold : c.measure === 'boolean' ? true : undefined;
}
function shift(c: Criterion, g: AreaGroup, level: number, pass: boolean): number | boolean | undefined {
  const r = nearest(c, g, level);
  if (!r) return undefined;
  if (typeof r.threshold === 'boolean') return pass ? r.threshold : !r.threshold;
  const up = (r.comparison === '<=') !== pass; // passing a ≥ goes up; failing a ≤ goes up
  return inRange(c, r.threshold + (up ? step(c) : -step(c)));
}
function failing(c: Criterion, g: AreaGroup, level: number) {
  return shift(c, g, level, false);
}
function passing(c: Criterion, g: AreaGroup, level: number) {
  return shift(c, g, level, true);
}
