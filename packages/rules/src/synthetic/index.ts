/**
 * The nationwide synthetic dataset — DỮ LIỆU GIẢ LẬP / SYNTHETIC DATA: deterministic, plausible
 * observations for every commune, for demos, tests and benchmarks. Never real measurements: every
 * assessment carries `synthetic: true` and every observation the note `synthetic`.
 *
 * Browser-safe (no Node imports). Subpath: `@cdsx/rules/synthetic`.
 *
 * @example
 * ```ts
 * import { latestEdition } from '@cdsx/criteria/editions';
 * import { COMMUNES } from '@cdsx/criteria/communes';
 * import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';
 * const assessments = generateSyntheticAssessments({ edition: latestEdition.edition, communes: COMMUNES });
 * assessments.length; // 3321, each `synthetic: true`
 * ```
 * @packageDocumentation
 */
import {
  type AreaGroup,
  type Assessment,
  areaGroupOf,
  type CatalogEdition,
  type Criterion,
  type Observation,
  type UnitType,
} from '@cdsx/criteria';
import { mulberry32 } from './prng';

/** A commune as the generator needs it (the shape of `COMMUNES` from `@cdsx/criteria/communes`). */
export interface SyntheticCommune {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly unitType: UnitType;
  readonly areaGroup?: AreaGroup;
}

/** Options of {@link generateSyntheticAssessments}. */
export interface SyntheticOptions {
  edition: CatalogEdition;
  communes: readonly SyntheticCommune[];
  /** PRNG seed; the same seed gives the same dataset. Default 2026. */
  seed?: number;
  /** Reporting period written into each assessment. Default `'2026'`. */
  period?: string;
}

/**
 * How each area group's communes tend to fare: mean capacity (0–1) and the chance that an observation
 * is missing. Urban communes have better infrastructure and staffing; remote (mountain, border, island)
 * communes weaker connectivity and more gaps in reporting.
 */
export const SYNTHETIC_PROFILE: Readonly<Record<AreaGroup, { capacity: number; missing: number }>> =
  Object.freeze({
    urban: { capacity: 0.76, missing: 0.005 },
    rural: { capacity: 0.66, missing: 0.01 },
    remote: { capacity: 0.52, missing: 0.02 },
  });

/** FNV-1a 32-bit hash of a string. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Approximately normal noise (sum of three uniforms), mean 0, standard deviation `sd`. */
function noise(rand: () => number, sd: number): number {
  return (rand() + rand() + rand() - 1.5) * 2 * sd;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

interface Plan {
  criterion: Criterion;
  /** Thresholds in level order for the area group (numbers), direction +1 for ≥, -1 for ≤. */
  thresholds: number[];
  direction: 1 | -1;
  boolean: boolean;
  integer: boolean;
  min: number;
  max: number;
  scale: number[] | null;
}

function planFor(criterion: Criterion, group: AreaGroup, levelKeys: readonly string[]): Plan {
  const pick = (g: AreaGroup) =>
    levelKeys.flatMap((k) => {
      const r = criterion.requirements[g][k];
      return r && r.kind !== 'not_applicable' && typeof r.threshold === 'number'
        ? [{ t: r.threshold, c: r.comparison }]
        : [];
    });
  // Thresholds of the commune's own group, or of any group when none applies to it.
  let reqs = pick(group);
  if (reqs.length === 0) reqs = (['urban', 'rural', 'remote'] as const).map(pick).find((r) => r.length) ?? [];
  const direction = reqs[0]?.c === '<=' ? -1 : 1;
  const scale = criterion.scale ? criterion.scale.map((p) => p.value).sort((a, b) => a - b) : null;
  const thresholds = reqs.map((r) => r.t);
  const integer =
    criterion.measure === 'ordinal' || (criterion.measure === 'number' && thresholds.every(Number.isInteger));
  const max =
    criterion.measure === 'percentage'
      ? 100
      : scale
        ? scale[scale.length - 1]!
        : Math.max(10, ...thresholds.map((t) => t * 1.5));
  const min = scale ? scale[0]! : 0;
  return {
    criterion,
    thresholds,
    direction,
    boolean: criterion.measure === 'boolean',
    integer,
    min,
    max,
    scale,
  };
}

function valueFor(plan: Plan, effort: number, rand: () => number): number | boolean {
  if (plan.boolean) return rand() < 0.76 + 0.24 * effort;
  const ts = plan.thresholds.length
    ? plan.thresholds
    : [plan.direction > 0 ? plan.max * 0.6 : plan.max * 0.2];
  const d = plan.direction;
  const first = ts[0]!;
  const last = ts[ts.length - 1]!;
  const span = Math.max(Math.abs(first) * 0.5, plan.integer ? 2 : 5);
  const badEnd = clamp(first - d * span, plan.min, plan.max);
  const goodEnd = clamp(last + d * Math.max(Math.abs(last) * 0.2, plan.integer ? 1 : 2), plan.min, plan.max);
  // Position along bad end → t1 → t2 → … → good end.
  const stops = [badEnd, ...ts, goodEnd];
  const z = clamp(effort * (stops.length - 1), 0, stops.length - 1 - 1e-9);
  const k = Math.floor(z);
  let v = lerp(stops[k]!, stops[k + 1]!, z - k);
  if (plan.integer) v = d > 0 ? Math.floor(v + 1e-9) : Math.ceil(v - 1e-9);
  else v = Math.round(v * 10) / 10;
  v = clamp(v, plan.min, plan.max);
  if (plan.scale) v = plan.scale.reduce((best, s) => (s <= v ? s : best), plan.scale[0]!);
  return v;
}

/**
 * Generate one synthetic assessment per commune: deterministic for a seed (each commune's values
 * depend only on the seed, its code and its province), differing by area group the way real
 * conditions do, with some observations missing. Marked `synthetic: true`.
 *
 * @example
 * const sample = generateSyntheticAssessments({ edition, communes: COMMUNES.slice(0, 10), seed: 7 });
 */
export function generateSyntheticAssessments(options: SyntheticOptions): Assessment[] {
  const { edition, communes } = options;
  const seed = options.seed ?? 2026;
  const period = options.period ?? '2026';
  const levelKeys = edition.levels
    .map((l) => l.level)
    .sort((a, b) => a - b)
    .slice(1)
    .map(String);
  const plans = new Map<AreaGroup, Plan[]>();
  const plansFor = (g: AreaGroup) => {
    let p = plans.get(g);
    if (!p) {
      p = edition.criteria.map((c) => planFor(c, g, levelKeys));
      plans.set(g, p);
    }
    return p;
  };
  const provinceEffect = new Map<string, number>();
  return communes.map((commune) => {
    const group = areaGroupOf(commune);
    const profile = SYNTHETIC_PROFILE[group];
    let pe = provinceEffect.get(commune.provinceCode);
    if (pe === undefined) {
      pe = noise(mulberry32(hash32(`${seed}:province:${commune.provinceCode}`)), 0.06);
      provinceEffect.set(commune.provinceCode, pe);
    }
    const rand = mulberry32(hash32(`${seed}:commune:${commune.code}`));
    const capacity = clamp(profile.capacity + pe + noise(rand, 0.1), 0.02, 0.98);
    const observations: Record<string, Observation> = {};
    for (const plan of plansFor(group)) {
      const effort = clamp(capacity + noise(rand, 0.06), 0, 1);
      const value = valueFor(plan, effort, rand);
      if (rand() < profile.missing) continue;
      observations[plan.criterion.id] = { value, source: plan.criterion.dataSource, note: 'synthetic' };
    }
    const profileOut = {
      code: commune.code,
      name: commune.name,
      provinceCode: commune.provinceCode,
      unitType: commune.unitType,
      ...(commune.areaGroup !== undefined ? { areaGroup: commune.areaGroup } : {}),
    };
    return { commune: profileOut, period, catalogVersion: edition.version, observations, synthetic: true };
  });
}
