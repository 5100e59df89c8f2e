import type {
  Comparison,
  LocalizedText,
  PlanIssueCode,
  PublishedEdition,
  ValidationIssue,
} from '@cdsx/criteria';
import { communesOfProvince } from '@cdsx/criteria/communes';
import { KPI_DEFINITIONS, type KpiId, type KpiResult } from '@cdsx/kpi';
import type { DecisionRecord, Finding, SummaryRecord } from '@cdsx/rules';
import type { UnitScore } from '@cdsx/score766';
import { type NationalTarget, nationalTarget } from './national';
import type { Indicator, Plan, Target, TargetGroup } from './schema';
import { planHash } from './validate';

/** The evaluation record format identifier. */
export const EVALUATION_FORMAT = 'cdsx-plan-evaluation/1';

/** The year's data a plan is evaluated on. Anything missing makes the targets that need it "not available". */
export interface EvaluationData {
  /** The data period, e.g. `2026`. Decision records of another period are reported and not used. */
  period: string;
  /**
   * Decision records (@cdsx/rules `assess`) of the owner commune, or of the province's communes. Full records
   * are needed for criterion targets (summary records carry no findings).
   */
  records?: readonly (DecisionRecord | SummaryRecord)[];
  /** The owner's KPI results for the period (@cdsx/kpi, grouped by the owner). */
  kpis?: Partial<Record<KpiId, KpiResult>>;
  /** The owner's QĐ 766 score for the period (@cdsx/score766 `scoreUnit`). */
  score766?: UnitScore;
  /** The data is generated (synthetic), not real: carried into the record. */
  synthetic?: boolean;
}

/** Options of {@link evaluatePlan}. */
export interface EvaluateOptions {
  /** The plan's catalog edition (its version must equal `plan.catalogVersion`). */
  edition: PublishedEdition;
  /** The previous year's evaluation: "compared with the previous year" uses its actuals. */
  previous?: PlanEvaluation;
}

export type TargetStatus = 'met' | 'not_met' | 'not_available';
export type Trend = 'improving' | 'worsening' | 'unchanged' | 'not_available';

/** A commune named in a commune-aggregate result. */
export interface CommuneRef {
  code: string;
  name: string | null;
  /** What it has: its level, or the criterion's observed value (`null` when missing). */
  value: number | boolean | null;
  reason?: LocalizedText;
}

/** Result of one target. */
export interface TargetEvaluation {
  id: string;
  group: TargetGroup;
  title?: LocalizedText;
  indicator: Indicator;
  comparison: Comparison;
  target: number | boolean;
  source: string;
  proposal?: true;
  /** The measured value; `null` when not available (never a silent 0). */
  actual: number | boolean | null;
  /** When the exact value is unknown but bounded (communes without data): the lowest and highest possible. */
  range?: [number, number];
  status: TargetStatus;
  /** Why the status is `not_available`. */
  reason?: LocalizedText;
  /** How far the actual is from the target (0 when met); `null` for true/false targets and when not available. */
  gap: number | null;
  /** The previous year's value: from the previous evaluation, else from the plan's baseline. */
  previous: {
    year: number | null;
    value: number | boolean | null;
    from: 'previous_evaluation' | 'baseline';
  } | null;
  /** `actual − previous` for numbers. */
  change: number | null;
  trend: Trend;
  /** Comparison with the national target the target derives from. */
  national: {
    id: string;
    value: number;
    comparison: Comparison;
    /** `not_comparable`: the national target is measured by another indicator, or by none of this project. */
    status: TargetStatus | 'not_comparable';
    source: NationalTarget['source'];
  } | null;
  /** For commune aggregates: how many communes, which hold the target back, which are unknown. */
  aggregate?: {
    communes: number;
    counted: number;
    notApplicable: number;
    holdingBack: CommuneRef[];
    unknown: CommuneRef[];
  };
}

/** A deterministic evaluation record: the same plan and data give byte-identical JSON. */
export interface PlanEvaluation {
  format: typeof EVALUATION_FORMAT;
  plan: {
    owner: Plan['owner'];
    year: number;
    status: Plan['status'];
    example: boolean;
    issuingDocument: Plan['issuingDocument'] | null;
    contentHash: string;
  };
  catalog: { id: string; version: string; contentHash: string };
  period: string;
  data: {
    records: number;
    kpis: boolean;
    score766: { profile: { id: string; contentHash: string }; period: string } | null;
    synthetic: boolean;
  };
  previous: { period: string; planContentHash: string } | null;
  summary: { targets: number; met: number; notMet: number; notAvailable: number };
  targets: TargetEvaluation[];
  /** Problems with the data (records of another period, catalog or province; duplicates). */
  issues: ValidationIssue[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A stable key for an indicator (to match targets across years). */
export function indicatorKey(ind: Indicator): string {
  switch (ind.kind) {
    case 'kpi':
      return `kpi:${ind.kpi}`;
    case 'criterion_value':
      return `criterion_value:${ind.criterion}`;
    case 'criterion_met':
      return `criterion_met:${ind.criterion}@${ind.level}`;
    case 'score766_group':
      return `score766_group:${ind.group}`;
    case 'share_at_level':
      return `share_at_level:${ind.level}`;
    case 'share_meeting':
      return `share_meeting:${ind.criterion}@${ind.level}`;
    default:
      return ind.kind;
  }
}

/** Whether `actual` satisfies `comparison value`. */
export function satisfies(
  actual: number | boolean,
  comparison: Comparison,
  value: number | boolean,
): boolean {
  if (typeof actual === 'boolean' || typeof value === 'boolean') return actual === value;
  if (comparison === '>=') return actual >= value;
  if (comparison === '<=') return actual <= value;
  return actual === value;
}

function gapOf(
  actual: number | boolean | null,
  comparison: Comparison,
  value: number | boolean,
): number | null {
  if (typeof actual !== 'number' || typeof value !== 'number') return null;
  if (comparison === '>=') return round2(Math.max(0, value - actual));
  if (comparison === '<=') return round2(Math.max(0, actual - value));
  return round2(Math.abs(actual - value));
}

/** Improving / worsening / unchanged, in the direction the target asks for. */
function trendOf(
  actual: number | boolean | null,
  previous: number | boolean | null,
  comparison: Comparison,
  value: number | boolean,
): Trend {
  if (actual === null || previous === null || typeof actual !== typeof previous) return 'not_available';
  if (typeof actual === 'boolean') {
    if (actual === previous) return 'unchanged';
    return actual === value ? 'improving' : 'worsening';
  }
  const a = actual as number;
  const p = previous as number;
  let better: number;
  if (comparison === '>=') better = a - p;
  else if (comparison === '<=') better = p - a;
  else better = Math.abs(p - (value as number)) - Math.abs(a - (value as number));
  if (Math.abs(better) < 1e-9) return 'unchanged';
  return better > 0 ? 'improving' : 'worsening';
}

interface Measured {
  actual: number | boolean | null;
  range?: [number, number];
  reason?: LocalizedText;
  aggregate?: TargetEvaluation['aggregate'];
}

const NA = (vi: string, en: string): Measured => ({ actual: null, reason: { vi, en } });

/** Status from a value or from bounds (when the bounds decide it for an order comparison). */
function statusOf(m: Measured, comparison: Comparison, value: number | boolean): TargetStatus {
  if (m.actual !== null) return satisfies(m.actual, comparison, value) ? 'met' : 'not_met';
  if (m.range && typeof value === 'number' && comparison !== '=') {
    const [lo, hi] = m.range;
    const worst = comparison === '>=' ? lo : hi;
    const best = comparison === '>=' ? hi : lo;
    if (satisfies(worst, comparison, value)) return 'met';
    if (!satisfies(best, comparison, value)) return 'not_met';
  }
  return 'not_available';
}

interface Context {
  plan: Plan;
  data: EvaluationData;
  /** The owner commune's record (commune plans). */
  own: DecisionRecord | SummaryRecord | undefined;
  ownReason: LocalizedText | undefined;
  /** Records by commune code (province plans); `null` for a commune with conflicting records. */
  byCommune: Map<string, DecisionRecord | SummaryRecord | null>;
  communes: readonly { code: string; name: string }[];
}

function findingOf(
  r: DecisionRecord | SummaryRecord,
  criterion: string,
  level?: number,
): Finding | undefined | null {
  if (!('findings' in r)) return null;
  return r.findings.find((f) => f.criterion === criterion && (level === undefined || f.level === level));
}

function measureCommune(ind: Indicator, ctx: Context): Measured {
  const r = ctx.own;
  if (!r) return { actual: null, reason: ctx.ownReason! };
  if (ind.kind === 'commune_level') {
    if (!r.provisional || r.possibleLevel === r.level.level) return { actual: r.level.level };
    return {
      actual: null,
      range: [r.level.level, r.possibleLevel],
      reason: {
        vi: `mức tạm thời ${r.level.level}, có thể đến ${r.possibleLevel} khi đủ số liệu`,
        en: `provisional level ${r.level.level}, up to ${r.possibleLevel} with the missing data`,
      },
    };
  }
  if (ind.kind !== 'criterion_value' && ind.kind !== 'criterion_met')
    throw new Error(`not a commune indicator: ${ind.kind}`);
  const f = findingOf(r, ind.criterion, ind.kind === 'criterion_met' ? ind.level : undefined);
  if (f === null)
    return NA(
      'bản ghi quyết định dạng tóm tắt (không có kết quả từng tiêu chí)',
      'summary decision record (no per-criterion findings)',
    );
  if (!f)
    return NA(`không có kết quả của tiêu chí ${ind.criterion}`, `no finding for criterion ${ind.criterion}`);
  if (ind.kind === 'criterion_value') {
    if (f.observed === null)
      return NA(`tiêu chí ${ind.criterion} chưa có số liệu`, `criterion ${ind.criterion} has no value`);
    return { actual: f.observed };
  }
  if (f.outcome === 'met') return { actual: true };
  if (f.outcome === 'not_met') return { actual: false };
  if (f.outcome === 'not_applicable')
    return NA(
      `tiêu chí ${ind.criterion} không áp dụng ở mức ${ind.level} cho nhóm địa bàn của xã`,
      `criterion ${ind.criterion} does not apply at level ${ind.level} for the commune's area group`,
    );
  return NA(`tiêu chí ${ind.criterion} chưa có số liệu`, `criterion ${ind.criterion} has no value`);
}

function measureShare(ind: Indicator & { kind: 'share_at_level' | 'share_meeting' }, ctx: Context): Measured {
  let yes = 0;
  let notApplicable = 0;
  const holdingBack: CommuneRef[] = [];
  const unknown: CommuneRef[] = [];
  for (const c of ctx.communes) {
    const r = ctx.byCommune.get(c.code);
    const ref = (value: number | boolean | null, reason?: LocalizedText): CommuneRef => ({
      code: c.code,
      name: c.name,
      value,
      ...(reason ? { reason } : {}),
    });
    if (r === undefined) {
      unknown.push(ref(null, { vi: 'không có đánh giá', en: 'no assessment' }));
      continue;
    }
    if (r === null) {
      unknown.push(ref(null, { vi: 'nhiều đánh giá mâu thuẫn', en: 'conflicting assessments' }));
      continue;
    }
    if (ind.kind === 'share_at_level') {
      if (r.level.level >= ind.level) yes++;
      else if (r.possibleLevel < ind.level) holdingBack.push(ref(r.level.level));
      else
        unknown.push(
          ref(r.level.level, {
            vi: `mức tạm thời ${r.level.level}, có thể đến ${r.possibleLevel}`,
            en: `provisional level ${r.level.level}, up to ${r.possibleLevel}`,
          }),
        );
      continue;
    }
    const f = findingOf(r, ind.criterion, ind.level);
    if (f === null) unknown.push(ref(null, { vi: 'bản ghi tóm tắt', en: 'summary record' }));
    else if (!f) unknown.push(ref(null, { vi: 'không có kết quả tiêu chí', en: 'no finding' }));
    else if (f.outcome === 'met') yes++;
    else if (f.outcome === 'not_met') holdingBack.push(ref(f.observed));
    else if (f.outcome === 'not_applicable') notApplicable++;
    else unknown.push(ref(null, { vi: 'chưa có số liệu', en: 'no value' }));
  }
  const denominator = ctx.communes.length - notApplicable;
  const aggregate = {
    communes: ctx.communes.length,
    counted: yes,
    notApplicable,
    holdingBack,
    unknown,
  };
  if (denominator === 0)
    return {
      ...NA('không có xã nào để tính tỷ lệ', 'no commune to compute a share over'),
      aggregate,
    };
  const lo = (100 * yes) / denominator;
  const hi = (100 * (yes + unknown.length)) / denominator;
  if (!unknown.length) return { actual: lo, aggregate };
  return {
    actual: null,
    range: [round2(lo), round2(hi)],
    reason: {
      vi: `${unknown.length}/${denominator} xã chưa xác định`,
      en: `${unknown.length} of ${denominator} communes unknown`,
    },
    aggregate,
  };
}

function measure(ind: Indicator, ctx: Context): Measured {
  const { data } = ctx;
  switch (ind.kind) {
    case 'kpi': {
      const k = data.kpis?.[ind.kpi as KpiId];
      if (!data.kpis) return NA('không có số liệu hồ sơ, TTHC', 'no dossier or procedure data');
      if (!k || k.value === null) {
        const def = KPI_DEFINITIONS[ind.kpi as KpiId];
        return {
          actual: null,
          reason: k?.reason?.message ?? {
            vi: `không có ${def.denominator.vi} để tính`,
            en: `no ${def.denominator.en} to compute it`,
          },
        };
      }
      return { actual: k.value };
    }
    case 'score766_total':
    case 'score766_group': {
      const s = data.score766;
      if (!s) return NA('không có điểm Bộ chỉ số 766', 'no QĐ 766 score');
      const g =
        ind.kind === 'score766_total'
          ? s.total
          : (
              [...s.groups, ...s.officialGroups] as Array<{
                id: string;
                points: number | null;
                partial: boolean;
                notAvailable: string[];
              }>
            ).find((x) => x.id === ind.group);
      if (!g) return NA('không có nhóm này trong điểm 766', 'no such group in the QĐ 766 score');
      if (g.points === null || g.partial)
        return NA(
          `điểm chưa đủ: thiếu ${g.notAvailable.join(', ')}`,
          `partial score: ${g.notAvailable.join(', ')} not available`,
        );
      return { actual: g.points };
    }
    case 'share_at_level':
    case 'share_meeting':
      return measureShare(ind, ctx);
    default:
      return measureCommune(ind, ctx);
  }
}

function nationalOf(t: Target, actual: Measured): TargetEvaluation['national'] {
  if (!t.nationalTarget) return null;
  const n = nationalTarget(t.nationalTarget);
  if (!n) return null;
  const comparable = n.kpi !== null && t.indicator.kind === 'kpi' && t.indicator.kpi === n.kpi;
  return {
    id: n.id,
    value: n.value,
    comparison: n.comparison,
    status: comparable ? statusOf(actual, n.comparison, n.value) : 'not_comparable',
    source: n.source,
  };
}

function recordIssue(
  index: number,
  code: PlanIssueCode | 'catalog_version_mismatch' | 'unlisted_commune',
  message: LocalizedText,
): ValidationIssue {
  return { path: `records[${index}]`, segments: ['records', index], record: index, code, message };
}

/**
 * Evaluate a (validated) plan on the year's data: per target the actual, its status (met / not met / not
 * available — never a silent 0), the distance to the target, the change from the previous year (previous
 * evaluation, else the plan's baseline), the comparison with the national target it derives from, and for
 * commune aggregates the communes holding it back. The record names the plan's content hash, the catalog
 * edition and hash, and the data period; it contains no clock time, so it is deterministic.
 */
export function evaluatePlan(plan: Plan, data: EvaluationData, options: EvaluateOptions): PlanEvaluation {
  const { edition } = options;
  if (edition.edition.version !== plan.catalogVersion) {
    throw new RangeError(
      `edition ${edition.edition.version} given for a plan on catalog ${plan.catalogVersion}`,
    );
  }
  const issues: ValidationIssue[] = [];
  const byCommune = new Map<string, DecisionRecord | SummaryRecord | null>();
  const first = new Map<string, number>();
  const records = data.records ?? [];
  records.forEach((r, i) => {
    if (r.catalog.version !== plan.catalogVersion) {
      issues.push(
        recordIssue(i, 'catalog_version_mismatch', {
          vi: `bản ghi của xã ${r.commune.code} theo bộ tiêu chí ${r.catalog.version}, kế hoạch theo ${plan.catalogVersion}: không dùng`,
          en: `record of commune ${r.commune.code} uses catalog ${r.catalog.version}, the plan ${plan.catalogVersion}: not used`,
        }),
      );
      return;
    }
    if (r.period !== data.period) {
      issues.push(
        recordIssue(i, 'period_mismatch', {
          vi: `bản ghi của xã ${r.commune.code} thuộc kỳ ${r.period}, không phải ${data.period}: không dùng`,
          en: `record of commune ${r.commune.code} is for period ${r.period}, not ${data.period}: not used`,
        }),
      );
      return;
    }
    const owned =
      plan.owner.level === 'commune'
        ? r.commune.code === plan.owner.code
        : r.commune.provinceCode === plan.owner.code;
    if (!owned) {
      issues.push(
        recordIssue(i, 'outside_owner', {
          vi: `bản ghi của xã ${r.commune.code} không thuộc ${plan.owner.level === 'commune' ? 'xã' : 'tỉnh'} ${plan.owner.code}: không dùng`,
          en: `record of commune ${r.commune.code} is outside ${plan.owner.level} ${plan.owner.code}: not used`,
        }),
      );
      return;
    }
    const seen = first.get(r.commune.code);
    if (seen !== undefined) {
      issues.push(
        recordIssue(i, 'duplicate_commune', {
          vi: `xã ${r.commune.code} có bản ghi thứ hai (đầu tiên: records[${seen}]): xã được coi là chưa xác định`,
          en: `second record for commune ${r.commune.code} (first: records[${seen}]): the commune counts as unknown`,
        }),
      );
      byCommune.set(r.commune.code, null);
      return;
    }
    first.set(r.commune.code, i);
    byCommune.set(r.commune.code, r);
  });
  const communes =
    plan.owner.level === 'province'
      ? communesOfProvince(plan.owner.code).map((c) => ({ code: c.code, name: c.name }))
      : [];
  if (plan.owner.level === 'province') {
    const listed = new Set(communes.map((c) => c.code));
    for (const [code] of byCommune) {
      if (!listed.has(code)) {
        issues.push(
          recordIssue(first.get(code) ?? 0, 'unlisted_commune', {
            vi: `xã ${code} không có trong danh sách đơn vị hành chính của tỉnh ${plan.owner.code}: không tính vào tỷ lệ`,
            en: `commune ${code} is not in province ${plan.owner.code}'s list of units: not counted in shares`,
          }),
        );
      }
    }
  }
  const ownEntry = plan.owner.level === 'commune' ? byCommune.get(plan.owner.code) : undefined;
  const ctx: Context = {
    plan,
    data,
    own: ownEntry ?? undefined,
    ownReason:
      ownEntry === null
        ? { vi: 'nhiều đánh giá mâu thuẫn của xã', en: 'conflicting assessments of the commune' }
        : { vi: 'không có đánh giá của xã trong kỳ', en: 'no assessment of the commune for the period' },
    byCommune,
    communes,
  };
  const prevByKey = new Map<string, TargetEvaluation>();
  for (const p of options.previous?.targets ?? []) prevByKey.set(indicatorKey(p.indicator), p);

  const targets = plan.targets.map((t): TargetEvaluation => {
    const m = measure(t.indicator, ctx);
    const status = statusOf(m, t.comparison, t.value);
    const p = prevByKey.get(indicatorKey(t.indicator));
    const previous: TargetEvaluation['previous'] =
      p && p.actual !== null
        ? {
            year: Number.parseInt(options.previous!.period, 10) || null,
            value: p.actual,
            from: 'previous_evaluation',
          }
        : t.baseline
          ? { year: t.baseline.year, value: t.baseline.value, from: 'baseline' }
          : null;
    const prevValue = previous?.value ?? null;
    const change =
      typeof m.actual === 'number' && typeof prevValue === 'number' ? round2(m.actual - prevValue) : null;
    const out: TargetEvaluation = {
      id: t.id,
      group: t.group,
      ...(t.title ? { title: t.title } : {}),
      indicator: t.indicator,
      comparison: t.comparison,
      target: t.value,
      source: t.source,
      ...(t.proposal ? { proposal: true as const } : {}),
      actual: m.actual,
      ...(m.range ? { range: m.range } : {}),
      status,
      ...(status === 'not_available' && m.reason ? { reason: m.reason } : {}),
      gap: status === 'not_available' ? null : gapOf(m.actual, t.comparison, t.value),
      previous,
      change,
      trend: trendOf(m.actual, prevValue, t.comparison, t.value),
      national: nationalOf(t, m),
      ...(m.aggregate ? { aggregate: m.aggregate } : {}),
    };
    return out;
  });
  const count = (s: TargetStatus) => targets.filter((t) => t.status === s).length;
  return {
    format: EVALUATION_FORMAT,
    plan: {
      owner: plan.owner,
      year: plan.year,
      status: plan.status,
      example: plan.example === true,
      issuingDocument: plan.issuingDocument ?? null,
      contentHash: planHash(plan),
    },
    catalog: { id: edition.edition.id, version: edition.edition.version, contentHash: edition.contentHash },
    period: data.period,
    data: {
      records: records.length,
      kpis: data.kpis !== undefined,
      score766: data.score766 ? { profile: data.score766.profile, period: data.score766.period } : null,
      synthetic: data.synthetic === true || records.some((r) => r.synthetic),
    },
    previous: options.previous
      ? { period: options.previous.period, planContentHash: options.previous.plan.contentHash }
      : null,
    summary: {
      targets: targets.length,
      met: count('met'),
      notMet: count('not_met'),
      notAvailable: count('not_available'),
    },
    targets,
    issues,
  };
}
