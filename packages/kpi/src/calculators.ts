import { vietnamCalendar, type WorkingDayCalendar } from './calendar/calendar';
import { parseInstant, parseIsoDay, vietnamDayOfInstant } from './calendar/days';
import type { KpiCounts } from './counts';
import { compilePredicate, DOSSIER_KPI_SPECS } from './definitions';
import { type KpiId, type KpiResult, kpiResult } from './kpis';
import { parsePeriod, periodLabelOfDay, type ReportingPeriod } from './period';
import type { Dossier, FeedbackCase, Procedure } from './schemas';

/**
 * One KPI as a ratio calculator: for each record, `tally` says whether it is outside the KPI (0),
 * in the denominator only (1), or in both numerator and denominator (2). Counting is additive,
 * so partial states merge by addition and memory does not grow with the number of records.
 */
export interface RatioCalculator<T, F = void> {
  id: KpiId;
  tally(record: T, facts: F): 0 | 1 | 2;
}

/** Per-dossier facts computed once and shared by the calculators. */
export interface DossierFacts {
  /** Đúng hạn (QĐ 766 §2.1). */
  onTime: boolean;
}

const b = (inDen: boolean, inNum: boolean): 0 | 1 | 2 => (inDen ? (inNum ? 2 : 1) : 0);

/** The dossier KPIs, in {@link KPI_IDS} order — compiled from {@link DOSSIER_KPI_SPECS}. */
export const DOSSIER_CALCULATORS: ReadonlyArray<RatioCalculator<Dossier, DossierFacts>> = Object.freeze(
  DOSSIER_KPI_SPECS.map((spec) => {
    const den = compilePredicate(spec.denominator);
    const num = compilePredicate(spec.numerator);
    return {
      id: spec.id,
      // The numerator only for records in the denominator (b ignores it otherwise; predicates are pure).
      tally: (d: Dossier, f: DossierFacts) => (den(d, f.onTime) ? (num(d, f.onTime) ? 2 : 1) : 0),
    };
  }),
);

/** The procedure KPIs. */
export const PROCEDURE_CALCULATORS: ReadonlyArray<RatioCalculator<Procedure>> = Object.freeze([
  {
    id: 'aiEnabledEssentialServiceRate',
    tally: (p) => b(p.essential && p.onlineService === 'full', p.aiEnabled),
  },
  { id: 'locationIndependentProcedureRate', tally: (p) => b(true, p.locationIndependent) },
  { id: 'enterpriseProcedureOnlineRate', tally: (p) => b(p.enterpriseRelated, p.onlineService === 'full') },
]);

/** Per-feedback facts. */
export interface FeedbackFacts {
  onTime: boolean;
}

/** The feedback (PAKN) KPIs. */
export const FEEDBACK_CALCULATORS: ReadonlyArray<RatioCalculator<FeedbackCase, FeedbackFacts>> =
  Object.freeze([{ id: 'feedbackOnTimeRate', tally: (_c, f) => b(true, f.onTime) }]);

/**
 * Đúng hạn — whether a dossier is on time under QĐ 766 §2.1: its end (the day it finished, or
 * `lastDay` of the period when it is still in progress) is on or before the appointment date
 * (or `processingDays` working days after receipt), extended by the working days spent waiting for
 * the applicant's supplement; more than one supplement request is overdue. Days are civil dates in
 * Vietnam; a deadline ends at 24:00 of its day.
 */
export function isDossierOnTime(
  d: Dossier,
  lastDay: number,
  calendar: WorkingDayCalendar = vietnamCalendar,
): boolean {
  if (d.supplementRequests.length > 1) return false;
  return onTimeFrom(d, vietnamDayOfInstant(parseInstant(d.receivedAt)), lastDay, calendar);
}

/** {@link isDossierOnTime} given the day of receipt (the accumulator has it already: one parse less). */
function onTimeFrom(d: Dossier, received: number, lastDay: number, calendar: WorkingDayCalendar): boolean {
  if (d.supplementRequests.length > 1) return false;
  // An appointment date on a rest day moves to the next working day, like the last day of any
  // period (Civil Code 2015 Art. 148(5)); `processingDays` working days are counted from the day
  // after receipt, and 0 days on a rest day also end on the next working day.
  const due =
    d.appointmentDate !== undefined
      ? calendar.onOrAfterWorkingDayNumber(parseIsoDay(d.appointmentDate) as number)
      : calendar.addWorkingDaysNumber(received, d.processingDays ?? 0);
  const end = d.finishedAt !== undefined ? vietnamDayOfInstant(parseInstant(d.finishedAt)) : lastDay;
  let extendedDue = due;
  const s = d.supplementRequests[0];
  if (s !== undefined) {
    const requested = vietnamDayOfInstant(parseInstant(s.requestedAt));
    const supplied = s.suppliedAt !== undefined ? vietnamDayOfInstant(parseInstant(s.suppliedAt)) : end;
    const waited = calendar.workingDaysBetweenNumbers(requested, Math.min(supplied, end));
    if (waited > 0) extendedDue = calendar.addWorkingDaysNumber(due, waited);
  }
  return end <= extendedDue;
}

/**
 * Whether a feedback case is handled on time (QĐ 766 §5.2): handled on or before its due date
 * (default: 15 working days after receipt), or still pending and not overdue on `lastDay`.
 */
export function isFeedbackOnTime(
  c: FeedbackCase,
  lastDay: number,
  calendar: WorkingDayCalendar = vietnamCalendar,
): boolean {
  const received = vietnamDayOfInstant(parseInstant(c.receivedAt));
  const due =
    c.dueDate !== undefined
      ? (parseIsoDay(c.dueDate) as number)
      : calendar.addWorkingDaysNumber(received, 15);
  const end = c.handledAt !== undefined ? vietnamDayOfInstant(parseInstant(c.handledAt)) : lastDay;
  return end <= due;
}

/**
 * A mergeable accumulator of ratio KPIs: `add` records, `merge` partial states, `finish` to results.
 *
 * @example
 * ```ts
 * const acc = new RatioAccumulator(PROCEDURE_CALCULATORS);
 * for (const p of procedures) acc.add(p, undefined);
 * acc.finish().locationIndependentProcedureRate;
 * ```
 */
export class RatioAccumulator<T, F = void> {
  readonly calculators: ReadonlyArray<RatioCalculator<T, F>>;
  /** numerator, denominator pairs per calculator. */
  readonly counts: Float64Array;
  constructor(calculators: ReadonlyArray<RatioCalculator<T, F>>, counts?: Float64Array) {
    this.calculators = calculators;
    this.counts = counts ?? new Float64Array(calculators.length * 2);
  }
  add(record: T, facts: F): void {
    const c = this.counts;
    for (let i = 0; i < this.calculators.length; i++) {
      const t = (this.calculators[i] as RatioCalculator<T, F>).tally(record, facts);
      if (t !== 0) {
        c[2 * i + 1] = (c[2 * i + 1] as number) + 1;
        if (t === 2) c[2 * i] = (c[2 * i] as number) + 1;
      }
    }
  }
  merge(other: RatioAccumulator<T, F>): this {
    if (other.calculators.length !== this.calculators.length)
      throw new Error('cannot merge different calculators');
    for (let i = 0; i < this.counts.length; i++)
      this.counts[i] = (this.counts[i] as number) + (other.counts[i] as number);
    return this;
  }
  finish(): Partial<Record<KpiId, KpiResult>> {
    const out: Partial<Record<KpiId, KpiResult>> = {};
    this.calculators.forEach((calc, i) => {
      out[calc.id] = kpiResult(calc.id, this.counts[2 * i] as number, this.counts[2 * i + 1] as number);
    });
    return out;
  }
}

/** A grouping dimension. */
export type GroupDimension = 'commune' | 'province' | 'month' | 'quarter' | 'year';

/** Options of a grouped KPI computation. */
export interface GroupOptions {
  /** Group by these dimensions (at most one of month / quarter / year). Default: one group for everything. */
  by?: readonly GroupDimension[];
  /**
   * Only count records received in this period (`2026`, `2026-Q1`, `2026-03`, or a parsed period).
   * Required unless `by` has a period dimension: an unfinished record is judged on the period's last day.
   */
  period?: string | ReportingPeriod;
  /** Working-day calendar (default: Vietnam's, with the official decisions). */
  calendar?: WorkingDayCalendar;
  /** Province of a commune when records carry no `provinceCode` (e.g. from `@cdsx/criteria`'s commune list). */
  provinceOf?: (communeCode: string) => string | undefined;
}

/** The group a result belongs to. */
export interface GroupKey {
  commune?: string;
  province?: string;
  period?: string;
}

/** KPI results of one group. */
export interface GroupResult {
  key: GroupKey;
  kpis: Partial<Record<KpiId, KpiResult>>;
}

interface Subject<T, F> {
  calculators: ReadonlyArray<RatioCalculator<T, F>>;
  receivedAt(r: T): string;
  communeCode(r: T): string;
  provinceCode(r: T): string | undefined;
  /** `received`: the record's day of receipt (Vietnam day number), already computed by the accumulator. */
  facts(r: T, received: number, lastDay: number, calendar: WorkingDayCalendar): F;
}

const PERIOD_DIMS = ['month', 'quarter', 'year'] as const;

interface Group<T, F> {
  key: GroupKey;
  acc: RatioAccumulator<T, F>;
}
/** Dimension value → next level, or at the last level the group's counts slot. */
type Entry = LookupNode | number;

/** The value of a 5-digit code (a commune code, `00004`) as 0–99999, or -1 for any other text. */
function code5(v: string): number {
  if (v.length !== 5) return -1;
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * One level of the group lookup. A 5-digit value (every valid commune code) is looked up by its number,
 * anything else by its text. Each dossier's commune code is a fresh string, which a string-keyed map
 * must hash and compare every time: in a CPU profile of 1M dossiers by commune × quarter that `Map.get`
 * was over half of `add`'s own time. With number keys `add` (with the other changes of the same commit)
 * takes 29 % fewer instructions per dossier (callgrind: 18.4k against 26.0k, 30k dossiers × 3); a
 * 100 000-entry array indexed by the code was no faster than this map, and costs 800 KB per level.
 */
class LookupNode {
  private readonly byText = new Map<string, Entry>();
  private readonly byCode = new Map<number, Entry>();
  get(v: string): Entry | undefined {
    const c = code5(v);
    return c < 0 ? this.byText.get(v) : this.byCode.get(c);
  }
  set(v: string, e: Entry): void {
    const c = code5(v);
    if (c < 0) this.byText.set(v, e);
    else this.byCode.set(c, e);
  }
}
const PAGE_BITS = 10;
const PAGE_MASK = (1 << PAGE_BITS) - 1;

/** Groups records and keeps one {@link RatioAccumulator} per group. */
export class GroupedKpiAccumulator<T, F> {
  private readonly subject: Subject<T, F>;
  private readonly calendar: WorkingDayCalendar;
  private readonly dims: readonly GroupDimension[];
  private readonly periodDim: (typeof PERIOD_DIMS)[number] | undefined;
  private readonly filter: { from: number; to: number; lastDay: number } | undefined;
  private readonly provinceOf: GroupOptions['provinceOf'];
  private readonly groups = new Map<string, Group<T, F>>();
  /** Groups by dimension values, one map level per dimension (a cache over `groups`). */
  private readonly lookup = new LookupNode();
  private single: number | undefined;
  /** Counts of the groups added to, {@link PAGE_BITS} groups per page. */
  private readonly pages: Float64Array[] = [];
  private slots = 0;
  private readonly dayCache = new Map<number, { label: string; lastDay: number }>();
  /**
   * Last day of each period label: `parsePeriod` (time-zone dates) once per period rather than once
   * per day of receipt — 365 calls took ≈ 0.2 s of a 1M-dossier run, whatever its size.
   */
  private readonly lastDayOfLabel = new Map<string, number>();
  /** Records received outside `period` (counted, not silently dropped). */
  outsidePeriod = 0;
  /** Records whose province could not be resolved (grouped under province `unknown`). */
  unknownProvince = 0;
  /** Records added (inside the period). */
  count = 0;

  constructor(subject: Subject<T, F>, options: GroupOptions = {}) {
    this.subject = subject;
    this.calendar = options.calendar ?? vietnamCalendar;
    this.dims = options.by ?? [];
    this.provinceOf = options.provinceOf;
    const periodDims = this.dims.filter((d): d is (typeof PERIOD_DIMS)[number] =>
      (PERIOD_DIMS as readonly string[]).includes(d),
    );
    if (periodDims.length > 1)
      throw new TypeError(`group by at most one period dimension, got ${periodDims.join(', ')}`);
    this.periodDim = periodDims[0];
    if (options.period !== undefined) {
      const p = typeof options.period === 'string' ? parsePeriod(options.period) : options.period;
      if (!p)
        throw new TypeError(`not a reporting period / không phải kỳ báo cáo: ${String(options.period)}`);
      const last = parseIsoDay(p.lastDay) as number;
      this.filter = { from: parseIsoDay(p.firstDay) as number, to: last, lastDay: last };
    } else if (!this.periodDim) {
      throw new TypeError(
        'give `period` or group by month / quarter / year: unfinished records are judged on the last day of their period',
      );
    }
  }

  private periodInfo(day: number): { label: string; lastDay: number } {
    let info = this.dayCache.get(day);
    if (!info) {
      const kind = this.periodDim as (typeof PERIOD_DIMS)[number];
      const label = periodLabelOfDay(day, kind);
      let last = this.lastDayOfLabel.get(label);
      if (last === undefined) {
        last = parseIsoDay((parsePeriod(label) as ReportingPeriod).lastDay) as number;
        this.lastDayOfLabel.set(label, last);
      }
      info = { label, lastDay: last };
      if (this.filter && info.lastDay > this.filter.lastDay) info = { label, lastDay: this.filter.lastDay };
      this.dayCache.set(day, info);
    }
    return info;
  }

  /** Add one (validated) record. */
  add(record: T): void {
    const day = vietnamDayOfInstant(parseInstant(this.subject.receivedAt(record)));
    if (this.filter && (day < this.filter.from || day > this.filter.to)) {
      this.outsidePeriod++;
      return;
    }
    this.count++;
    let lastDay = this.filter?.lastDay ?? 0;
    let periodLabel: string | undefined;
    if (this.periodDim) {
      const info = this.periodInfo(day);
      periodLabel = info.label;
      lastDay = info.lastDay;
    }
    // The group's slot through a tree of maps by dimension value: no key string or object per record,
    // and its counts in a shared page rather than behind group → accumulator → array.
    const dims = this.dims;
    let node = this.lookup;
    let slot: number | undefined;
    for (let k = 0; k < dims.length; k++) {
      const v = this.dimValue(dims[k] as GroupDimension, record, periodLabel);
      const next = node.get(v);
      if (k === dims.length - 1) slot = next as number | undefined;
      else {
        let child = next as LookupNode | undefined;
        if (child === undefined) {
          child = new LookupNode();
          node.set(v, child);
        }
        node = child;
      }
    }
    if (dims.length === 0) slot = this.single;
    if (slot === undefined) {
      let id = '';
      const key: GroupKey = {};
      for (const dim of dims) {
        const v = this.dimValue(dim, record, periodLabel, false);
        if (dim === 'commune') key.commune = v;
        else if (dim === 'province') key.province = v;
        else key.period = v;
        id += `${v}|`;
      }
      slot = this.slotOf(id, key);
      if (dims.length === 0) this.single = slot;
      else node.set(this.dimValue(dims[dims.length - 1] as GroupDimension, record, periodLabel, false), slot);
    }
    const page = this.pages[slot >>> PAGE_BITS] as Float64Array;
    const calcs = this.subject.calculators;
    const facts = this.subject.facts(record, day, lastDay, this.calendar);
    let at = (slot & PAGE_MASK) * calcs.length * 2;
    for (let i = 0; i < calcs.length; i++, at += 2) {
      const t = (calcs[i] as RatioCalculator<T, F>).tally(record, facts);
      if (t !== 0) {
        page[at + 1] = (page[at + 1] as number) + 1;
        if (t === 2) page[at] = (page[at] as number) + 1;
      }
    }
  }

  /**
   * A counts slot for the group `id` (new, or one merged in from another accumulator, whose counts
   * move into the slot): its accumulator's counts become a view of the slot.
   */
  private slotOf(id: string, key: GroupKey): number {
    const width = this.subject.calculators.length * 2;
    const slot = this.slots++;
    if (slot >>> PAGE_BITS >= this.pages.length) this.pages.push(new Float64Array((PAGE_MASK + 1) * width));
    const page = this.pages[slot >>> PAGE_BITS] as Float64Array;
    const start = (slot & PAGE_MASK) * width;
    const counts = page.subarray(start, start + width);
    const merged = this.groups.get(id);
    if (merged) counts.set(merged.acc.counts);
    this.groups.set(id, {
      key: merged?.key ?? key,
      acc: new RatioAccumulator(this.subject.calculators, counts),
    });
    return slot;
  }

  /** The value of one grouping dimension for a record (counting an unresolved province once, when `count`). */
  private dimValue(dim: GroupDimension, record: T, periodLabel: string | undefined, count = true): string {
    if (dim === 'commune') return this.subject.communeCode(record);
    if (dim === 'province') {
      const c = this.subject.communeCode(record);
      const p = this.subject.provinceCode(record) ?? this.provinceOf?.(c);
      if (p !== undefined) return p;
      if (count) this.unknownProvince++;
      return 'unknown';
    }
    return periodLabel as string;
  }

  /** Merge another accumulator's groups (same options) into this one. */
  merge(other: GroupedKpiAccumulator<T, F>): this {
    for (const [id, g] of other.groups) {
      const mine = this.groups.get(id);
      if (mine) mine.acc.merge(g.acc);
      else
        this.groups.set(id, {
          key: { ...g.key },
          acc: new RatioAccumulator(this.subject.calculators, Float64Array.from(g.acc.counts)),
        });
    }
    this.outsidePeriod += other.outsidePeriod;
    this.unknownProvince += other.unknownProvince;
    this.count += other.count;
    return this;
  }

  /** The counts per group (numerators and denominators, no rates): mergeable across shards with `mergeKpiCounts`. */
  counts(): KpiCounts[] {
    return [...this.groups.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, g]) => {
        const counts: KpiCounts['counts'] = {};
        g.acc.calculators.forEach((c, i) => {
          counts[c.id] = [g.acc.counts[2 * i] as number, g.acc.counts[2 * i + 1] as number];
        });
        return { key: { ...g.key }, counts };
      });
  }

  /** Results per group, sorted by group key (deterministic). */
  finish(): GroupResult[] {
    return [...this.groups.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, g]) => ({ key: g.key, kpis: g.acc.finish() }));
  }
}

const DOSSIER_FACTS: DossierFacts = { onTime: false };

const DOSSIER_SUBJECT: Subject<Dossier, DossierFacts> = {
  calculators: DOSSIER_CALCULATORS,
  receivedAt: (d) => d.receivedAt,
  communeCode: (d) => d.communeCode,
  provinceCode: (d) => d.provinceCode,
  facts: (d, received, lastDay, cal) => {
    // One mutable object: facts are consumed by the calculators before the next record.
    DOSSIER_FACTS.onTime = onTimeFrom(d, received, lastDay, cal);
    return DOSSIER_FACTS;
  },
};

const FEEDBACK_SUBJECT: Subject<FeedbackCase, FeedbackFacts> = {
  calculators: FEEDBACK_CALCULATORS,
  receivedAt: (c) => c.receivedAt,
  communeCode: (c) => c.communeCode,
  provinceCode: () => undefined,
  facts: (c, _received, lastDay, cal) => ({ onTime: isFeedbackOnTime(c, lastDay, cal) }),
};

/**
 * The dossier KPIs, grouped — add validated dossiers one at a time (memory grows with the number of
 * groups, not of dossiers), merge partial results, then `finish()`.
 *
 * @example
 * ```ts
 * const acc = dossierKpiAccumulator({ by: ['commune', 'quarter'] });
 * for await (const d of readDossiers(text)) acc.add(d);
 * acc.finish(); // [{ key: { commune: '00004', period: '2026-Q1' }, kpis: { onTimeRate: {…}, … } }, …]
 * ```
 */
export function dossierKpiAccumulator(
  options: GroupOptions = {},
): GroupedKpiAccumulator<Dossier, DossierFacts> {
  return new GroupedKpiAccumulator(DOSSIER_SUBJECT, options);
}

/** The feedback (PAKN) KPIs, grouped like {@link dossierKpiAccumulator}. */
export function feedbackKpiAccumulator(
  options: GroupOptions = {},
): GroupedKpiAccumulator<FeedbackCase, FeedbackFacts> {
  return new GroupedKpiAccumulator(FEEDBACK_SUBJECT, options);
}

/** Add every record, in batches when the source is a reader that offers them. */
async function addAll<T, F>(
  acc: GroupedKpiAccumulator<T, F>,
  source: Iterable<T> | AsyncIterable<T> | { batches(): AsyncIterable<T[]> },
): Promise<void> {
  if (typeof (source as { batches?: unknown }).batches === 'function') {
    for await (const batch of (source as { batches(): AsyncIterable<T[]> }).batches())
      for (const r of batch) acc.add(r);
    return;
  }
  for await (const r of source as AsyncIterable<T>) acc.add(r);
}

/**
 * Compute the dossier KPIs over an array, iterable or async iterable of validated dossiers.
 *
 * @example
 * ```ts
 * const [all] = await computeDossierKpis(dossiers, { period: '2026-Q1' });
 * formatKpiValue(all.kpis.onTimeRate!); // '96.5%'
 * ```
 */
export async function computeDossierKpis(
  dossiers: Iterable<Dossier> | AsyncIterable<Dossier>,
  options: GroupOptions = {},
): Promise<GroupResult[]> {
  const acc = dossierKpiAccumulator(options);
  await addAll(acc, dossiers);
  return acc.finish();
}

/** Compute the feedback KPIs over (async) iterables of validated feedback cases. */
export async function computeFeedbackKpis(
  cases: Iterable<FeedbackCase> | AsyncIterable<FeedbackCase>,
  options: GroupOptions = {},
): Promise<GroupResult[]> {
  const acc = feedbackKpiAccumulator(options);
  await addAll(acc, cases);
  const groups = acc.finish();
  // No feedback in the period is "nothing to judge" (not_applicable, QĐ 766 §5.2), not no result:
  // the one requested group (no grouping dimension) is returned with that outcome.
  if (groups.length === 0 && (options.by ?? []).length === 0)
    return [{ key: {}, kpis: { feedbackOnTimeRate: kpiResult('feedbackOnTimeRate', 0, 0) } }];
  return groups;
}

/**
 * Compute the procedure KPIs (AI-enabled essential services, location-independent procedures,
 * enterprise procedures online) over the procedures applied by a commune or province.
 *
 * @example
 * ```ts
 * computeProcedureKpis(procedures).locationIndependentProcedureRate?.value; // e.g. 100
 * ```
 */
export function computeProcedureKpis(procedures: Iterable<Procedure>): Partial<Record<KpiId, KpiResult>> {
  const acc = new RatioAccumulator(PROCEDURE_CALCULATORS);
  for (const p of procedures) acc.add(p, undefined);
  return acc.finish();
}
