import type { IssueCode, LocalizedText, ValidationIssue } from '@cdsx/criteria';
import { formatPath, fromZodIssue } from '@cdsx/criteria/internal';
import { z } from 'zod';
import { COUNT_FIELDS, type CountField, METRIC_CODES, type MetricCode } from './profile';

/** A count: a whole number ≥ 0, or `null` when the portal (or the exporter) has no value. */
const CountSchema = z.int().min(0).nullable();

/** One metric as the portal's evaluation API returns it. */
export const MetricCountSchema = z
  .strictObject({
    metricCode: z.enum(METRIC_CODES),
    numerator: CountSchema,
    denominator: CountSchema,
  })
  .meta({
    id: 'MetricCount',
    description: 'Tử số / mẫu số of one portal metric; null = not available (never read as 0).',
  });
export type MetricCount = z.infer<typeof MetricCountSchema>;

/** Unit levels the portal scores. */
export const UNIT_LEVELS = ['commune', 'province', 'agency', 'ministry'] as const;

const countFields = Object.fromEntries(COUNT_FIELDS.map((f) => [f, CountSchema])) as Record<
  CountField,
  typeof CountSchema
>;

/**
 * Một đơn vị trong một kỳ — the portal's counts for one unit and one period. Every count field is
 * required: a number, or `null` when not available (unknown is not zero).
 */
export const UnitCountsSchema = z
  .strictObject({
    /** Unit code: commune code (5 digits), province code, or the agency's portal code. */
    unitCode: z.string().trim().min(1),
    unitName: z.string().optional(),
    level: z.enum(UNIT_LEVELS).optional(),
    /** Province of the unit (for ranking within a province). */
    provinceCode: z.string().trim().min(1).optional(),
    /** Reporting period: `2026`, `2026-Q1` or `2026-03`. */
    period: z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/),
    ...countFields,
    /** Average processing days (2.2, informational; not scored). */
    avgProcessingDays: z.number().min(0).nullable().optional(),
    metrics: z.array(MetricCountSchema),
  })
  .meta({ id: 'UnitCounts', description: 'The portal counts of one unit for one period.' });
export type UnitCounts = z.infer<typeof UnitCountsSchema>;

/** The counts file: `{ "format": "cdsx-score766-counts", "version": 1, "units": [ … ] }`. */
export const CountsFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal('cdsx-score766-counts'),
    version: z.literal(1),
    /** Where the counts come from (portal export, dossier path, …). */
    source: z.string().optional(),
    units: z.array(UnitCountsSchema),
  })
  .meta({ id: 'CountsFile', description: 'QĐ 766 counts of units, as the national portal publishes them.' });
export type CountsFile = z.infer<typeof CountsFileSchema>;

/** A unit accepted by {@link parseCounts}: its counts, and which inputs were rejected (scored not available). */
export interface ParsedUnit {
  /** 0-based position in `units`. */
  index: number;
  counts: UnitCounts;
  /**
   * Inputs that were missing or invalid (`totalOnTime`, `metric:DOSSIER_SYNC`, …) with the reason; the
   * indicators that read them are `not_available`, never 0.
   */
  invalid: Map<string, LocalizedText>;
}

/** Result of {@link parseCounts}: every scorable unit and every problem. */
export interface ParsedCounts {
  units: ParsedUnit[];
  issues: ValidationIssue[];
  /** Units that could not be scored at all (listed in `issues`). */
  rejected: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function issue(
  path: PropertyKey[],
  code: IssueCode,
  vi: string,
  en: string,
  index?: number,
): ValidationIssue {
  return {
    path: formatPath(path),
    code,
    message: { vi, en },
    ...(index !== undefined ? { record: index + 1 } : {}),
  };
}

/** The metric codes an informational indicator uses: optional in the input. */
const OPTIONAL_METRICS: ReadonlySet<string> = new Set([
  'PETITION_CLASSIFICATION_TTHC',
  'PETITION_CLASSIFICATION_STAFF',
]);

/** Pairs that must hold: part ≤ whole. */
const PARTS: ReadonlyArray<[readonly CountField[], CountField]> = [
  [['totalOnTime'], 'totalReceived'],
  [['totalOverdue'], 'totalReceived'],
  [['partialCount', 'fullCount'], 'authorityCount'],
  [['onlineDossierCount'], 'onlineServiceTotal'],
  [['channelOnlineSum'], 'channelTotalSum'],
  [['totalDossierOnlineFormalityPaymentSuccess'], 'totalFeeFormality'],
  [['totalFeeDossierFormality'], 'totalFeeFormality'],
  [['totalDossierOnlinePaymentSuccess'], 'totalDossierFinancialObligation'],
];

/**
 * Validate one unit. Structural problems (not an object, no `unitCode`, bad `period`) reject the
 * unit; a bad count, an unknown metric code, a numerator above its denominator or a missing metric
 * only makes the inputs involved not available — the rest of the unit is still scored.
 */
function parseUnit(raw: unknown, index: number, issues: ValidationIssue[]): ParsedUnit | undefined {
  const base: PropertyKey[] = ['units', index];
  if (!isObject(raw)) {
    issues.push(
      issue(base, 'invalid_type', 'cần một đối tượng (đơn vị)', 'expected an object (a unit)', index),
    );
    return undefined;
  }
  const invalid = new Map<string, LocalizedText>();
  const copy: Record<string, unknown> = { ...raw };
  const metrics: unknown[] = Array.isArray(raw.metrics) ? [...raw.metrics] : [];
  const dropMetric = new Set<number>();
  let noMetrics = false;
  const first = UnitCountsSchema.safeParse(raw, { reportInput: true });
  if (!first.success) {
    let structural = false;
    for (const zi of first.error.issues) {
      const [head, i, leaf] = zi.path;
      const located = { ...fromZodIssue(zi, base), record: index + 1 };
      if (
        typeof head === 'string' &&
        (COUNT_FIELDS as readonly string[]).includes(head) &&
        zi.path.length === 1
      ) {
        issues.push(located);
        copy[head] = null;
        invalid.set(head, located.message);
      } else if (head === 'metrics' && zi.path.length === 1) {
        issues.push(located);
        metrics.length = 0;
        noMetrics = true;
      } else if (head === 'avgProcessingDays' && zi.path.length === 1) {
        issues.push(located);
        copy.avgProcessingDays = null;
      } else if (head === 'metrics' && typeof i === 'number' && isObject(metrics[i])) {
        const m = metrics[i] as Record<string, unknown>;
        if (leaf === 'metricCode') {
          issues.push({
            ...located,
            code: 'unknown_metric',
            message: {
              vi: `mã chỉ số ${JSON.stringify(m.metricCode)} không có trong danh sách của Cổng (${METRIC_CODES.join(', ')})`,
              en: `metric code ${JSON.stringify(m.metricCode)} is not one of the portal's (${METRIC_CODES.join(', ')})`,
            },
          });
          dropMetric.add(i);
        } else if (leaf === 'numerator' || leaf === 'denominator') {
          issues.push(located);
          metrics[i] = { ...m, numerator: null, denominator: null };
          if (typeof m.metricCode === 'string') invalid.set(`metric:${m.metricCode}`, located.message);
        } else {
          issues.push(located);
          dropMetric.add(i);
        }
      } else {
        issues.push(located);
        structural = true;
      }
    }
    if (structural) return undefined;
    copy.metrics = metrics.filter((_, i) => !dropMetric.has(i));
  }
  const second = first.success ? first : UnitCountsSchema.safeParse(copy, { reportInput: true });
  if (!second.success) {
    for (const zi of second.error.issues) issues.push({ ...fromZodIssue(zi, base), record: index + 1 });
    return undefined;
  }
  const counts = second.data;
  const originalIndex = (kept: number): number => {
    let seen = -1;
    for (let i = 0; i < metrics.length; i++) {
      if (dropMetric.has(i)) continue;
      seen++;
      if (seen === kept) return i;
    }
    return kept;
  };

  // Metrics: one entry per code, numerator ≤ denominator, every scored metric present.
  const seen = new Map<string, number>();
  const kept: MetricCount[] = [];
  counts.metrics.forEach((m, k) => {
    const at = originalIndex(k);
    const prev = seen.get(m.metricCode);
    if (prev !== undefined) {
      issues.push(
        issue(
          [...base, 'metrics', at, 'metricCode'],
          'duplicate_metric',
          `chỉ số ${m.metricCode} xuất hiện hai lần (đã có ở metrics[${prev}]); bỏ qua lần sau`,
          `metric ${m.metricCode} appears twice (already at metrics[${prev}]); the later one is ignored`,
          index,
        ),
      );
      return;
    }
    seen.set(m.metricCode, at);
    if (m.numerator !== null && m.denominator !== null && m.numerator > m.denominator) {
      const i = issue(
        [...base, 'metrics', at, 'numerator'],
        'numerator_above_denominator',
        `${m.metricCode}: tử số ${m.numerator} lớn hơn mẫu số ${m.denominator}`,
        `${m.metricCode}: numerator ${m.numerator} is greater than denominator ${m.denominator}`,
        index,
      );
      issues.push(i);
      invalid.set(`metric:${m.metricCode}`, i.message);
    }
    kept.push(m);
  });
  for (const code of METRIC_CODES) {
    if (seen.has(code) || invalid.has(`metric:${code}`) || OPTIONAL_METRICS.has(code)) continue;
    if (noMetrics) {
      invalid.set(`metric:${code}`, { vi: 'thiếu mảng metrics', en: 'the metrics array is missing' });
      continue;
    }
    const i = issue(
      [...base, 'metrics'],
      'missing_metric',
      `thiếu chỉ số ${code} (ghi numerator/denominator là null nếu không có số liệu)`,
      `metric ${code} is missing (write numerator/denominator null when there is no data)`,
      index,
    );
    issues.push(i);
    invalid.set(`metric:${code}`, i.message);
  }
  counts.metrics = kept;

  // Parts never exceed their whole.
  for (const [parts, whole] of PARTS) {
    const w = counts[whole];
    if (w === null || parts.some((p) => counts[p] === null)) continue;
    const sum = parts.reduce((s, p) => s + (counts[p] as number), 0);
    if (sum > w) {
      const names = parts.join(' + ');
      const i = issue(
        [...base, parts[0] as string],
        'numerator_above_denominator',
        `${names} = ${sum} lớn hơn ${whole} = ${w}`,
        `${names} = ${sum} is greater than ${whole} = ${w}`,
        index,
      );
      issues.push(i);
      for (const p of parts) invalid.set(p, i.message);
    }
  }
  const { totalReceived: r, totalOnTime: o, totalOverdue: d } = counts;
  if (r !== null && o !== null && d !== null && o + d !== r && !invalid.has('totalOnTime')) {
    const i = issue(
      [...base, 'totalOverdue'],
      'inconsistent_totals',
      `totalOnTime + totalOverdue = ${o + d} khác totalReceived = ${r} (Cổng: tiếp nhận = đúng hạn + quá hạn)`,
      `totalOnTime + totalOverdue = ${o + d} differs from totalReceived = ${r} (portal: received = on time + overdue)`,
      index,
    );
    issues.push(i);
    invalid.set('totalOnTime', i.message);
  }
  const ch = [counts.channelOnlineSum, counts.channelDirectSum, counts.channelPostalSum];
  if (counts.channelTotalSum !== null && ch.every((v) => v !== null)) {
    const sum = (ch as number[]).reduce((s, v) => s + v, 0);
    if (sum !== counts.channelTotalSum && !invalid.has('channelOnlineSum')) {
      const i = issue(
        [...base, 'channelTotalSum'],
        'inconsistent_totals',
        `channelOnlineSum + channelDirectSum + channelPostalSum = ${sum} khác channelTotalSum = ${counts.channelTotalSum}`,
        `channelOnlineSum + channelDirectSum + channelPostalSum = ${sum} differs from channelTotalSum = ${counts.channelTotalSum}`,
        index,
      );
      issues.push(i);
      invalid.set('channelOnlineSum', i.message);
    }
  }
  for (const f of COUNT_FIELDS)
    if (!(f in raw) && !invalid.has(f)) invalid.set(f, { vi: 'thiếu', en: 'missing' });
  return { index, counts, invalid };
}

/**
 * Read a counts file (already parsed JSON) into scorable units, with every problem located
 * (`units[3].metrics[1].numerator`, record 4) in Vietnamese and English. Nothing is dropped silently:
 * a unit is either scored (the indicators whose inputs are bad become not available) or listed as
 * rejected; a second unit with the same `unitCode` and `period` is rejected as a duplicate.
 *
 * @example
 * ```ts
 * const { units, issues } = parseCounts(JSON.parse(text));
 * if (issues.length) console.error(formatIssues(issues));
 * const scores = units.map((u) => scoreUnit(u));
 * ```
 */
export function parseCounts(input: unknown): ParsedCounts {
  const issues: ValidationIssue[] = [];
  if (!isObject(input)) {
    return {
      units: [],
      rejected: 0,
      issues: [
        issue(
          [],
          'invalid_type',
          'cần một đối tượng JSON có trường "units"',
          'expected a JSON object with "units"',
        ),
      ],
    };
  }
  const { units: rawUnits, ...envelope } = input;
  const env = CountsFileSchema.omit({ units: true }).safeParse(envelope, { reportInput: true });
  if (!env.success) for (const zi of env.error.issues) issues.push(fromZodIssue(zi));
  if (!Array.isArray(rawUnits)) {
    issues.push(issue(['units'], 'required', 'cần mảng "units"', 'expected an array "units"'));
    return { units: [], issues, rejected: 0 };
  }
  const units: ParsedUnit[] = [];
  const keys = new Map<string, number>();
  let rejected = 0;
  rawUnits.forEach((raw, index) => {
    const u = parseUnit(raw, index, issues);
    if (!u) {
      rejected++;
      return;
    }
    const key = `${u.counts.unitCode}|${u.counts.period}`;
    const prev = keys.get(key);
    if (prev !== undefined) {
      rejected++;
      issues.push(
        issue(
          ['units', index, 'unitCode'],
          'duplicate_unit',
          `đơn vị ${u.counts.unitCode} kỳ ${u.counts.period} trùng với units[${prev}]; bản ghi này không được chấm`,
          `unit ${u.counts.unitCode} for ${u.counts.period} duplicates units[${prev}]; this record is not scored`,
          index,
        ),
      );
      return;
    }
    keys.set(key, index);
    units.push(u);
  });
  return { units, issues, rejected };
}

/** Wrap counts built in code (e.g. by the dossier path) as a parsed unit, validating them the same way. */
export function unitFromCounts(
  counts: UnitCounts,
  index = 0,
): { unit?: ParsedUnit; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const unit = parseUnit(counts, index, issues);
  return unit ? { unit, issues } : { issues };
}

export type { CountField, MetricCode };

/**
 * Sum the counts of several units into one (e.g. the communes of a province): every field and
 * metric is summed; a field that is `null` in any unit is `null` in the sum (a partial sum is not
 * the total). The portal's own province score is computed by the portal over its data — a sum of
 * commune counts is this project's aggregation, documented as such.
 */
export function sumCounts(
  units: readonly UnitCounts[],
  unitCode: string,
  extra: Partial<UnitCounts> = {},
): UnitCounts {
  const first = units[0];
  if (!first) throw new RangeError('sumCounts: no units');
  const out: Record<string, unknown> = { unitCode, period: first.period, ...extra };
  for (const f of COUNT_FIELDS) {
    let total: number | null = 0;
    for (const u of units) total = total === null || u[f] === null ? null : total + (u[f] as number);
    out[f] = total;
  }
  out.metrics = METRIC_CODES.map((metricCode) => {
    let numerator: number | null = 0;
    let denominator: number | null = 0;
    for (const u of units) {
      const m = u.metrics.find((x) => x.metricCode === metricCode);
      numerator = numerator === null || !m || m.numerator === null ? null : numerator + m.numerator;
      denominator = denominator === null || !m || m.denominator === null ? null : denominator + m.denominator;
    }
    return { metricCode, numerator, denominator };
  });
  return out as UnitCounts;
}
