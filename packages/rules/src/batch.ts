// The columnar batch result: every finding's outcome in a flat typed column (record × slot), every observed
// value once per record × criterion, the slot tables once per batch, and `record(i)` to materialise the plain
// decision record on demand. Gaps are derived when read (`gapAt`), not stored: a batch of the whole country is
// about 2.3 MB of fresh columns instead of 10 MB — measured here, fetching fresh memory from the kernel cost
// more than deciding the rules.
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
import { type CompiledRequirement, compareLeaf, type RuleSet } from './compile';
import { type AssessOptions, type Observed, preparer } from './context';
import {
  buildRecord,
  type CatalogContext,
  type Cell,
  cellsOf,
  cmp,
  type DecisionRecord,
  gapOf,
  levelValuesOf,
  MET,
  NOT_AVAILABLE,
  NOT_MET,
  type RecordOptions,
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
 * {@link DecisionBatch.observedAt} or {@link DecisionBatch.valueAt}).
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
  /**
   * The criteria of the records decided with this table, in catalog order (overlay criteria included): the
   * observed value of `criteria[c]` for record `i` is at `valueStart[i] + c` in the value columns.
   */
  readonly criteria: readonly string[];
  /** Per slot: the index of the slot's criterion in {@link BatchTable.criteria}. */
  readonly criterionIndex: readonly number[];
  /** Per slot: criterion id (`Finding.criterion`, = `criteria[criterionIndex[s]]`). */
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
 * Per record (length {@link DecisionBatch.size}): `table`, `level`, `possibleLevel`, `start`, `valueStart`,
 * `unknownCriteria`. Per finding, record × slot — the finding `s` of record `i` is at `start[i] + s`, for
 * `s < tables[table[i]].size` — `outcome`; its static part (criterion, level, kind, comparison, threshold)
 * is slot `s` of the record's table `tables[table[i]]`, once per batch. Per record × criterion — criterion
 * `c` of `tables[table[i]].criteria` at `valueStart[i] + c` — `observed` and `observedType`: a value is
 * stored once, not once per level. `observedAt(i, s)` and `gapAt(i, s)` give a finding's `observed` and `gap`
 * exactly as the record has them.
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
 * const table = batch.tables[batch.table[i]!]!;
 * BATCH_OUTCOMES[batch.outcome[batch.start[i]! + s]!]; // 'met' | 'not_met' | 'not_available' | 'not_applicable'
 * table.criterion[s]; table.threshold[s]; batch.observedAt(i, s); batch.gapAt(i, s); // as findings[s] has them
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
   * Per record, plus one: the record's first finding in the finding column; its findings are
   * `start[i] … start[i + 1] − 1` (`start[size]` is the number of findings of the batch).
   */
  readonly start: Int32Array;
  /**
   * Per record, plus one: the record's first value in the value columns; the value of criterion `c` of its
   * table's `criteria` is at `valueStart[i] + c` (`valueStart[size]` is the length of the value columns).
   */
  readonly valueStart: Int32Array;
  /** Per finding: outcome code, an index in {@link BATCH_OUTCOMES}. */
  readonly outcome: Uint8Array;
  /**
   * Per record × criterion: the observed value — a number, or 1 / 0 for a boolean (see `observedType`);
   * NaN when missing.
   */
  readonly observed: Float64Array;
  /** Per record × criterion: type code of the observed value, an index in {@link BATCH_OBSERVED_TYPES}. */
  readonly observedType: Uint8Array;
  /** Per record: observation keys that are not criteria of its edition (or overlay), sorted. */
  readonly unknownCriteria: ReadonlyArray<readonly string[]>;
  /** The value at position `at` of the value columns as a record has it (`null` when missing). */
  valueAt(at: number): number | boolean | null;
  /** `findings[s].observed` of record `i`: the observed value of slot `s`'s criterion (`null` when missing). */
  observedAt(i: number, s: number): number | boolean | null;
  /**
   * `findings[s].gap` of record `i`: 0 when met, the positive distance to the threshold when a number is not
   * met, `null` otherwise (a boolean not met, missing data, not applicable).
   */
  gapAt(i: number, s: number): number | null;
  /** The plain decision record of input `i`, as {@link assessMany} gives it (a new object each call). */
  record(i: number): DecisionRecord;
  /** The summary record of input `i`, as {@link assessMany} with `detail: 'summary'` gives it. */
  summary(i: number): SummaryRecord;
  /** Every record, in input order (materialises them all: as costly as {@link assessMany}). */
  records(): DecisionRecord[];
}

/** Options of {@link assessBatch}: those of {@link assessMany} (`detail` does not apply: a batch is full), and `reuse`. */
export interface BatchOptions extends Omit<AssessOptions, 'detail'> {
  /**
   * A batch you are done with, whose column memory the new batch takes over — for a service that decides
   * batch after batch (every period, every data update): the columns of a national batch are about 2.3 MB,
   * and fetching that much fresh memory from the operating system costs more than deciding the rules
   * (measured here). The batch given is emptied whatever the result, and at once: its finding and value
   * columns become empty (length 0: a view of them kept elsewhere reads nothing, never another batch's
   * data) and its methods throw; its per-record columns (`level`, `possibleLevel`, …) stay as they were.
   * The memory is used when it is large enough; otherwise fresh memory is taken, as without `reuse`.
   *
   * @example
   * let batch: DecisionBatch | undefined;
   * for (const period of periods) batch = assessBatch(inputsOf(period), { edition: published, reuse: batch });
   */
  reuse?: DecisionBatch;
}

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
  /**
   * Per slot: the requirement's predicate (`null` when not applicable) — when every requirement reads only
   * its own criterion (as the catalog compiles them), so the outcomes are decided slot by slot while the
   * columns are written; `null` otherwise (then by `outcomesOf`).
   */
  readonly tests: ReadonlyArray<CompiledRequirement['test'] | null> | null;
  /** Per slot: the requirement's comparison code (`Leaf.op`), 0 when it has none (then `tests` decides). */
  readonly leafOp: Uint8Array;
  /** Per slot: the requirement's comparison constant (with `leafOp`). */
  readonly leafValue: readonly unknown[];
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
    criteria: Object.freeze(ctx.edition.criteria.map((c) => c.id)),
    criterionIndex: Object.freeze(cells.map((c) => c.ci)),
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
    tests: ruleSet.requirements.every((r) => r.slots.length === 1 && r.slots[0] === r.criterionIndex)
      ? cells.map((c) => (c.ri < 0 ? null : ruleSet.requirements[c.ri]!.test))
      : null,
    outcomes: new Uint8Array(ruleSet.requirements.length),
    leafOp: Uint8Array.from(cells, (c) => (c.ri < 0 ? 0 : (ruleSet.requirements[c.ri]!.leaf?.op ?? 0))),
    leafValue: cells.map((c) => (c.ri < 0 ? undefined : ruleSet.requirements[c.ri]!.leaf?.value)),
  };
}

/** A typed column that grows (doubling) as records of wider tables (an overlay's) come. */
function ensure<T extends Uint8Array | Float64Array>(column: T, size: number, make: (n: number) => T): T {
  if (column.length >= size) return column;
  const grown = make(Math.max(size, 2 * column.length));
  grown.set(column);
  return grown;
}
const bytes = (n: number) => new Uint8Array(n);
const doubles = (n: number) => new Float64Array(n);

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
  readonly valueStart: Int32Array;
  readonly outcome: Uint8Array;
  readonly observed: Float64Array;
  readonly observedType: Uint8Array;
  readonly unknownCriteria: ReadonlyArray<readonly string[]>;
  readonly #data: readonly TableData[];
  readonly #who: readonly Who[];
  readonly #other: ReadonlyMap<number, unknown>;
  readonly #inlineRemediation: boolean;
  /** Set when a later batch took this batch's columns (`reuse`). */
  #given = false;

  /**
   * Take the column memory of `batch` for a new batch, emptying it (see {@link BatchOptions.reuse}): the
   * buffers are transferred, so every view of them — the batch's own and any kept elsewhere — is detached.
   * `null` for a batch already given.
   */
  static take(
    batch: unknown,
  ): { outcome: ArrayBuffer; observed: ArrayBuffer; observedType: ArrayBuffer } | null {
    if (!(batch instanceof Batch))
      throw new TypeError(
        'reuse: không phải một lô từ assessBatch / not a DecisionBatch from assessBatch (of this copy of @cdsx/rules)',
      );
    if (batch.#given) return null;
    batch.#given = true;
    const buffers = [batch.outcome.buffer, batch.observed.buffer, batch.observedType.buffer] as ArrayBuffer[];
    const [outcome, observed, observedType] = structuredClone(buffers, { transfer: buffers });
    return { outcome: outcome!, observed: observed!, observedType: observedType! };
  }

  constructor(fields: {
    data: readonly TableData[];
    table: Uint16Array;
    level: Int32Array;
    possibleLevel: Int32Array;
    start: Int32Array;
    valueStart: Int32Array;
    outcome: Uint8Array;
    observed: Float64Array;
    observedType: Uint8Array;
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
    this.valueStart = fields.valueStart;
    this.outcome = fields.outcome;
    this.observed = fields.observed;
    this.observedType = fields.observedType;
    this.unknownCriteria = fields.unknownCriteria;
    this.#data = fields.data;
    this.#who = fields.who;
    this.#other = fields.other;
    this.#inlineRemediation = fields.inlineRemediation;
  }

  valueAt(at: number): number | boolean | null {
    this.#check();
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

  observedAt(i: number, s: number): number | boolean | null {
    const d = this.#slotTable(i, s);
    return this.valueAt(this.valueStart[i]! + d.ci[s]!);
  }

  gapAt(i: number, s: number): number | null {
    const d = this.#slotTable(i, s);
    const o = this.outcome[this.start[i]! + s]!;
    // The record's own rule (`gapOf`), on the value and threshold the record shows.
    return o === NOT_APPLICABLE ? null : gapOf(this.observedAt(i, s), d.cells[s]!.threshold!, o);
  }

  /** The table of record `i`, after checking `i` and slot `s`. */
  #slotTable(i: number, s: number): TableData {
    const d = this.#data[this.#index(i)]!;
    if (!Number.isInteger(s) || s < 0 || s >= d.ci.length)
      throw new RangeError(`slot ${s} is outside 0…${d.ci.length - 1}`);
    return d;
  }

  #check(): void {
    if (this.#given)
      throw new Error(
        'lô này đã nhường bộ nhớ cột cho một lô sau (reuse) / this batch gave its columns to a later batch (reuse)',
      );
  }

  #index(i: number): number {
    this.#check();
    if (!Number.isInteger(i) || i < 0 || i >= this.size)
      throw new RangeError(`record index ${i} is outside 0…${this.size - 1}`);
    return this.table[i]!;
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
    const d = this.#data[this.#index(i)]!;
    const at = this.start[i]!;
    const vat = this.valueStart[i]!;
    const nCriteria = d.pub.criteria.length;
    const values = new Array<unknown>(nCriteria).fill(undefined);
    for (let c = 0; c < nCriteria; c++)
      if (this.observedType[vat + c] !== T_MISSING) values[c] = this.valueAt(vat + c);
    const outcomes = new Uint8Array(d.ruleSet.requirements.length);
    for (let s = 0; s < d.ci.length; s++) {
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

/**
 * Write one record: its observed values from position `vat` of the value columns (one per criterion), and its
 * findings' outcomes — one slot per criterion × level, the record's `findings` order — from position `at`;
 * with `d.tests`, decide each requirement here too (into `outcomes`). A function of its own (called once per
 * record, so optimised within the first batch rather than by on-stack replacement).
 */
function writeRecord(
  d: TableData,
  values: readonly unknown[],
  outcomes: Uint8Array,
  cols: { outcome: Uint8Array; observed: Float64Array; observedType: Uint8Array },
  at: number,
  vat: number,
  other: Map<number, unknown>,
): void {
  const { outcome, observed, observedType } = cols;
  for (let c = 0; c < values.length; c++) {
    const x = values[c];
    const k = vat + c;
    if (x === undefined) {
      observedType[k] = T_MISSING;
      observed[k] = NaN;
    } else if (typeof x === 'number') {
      observedType[k] = T_NUMBER;
      observed[k] = x;
    } else if (typeof x === 'boolean') {
      observedType[k] = T_BOOLEAN;
      observed[k] = x ? 1 : 0;
    } else {
      observedType[k] = T_OTHER;
      observed[k] = NaN;
      other.set(k, x);
    }
  }
  const { ci, ri, tests, leafOp, leafValue } = d;
  for (let s = 0; s < ci.length; s++) {
    const r = ri[s]!;
    if (r < 0) {
      outcome[at + s] = NOT_APPLICABLE;
      continue;
    }
    if (tests) {
      // As `outcomesOf`: not available when the observation is missing, else the compiled predicate — its
      // comparison inline when the requirement is one (no call per finding), the predicate otherwise.
      const x = values[ci[s]!];
      let o: number = NOT_AVAILABLE;
      if (x !== undefined) {
        const op = leafOp[s]!;
        o = (op !== 0 ? (compareLeaf(op, leafValue[s], x) ?? tests[s]!(values)) : tests[s]!(values))
          ? MET
          : NOT_MET;
      }
      outcomes[r] = o;
      outcome[at + s] = o;
    } else outcome[at + s] = outcomes[r]!;
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
  const valueStart = new Int32Array(n + 1);
  const level = new Int32Array(n);
  const possibleLevel = new Int32Array(n);
  const unknownCriteria = new Array<readonly string[]>(n);
  const who = new Array<Who>(n);
  const other = new Map<number, unknown>();
  // The columns, sized from the first record's table and grown when a wider one comes (an overlay).
  const reused = options.reuse === undefined ? null : Batch.take(options.reuse);
  let outcome = reused ? new Uint8Array(reused.outcome) : bytes(0);
  let observed = reused ? new Float64Array(reused.observed) : doubles(0);
  let observedType = reused ? new Uint8Array(reused.observedType) : bytes(0);
  let total = 0;
  let totalValues = 0;
  // The observations of the assessment being decided, read by the preparer (in the acceptor's pass).
  const seen: Observed = { values: [], unknown: [] };
  const facts: number[] = []; // the level facts, a buffer reused by every assessment
  // One pass, each assessment validated and decided in turn (a second pass over the inputs would read them
  // all from memory again); after the first rejected input only the issues are collected.
  for (let i = 0; i < n; i++) {
    const p = prepare(assessments[i], seen);
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
    const nCriteria = d.pub.criteria.length;
    table[i] = t;
    start[i] = total;
    valueStart[i] = totalValues;
    const at = total;
    const vat = totalValues;
    total += width;
    totalValues += nCriteria;
    const left = n - i - 1; // room for the rest at this width, so a batch of one table allocates once
    outcome = ensure(outcome, total + left * width, bytes);
    observed = ensure(observed, totalValues + left * nCriteria, doubles);
    observedType = ensure(observedType, totalValues + left * nCriteria, bytes);
    const { values, unknown } = seen;
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
    writeRecord(d, values, outcomes, { outcome, observed, observedType }, at, vat, other);
    level[i] = decideLevel(ctx, ruleSet, levelValuesOf(ruleSet, outcomes, false, facts));
    possibleLevel[i] = decideLevel(ctx, ruleSet, levelValuesOf(ruleSet, outcomes, true, facts));
  }
  if (issues.length) return { ok: false, issues };
  start[n] = total;
  valueStart[n] = totalValues;
  // Exactly as long as used (views of the same memory when longer).
  const batch = new Batch({
    data,
    table,
    level,
    possibleLevel,
    start,
    valueStart,
    outcome: outcome.length === total ? outcome : outcome.subarray(0, total),
    observed: observed.length === totalValues ? observed : observed.subarray(0, totalValues),
    observedType: observedType.length === totalValues ? observedType : observedType.subarray(0, totalValues),
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
