import {
  type AreaGroup,
  type CatalogEdition,
  CdsxValidationError,
  type Crosswalk,
  type ParseResult,
  type PublishedEdition,
  type ValidationIssue,
} from '@cdsx/criteria';
import { COMMUNES } from '@cdsx/criteria/communes';
import { crosswalkBetween } from '@cdsx/criteria/editions';
import { describeValue } from '@cdsx/criteria/internal';
import { tryAssessMany } from './assess';
import { immutableEdition } from './context';
import type { DecisionRecord, Finding, Outcome } from './record';
import { generateSyntheticAssessments } from './synthetic/index';

/** Options of {@link impactReport}. */
export interface ImpactOptions {
  /** The edition in force (older). */
  from: CatalogEdition | PublishedEdition;
  /** The edition being considered (newer). */
  to: CatalogEdition | PublishedEdition;
  /**
   * Assessments under `from` or `to` (their `catalogVersion`). Default: the nationwide synthetic
   * dataset (`generateSyntheticAssessments` for every commune of `COMMUNES`, under `from`).
   */
  assessments?: readonly unknown[];
  /** Criterion id crosswalk `from → to`. Default: the published crosswalk between the two versions. */
  crosswalk?: Crosswalk;
  /** Province overlays, applied under both editions (see `AssessOptions.overlays`). */
  overlays?: readonly unknown[];
}

/** The requirement one finding applied: kind, outcome and threshold. */
export interface FindingState {
  kind: Finding['kind'];
  outcome: Outcome;
  threshold: Finding['threshold'];
}

/**
 * A finding whose requirement or outcome differs between the editions, at a level the commune gained or
 * lost: a mandatory requirement, or an extended one where the extended share's verdict changed.
 */
export interface ImpactCause {
  /** Criterion id in the `to` edition (the `from` id when the criterion was removed). */
  criterion: string;
  level: number;
  /** `null` when the criterion is not in that edition. */
  from: FindingState | null;
  to: FindingState | null;
}

/** One commune whose level changes. */
export interface CommuneImpact {
  commune: { code: string; name: string; provinceCode: string };
  areaGroup: AreaGroup;
  period: string;
  from: number;
  to: number;
  causes: ImpactCause[];
}

/** Counts for one group of communes. */
export interface ImpactCounts {
  communes: number;
  up: number;
  down: number;
  unchanged: number;
}

/**
 * Báo cáo tác động — how a set of assessments fares under two editions: how many communes change
 * level, up and down, by area group and province, and which criteria are behind each change.
 * A plain JSON object in a fixed order: the same inputs give the same bytes.
 */
export interface ImpactReport {
  from: { id: string; version: string; contentHash: string };
  to: { id: string; version: string; contentHash: string };
  /** True when every assessment is synthetic (the default dataset is). */
  synthetic: boolean;
  totals: ImpactCounts;
  /** How many communes are at each level under each edition. */
  levels: Array<{ level: number; from: number; to: number }>;
  byAreaGroup: Array<{ areaGroup: AreaGroup } & ImpactCounts>;
  /** Every province with assessments, by code. */
  byProvince: Array<{ provinceCode: string } & ImpactCounts>;
  /** Per criterion: how many communes' level change involves it (a commune can count for several). */
  criteria: Array<{ criterion: string; up: number; down: number }>;
  /** How the observations were carried from one edition to the other. */
  retarget: {
    /** Ids renamed by the crosswalk (`from` id → `to` id). */
    renamed: Array<{ from: string; to: string }>;
    /** Criteria of `to` that no assessment under `from` can observe: not available, never counted as met. */
    notAvailableInTo: string[];
    /** Criteria of `from` that no assessment under `to` can observe. */
    notAvailableInFrom: string[];
  };
  /** Every commune whose level changes, by commune code then period. */
  changes: CommuneImpact[];
}

/** The edition made immutable at the boundary, with the content hash computed from it (as `assess` does). */
function unwrap(e: CatalogEdition | PublishedEdition): { edition: CatalogEdition; contentHash: string } {
  const { edition, hash } = immutableEdition(e);
  return { edition, contentHash: hash };
}

const counts = (): ImpactCounts => ({ communes: 0, up: 0, down: 0, unchanged: 0 });
function tally(c: ImpactCounts, delta: number) {
  c.communes += 1;
  if (delta > 0) c.up += 1;
  else if (delta < 0) c.down += 1;
  else c.unchanged += 1;
}

const state = (f: Finding | undefined): FindingState | null =>
  f ? { kind: f.kind, outcome: f.outcome, threshold: f.threshold } : null;

/**
 * Carry one assessment's observations to an edition: ids renamed through the crosswalk, observations
 * of criteria the edition does not have left out (they are reported in `retarget`), criteria the
 * assessment could not observe simply absent — not available, never met.
 */
function retarget(
  input: unknown,
  version: string,
  ids: ReadonlySet<string>,
  rename: ReadonlyMap<string, string>,
): unknown {
  const a = input as { observations?: Record<string, unknown> };
  const observations: Record<string, unknown> = {};
  for (const [id, o] of Object.entries(a.observations ?? {})) {
    const target = rename.get(id) ?? id;
    if (ids.has(target)) observations[target] = o;
  }
  return { ...a, catalogVersion: version, observations };
}

/**
 * {@link impactReport} that returns located issues (vi + en, with the assessment's 1-based `record`)
 * instead of throwing.
 *
 * @example
 * const r = tryImpactReport({ from: EDITIONS[0], to: latestEdition, assessments });
 * if (!r.ok) console.error(formatIssues(r.issues));
 */
export function tryImpactReport(options: ImpactOptions): ParseResult<ImpactReport> {
  const from = unwrap(options.from);
  const to = unwrap(options.to);
  const vFrom = from.edition.version;
  const vTo = to.edition.version;
  let crosswalk = options.crosswalk;
  if (!crosswalk) {
    const found = crosswalkBetween(vFrom, vTo);
    if (found.ok) crosswalk = found.value;
  }
  const forward = new Map((crosswalk?.renamed ?? []).map((r) => [r.from, r.to]));
  const backward = new Map((crosswalk?.renamed ?? []).map((r) => [r.to, r.from]));
  const idsFrom = new Set(from.edition.criteria.map((c) => c.id));
  const idsTo = new Set(to.edition.criteria.map((c) => c.id));

  const assessments =
    options.assessments ?? generateSyntheticAssessments({ edition: from.edition, communes: COMMUNES });

  const issues: ValidationIssue[] = [];
  const underFrom: unknown[] = [];
  const underTo: unknown[] = [];
  assessments.forEach((input, i) => {
    const version = (input as { catalogVersion?: unknown } | null)?.catalogVersion;
    if (version !== vFrom && version !== vTo) {
      issues.push({
        path: 'catalogVersion',
        code: 'impact_catalog_version',
        record: i + 1,
        message: {
          vi: `đánh giá phải theo phiên bản ${vFrom} hoặc ${vTo}, nhận được ${describeValue(version)}`,
          en: `the assessment must be under edition ${vFrom} or ${vTo}, got ${describeValue(version)}`,
        },
      });
      return;
    }
    const fromTo = version === vFrom;
    underFrom.push(fromTo ? input : retarget(input, vFrom, idsFrom, backward));
    underTo.push(fromTo ? retarget(input, vTo, idsTo, forward) : input);
  });
  if (issues.length) return { ok: false, issues };

  const common = { overlays: options.overlays ?? [] };
  const rFrom = tryAssessMany(underFrom, { ...common, edition: from });
  if (!rFrom.ok) return rFrom;
  const rTo = tryAssessMany(underTo, { ...common, edition: to });
  if (!rTo.ok) return rTo;

  return { ok: true, value: compare(from, to, crosswalk, rFrom.value, rTo.value, idsFrom, idsTo) };
}

function compare(
  from: { edition: CatalogEdition; contentHash: string },
  to: { edition: CatalogEdition; contentHash: string },
  crosswalk: Crosswalk | undefined,
  before: readonly DecisionRecord[],
  after: readonly DecisionRecord[],
  idsFrom: ReadonlySet<string>,
  idsTo: ReadonlySet<string>,
): ImpactReport {
  const forward = new Map((crosswalk?.renamed ?? []).map((r) => [r.from, r.to]));
  const totals = counts();
  const byGroup = new Map<AreaGroup, ImpactCounts>();
  const byProvince = new Map<string, ImpactCounts>();
  const levelsFrom = new Map<number, number>();
  const levelsTo = new Map<number, number>();
  const byCriterion = new Map<string, { up: number; down: number }>();
  const changes: CommuneImpact[] = [];

  before.forEach((r0, i) => {
    const r1 = after[i]!;
    const l0 = r0.level.level;
    const l1 = r1.level.level;
    const delta = l1 - l0;
    tally(totals, delta);
    if (!byGroup.has(r1.areaGroup)) byGroup.set(r1.areaGroup, counts());
    tally(byGroup.get(r1.areaGroup)!, delta);
    if (!byProvince.has(r1.commune.provinceCode)) byProvince.set(r1.commune.provinceCode, counts());
    tally(byProvince.get(r1.commune.provinceCode)!, delta);
    levelsFrom.set(l0, (levelsFrom.get(l0) ?? 0) + 1);
    levelsTo.set(l1, (levelsTo.get(l1) ?? 0) + 1);
    if (!delta) return;

    // The levels gained or lost; only their findings can explain the change.
    const lo = Math.min(l0, l1);
    const hi = Math.max(l0, l1);
    const key = (criterion: string, level: number) => `${criterion}\u0000${level}`;
    const old = new Map(r0.findings.map((f) => [key(forward.get(f.criterion) ?? f.criterion, f.level), f]));
    const causes: ImpactCause[] = [];
    const seen = new Set<string>();
    // An extended requirement matters only where the extended share's verdict changed at that level.
    const shareHolds = (r: DecisionRecord, level: number) => {
      const s = r.levels.find((l) => l.level === level);
      return s ? s.extended.met >= s.extended.required : true;
    };
    const shareChanged = (level: number) => shareHolds(r0, level) !== shareHolds(r1, level);
    const matters = (s0: FindingState | null, s1: FindingState | null, level: number) =>
      s0?.kind === 'mandatory' || s1?.kind === 'mandatory' || shareChanged(level);
    for (const f of r1.findings) {
      if (f.level <= lo || f.level > hi) continue;
      const k = key(f.criterion, f.level);
      seen.add(k);
      const s0 = state(old.get(k));
      const s1 = state(f);
      if (sameState(s0, s1) || !matters(s0, s1, f.level)) continue;
      causes.push({ criterion: f.criterion, level: f.level, from: s0, to: s1 });
    }
    for (const [k, f] of old) {
      if (seen.has(k) || f.level <= lo || f.level > hi) continue;
      if (f.outcome === 'not_applicable' || !matters(state(f), null, f.level)) continue;
      causes.push({ criterion: f.criterion, level: f.level, from: state(f), to: null });
    }
    for (const id of new Set(causes.map((c) => c.criterion))) {
      const c = byCriterion.get(id) ?? { up: 0, down: 0 };
      if (delta > 0) c.up += 1;
      else c.down += 1;
      byCriterion.set(id, c);
    }
    changes.push({
      commune: { code: r1.commune.code, name: r1.commune.name, provinceCode: r1.commune.provinceCode },
      areaGroup: r1.areaGroup,
      period: r1.period,
      from: l0,
      to: l1,
      causes,
    });
  });

  const allLevels = [...new Set([...from.edition.levels, ...to.edition.levels].map((l) => l.level))].sort(
    (a, b) => a - b,
  );
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const renamed = [...forward].map(([f, t]) => ({ from: f, to: t })).sort((a, b) => cmp(a.from, b.from));
  const renamedTargets = new Set(forward.values());
  return {
    from: { id: from.edition.id, version: from.edition.version, contentHash: from.contentHash },
    to: { id: to.edition.id, version: to.edition.version, contentHash: to.contentHash },
    synthetic: before.length > 0 && before.every((r) => r.synthetic),
    totals,
    levels: allLevels.map((level) => ({
      level,
      from: levelsFrom.get(level) ?? 0,
      to: levelsTo.get(level) ?? 0,
    })),
    byAreaGroup: (['urban', 'rural', 'remote'] as const)
      .filter((g) => byGroup.has(g))
      .map((areaGroup) => ({ areaGroup, ...byGroup.get(areaGroup)! })),
    byProvince: [...byProvince]
      .sort(([a], [b]) => cmp(a, b))
      .map(([provinceCode, c]) => ({ provinceCode, ...c })),
    criteria: [...byCriterion]
      .map(([criterion, c]) => ({ criterion, ...c }))
      .sort((a, b) => b.down + b.up - (a.down + a.up) || b.down - a.down || cmp(a.criterion, b.criterion)),
    retarget: {
      renamed,
      notAvailableInTo: [...idsTo].filter((id) => !idsFrom.has(id) && !renamedTargets.has(id)).sort(),
      notAvailableInFrom: [...idsFrom].filter((id) => !idsTo.has(id) && !forward.has(id)).sort(),
    },
    changes: changes.sort((a, b) => cmp(a.commune.code, b.commune.code) || cmp(a.period, b.period)),
  };
}

function sameState(a: FindingState | null, b: FindingState | null): boolean {
  if (!a || !b) return (a?.outcome ?? 'not_applicable') === (b?.outcome ?? 'not_applicable');
  // A threshold change that leaves the outcome as it was explains nothing.
  return a.kind === b.kind && a.outcome === b.outcome;
}

/**
 * Báo cáo tác động khi đổi phiên bản bộ tiêu chí — run a set of assessments under two editions and
 * report how many communes change level, up and down, by area group and province, and which criteria
 * cause each change. Observations are carried between editions through the crosswalk; a criterion
 * the assessments could not observe is not available (never met). Throws {@link CdsxValidationError}
 * for invalid assessments.
 *
 * @example
 * ```ts
 * import { EDITIONS } from '@cdsx/criteria/editions';
 * import { impactReport } from '@cdsx/rules';
 * const report = impactReport({ from: EDITIONS[0]!, to: EDITIONS[1]! }); // nationwide synthetic dataset
 * report.totals; // { communes: 3321, up: …, down: …, unchanged: … }
 * report.criteria[0]; // { criterion: 'DV.04', up: 0, down: … }
 * ```
 */
export function impactReport(options: ImpactOptions): ImpactReport {
  const r = tryImpactReport(options);
  if (!r.ok) throw new CdsxValidationError(r.issues, 'assessments');
  return r.value;
}
