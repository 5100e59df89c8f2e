// The columnar batch result: every finding of every record of a batch in flat typed columns (record × slot),
// the slot tables once per batch, and `record(i)` to materialise the plain decision record on demand.
import {
  type AreaGroup,
  type Assessment,
  CdsxValidationError,
  type Comparison,
  type ParseResult,
  type UnitType,
  type ValidationIssue,
} from '@cdsx/criteria';
import { decideLevel, outcomesOf } from './assess';
import type { CompiledRequirement, RuleSet } from './compile';
import { type AssessOptions, preparer } from './context';
import {
  buildRecord,
  type CatalogContext,
  type Cell,
  cellsOf,
  cmp,
  type DecisionRecord,
  levelValuesOf,
  MET,
  NOT_AVAILABLE,
  NOT_MET,
  type RecordOptions,
  roundPositive,
  type SummaryRecord,
} from './record';

/**
 * Outcome codes of the {@link DecisionBatch.outcome} column: the code is the index in this list
 * (0 `met` đạt · 1 `not_met` chưa đạt · 2 `not_available` chưa có số liệu · 3 `not_applicable` không áp dụng).
 */
export const BATCH_OUTCOMES = /* @__PURE__ */ Object.freeze([
  'met',
  'not_met',
  'not_available',
  'not_applicable',
] as const);

/**
 * Type codes of the {@link DecisionBatch.observedType} column: the code is the index in this list.
 * `missing` (no observation: `observed` is `null` in the record), `number`, `boolean` (the value column holds
 * 1 or 0), `other` (only with `skipValidation` on input that would not validate: read it with
 * {@link DecisionBatch.observedAt}).
 */
export const BATCH_OBSERVED_TYPES = /* @__PURE__ */ Object.freeze([
  'missing',
  'number',
  'boolean',
  'other',
] as const);

/**
 * Bảng vị trí — the slot table of one rule set (one edition, with its overlay, for one area group): one slot
 * per criterion × level, in the order of a record's `findings` (catalog order, then level). Slot `s` of a
 * record decided with this table is its finding `findings[s]`; the columns below are that finding's static
 * part (the same for every record of the table). Plain frozen data.
 */
export interface BatchTable {
  /** The catalog edition of the records decided with this table (as `catalog` in their records). */
  readonly catalog: { readonly id: string; readonly version: string; readonly contentHash: string };
  /** The province overlay applied, `null` when none (as `overlay` in the records). */
  readonly overlay: { readonly id: string; readonly province: string; readonly contentHash: string } | null;
  /** Nhóm địa bàn whose requirements the slots hold. */
  readonly areaGroup: AreaGroup;
  /** Number of slots (findings per record). */
  readonly size: number;
  /** Per slot: criterion id (`Finding.criterion`). */
  readonly criterion: readonly string[];
  /** Per slot: level number (`Finding.level`). */
  readonly level: readonly number[];
  /** Per slot: `mandatory` · `extended` · `null` when not applicable (`Finding.kind`). */
  readonly kind: ReadonlyArray<'mandatory' | 'extended' | null>;
  /** Per slot: comparison, `null` when not applicable (`Finding.comparison`). */
  readonly comparison: ReadonlyArray<Comparison | null>;
  /** Per slot: threshold, `null` when not applicable (`Finding.threshold`). */
  readonly threshold: ReadonlyArray<number | boolean | null>;
}

/**
 * Kết quả đánh giá theo cột — a columnar batch result from {@link assessBatch}: the full information of every
 * finding of every record, without one object per finding. Record `i` is input `i` (a batch with a rejected
 * input is never built: {@link tryAssessBatch} returns its issues, as {@link tryAssessMany} does).
 *
 * Per record (length {@link DecisionBatch.size}): `table`, `level`, `possibleLevel`, `start`,
 * `unknownCriteria`. Per finding, record × slot — the finding `s` of record `i` is at `start[i] + s`, for
 * `s < tables[table[i]].size` — `outcome`, `observed`, `observedType`, `gap`. Its static part (criterion,
 * level, kind, comparison, threshold) is slot `s` of the record's table `tables[table[i]]`, once per batch.
 *
 * `record(i)` builds the plain JSON decision record of input `i`, byte-identical (`JSON.stringify`) to the
 * one {@link assessMany} gives for it with the same options; typed arrays never appear in a record. The
 * columns are this batch's own storage: read them, do not write them (a write changes what `record(i)`
 * builds). A batch is not itself a JSON document: to store or send decisions, serialise `record(i)` /
 * `records()`.
 *
 * @example
 * const batch = assessBatch(assessments, { edition: published });
 * const i = 42, s = 7; // record 42, its 8th finding
 * const at = batch.start[i]! + s;
 * const table = batch.tables[batch.table[i]!]!;
 * BATCH_OUTCOMES[batch.outcome[at]!]; // 'met' | 'not_met' | 'not_available' | 'not_applicable'
 * table.criterion[s]; table.threshold[s]; batch.gap[at]; // gap NaN = null
 * JSON.stringify(batch.record(i)) === JSON.stringify(assessMany(assessments, { edition: published })[i]); // true
 */
export interface DecisionBatch {
  /** Number of records (= inputs). */
  readonly size: number;
  /** The slot tables used by the batch's records (one per edition × overlay × area group met). */
  readonly tables: readonly BatchTable[];
  /** Per record: index of its slot table in {@link DecisionBatch.tables}. */
  readonly table: Uint16Array;
  /** Per record: mức đạt được (`level.level` of the record). */
  readonly level: Int32Array;
  /** Per record: the level if every missing observation were met (`possibleLevel` of the record). */
  readonly possibleLevel: Int32Array;
  /**
   * Per record, plus one: the record's first finding in the finding columns; its findings are
   * `start[i] … start[i + 1] − 1` (`start[size]` is the number of findings of the batch).
   */
  readonly start: Int32Array;
  /** Per finding: outcome code, an index in {@link BATCH_OUTCOMES}. */
  readonly outcome: Uint8Array;
  /**
   * Per finding: the observed value of the finding's criterion — a number, or 1 / 0 for a boolean (see
   * `observedType`); NaN when missing.
   */
  readonly observed: Float64Array;
  /** Per finding: type code of the observed value, an index in {@link BATCH_OBSERVED_TYPES}. */
  readonly observedType: Uint8Array;
  /**
   * Per finding: `Finding.gap` — 0 when met, the positive distance when a number is not met; NaN where the
   * record has `null` (a boolean not met, missing data, not applicable).
   */
  readonly gap: Float64Array;
  /** Per record: observation keys that are not criteria of its edition (or overlay), sorted. */
  readonly unknownCriteria: ReadonlyArray<readonly string[]>;
  /** The observed value of finding `at` (a position in the finding columns) as the record has it. */
  observedAt(at: number): number | boolean | null;
  /** The plain decision record of input `i`, as {@link assessMany} gives it (a new object each call). */
  record(i: number): DecisionRecord;
  /** The summary record of input `i`, as {@link assessMany} with `detail: 'summary'` gives it. */
  summary(i: number): SummaryRecord;
  /** Every record, in input order (materialises them all: as costly as {@link assessMany}). */
  records(): DecisionRecord[];
}

/** Options of {@link assessBatch}: those of {@link assessMany}; `detail` does not apply (a batch is full). */
export type BatchOptions = Omit<AssessOptions, 'detail'>;

/** A slot table with what the batch needs to fill and read it. */
interface TableData {
  readonly pub: BatchTable;
  readonly ctx: CatalogContext;
  readonly ruleSet: RuleSet;
  readonly cells: readonly Cell[];
  /** Per slot: criterion index (catalog order). */
  readonly ci: Int32Array;
  /** Per slot: requirement index, -1 when not applicable. */
  readonly ri: Int32Array;
  /** Per slot: numeric threshold, NaN when the threshold is not a number. */
  readonly thresholdNumber: Float64Array;
  /**
   * Per slot: the requirement's predicate (`null` when not applicable) — when every requirement reads only
   * its own criterion (as the catalog compiles them), so the outcomes are decided slot by slot while the
   * columns are written; `null` otherwise (then by `outcomesOf`).
   */
  readonly tests: ReadonlyArray<CompiledRequirement['test'] | null> | null;
  /** The requirement outcomes of the record being decided, by requirement index. */
  readonly outcomes: Uint8Array;
}

function tableOf(ctx: CatalogContext, ruleSet: RuleSet): TableData {
  const cells = cellsOf(ctx, ruleSet);
  const o = ctx.overlay;
  const pub: BatchTable = Object.freeze({
    catalog: Object.freeze({
      id: ctx.edition.id,
      version: ctx.edition.version,
      contentHash: ctx.contentHash,
    }),
    overlay: o ? Object.freeze({ id: o.id, province: o.province, contentHash: o.contentHash }) : null,
    areaGroup: ruleSet.areaGroup,
    size: cells.length,
    criterion: Object.freeze(cells.map((c) => c.criterion)),
    level: Object.freeze(cells.map((c) => c.level)),
    kind: Object.freeze(cells.map((c) => c.kind)),
    comparison: Object.freeze(cells.map((c) => c.comparison)),
    threshold: Object.freeze(cells.map((c) => c.threshold)),
  });
  return {
    pub,
    ctx,
    ruleSet,
    cells,
    ci: Int32Array.from(cells, (c) => c.ci),
    ri: Int32Array.from(cells, (c) => c.ri),
    thresholdNumber: Float64Array.from(cells, (c) => (typeof c.threshold === 'number' ? c.threshold : NaN)),
    tests: ruleSet.requirements.every((r) => r.slots.length === 1 && r.slots[0] === r.criterionIndex)
      ? cells.map((c) => (c.ri < 0 ? null : ruleSet.requirements[c.ri]!.test))
      : null,
    outcomes: new Uint8Array(ruleSet.requirements.length),
  };
}

/** The per-finding columns. */
interface Columns {
  readonly outcome: Uint8Array;
  readonly observed: Float64Array;
  readonly observedType: Uint8Array;
  readonly gap: Float64Array;
}

function allocateColumns(size: number): Columns {
  return {
    outcome: new Uint8Array(size),
    observed: new Float64Array(size),
    observedType: new Uint8Array(size),
    gap: new Float64Array(size),
  };
}

function grow(c: Columns, size: number): Columns {
  const g = allocateColumns(size);
  g.outcome.set(c.outcome);
  g.observed.set(c.observed);
  g.observedType.set(c.observedType);
  g.gap.set(c.gap);
  return g;
}

/** The columns exactly `size` long (views of the same memory when they are longer). */
function fit(c: Columns, size: number): Columns {
  if (c.outcome.length === size) return c;
  return {
    outcome: c.outcome.subarray(0, size),
    observed: c.observed.subarray(0, size),
    observedType: c.observedType.subarray(0, size),
    gap: c.gap.subarray(0, size),
  };
}

const NOT_APPLICABLE = 3;
const T_MISSING = 0;
const T_NUMBER = 1;
const T_BOOLEAN = 2;
const T_OTHER = 3;
const NO_UNKNOWN: readonly string[] = /* @__PURE__ */ Object.freeze([]);

/** What `record(i)` needs of the assessment besides the columns (copied: later changes to the input do not matter). */
interface Who {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly unitType: UnitType;
  readonly period: string;
  readonly synthetic: boolean;
}

class Batch implements DecisionBatch {
  readonly size: number;
  readonly tables: readonly BatchTable[];
  readonly table: Uint16Array;
  readonly level: Int32Array;
  readonly possibleLevel: Int32Array;
  readonly start: Int32Array;
  readonly outcome: Uint8Array;
  readonly observed: Float64Array;
  readonly observedType: Uint8Array;
  readonly gap: Float64Array;
  readonly unknownCriteria: ReadonlyArray<readonly string[]>;
  readonly #data: readonly TableData[];
  readonly #who: readonly Who[];
  readonly #other: ReadonlyMap<number, unknown>;
  readonly #inlineRemediation: boolean;

  constructor(fields: {
    data: readonly TableData[];
    table: Uint16Array;
    level: Int32Array;
    possibleLevel: Int32Array;
    start: Int32Array;
    outcome: Uint8Array;
    observed: Float64Array;
    observedType: Uint8Array;
    gap: Float64Array;
    unknownCriteria: ReadonlyArray<readonly string[]>;
    who: readonly Who[];
    other: ReadonlyMap<number, unknown>;
    inlineRemediation: boolean;
  }) {
    this.size = fields.level.length;
    this.tables = Object.freeze(fields.data.map((d) => d.pub));
    this.table = fields.table;
    this.level = fields.level;
    this.possibleLevel = fields.possibleLevel;
    this.start = fields.start;
    this.outcome = fields.outcome;
    this.observed = fields.observed;
    this.observedType = fields.observedType;
    this.gap = fields.gap;
    this.unknownCriteria = fields.unknownCriteria;
    this.#data = fields.data;
    this.#who = fields.who;
    this.#other = fields.other;
    this.#inlineRemediation = fields.inlineRemediation;
  }

  observedAt(at: number): number | boolean | null {
    switch (this.observedType[at]) {
      case T_NUMBER:
        return this.observed[at]!;
      case T_BOOLEAN:
        return this.observed[at] !== 0;
      case T_OTHER:
        return this.#other.get(at) as number | boolean | null;
      default:
        return null;
    }
  }

  record(i: number): DecisionRecord {
    return this.#build(i, 'full') as DecisionRecord;
  }

  summary(i: number): SummaryRecord {
    return this.#build(i, 'summary');
  }

  records(): DecisionRecord[] {
    const out = new Array<DecisionRecord>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.record(i);
    return out;
  }

  /** Rebuild the record's inputs (observed values, requirement outcomes) from the columns; one record builder. */
  #build(i: number, detail: 'full' | 'summary'): DecisionRecord | SummaryRecord {
    if (!Number.isInteger(i) || i < 0 || i >= this.size)
      throw new RangeError(`record index ${i} is outside 0…${this.size - 1}`);
    const d = this.#data[this.table[i]!]!;
    const at = this.start[i]!;
    const values = new Array<unknown>(d.ctx.edition.criteria.length).fill(undefined);
    const outcomes = new Uint8Array(d.ruleSet.requirements.length);
    for (let s = 0; s < d.ci.length; s++) {
      if (this.observedType[at + s] !== T_MISSING) values[d.ci[s]!] = this.observedAt(at + s);
      const ri = d.ri[s]!;
      if (ri >= 0) outcomes[ri] = this.outcome[at + s]!;
    }
    const who = this.#who[i]!;
    const assessment = {
      commune: { code: who.code, name: who.name, provinceCode: who.provinceCode, unitType: who.unitType },
      period: who.period,
      synthetic: who.synthetic,
    } as Assessment;
    const options: RecordOptions = { detail, inlineRemediation: this.#inlineRemediation };
    return buildRecord(
      d.ctx,
      d.ruleSet,
      assessment,
      values,
      outcomes,
      this.level[i]!,
      this.possibleLevel[i]!,
      [...this.unknownCriteria[i]!],
      options,
    );
  }
}

/** The observed values of an assessment by criterion index (`undefined` when missing); unknown ids to `unknown`. */
function observe(ctx: CatalogContext, assessment: Assessment, values: unknown[], unknown: string[]): void {
  values.fill(undefined);
  const obs = assessment.observations;
  for (const id in obs) {
    const c = ctx.criterionIndex.get(id);
    if (c !== undefined) values[c] = obs[id]!.value;
    else unknown.push(id);
  }
}

/**
 * Write the findings of one record — one slot per criterion × level, the record's `findings` order — from
 * position `at`; with `d.tests`, decide each requirement here too (into `outcomes`). A function of its own
 * (called once per record, so optimised within the first batch rather than by on-stack replacement).
 */
function writeFindings(
  d: TableData,
  values: readonly unknown[],
  outcomes: Uint8Array,
  columns: Columns,
  at: number,
  other: Map<number, unknown>,
): void {
  const { ci, ri, thresholdNumber, tests } = d;
  const { outcome, observed, observedType, gap } = columns;
  for (let s = 0; s < ci.length; s++) {
    const k = at + s;
    const x = values[ci[s]!];
    let numeric = NaN;
    if (x === undefined) observedType[k] = T_MISSING;
    else if (typeof x === 'number') {
      observedType[k] = T_NUMBER;
      numeric = x;
    } else if (typeof x === 'boolean') {
      observedType[k] = T_BOOLEAN;
      numeric = x ? 1 : 0;
    } else {
      observedType[k] = T_OTHER;
      other.set(k, x);
    }
    observed[k] = numeric;
    const r = ri[s]!;
    if (r < 0) {
      outcome[k] = NOT_APPLICABLE;
      gap[k] = NaN;
      continue;
    }
    let o: number;
    if (tests) {
      // As `outcomesOf`: not available when the observation is missing, else the compiled predicate.
      o = x === undefined ? NOT_AVAILABLE : tests[s]!(values) ? MET : NOT_MET;
      outcomes[r] = o;
    } else o = outcomes[r]!;
    outcome[k] = o;
    // As `gapOf`: 0 when met; the rounded positive distance for a number not met; otherwise null (NaN).
    if (o === MET) gap[k] = 0;
    else if (o === NOT_MET && typeof x === 'number') {
      const th = thresholdNumber[s]!;
      gap[k] = Number.isNaN(th) ? NaN : roundPositive(Math.abs(th - x));
    } else gap[k] = NaN;
  }
}

/**
 * Decide many assessments into a columnar batch ({@link DecisionBatch}) — the same decisions as
 * {@link assessMany}, with the full information of every finding, in typed columns instead of one object per
 * finding: for nationwide runs that read findings in bulk (maps, statistics, exports) and materialise plain
 * records only where needed (`batch.record(i)`). Problems are reported like {@link tryAssessMany}'s (same
 * issues, with the 1-based `record` number); nothing is dropped.
 *
 * @example
 * const r = tryAssessBatch(assessments, { edition: published });
 * if (r.ok) console.log(r.value.level.filter((l) => l >= 2).length, r.value.record(0).gaps);
 */
export function tryAssessBatch(
  assessments: readonly unknown[],
  options: BatchOptions = {},
): ParseResult<DecisionBatch> {
  const prepare = preparer(options);
  const n = assessments.length;
  const issues: ValidationIssue[] = [];
  const tableIndex = new Map<RuleSet, number>();
  const data: TableData[] = [];
  const table = new Uint16Array(n);
  const start = new Int32Array(n + 1);
  const level = new Int32Array(n);
  const possibleLevel = new Int32Array(n);
  const unknownCriteria = new Array<readonly string[]>(n);
  const who = new Array<Who>(n);
  const other = new Map<number, unknown>();
  // The finding columns, sized from the first record's table and grown when a wider one comes (an overlay).
  let columns: Columns | null = null;
  let total = 0;
  let values: unknown[] = [];
  const unknown: string[] = [];
  // One pass, each assessment validated and decided in turn (a second pass over the inputs would read them
  // all from memory again); after the first rejected input only the issues are collected.
  for (let i = 0; i < n; i++) {
    const p = prepare(assessments[i]);
    if (!p.ok) {
      for (const issue of p.issues) issues.push({ ...issue, record: i + 1 });
      continue;
    }
    if (issues.length) continue;
    const { ctx, ruleSet, assessment } = p.value;
    let t = tableIndex.get(ruleSet);
    if (t === undefined) {
      t = data.length;
      if (t > 0xffff) throw new RangeError('more than 65,536 slot tables in one batch');
      data.push(tableOf(ctx, ruleSet));
      tableIndex.set(ruleSet, t);
    }
    const d = data[t]!;
    const width = d.ci.length;
    table[i] = t;
    start[i] = total;
    const at = total;
    total += width;
    if (!columns) columns = allocateColumns(n * width);
    else if (columns.outcome.length < total)
      columns = grow(columns, Math.max(total + (n - i - 1) * width, 2 * columns.outcome.length));
    // Observed values by criterion index, in a buffer reused by every record.
    const nCriteria = ctx.edition.criteria.length;
    if (values.length !== nCriteria) values = new Array<unknown>(nCriteria);
    unknown.length = 0;
    observe(ctx, assessment, values, unknown);
    unknownCriteria[i] = unknown.length ? Object.freeze([...unknown].sort(cmp)) : NO_UNKNOWN;
    const c = assessment.commune;
    who[i] = {
      code: c.code,
      name: c.name,
      provinceCode: c.provinceCode,
      unitType: c.unitType,
      period: assessment.period,
      synthetic: assessment.synthetic === true,
    };
    // Each requirement decided once: slot by slot in `writeFindings` when it reads only its criterion, else here.
    const outcomes = d.tests ? d.outcomes : outcomesOf(ruleSet, values);
    writeFindings(d, values, outcomes, columns, at, other);
    level[i] = decideLevel(ctx, ruleSet, levelValuesOf(ruleSet, outcomes, false));
    possibleLevel[i] = decideLevel(ctx, ruleSet, levelValuesOf(ruleSet, outcomes, true));
  }
  if (issues.length) return { ok: false, issues };
  start[n] = total;
  const cols = fit(columns ?? allocateColumns(0), total);
  const batch = new Batch({
    data,
    table,
    level,
    possibleLevel,
    start,
    ...cols,
    unknownCriteria,
    who,
    other,
    inlineRemediation: options.remediation === 'inline',
  });
  return { ok: true, value: batch };
}

/**
 * {@link tryAssessBatch} that throws {@link CdsxValidationError} (issues carry their `record` number).
 *
 * @example
 * const batch = assessBatch(assessments, { edition: published });
 * batch.record(0); // the plain DecisionRecord of assessments[0], as assessMany gives it
 */
export function assessBatch(assessments: readonly unknown[], options: BatchOptions = {}): DecisionBatch {
  const r = tryAssessBatch(assessments, options);
  if (!r.ok) throw new CdsxValidationError(r.issues, 'assessments');
  return r.value;
}
