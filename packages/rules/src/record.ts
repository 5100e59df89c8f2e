import type {
  AreaGroup,
  Assessment,
  CatalogEdition,
  Comparison,
  Criterion,
  Dimension,
  LevelDefinition,
  LocalizedText,
  UnitType,
} from '@cdsx/criteria';
import { extendedMetFact, type FactValues, mandatoryNotMetFact, type RuleSet } from './compile';
import { ENGINE_INFO } from './version';

/**
 * Outcome of one requirement: `met` đạt · `not_met` chưa đạt · `not_available` chưa có số liệu (never
 * counted as met) · `not_applicable` không áp dụng cho nhóm địa bàn ở mức này.
 */
export type Outcome = 'met' | 'not_met' | 'not_available' | 'not_applicable';

/** Outcome codes of the applicable requirements, per requirement rule (0 met, 1 not met, 2 not available). */
export const MET = 0;
export const NOT_MET = 1;
export const NOT_AVAILABLE = 2;

/** A level with its names. */
export interface LevelRef {
  /** Level number: 0 chưa đạt, then 1, 2, 3… */
  level: number;
  name: LocalizedText;
}

/** Kết quả đánh giá một tiêu chí ở một mức — one finding per criterion × level. */
export interface Finding {
  /** Criterion id, e.g. `DV.01` (or a province's `P01.DV.01`). */
  criterion: string;
  dimension: Dimension;
  level: number;
  /** `mandatory` bắt buộc · `extended` mở rộng · `null` when the requirement is not applicable. */
  kind: 'mandatory' | 'extended' | null;
  outcome: Outcome;
  /** The observed value, `null` when missing. */
  observed: number | boolean | null;
  comparison: Comparison | null;
  threshold: number | boolean | null;
  /**
   * Distance to the threshold in the criterion's unit: 0 when met, the positive amount still needed when
   * a number is not met; `null` for booleans not met, missing values and not-applicable requirements.
   */
  gap: number | null;
  /** Unit of `observed`, `threshold` and `gap` (`null` for boolean and ordinal criteria). */
  unit: LocalizedText | null;
  /** What to do — given for `not_met` and `not_available`, `null` otherwise. */
  remediation: LocalizedText | null;
}

/** A gap towards the next level: one failed requirement, with how far it is from its threshold. */
export interface GapItem {
  criterion: string;
  outcome: 'not_met' | 'not_available';
  observed: number | boolean | null;
  comparison: Comparison;
  threshold: number | boolean;
  gap: number | null;
  /** `gap / |threshold|` (or `gap` when the threshold is 0); 1 for a boolean not met; `null` when missing. */
  relativeGap: number | null;
  unit: LocalizedText | null;
  remediation: LocalizedText;
}

/** What stops the commune reaching the next level. */
export interface NextLevelGaps {
  level: number;
  /** Failed mandatory requirements of the next level, by criterion id. Missing data counts as failed. */
  mandatory: GapItem[];
  /** The extended share: how many more extended criteria are needed and which are closest. */
  extended: {
    applicable: number;
    required: number;
    met: number;
    /** `max(0, required − met)`. */
    shortfall: number;
    /** Extended requirements not met, closest to their threshold first (relative gap), then by id; missing last. */
    candidates: GapItem[];
  };
}

/** Counts of one level's requirements. */
export interface LevelSummary {
  level: number;
  mandatory: { applicable: number; met: number; notMet: number; notAvailable: number };
  extended: {
    applicable: number;
    met: number;
    notMet: number;
    notAvailable: number;
    required: number;
    sharePercent: number;
  };
  /** Whether this level's own conditions hold (the level is reached when they hold for it and every lower level). */
  satisfied: boolean;
}

/**
 * Bản ghi quyết định — the decision record of one assessment: a plain JSON object whose key order is
 * fixed, so the same input always serialises to the same bytes.
 */
export interface DecisionRecord {
  /** Format version of this record. */
  recordVersion: 1;
  /** The catalog edition applied: id, version and `sha256:` content hash. */
  catalog: { id: string; version: string; contentHash: string };
  /** The software that decided: `@cdsx/rules` and its version; the reference semantics it follows. */
  engine: { name: string; version: string; semantics: string };
  /** The province overlay applied, `null` when none. */
  overlay: { id: string; province: string; contentHash: string } | null;
  commune: { code: string; name: string; provinceCode: string; unitType: UnitType };
  /** Nhóm địa bàn used to pick the requirements. */
  areaGroup: AreaGroup;
  period: string;
  /** True when the assessment is generated data (the nationwide synthetic dataset). */
  synthetic: boolean;
  /** Mức đạt được. */
  level: LevelRef;
  /** The next level, `null` at the top level. */
  nextLevel: LevelRef | null;
  /** True when missing observations could change the level (`possibleLevel` > `level.level`). */
  provisional: boolean;
  /** The level that would be reached if every missing observation turned out to be met. */
  possibleLevel: number;
  /** Criteria whose missing observation could change the level (by id). */
  missingCriteria: string[];
  /** Per level: counts and whether its conditions hold. */
  levels: LevelSummary[];
  /** Per dimension (catalog order): applicable requirements (all levels) and how many are met. */
  dimensions: Array<{ dimension: Dimension; met: number; applicable: number }>;
  /** One finding per criterion × level (catalog order, then level), `not_applicable` included. */
  findings: Finding[];
  /** Gaps for the next level (`null` at the top level): failed mandatory first, then the extended shortfall. */
  gaps: NextLevelGaps | null;
  /** Observation keys that are not criteria of the edition (or overlay), sorted. Reported, never used. */
  unknownCriteria: string[];
}

/** The catalog context an assessment is decided under (edition with overlay applied, compiled). */
export interface CatalogContext {
  readonly edition: CatalogEdition;
  readonly contentHash: string;
  readonly overlay: { id: string; province: string; contentHash: string } | null;
  readonly base: LevelDefinition;
  readonly ranked: readonly LevelDefinition[];
  readonly criterionIds: ReadonlySet<string>;
  readonly criterionById: ReadonlyMap<string, Criterion>;
  readonly criterionIndex: ReadonlyMap<string, number>;
  /** Per criterion (catalog order): the index of its dimension in `edition.dimensions`. */
  readonly dimensionIndex: Int32Array;
  readonly ruleSets: Readonly<Record<AreaGroup, RuleSet>>;
}

/** Observed values by criterion index (catalog order); `undefined` when not observed. */
export function valuesOf(ctx: CatalogContext, assessment: Assessment): unknown[] {
  const values = new Array<unknown>(ctx.edition.criteria.length).fill(undefined);
  const obs = assessment.observations;
  for (const id in obs) {
    const i = ctx.criterionIndex.get(id);
    if (i !== undefined) values[i] = obs[id]!.value;
  }
  return values;
}

/** Flat facts for json-rules-engine: criterion id → observed value, only for observed criteria. */
export function factsObject(ctx: CatalogContext, values: FactValues): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  ctx.edition.criteria.forEach((c, i) => {
    if (values[i] !== undefined) facts[c.id] = values[i];
  });
  return facts;
}

/**
 * The level facts the level rules read, from the requirement outcomes, by slot (see `compileRuleSets`).
 * With `optimistic`, missing observations count as met (the level missing data could still give).
 */
export function levelValuesOf(ruleSet: RuleSet, outcomes: Uint8Array, optimistic: boolean): number[] {
  const values = new Array<number>(2 * ruleSet.perLevel.length).fill(0);
  const reqs = ruleSet.requirements;
  for (let i = 0; i < reqs.length; i++) {
    const r = reqs[i]!;
    const o = outcomes[i]!;
    const met = o === MET || (optimistic && o === NOT_AVAILABLE);
    if (r.mandatory) {
      if (!met) values[2 * r.levelIndex]! += 1;
    } else if (met) values[2 * r.levelIndex + 1]! += 1;
  }
  return values;
}

/** The level facts as named json-rules-engine facts. */
export function levelFactsObject(ruleSet: RuleSet, values: readonly number[]): Record<string, number> {
  const facts: Record<string, number> = {};
  ruleSet.perLevel.forEach((p, i) => {
    facts[mandatoryNotMetFact(p.level)] = values[2 * i]!;
    facts[extendedMetFact(p.level)] = values[2 * i + 1]!;
  });
  return facts;
}

const OUTCOME: readonly Outcome[] = ['met', 'not_met', 'not_available'];

function round(x: number): number {
  const scaled = x * 1e9;
  // A huge value (1e300) would overflow to Infinity, which JSON writes as null ("missing"): keep it as is.
  return Number.isFinite(scaled) ? Math.round(scaled) / 1e9 : x;
}

function gapOf(observed: unknown, threshold: number | boolean, outcome: number): number | null {
  if (outcome === MET) return 0;
  if (outcome !== NOT_MET || typeof observed !== 'number' || typeof threshold !== 'number') return null;
  return round(Math.abs(threshold - observed));
}

function relativeGapOf(gap: number | null, threshold: number | boolean, outcome: Outcome): number | null {
  if (outcome === 'not_available') return null;
  if (gap === null) return 1;
  const t = typeof threshold === 'number' ? Math.abs(threshold) : 0;
  return round(t === 0 ? gap : gap / t);
}

/**
 * Build the decision record from the requirement outcomes and the levels decided by the level rules.
 * Both paths (json-rules-engine and the compiled fast path) end here, so their records can differ only
 * if their outcomes or levels differ.
 */
export function buildRecord(
  ctx: CatalogContext,
  ruleSet: RuleSet,
  assessment: Assessment,
  values: FactValues,
  outcomes: Uint8Array,
  level: number,
  possibleLevel: number,
): DecisionRecord {
  const { edition, ranked } = ctx;
  const levelDef = (n: number): LevelRef => {
    const d = n === ctx.base.level ? ctx.base : ranked.find((l) => l.level === n)!;
    return { level: d.level, name: d.name };
  };
  const nextIndex = ranked.findIndex((l) => l.level > level);
  const next = nextIndex >= 0 ? ranked[nextIndex]! : null;

  // Per-dimension and per-level counts, from the per-rule-set cell table.
  const cells = cellsOf(ctx, ruleSet);
  const reqs = ruleSet.requirements;
  const nLevels = ranked.length;
  const dimMet = new Int32Array(edition.dimensions.length);
  const dimApplicable = new Int32Array(edition.dimensions.length);
  // counts[li * 6 + (mandatory ? 0 : 3) + outcome]
  const counts = new Int32Array(nLevels * 6);
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    if (cell.ri < 0) continue;
    const o = outcomes[cell.ri]!;
    counts[cell.li * 6 + (cell.kind === 'mandatory' ? 0 : 3) + o]! += 1;
    dimApplicable[cell.di]! += 1;
    if (o === MET) dimMet[cell.di]! += 1;
  }

  const levels: LevelSummary[] = ranked.map((def, li) => {
    const c = li * 6;
    const p = ruleSet.perLevel[li]!;
    return {
      level: def.level,
      mandatory: {
        applicable: p.mandatory,
        met: counts[c]!,
        notMet: counts[c + 1]!,
        notAvailable: counts[c + 2]!,
      },
      extended: {
        applicable: p.extended,
        met: counts[c + 3]!,
        notMet: counts[c + 4]!,
        notAvailable: counts[c + 5]!,
        required: p.extendedRequired,
        sharePercent: p.extendedSharePercent,
      },
      satisfied: counts[c + 1]! + counts[c + 2]! === 0 && counts[c + 3]! >= p.extendedRequired,
    };
  });

  // Gaps for the next level: only its own requirements can fail (every lower level is satisfied).
  let gaps: NextLevelGaps | null = null;
  if (next) {
    const li = nextIndex;
    const mandatory: GapItem[] = [];
    const candidates: GapItem[] = [];
    for (let ri = 0; ri < reqs.length; ri++) {
      const r = reqs[ri]!;
      if (r.levelIndex !== li || outcomes[ri] === MET) continue;
      const p = r.rule.event.params;
      const outcome = OUTCOME[outcomes[ri]!] as 'not_met' | 'not_available';
      const observedRaw = values[r.criterionIndex];
      const gap = gapOf(observedRaw, p.threshold, outcomes[ri]!);
      const item: GapItem = {
        criterion: p.criterion,
        outcome,
        observed: observedRaw === undefined ? null : (observedRaw as number | boolean),
        comparison: p.comparison,
        threshold: p.threshold,
        gap,
        relativeGap: relativeGapOf(gap, p.threshold, outcome),
        unit: r.criterion.unit,
        remediation: r.criterion.remediation,
      };
      (p.kind === 'mandatory' ? mandatory : candidates).push(item);
    }
    mandatory.sort((a, b) => cmp(a.criterion, b.criterion));
    candidates.sort((a, b) => {
      if (a.relativeGap !== b.relativeGap) {
        if (a.relativeGap === null) return 1;
        if (b.relativeGap === null) return -1;
        return a.relativeGap - b.relativeGap;
      }
      return cmp(a.criterion, b.criterion);
    });
    const sum = levels[li]!.extended;
    gaps = {
      level: next.level,
      mandatory,
      extended: {
        applicable: sum.applicable,
        required: sum.required,
        met: sum.met,
        shortfall: Math.max(0, sum.required - sum.met),
        candidates,
      },
    };
  }

  // Missing data that could change the level: not-available findings at levels above the reached one,
  // up to the level reachable if they were all met.
  const missing = new Set<string>();
  if (possibleLevel > level) {
    for (let ri = 0; ri < reqs.length; ri++) {
      if (outcomes[ri] !== NOT_AVAILABLE) continue;
      const p = reqs[ri]!.rule.event.params;
      if (p.level > level && p.level <= possibleLevel) missing.add(p.criterion);
    }
  }

  const unknownCriteria: string[] = [];
  for (const id in assessment.observations) if (!ctx.criterionIds.has(id)) unknownCriteria.push(id);
  unknownCriteria.sort(cmp);
  const commune = assessment.commune;
  // Findings are the bulk of a record (one object per criterion × level): they are materialised on first
  // read — by property access, JSON.stringify, spread or structuredClone alike — and then kept, so a
  // nationwide batch that only reads levels and gaps does not allocate them. Same key order, same values.
  let findings: Finding[] | undefined;
  return {
    recordVersion: 1,
    catalog: { id: edition.id, version: edition.version, contentHash: ctx.contentHash },
    engine: { ...ENGINE_INFO },
    overlay: ctx.overlay ? { ...ctx.overlay } : null,
    commune: {
      code: commune.code,
      name: commune.name,
      provinceCode: commune.provinceCode,
      unitType: commune.unitType,
    },
    areaGroup: ruleSet.areaGroup,
    period: assessment.period,
    synthetic: assessment.synthetic === true,
    level: levelDef(level),
    nextLevel: next ? { level: next.level, name: next.name } : null,
    provisional: possibleLevel > level,
    possibleLevel,
    missingCriteria: [...missing].sort(cmp),
    levels,
    dimensions: edition.dimensions.map((d, i) => ({
      dimension: d.id,
      met: dimMet[i]!,
      applicable: dimApplicable[i]!,
    })),
    get findings(): Finding[] {
      findings ??= materializeFindings(cells, values, outcomes);
      return findings;
    },
    set findings(value: Finding[]) {
      findings = value;
    },
    gaps,
    unknownCriteria,
  };
}

/** One finding per cell (criterion × level, catalog order then level), `not_applicable` included. */
function materializeFindings(cells: readonly Cell[], values: FactValues, outcomes: Uint8Array): Finding[] {
  const findings: Finding[] = [];
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    const observedRaw = values[cell.ci];
    const observed = observedRaw === undefined ? null : (observedRaw as number | boolean);
    if (cell.ri < 0) {
      findings.push({
        criterion: cell.criterion,
        dimension: cell.dimension,
        level: cell.level,
        kind: null,
        outcome: 'not_applicable',
        observed,
        comparison: null,
        threshold: null,
        gap: null,
        unit: cell.unit,
        remediation: null,
      });
      continue;
    }
    const o = outcomes[cell.ri]!;
    findings.push({
      criterion: cell.criterion,
      dimension: cell.dimension,
      level: cell.level,
      kind: cell.kind,
      outcome: OUTCOME[o]!,
      observed,
      comparison: cell.comparison,
      threshold: cell.threshold,
      gap: o === MET ? 0 : gapOf(observedRaw, cell.threshold!, o),
      unit: cell.unit,
      remediation: o === MET ? null : cell.remediation,
    });
  }
  return findings;
}

/** The static part of one finding: a criterion × level of one rule set (catalog order, then level). */
interface Cell {
  readonly ci: number;
  readonly li: number;
  readonly di: number;
  /** Requirement index in the rule set, -1 when not applicable. */
  readonly ri: number;
  readonly criterion: string;
  readonly dimension: Dimension;
  readonly level: number;
  readonly kind: 'mandatory' | 'extended' | null;
  readonly comparison: Comparison | null;
  readonly threshold: number | boolean | null;
  readonly unit: LocalizedText | null;
  readonly remediation: LocalizedText;
}

const cellCache = new WeakMap<RuleSet, readonly Cell[]>();
/** The finding cells of a rule set, computed once: the per-assessment loop only adds the outcome. */
function cellsOf(ctx: CatalogContext, ruleSet: RuleSet): readonly Cell[] {
  let cells = cellCache.get(ruleSet);
  if (cells) return cells;
  const out: Cell[] = [];
  ctx.edition.criteria.forEach((criterion, ci) => {
    ctx.ranked.forEach((def, li) => {
      const ri = ruleSet.slots[ci]![li]!;
      const p = ri < 0 ? null : ruleSet.requirements[ri]!.rule.event.params;
      out.push({
        ci,
        li,
        di: ctx.dimensionIndex[ci]!,
        ri,
        criterion: criterion.id,
        dimension: criterion.dimension,
        level: p ? p.level : def.level,
        kind: p ? p.kind : null,
        comparison: p ? p.comparison : null,
        threshold: p ? p.threshold : null,
        unit: criterion.unit,
        remediation: criterion.remediation,
      });
    });
  });
  cells = Object.freeze(out);
  cellCache.set(ruleSet, cells);
  return cells;
}

/** Code-unit string order (locale-independent, deterministic). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
