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

/**
 * Kết quả đánh giá một tiêu chí ở một mức — one finding per criterion × level. Lean by design: the
 * criterion's metadata (title, dimension, unit, remediation) is not repeated in every finding; look it up
 * in the edition the record names ({@link DecisionRecord.catalog}, plus its overlay), e.g. with
 * {@link criterionOf} / {@link remediationOf}, or ask for `remediation: 'inline'`.
 */
export interface Finding {
  /** Criterion id, e.g. `DV.01` (or a province's `P01.DV.01`). */
  criterion: string;
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
   * a number is not met (never 0: a value just below a threshold keeps its tiny gap); `null` for booleans
   * not met, missing values and not-applicable requirements.
   */
  gap: number | null;
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
  /** Unit of `observed`, `threshold` and `gap` (`null` for boolean and ordinal criteria). */
  unit: LocalizedText | null;
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
 * Bản ghi quyết định — the decision record of one assessment: a plain JSON object (own data properties
 * only, no accessors) whose key order is fixed, so the same input always serialises to the same bytes.
 * Criterion metadata (title, unit, remediation) is referenced, not repeated: it lives in the edition named
 * by `catalog` (with `overlay`); `remediation: 'inline'` adds the remediation text once per criterion.
 */
export interface DecisionRecord {
  /** Format version of this record (2: lean findings, remediation by reference). */
  recordVersion: 2;
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
  /**
   * Criteria with a missing observation that is required (mandatory or extended) at a level above the
   * reached one and no higher than `possibleLevel`, sorted by id; empty when the record is not
   * provisional. Data for these criteria could raise the level, but not each one alone is decisive: an
   * extended criterion may be listed although the extended share could be reached without it.
   */
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
  /**
   * Only with `remediation: 'inline'`: what to do (việc cần làm), once per criterion that has a `not_met`
   * or `not_available` finding, in catalog order. Otherwise absent: read `remediation` of the criterion in
   * the record's edition (see {@link remediationOf}).
   */
  remediation?: Record<string, LocalizedText>;
}

/**
 * A decision record without its per-finding objects (`detail: 'summary'`): level, counts, gaps and
 * missing data — what a nationwide batch usually needs, at a fraction of the size and allocation.
 */
export type SummaryRecord = Omit<DecisionRecord, 'findings'>;

/** How much of the record to build: every finding (`full`, default) or none (`summary`). */
export type RecordDetail = 'full' | 'summary';

/** Record options decided once per batch. */
export interface RecordOptions {
  readonly detail: RecordDetail;
  readonly inlineRemediation: boolean;
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

/**
 * Observed values by criterion index (catalog order); `undefined` when not observed. Observation keys
 * that are not criteria of the context are pushed to `unknown`.
 */
export function valuesOf(ctx: CatalogContext, assessment: Assessment, unknown: string[]): unknown[] {
  const values = new Array<unknown>(ctx.edition.criteria.length).fill(undefined);
  readObservations(ctx, assessment, values, unknown);
  return values;
}

/** {@link valuesOf} into a caller's buffer (cleared by the caller: criteria not observed are left as they are). */
export function readObservations(
  ctx: CatalogContext,
  assessment: Assessment,
  values: unknown[],
  unknown: string[],
): void {
  const obs = assessment.observations;
  for (const id in obs) {
    const i = ctx.criterionIndex.get(id);
    if (i !== undefined) values[i] = obs[id]!.value;
    else unknown.push(id);
  }
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
export function levelValuesOf(
  ruleSet: RuleSet,
  outcomes: Uint8Array,
  optimistic: boolean,
  into?: number[],
): number[] {
  const n = 2 * ruleSet.perLevel.length;
  // A caller's buffer is reused from one assessment to the next (the batch paths).
  const values = into ?? new Array<number>(n);
  if (values.length !== n) values.length = n;
  for (let k = 0; k < n; k++) values[k] = 0;
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

/** Rounded to 9 decimals, but a positive amount never rounds to 0 (a value 5e-10 short is still short). */
export function roundPositive(x: number): number {
  const r = round(x);
  return r === 0 && x > 0 ? x : r;
}

/** The gap of a requirement with outcome code `outcome` (see {@link Finding.gap}). */
export function gapOf(observed: unknown, threshold: number | boolean, outcome: number): number | null {
  if (outcome === MET) return 0;
  if (outcome !== NOT_MET || typeof observed !== 'number' || typeof threshold !== 'number') return null;
  return roundPositive(Math.abs(threshold - observed));
}

function relativeGapOf(gap: number | null, threshold: number | boolean, outcome: Outcome): number | null {
  if (outcome === 'not_available') return null;
  if (gap === null) return 1;
  const t = typeof threshold === 'number' ? Math.abs(threshold) : 0;
  return roundPositive(t === 0 ? gap : gap / t);
}

const FULL: RecordOptions = Object.freeze({ detail: 'full', inlineRemediation: false });

/**
 * Build the decision record from the requirement outcomes and the levels decided by the level rules.
 * Both paths (json-rules-engine and the compiled fast path) end here, so their records can differ only
 * if their outcomes or levels differ. `unknown` lists the observation keys outside the edition (sorted here).
 */
export function buildRecord(
  ctx: CatalogContext,
  ruleSet: RuleSet,
  assessment: Assessment,
  values: FactValues,
  outcomes: Uint8Array,
  level: number,
  possibleLevel: number,
  unknown: string[],
  options: RecordOptions = FULL,
): DecisionRecord | SummaryRecord {
  const { edition, ranked } = ctx;
  const nextIndex = ranked.findIndex((l) => l.level > level);
  const next = nextIndex >= 0 ? ranked[nextIndex]! : null;

  // Per-dimension and per-level counts, and the findings, from the per-rule-set cell table.
  const cells = cellsOf(ctx, ruleSet);
  const reqs = ruleSet.requirements;
  const nLevels = ranked.length;
  // One scratch buffer for the counts, reused by every record (buildRecord is synchronous and never re-entered):
  // counts[li * 6 + (mandatory ? 0 : 3) + outcome], then met and applicable per dimension.
  const nDims = edition.dimensions.length;
  const counts = scratchCounts(nLevels * 6 + 2 * nDims);
  const dimMetAt = nLevels * 6;
  const dimApplicableAt = dimMetAt + nDims;
  const full = options.detail === 'full';
  const findings: Finding[] | null = full ? new Array<Finding>(cells.length) : null;
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    if (cell.ri < 0) {
      if (findings) {
        const observed = values[cell.ci];
        findings[k] = {
          criterion: cell.criterion,
          level: cell.level,
          kind: null,
          outcome: 'not_applicable',
          observed: observed === undefined ? null : (observed as number | boolean),
          comparison: null,
          threshold: null,
          gap: null,
        };
      }
      continue;
    }
    const o = outcomes[cell.ri]!;
    counts[cell.li * 6 + cell.kindOffset + o]! += 1;
    counts[dimApplicableAt + cell.di]! += 1;
    if (o === MET) counts[dimMetAt + cell.di]! += 1;
    if (findings) {
      const observed = values[cell.ci];
      findings[k] = {
        criterion: cell.criterion,
        level: cell.level,
        kind: cell.kind,
        outcome: OUTCOME[o]!,
        observed: observed === undefined ? null : (observed as number | boolean),
        comparison: cell.comparison,
        threshold: cell.threshold,
        gap: o === MET ? 0 : gapOf(observed, cell.threshold!, o),
      };
    }
  }

  const levels: LevelSummary[] = new Array<LevelSummary>(nLevels);
  for (let li = 0; li < nLevels; li++) {
    const c = li * 6;
    const p = ruleSet.perLevel[li]!;
    levels[li] = {
      level: ranked[li]!.level,
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
  }

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
      };
      (r.mandatory ? mandatory : candidates).push(item);
    }
    // Requirements are in catalog order; ids sort the mandatory list, relative gap then id the candidates.
    if (mandatory.length > 1) mandatory.sort((a, b) => cmp(a.criterion, b.criterion));
    if (candidates.length > 1)
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
  let missingCriteria: string[] = [];
  if (possibleLevel > level) {
    const missing = new Set<string>();
    for (let ri = 0; ri < reqs.length; ri++) {
      if (outcomes[ri] !== NOT_AVAILABLE) continue;
      const p = reqs[ri]!.rule.event.params;
      if (p.level > level && p.level <= possibleLevel) missing.add(p.criterion);
    }
    missingCriteria = [...missing].sort(cmp);
  }

  if (unknown.length > 1) unknown.sort(cmp);
  const commune = assessment.commune;
  const dimensions = new Array<{ dimension: Dimension; met: number; applicable: number }>(
    edition.dimensions.length,
  );
  for (let i = 0; i < dimensions.length; i++)
    dimensions[i] = {
      dimension: edition.dimensions[i]!.id,
      met: counts[dimMetAt + i]!,
      applicable: counts[dimApplicableAt + i]!,
    };
  // One literal for both details; `findings` (full records only) keeps its place in the key order. Measured
  // against two literals that differ only in `findings`: about 0.5 ms more per 3,321 records, well under 1% of
  // even the summary mode, so the record shape has one home.
  const record: DecisionRecord | SummaryRecord = {
    recordVersion: 2,
    catalog: { id: edition.id, version: edition.version, contentHash: ctx.contentHash },
    engine: { name: ENGINE_INFO.name, version: ENGINE_INFO.version, semantics: ENGINE_INFO.semantics },
    overlay: overlayOf(ctx),
    commune: {
      code: commune.code,
      name: commune.name,
      provinceCode: commune.provinceCode,
      unitType: commune.unitType,
    },
    areaGroup: ruleSet.areaGroup,
    period: assessment.period,
    synthetic: assessment.synthetic === true,
    level: levelRef(ctx, level),
    nextLevel: next ? { level: next.level, name: next.name } : null,
    provisional: possibleLevel > level,
    possibleLevel,
    missingCriteria,
    levels,
    dimensions,
    ...(findings ? { findings } : null),
    gaps,
    unknownCriteria: unknown,
  };
  if (options.inlineRemediation) record.remediation = remediationTable(ctx, reqs, outcomes);
  return record;
}

let scratch = new Int32Array(64);
/** The shared counts buffer, zeroed, at least `n` long. */
function scratchCounts(n: number): Int32Array {
  if (scratch.length < n) scratch = new Int32Array(n);
  else scratch.fill(0, 0, n);
  return scratch;
}

function overlayOf(ctx: CatalogContext): DecisionRecord['overlay'] {
  const o = ctx.overlay;
  return o ? { id: o.id, province: o.province, contentHash: o.contentHash } : null;
}

function levelRef(ctx: CatalogContext, n: number): LevelRef {
  const d = n === ctx.base.level ? ctx.base : ctx.ranked.find((l) => l.level === n)!;
  return { level: d.level, name: d.name };
}

/** Remediation once per criterion with a failed (not met or not available) requirement, catalog order. */
function remediationTable(
  ctx: CatalogContext,
  reqs: RuleSet['requirements'],
  outcomes: Uint8Array,
): Record<string, LocalizedText> {
  const failed = new Uint8Array(ctx.edition.criteria.length);
  for (let ri = 0; ri < reqs.length; ri++) if (outcomes[ri] !== MET) failed[reqs[ri]!.criterionIndex] = 1;
  const out: Record<string, LocalizedText> = {};
  ctx.edition.criteria.forEach((c, i) => {
    if (failed[i]) out[c.id] = { vi: c.remediation.vi, en: c.remediation.en };
  });
  return out;
}

/** The static part of one finding: a criterion × level of one rule set (catalog order, then level). */
export interface Cell {
  readonly ci: number;
  readonly li: number;
  readonly di: number;
  /** Requirement index in the rule set, -1 when not applicable. */
  readonly ri: number;
  readonly criterion: string;
  readonly level: number;
  readonly kind: 'mandatory' | 'extended' | null;
  /** 0 for a mandatory requirement, 3 for an extended one (offset in the per-level counts). */
  readonly kindOffset: number;
  readonly comparison: Comparison | null;
  readonly threshold: number | boolean | null;
}

const cellCache = new WeakMap<RuleSet, readonly Cell[]>();
/** The finding cells of a rule set, computed once: the per-assessment loop only adds the outcome. */
export function cellsOf(ctx: CatalogContext, ruleSet: RuleSet): readonly Cell[] {
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
        level: p ? p.level : def.level,
        kind: p ? p.kind : null,
        kindOffset: p?.kind === 'extended' ? 3 : 0,
        comparison: p ? p.comparison : null,
        threshold: p ? p.threshold : null,
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
