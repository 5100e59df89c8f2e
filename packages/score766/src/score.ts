import type { LocalizedText } from '@cdsx/criteria';
import type { ParsedUnit, UnitCounts } from './input';
import {
  DEFAULT_PROFILE,
  type FormulaStatus,
  type IndicatorDefinition,
  type OfficialGroupId,
  type PortalGroupId,
  type PublishedProfile,
} from './profile';

/**
 * How an indicator was scored:
 * - `scored`: points from the rate;
 * - `no_data_full` / `no_data_zero`: zero denominator, the rule gives full points (5.2, 5.3) or 0 (5.4);
 * - `informational`: tracked, not scored;
 * - `not_available`: an input is missing or invalid, or the denominator is 0 — no points, and the
 *   group and total say they are partial.
 */
export type IndicatorOutcome = 'scored' | 'no_data_full' | 'no_data_zero' | 'informational' | 'not_available';

/** One indicator's score. */
export interface IndicatorScore {
  id: string;
  code: string | null;
  group: PortalGroupId;
  name: LocalizedText;
  max: number;
  status: FormulaStatus;
  numerator: number | null;
  denominator: number | null;
  /** Percentage 0–100 (unrounded); null when not available. */
  rate: number | null;
  /** Points rounded to 2 decimals; null when not available (never a silent 0). */
  points: number | null;
  outcome: IndicatorOutcome;
  reason?: LocalizedText;
}

/** A group's score: the sum of its indicators' rounded points. */
export interface GroupScore<Id extends string = string> {
  id: Id;
  name: LocalizedText;
  max: number;
  /** Sum of the available indicators' rounded points (2 decimals); null when none is available. */
  points: number | null;
  /** True when an indicator of the group is not available: `points` is then a lower bound. */
  partial: boolean;
  /** Maximum of the indicators that were available. */
  availableMax: number;
  /** Ids of the indicators that are not available. */
  notAvailable: string[];
}

/** The score of one unit and period. */
export interface UnitScore {
  unitCode: string;
  unitName: string | null;
  level: string | null;
  provinceCode: string | null;
  period: string;
  /** The formula profile and its content hash: every score names the formulas it used. */
  profile: { id: string; contentHash: string };
  indicators: IndicatorScore[];
  /** The portal's six groups. */
  groups: GroupScore<PortalGroupId>[];
  /** The five official groups of QĐ 766 (online services = DVCTT + payment). */
  officialGroups: GroupScore<OfficialGroupId>[];
  total: { points: number; max: number; partial: boolean; availableMax: number; notAvailable: string[] };
}

/** Round half up to 2 decimals (points are never negative); absorbs binary noise such as 1.005 → 1.00499…. */
export function round2(x: number): number {
  return Math.round(x * 100 + 1e-7) / 100;
}

/** Sum already-rounded values and round again (removes float noise such as 0.1 + 0.2). */
function sum2(xs: readonly number[]): number {
  return round2(xs.reduce((s, x) => s + x, 0));
}

/** Exact (unrounded) points of an indicator for a rate r in [0, 1]. */
export function pointsForRate(def: Pick<IndicatorDefinition, 'max' | 'rule'>, r: number): number {
  switch (def.rule.kind) {
    case 'informational':
      return 0;
    case 'linear':
      return def.max * r;
    case 'capped':
      return Math.min(def.max, (def.max * r) / def.rule.threshold);
  }
}

/** The numerator and denominator of an indicator in a unit, or why they are not available. */
export function indicatorCounts(
  def: IndicatorDefinition,
  counts: UnitCounts,
  invalid?: ReadonlyMap<string, LocalizedText>,
): { numerator: number; denominator: number } | { reason: LocalizedText } {
  if (def.input.kind === 'metric') {
    const code = def.input.code;
    const bad = invalid?.get(`metric:${code}`);
    if (bad) return { reason: { vi: `${code}: ${bad.vi}`, en: `${code}: ${bad.en}` } };
    const m = counts.metrics.find((x) => x.metricCode === code);
    if (!m)
      return { reason: { vi: `không có chỉ số ${code} trong dữ liệu`, en: `no ${code} metric in the data` } };
    if (m.numerator === null || m.denominator === null)
      return { reason: { vi: `${code}: không có số liệu (null)`, en: `${code}: no data (null)` } };
    return { numerator: m.numerator, denominator: m.denominator };
  }
  const fields = [...def.input.numerator, def.input.denominator];
  for (const f of fields) {
    const bad = invalid?.get(f);
    if (bad) return { reason: { vi: `${f}: ${bad.vi}`, en: `${f}: ${bad.en}` } };
    if (counts[f] === null || counts[f] === undefined)
      return { reason: { vi: `${f}: không có số liệu (null)`, en: `${f}: no data (null)` } };
  }
  const numerator = def.input.numerator.reduce((s, f) => s + (counts[f] as number), 0);
  return { numerator, denominator: counts[def.input.denominator] as number };
}

/** Score one indicator from its numerator and denominator. */
export function scoreIndicator(
  def: IndicatorDefinition,
  counts: UnitCounts,
  invalid?: ReadonlyMap<string, LocalizedText>,
): IndicatorScore {
  const base = {
    id: def.id,
    code: def.code ?? null,
    group: def.group,
    name: def.name,
    max: def.max,
    status: def.status,
  };
  const c = indicatorCounts(def, counts, invalid);
  if ('reason' in c) {
    return {
      ...base,
      numerator: null,
      denominator: null,
      rate: null,
      points: null,
      outcome: 'not_available',
      reason: c.reason,
    };
  }
  const { numerator, denominator } = c;
  if (denominator === 0) {
    const nothing = { ...base, numerator, denominator, rate: null };
    if (def.rule.kind === 'informational')
      return {
        ...nothing,
        points: null,
        outcome: 'informational',
        reason: { vi: 'chỉ theo dõi', en: 'tracking only' },
      };
    if (def.zeroDenominator === 'full')
      return {
        ...nothing,
        points: def.max,
        outcome: 'no_data_full',
        ...(def.zeroReason ? { reason: def.zeroReason } : {}),
      };
    if (def.zeroDenominator === 'zero')
      return {
        ...nothing,
        points: 0,
        outcome: 'no_data_zero',
        ...(def.zeroReason ? { reason: def.zeroReason } : {}),
      };
    return {
      ...nothing,
      points: null,
      outcome: 'not_available',
      reason: def.zeroReason ?? {
        vi: 'mẫu số bằng 0: Cổng hiển thị N/A, không phải 0',
        en: 'zero denominator: the portal shows N/A, not 0',
      },
    };
  }
  const r = numerator / denominator;
  if (def.rule.kind === 'informational')
    return {
      ...base,
      numerator,
      denominator,
      rate: 100 * r,
      points: null,
      outcome: 'informational',
      reason: { vi: 'chỉ theo dõi', en: 'tracking only' },
    };
  return {
    ...base,
    numerator,
    denominator,
    rate: 100 * r,
    points: round2(pointsForRate(def, r)),
    outcome: 'scored',
  };
}

function group<Id extends string>(
  id: Id,
  name: LocalizedText,
  max: number,
  items: readonly IndicatorScore[],
): GroupScore<Id> {
  const scored = items.filter((i) => i.max > 0);
  const na = scored.filter((i) => i.points === null);
  return {
    id,
    name,
    max,
    points: na.length === scored.length && scored.length > 0 ? null : sum2(scored.map((i) => i.points ?? 0)),
    partial: na.length > 0,
    availableMax: sum2(scored.filter((i) => i.points !== null).map((i) => i.max)),
    notAvailable: na.map((i) => i.id),
  };
}

/** Options of {@link scoreUnit}. */
export interface ScoreOptions {
  profile?: PublishedProfile;
}

/**
 * Score one unit: every indicator, the six portal groups, the five official groups and the total
 * out of 100. Indicator points are rounded to 2 decimals and groups are sums of the rounded points
 * (so the displayed numbers add up); an indicator without data is `not_available` and its group and
 * the total are `partial` — never a silent 0.
 *
 * @example
 * ```ts
 * const { units } = parseCounts(json);
 * const s = scoreUnit(units[0]);
 * s.total; // { points: 83.17, max: 100, partial: false, … }
 * ```
 */
export function scoreUnit(unit: ParsedUnit | UnitCounts, options: ScoreOptions = {}): UnitScore {
  const { profile, contentHash } = options.profile ?? DEFAULT_PROFILE;
  const counts = 'counts' in unit ? unit.counts : unit;
  const invalid = 'counts' in unit ? unit.invalid : undefined;
  const indicators = profile.indicators.map((d) => scoreIndicator(d, counts, invalid));
  const groups = profile.portalGroups.map((g) =>
    group(
      g.id,
      g.name,
      g.max,
      indicators.filter((i) => i.group === g.id),
    ),
  );
  const officialGroups = profile.officialGroups.map((g) =>
    group(
      g.id,
      g.name,
      g.max,
      indicators.filter((i) => g.portalGroups.includes(i.group)),
    ),
  );
  const na = groups.flatMap((g) => g.notAvailable);
  return {
    unitCode: counts.unitCode,
    unitName: counts.unitName ?? null,
    level: counts.level ?? null,
    provinceCode: counts.provinceCode ?? null,
    period: counts.period,
    profile: { id: profile.id, contentHash },
    indicators,
    groups,
    officialGroups,
    total: {
      points: sum2(groups.map((g) => g.points ?? 0)),
      max: sum2(profile.portalGroups.map((g) => g.max)),
      partial: na.length > 0,
      availableMax: sum2(groups.map((g) => g.availableMax)),
      notAvailable: na,
    },
  };
}

/** A unit's rank among the comparable units of its province. */
export interface RankedScore {
  score: UnitScore;
  /** 1-based rank by total ("1, 2, 2, 4" on ties) among the province's units with the same indicators available. */
  rank: number;
  /** Number of units ranked together. */
  of: number;
  /** The indicators not available for every unit of this ranking (empty: complete scores). */
  comparedWithout: string[];
}

/**
 * Rank units by total within each province (`provinceCode`, or `unknown`), only against units with
 * the same indicators available: a missing indicator would otherwise rank a unit below one that
 * simply has the data. Complete scores rank together; e.g. units scored from dossiers (the same
 * indicators missing everywhere) rank among themselves. Order: province, complete scores first,
 * then rank, then unit code.
 */
export function rankWithinProvince(scores: readonly UnitScore[]): RankedScore[] {
  const buckets = new Map<string, UnitScore[]>();
  for (const s of scores) {
    const key = `${s.provinceCode ?? 'unknown'}\u0000${s.total.notAvailable.length ? 1 : 0}\u0000${s.total.notAvailable.join(',')}`;
    const list = buckets.get(key) ?? [];
    if (list.length === 0) buckets.set(key, list);
    list.push(s);
  }
  const out: RankedScore[] = [];
  for (const key of [...buckets.keys()].sort()) {
    const list = (buckets.get(key) as UnitScore[]).sort(
      (a, b) =>
        b.total.points - a.total.points || (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0),
    );
    let rank = 0;
    list.forEach((s, i) => {
      if (i === 0 || (list[i - 1] as UnitScore).total.points !== s.total.points) rank = i + 1;
      out.push({ score: s, rank, of: list.length, comparedWithout: s.total.notAvailable });
    });
  }
  return out;
}
