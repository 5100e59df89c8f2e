import { CdsxValidationError, type ParseResult, type ValidationIssue } from '@cdsx/criteria';
import type { FactValues, RuleSet } from './compile';
import { type AssessOptions, type Observed, type Prepared, preparer } from './context';
import {
  buildRecord,
  type CatalogContext,
  type DecisionRecord,
  levelValuesOf,
  MET,
  NOT_AVAILABLE,
  NOT_MET,
  type RecordOptions,
  type SummaryRecord,
} from './record';

/** The highest level whose compiled level rule holds (the base level when none does). */
export function decideLevel(ctx: CatalogContext, ruleSet: RuleSet, levelFacts: FactValues): number {
  let level = ctx.base.level;
  for (const l of ruleSet.levels) if (l.level > level && l.test(levelFacts)) level = l.level;
  return level;
}

let scratch = new Uint8Array(256);
/** The level facts of the assessment being decided (see `levelValuesOf`), shared like `scratch`. */
const levelFacts: number[] = [];
/**
 * Requirement outcomes (0 met, 1 not met, 2 not available) of one assessment, by requirement index — in a
 * buffer shared by every assessment: valid until the next call (each caller is synchronous and done with it
 * before deciding the next assessment; the record copies what it keeps).
 */
export function outcomesOf(ruleSet: RuleSet, values: readonly unknown[]): Uint8Array {
  const reqs = ruleSet.requirements;
  if (scratch.length < reqs.length) scratch = new Uint8Array(reqs.length);
  const outcomes = scratch;
  for (let i = 0; i < reqs.length; i++) {
    const r = reqs[i]!;
    let available = true;
    const slots = r.slots;
    for (let k = 0; k < slots.length; k++) if (values[slots[k]!] === undefined) available = false;
    outcomes[i] = !available ? NOT_AVAILABLE : r.test(values) ? MET : NOT_MET;
  }
  return outcomes;
}

/**
 * The fast path: evaluate the predicates compiled from the rule JSON, synchronously, on the observations the
 * preparer read into `seen` (buffers reused from one assessment to the next: the record copies what it keeps).
 */
function decide(
  { ctx, ruleSet, assessment }: Prepared,
  seen: Observed,
  options: RecordOptions,
): DecisionRecord {
  const { values } = seen;
  const outcomes = outcomesOf(ruleSet, values);
  const level = decideLevel(ctx, ruleSet, levelValuesOf(ruleSet, outcomes, false, levelFacts));
  const possible = decideLevel(ctx, ruleSet, levelValuesOf(ruleSet, outcomes, true, levelFacts));
  const unknown = seen.unknown.length ? [...seen.unknown] : [];
  // A summary record is a DecisionRecord without `findings`; the overloads below type it as such.
  return buildRecord(
    ctx,
    ruleSet,
    assessment,
    values,
    outcomes,
    level,
    possible,
    unknown,
    options,
  ) as DecisionRecord;
}

function recordOptions(options: AssessOptions): RecordOptions {
  return { detail: options.detail ?? 'full', inlineRemediation: options.remediation === 'inline' };
}

/**
 * Decide one assessment, or return every problem with it (located, vi + en). Never throws for bad input.
 * The edition: `options.edition` (one, or a list to pick from), else the editions loaded with `loadEdition`
 * (see {@link AssessOptions.edition}); an edition that is not loaded is the issue `edition_not_loaded`.
 *
 * @example
 * const r = tryAssess(JSON.parse(text), { edition: EDITIONS }); // EDITIONS from @cdsx/criteria/editions
 * if (!r.ok) console.error(formatIssues(r.issues));
 * else console.log(r.value.level.name.vi);
 */
export function tryAssess(
  assessment: unknown,
  options: AssessOptions & { detail: 'summary' },
): ParseResult<SummaryRecord>;
export function tryAssess(assessment: unknown, options?: AssessOptions): ParseResult<DecisionRecord>;
export function tryAssess(assessment: unknown, options: AssessOptions = {}): ParseResult<DecisionRecord> {
  const seen: Observed = { values: [], unknown: [] };
  const prepared = preparer(options)(assessment, seen);
  return prepared.ok ? { ok: true, value: decide(prepared.value, seen, recordOptions(options)) } : prepared;
}

/**
 * Đánh giá mức độ — decide a commune's maturity level and its gaps (the compiled, synchronous path; same
 * outcomes as {@link assessWithEngine}, which runs json-rules-engine). Throws {@link CdsxValidationError}
 * with located bilingual issues for an invalid assessment, unknown or not loaded catalog version, or bad
 * overlay. The edition is resolved as {@link tryAssess} says.
 *
 * @example
 * ```ts
 * import { published } from '@cdsx/criteria/editions/0.1.0';
 * import { assess } from '@cdsx/rules';
 * const record = assess({
 *   commune: { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' },
 *   period: '2026', catalogVersion: '0.1.0',
 *   observations: { 'DV.01': { value: 82.5, source: 'computed' } },
 * }, { edition: published });
 * record.level;          // { level: 0, name: { vi: 'Chưa đạt', en: 'Not yet' } }
 * record.gaps?.mandatory; // what stops level 1, mandatory first
 * ```
 */
export function assess(assessment: unknown, options: AssessOptions & { detail: 'summary' }): SummaryRecord;
export function assess(assessment: unknown, options?: AssessOptions): DecisionRecord;
export function assess(assessment: unknown, options: AssessOptions = {}): DecisionRecord {
  const r = tryAssess(assessment, options);
  if (!r.ok) throw new CdsxValidationError(r.issues, 'assessment');
  return r.value;
}

/**
 * Decide many assessments (a province, or the whole country) — each record identical to {@link assess}'s.
 * Problems are reported with `record` (1-based position) on each issue; nothing is dropped.
 *
 * @example
 * const r = tryAssessMany(assessments, { edition: published, overlays: [hanoiOverlay] });
 * if (r.ok) console.log(r.value.filter((d) => d.level.level >= 2).length);
 */
export function tryAssessMany(
  assessments: readonly unknown[],
  options: AssessOptions & { detail: 'summary' },
): ParseResult<SummaryRecord[]>;
export function tryAssessMany(
  assessments: readonly unknown[],
  options?: AssessOptions,
): ParseResult<DecisionRecord[]>;
export function tryAssessMany(
  assessments: readonly unknown[],
  options: AssessOptions = {},
): ParseResult<DecisionRecord[]> {
  const prepare = preparer(options);
  const recordOpts = recordOptions(options);
  const records: DecisionRecord[] = [];
  const issues: ValidationIssue[] = [];
  const seen: Observed = { values: [], unknown: [] };
  for (let i = 0; i < assessments.length; i++) {
    const p = prepare(assessments[i], seen);
    if (p.ok) records.push(decide(p.value, seen, recordOpts));
    else for (const issue of p.issues) issues.push({ ...issue, record: i + 1 });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: records };
}

/**
 * {@link tryAssessMany} that throws {@link CdsxValidationError} (issues carry their `record` number).
 *
 * @example
 * const records = assessMany(generateSyntheticAssessments({ edition, communes: COMMUNES }), { edition });
 */
export function assessMany(
  assessments: readonly unknown[],
  options: AssessOptions & { detail: 'summary' },
): SummaryRecord[];
export function assessMany(assessments: readonly unknown[], options?: AssessOptions): DecisionRecord[];
export function assessMany(assessments: readonly unknown[], options: AssessOptions = {}): DecisionRecord[] {
  const r = tryAssessMany(assessments, options);
  if (!r.ok) throw new CdsxValidationError(r.issues, 'assessments');
  return r.value;
}

/** Levels only, one entry per assessment in input order (a columnar batch result, no record objects). */
export interface LevelsResult {
  /** Mức đạt được of assessment i. */
  readonly level: Int32Array;
  /** The level assessment i could reach if every missing observation were met (see `possibleLevel`). */
  readonly possibleLevel: Int32Array;
}

/**
 * Decide only the levels of many assessments — the same levels as {@link assessMany}'s records, without
 * building records (for maps and counts over the whole country). Problems are reported like
 * {@link tryAssessMany}'s; `detail` and `remediation` options do not apply.
 *
 * @example
 * const r = tryAssessLevels(assessments, { edition: published });
 * if (r.ok) console.log(r.value.level.filter((l) => l >= 2).length);
 */
export function tryAssessLevels(
  assessments: readonly unknown[],
  options: AssessOptions = {},
): ParseResult<LevelsResult> {
  const prepare = preparer(options);
  const level = new Int32Array(assessments.length);
  const possibleLevel = new Int32Array(assessments.length);
  const issues: ValidationIssue[] = [];
  const seen: Observed = { values: [], unknown: [] };
  const facts: number[] = []; // the level facts, a buffer reused by every assessment
  for (let i = 0; i < assessments.length; i++) {
    const p = prepare(assessments[i], seen);
    if (!p.ok) {
      for (const issue of p.issues) issues.push({ ...issue, record: i + 1 });
      continue;
    }
    const { ctx, ruleSet } = p.value;
    const outcomes = outcomesOf(ruleSet, seen.values);
    level[i] = decideLevel(ctx, ruleSet, levelValuesOf(ruleSet, outcomes, false, facts));
    possibleLevel[i] = decideLevel(ctx, ruleSet, levelValuesOf(ruleSet, outcomes, true, facts));
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: { level, possibleLevel } };
}

/**
 * {@link tryAssessLevels} that throws {@link CdsxValidationError} (issues carry their `record` number).
 *
 * @example
 * const { level } = assessLevels(assessments, { edition: published });
 */
export function assessLevels(assessments: readonly unknown[], options: AssessOptions = {}): LevelsResult {
  const r = tryAssessLevels(assessments, options);
  if (!r.ok) throw new CdsxValidationError(r.issues, 'assessments');
  return r.value;
}
