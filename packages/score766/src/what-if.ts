import type { LocalizedText } from '@cdsx/criteria';
import type { ParsedUnit, UnitCounts } from './input';
import { DEFAULT_PROFILE, type IndicatorDefinition, type PublishedProfile } from './profile';
import { indicatorCounts, round2, scoreUnit, type UnitScore } from './score';

/** Move `delta` records of one indicator from "not good" to "good" (e.g. +200 digitised dossiers). */
export interface Move {
  /** Indicator id, e.g. `4.2`. */
  indicator: string;
  delta: number;
}

/** Options of the what-if functions. */
export interface WhatIfOptions {
  profile?: PublishedProfile;
  /** Cost of moving one record, per indicator id (default 1 each): lets "cheapest" weigh effort. */
  costs?: Readonly<Record<string, number>>;
}

/** How far one indicator's good count can move. */
export interface Lever {
  indicator: string;
  name: LocalizedText;
  /** What is counted, e.g. dossiers. */
  unit: LocalizedText;
  /** The field moved (`totalOnTime`, or `metrics.DOSSIER_SYNC.numerator`). */
  field: string;
  numerator: number;
  denominator: number;
  /** Records that can still move (denominator − numerator). */
  headroom: number;
  /** Exact points gained per record until the indicator's full points. */
  pointsPerRecord: number;
  /** Records that give the indicator its full points. */
  recordsToFull: number;
}

function unitParts(unit: ParsedUnit | UnitCounts): {
  counts: UnitCounts;
  invalid: ParsedUnit['invalid'] | undefined;
} {
  return 'counts' in unit
    ? { counts: unit.counts, invalid: unit.invalid }
    : { counts: unit, invalid: undefined };
}

function leverOf(
  def: IndicatorDefinition,
  counts: UnitCounts,
  invalid: ParsedUnit['invalid'] | undefined,
): Lever | undefined {
  if (!def.lever || def.max === 0) return undefined;
  const c = indicatorCounts(def, counts, invalid);
  if ('reason' in c || c.denominator === 0) return undefined;
  const { numerator, denominator } = c;
  const headroom = denominator - numerator;
  const threshold = def.rule.kind === 'capped' ? def.rule.threshold : 1;
  const recordsToFull = Math.max(0, Math.ceil(threshold * denominator - 1e-9) - numerator);
  if (recordsToFull === 0) return undefined;
  return {
    indicator: def.id,
    name: def.name,
    unit: def.lever.unit,
    field: def.lever.field === 'numerator' ? `metrics.${def.code}.numerator` : def.lever.field,
    numerator,
    denominator,
    headroom,
    pointsPerRecord: def.max / (threshold * denominator),
    recordsToFull,
  };
}

/** Every indicator whose good count can still raise the score, with its points per record. */
export function levers(unit: ParsedUnit | UnitCounts, options: WhatIfOptions = {}): Lever[] {
  const { profile } = options.profile ?? DEFAULT_PROFILE;
  const { counts, invalid } = unitParts(unit);
  return profile.indicators.flatMap((d) => {
    const l = leverOf(d, counts, invalid);
    return l ? [l] : [];
  });
}

/**
 * The counts after the moves: the good count rises by `delta` (at most up to its denominator) and,
 * where the portal has one, its counterpart falls (`totalOverdue` for on time, `channelDirectSum`
 * for online submissions). Denominators never change. Returns a new object; the input is untouched.
 */
export function applyMoves(
  unit: ParsedUnit | UnitCounts,
  moves: readonly Move[],
  options: WhatIfOptions = {},
): UnitCounts {
  const { profile } = options.profile ?? DEFAULT_PROFILE;
  const { counts, invalid } = unitParts(unit);
  const out: UnitCounts = { ...counts, metrics: counts.metrics.map((m) => ({ ...m })) };
  for (const move of moves) {
    const def = profile.indicators.find((d) => d.id === move.indicator);
    if (!def) throw new RangeError(`unknown indicator ${move.indicator}`);
    if (!Number.isInteger(move.delta) || move.delta < 0)
      throw new RangeError(`move ${move.indicator}: delta must be a whole number ≥ 0, got ${move.delta}`);
    const c = indicatorCounts(def, out, invalid);
    if (!def.lever || 'reason' in c) continue;
    const delta = Math.min(move.delta, c.denominator - c.numerator);
    if (delta <= 0) continue;
    if (def.lever.field === 'numerator') {
      const m = out.metrics.find((x) => x.metricCode === def.code);
      if (m) m.numerator = (m.numerator as number) + delta;
    } else {
      const f = def.lever.field;
      out[f] = (out[f] as number) + delta;
      const cp = def.lever.counterpart;
      if (cp && out[cp] !== null) out[cp] = Math.max(0, (out[cp] as number) - delta);
    }
  }
  return out;
}

/** A what-if result: the score before and after, and the points gained per indicator. */
export interface WhatIfResult {
  moves: Move[];
  before: UnitScore;
  after: UnitScore;
  /** Total points gained (after − before, 2 decimals). */
  gain: number;
  perIndicator: Array<{ indicator: string; before: number | null; after: number | null; gain: number }>;
}

/**
 * Score a unit before and after some moves.
 *
 * @example
 * ```ts
 * whatIf(unit, [{ indicator: '4.2', delta: 200 }]).gain; // points gained by digitising 200 more dossiers
 * ```
 */
export function whatIf(
  unit: ParsedUnit | UnitCounts,
  moves: readonly Move[],
  options: WhatIfOptions = {},
): WhatIfResult {
  const { invalid } = unitParts(unit);
  const profile = options.profile ?? DEFAULT_PROFILE;
  const before = scoreUnit(unit, { profile });
  const moved = applyMoves(unit, moves, options);
  const after = scoreUnit(invalid ? { index: 0, counts: moved, invalid } : moved, { profile });
  return {
    moves: [...moves],
    before,
    after,
    gain: round2(after.total.points - before.total.points),
    perIndicator: before.indicators
      .map((b, i) => {
        const a = after.indicators[i] as (typeof after.indicators)[number];
        return {
          indicator: b.id,
          before: b.points,
          after: a.points,
          gain: round2((a.points ?? 0) - (b.points ?? 0)),
        };
      })
      .filter((x) => x.gain !== 0),
  };
}

/**
 * Points gained by each indicator when `step` more records become good (e.g. step 10: +10 on time,
 * +10 digitised, …), one indicator at a time — what each count is worth.
 */
export function gainsPerIndicator(
  unit: ParsedUnit | UnitCounts,
  step: number,
  options: WhatIfOptions = {},
): Array<Lever & { delta: number; gain: number }> {
  return levers(unit, options).map((l) => {
    const delta = Math.min(step, l.headroom);
    return { ...l, delta, gain: whatIf(unit, [{ indicator: l.indicator, delta }], options).gain };
  });
}

/** The result of {@link cheapestMoves}. */
export interface CheapestMoves extends WhatIfResult {
  target: number;
  /** Whether the target total is reached. */
  reached: boolean;
  /** Sum of the moves' costs (records moved, when every cost is 1). */
  cost: number;
}

/**
 * The cheapest moves to reach a target total. Each indicator gains the same points per record up to
 * its full points, and indicators are independent, so taking the best points-per-cost first is
 * optimal (up to whole records on the last move, which is then topped up until the rounded total
 * reaches the target). `reached` is false when even every lever at full does not reach it.
 *
 * @example
 * ```ts
 * const plan = cheapestMoves(unit, 90);
 * plan.moves; // [{ indicator: '3.3', delta: 41 }, { indicator: '2.1', delta: 12 }]
 * ```
 */
export function cheapestMoves(
  unit: ParsedUnit | UnitCounts,
  target: number,
  options: WhatIfOptions = {},
): CheapestMoves {
  const costOf = (id: string) => options.costs?.[id] ?? 1;
  const before = scoreUnit(unit, { profile: options.profile ?? DEFAULT_PROFILE });
  const list = levers(unit, options).sort(
    (a, b) =>
      b.pointsPerRecord / costOf(b.indicator) - a.pointsPerRecord / costOf(a.indicator) ||
      (a.indicator < b.indicator ? -1 : 1),
  );
  const moves: Move[] = [];
  let need = target - before.total.points;
  for (const l of list) {
    if (need <= 1e-9) break;
    const full = l.pointsPerRecord * l.recordsToFull;
    const delta =
      full <= need ? l.recordsToFull : Math.min(l.recordsToFull, Math.ceil(need / l.pointsPerRecord - 1e-9));
    moves.push({ indicator: l.indicator, delta });
    need -= delta * l.pointsPerRecord;
  }
  let result = whatIf(unit, moves, options);
  // Rounded indicator points can leave the total a hundredth short: top up one record at a time.
  for (let guard = 0; result.after.total.points < target - 1e-9 && guard < 1000; guard++) {
    const open = moves.find((m) => {
      const l = list.find((x) => x.indicator === m.indicator) as Lever;
      return m.delta < l.recordsToFull;
    });
    const next =
      open ??
      (() => {
        const l = list.find((x) => !moves.some((m) => m.indicator === x.indicator));
        if (!l) return undefined;
        const m = { indicator: l.indicator, delta: 0 };
        moves.push(m);
        return m;
      })();
    if (!next) break;
    next.delta++;
    result = whatIf(unit, moves, options);
  }
  return {
    ...result,
    target,
    reached: result.after.total.points >= target - 1e-9,
    cost: moves.reduce((s, m) => s + m.delta * costOf(m.indicator), 0),
  };
}
