import {
  type CatalogEdition,
  contentHashOf,
  type LocalizedText,
  loadedEditions,
  type ParseResult,
  type PathSegment,
  type PlanIssueCode,
  type PublishedEdition,
  type ValidationIssue,
} from '@cdsx/criteria';
import { communeByCode, provinceByCode } from '@cdsx/criteria/communes';
import { formatPath, fromZodError } from '@cdsx/criteria/internal';
import { KPI_IDS } from '@cdsx/kpi';
import { OFFICIAL_GROUP_IDS, PORTAL_GROUP_IDS } from '@cdsx/score766';
import { nationalTarget } from './national';
import { type Indicator, type Plan, PlanSchema, type Target } from './schema';

/** Editions a plan may name: one edition, or a list (default: the editions loaded so far). */
export type PlanEditions = CatalogEdition | PublishedEdition | readonly PublishedEdition[];

/** Issue codes of plan validation and evaluation: their one home is @cdsx/criteria's closed `IssueCode` union. */
export type { PlanIssueCode } from '@cdsx/criteria';

/** The edition with this version among `from`, with its content hash. */
export function editionOf(
  version: string,
  from: PlanEditions = loadedEditions(),
): PublishedEdition | undefined {
  const list: readonly PublishedEdition[] = Array.isArray(from)
    ? (from as readonly PublishedEdition[])
    : 'edition' in (from as PublishedEdition)
      ? [from as PublishedEdition]
      : [{ edition: from as CatalogEdition, contentHash: contentHashOf(from) }];
  return list.find((e) => e.edition.version === version);
}

const issue = (segments: PathSegment[], code: PlanIssueCode, message: LocalizedText): ValidationIssue => ({
  path: formatPath(segments),
  segments,
  code,
  message,
});

const COMMUNE_ONLY = new Set<Indicator['kind']>(['criterion_value', 'criterion_met', 'commune_level']);
const PROVINCE_ONLY = new Set<Indicator['kind']>(['share_at_level', 'share_meeting']);
const SCORE766_GROUPS: readonly string[] = [...PORTAL_GROUP_IDS, ...OFFICIAL_GROUP_IDS];

/** What the target value of an indicator must be: a number in a range, or a boolean. */
function expectedValue(
  ind: Indicator,
  edition: CatalogEdition,
): { kind: 'boolean' } | { kind: 'number'; min: number; max: number; unit: LocalizedText } | null {
  switch (ind.kind) {
    case 'kpi':
    case 'share_at_level':
    case 'share_meeting':
      return { kind: 'number', min: 0, max: 100, unit: { vi: 'phần trăm', en: 'percent' } };
    case 'score766_total':
    case 'score766_group':
      return { kind: 'number', min: 0, max: 100, unit: { vi: 'điểm', en: 'points' } };
    case 'commune_level': {
      const levels = edition.levels.map((l) => l.level);
      return {
        kind: 'number',
        min: Math.min(...levels),
        max: Math.max(...levels),
        unit: { vi: 'mức', en: 'level' },
      };
    }
    case 'criterion_met':
      return { kind: 'boolean' };
    case 'criterion_value': {
      const c = edition.criteria.find((x) => x.id === ind.criterion);
      if (!c) return null;
      if (c.measure === 'boolean') return { kind: 'boolean' };
      if (c.measure === 'percentage')
        return { kind: 'number', min: 0, max: 100, unit: { vi: 'phần trăm', en: 'percent' } };
      return { kind: 'number', min: 0, max: Number.MAX_SAFE_INTEGER, unit: { vi: 'số', en: 'number' } };
    }
  }
}

/** Problems of one target that make its indicator uncomputable or its value meaningless. */
function targetIssues(plan: Plan, t: Target, i: number, edition: CatalogEdition): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const at = (...rest: PathSegment[]): PathSegment[] => ['targets', i, ...rest];
  const ind = t.indicator;
  const levels = edition.levels.map((l) => l.level);
  if (plan.owner.level === 'commune' && PROVINCE_ONLY.has(ind.kind)) {
    out.push(
      issue(at('indicator', 'kind'), 'aggregate_on_commune_plan', {
        vi: `chỉ tiêu "${ind.kind}" là tỷ lệ trên các xã của tỉnh, không tính được cho kế hoạch của một xã`,
        en: `"${ind.kind}" is a share over a province's communes and cannot be computed for a commune's plan`,
      }),
    );
  }
  if (plan.owner.level === 'province' && COMMUNE_ONLY.has(ind.kind)) {
    out.push(
      issue(at('indicator', 'kind'), 'commune_indicator_on_province_plan', {
        vi: `chỉ tiêu "${ind.kind}" là của một xã; kế hoạch của tỉnh dùng "share_meeting" hoặc "share_at_level"`,
        en: `"${ind.kind}" belongs to one commune; a province plan uses "share_meeting" or "share_at_level"`,
      }),
    );
  }
  if (ind.kind === 'kpi' && !(KPI_IDS as readonly string[]).includes(ind.kpi)) {
    out.push(
      issue(at('indicator', 'kpi'), 'unknown_kpi', {
        vi: `không có chỉ số KPI "${ind.kpi}"; các mã hợp lệ: ${KPI_IDS.join(', ')}`,
        en: `no KPI "${ind.kpi}"; known ids: ${KPI_IDS.join(', ')}`,
      }),
    );
  }
  if (ind.kind === 'score766_group' && !SCORE766_GROUPS.includes(ind.group)) {
    out.push(
      issue(at('indicator', 'group'), 'unknown_score766_group', {
        vi: `không có nhóm chỉ số 766 "${ind.group}"; các nhóm: ${SCORE766_GROUPS.join(', ')}`,
        en: `no QĐ 766 group "${ind.group}"; groups: ${SCORE766_GROUPS.join(', ')}`,
      }),
    );
  }
  if ('criterion' in ind && !edition.criteria.some((c) => c.id === ind.criterion)) {
    out.push(
      issue(at('indicator', 'criterion'), 'unknown_criterion', {
        vi: `tiêu chí "${ind.criterion}" không có trong bộ tiêu chí ${edition.id} ${edition.version}`,
        en: `criterion "${ind.criterion}" is not in catalog ${edition.id} ${edition.version}`,
      }),
    );
  }
  if ('level' in ind && !levels.includes(ind.level)) {
    out.push(
      issue(at('indicator', 'level'), 'unknown_level', {
        vi: `bộ tiêu chí ${edition.version} không có mức ${ind.level} (các mức: ${levels.join(', ')})`,
        en: `catalog ${edition.version} has no level ${ind.level} (levels: ${levels.join(', ')})`,
      }),
    );
  }
  const expected = expectedValue(ind, edition);
  const checkValue = (v: unknown, path: PathSegment[]) => {
    if (!expected || v === null || v === undefined) return;
    if (expected.kind === 'boolean' && typeof v !== 'boolean') {
      out.push(
        issue(path, 'value_type_mismatch', {
          vi: `cần true hoặc false (tiêu chí đạt / không đạt), nhận ${JSON.stringify(v)}`,
          en: `expected true or false (criterion met or not), got ${JSON.stringify(v)}`,
        }),
      );
    } else if (expected.kind === 'number') {
      if (typeof v !== 'number') {
        out.push(
          issue(path, 'value_type_mismatch', {
            vi: `cần một số (${expected.unit.vi}), nhận ${JSON.stringify(v)}`,
            en: `expected a number (${expected.unit.en}), got ${JSON.stringify(v)}`,
          }),
        );
      } else if (v < expected.min || v > expected.max) {
        out.push(
          issue(path, 'value_out_of_range', {
            vi: `${v} ngoài khoảng ${expected.min}–${expected.max} (${expected.unit.vi})`,
            en: `${v} is outside ${expected.min}–${expected.max} (${expected.unit.en})`,
          }),
        );
      }
    }
  };
  checkValue(t.value, at('value'));
  if (t.baseline) checkValue(t.baseline.value, at('baseline', 'value'));
  if (expected?.kind === 'boolean' && t.comparison !== '=') {
    out.push(
      issue(at('comparison'), 'comparison_not_allowed', {
        vi: `chỉ tiêu đúng/sai chỉ dùng phép so sánh "=", không dùng "${t.comparison}"`,
        en: `a true/false target takes the comparison "=", not "${t.comparison}"`,
      }),
    );
  }
  if (t.baseline && t.baseline.year >= plan.year) {
    out.push(
      issue(at('baseline', 'year'), 'baseline_year', {
        vi: `năm cơ sở ${t.baseline.year} phải trước năm kế hoạch ${plan.year}`,
        en: `baseline year ${t.baseline.year} must come before the plan year ${plan.year}`,
      }),
    );
  }
  if (t.nationalTarget !== undefined && !nationalTarget(t.nationalTarget)) {
    out.push(
      issue(at('nationalTarget'), 'unknown_national_target', {
        vi: `không có chỉ tiêu quốc gia "${t.nationalTarget}" (xem NATIONAL_TARGETS)`,
        en: `no national target "${t.nationalTarget}" (see NATIONAL_TARGETS)`,
      }),
    );
  }
  return out;
}

/**
 * Validate a plan: the schema, then that every target is computable — its KPI, criterion, level or QĐ 766
 * group exists (criteria and levels in the plan's catalog edition), the indicator fits the owner (no commune
 * aggregate on a commune plan, no single-commune indicator on a province plan), the target value has the
 * indicator's type and range, and the national target it cites exists. Every problem is located by path,
 * in Vietnamese and English; all problems are reported, not only the first.
 *
 * @example
 * const r = validatePlan(JSON.parse(text), getEdition('0.2.0').value);
 * if (!r.ok) console.error(formatIssues(r.issues));
 */
export function validatePlan(input: unknown, editions?: PlanEditions): ParseResult<Plan> {
  const parsed = PlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZodError(parsed.error) };
  const plan = parsed.data;
  const issues: ValidationIssue[] = [];
  const { owner } = plan;
  if (owner.level === 'province' && !provinceByCode(owner.code)) {
    issues.push(
      issue(['owner', 'code'], 'unknown_owner', {
        vi: `không có tỉnh, thành phố với mã "${owner.code}"`,
        en: `no province has the code "${owner.code}"`,
      }),
    );
  }
  if (owner.level === 'commune' && !communeByCode(owner.code)) {
    issues.push(
      issue(['owner', 'code'], 'unknown_owner', {
        vi: `không có xã, phường, đặc khu với mã "${owner.code}"`,
        en: `no commune has the code "${owner.code}"`,
      }),
    );
  }
  if (plan.status === 'issued' && !plan.issuingDocument) {
    issues.push(
      issue(['issuingDocument'], 'missing_issuing_document', {
        vi: 'kế hoạch đã ban hành cần văn bản ban hành (số, ngày)',
        en: 'an issued plan needs its issuing document (number, date)',
      }),
    );
  }
  const seen = new Map<string, number>();
  plan.targets.forEach((t, i) => {
    const first = seen.get(t.id);
    if (first !== undefined) {
      issues.push(
        issue(['targets', i, 'id'], 'duplicate_target', {
          vi: `mã chỉ tiêu "${t.id}" trùng với targets[${first}]`,
          en: `target id "${t.id}" duplicates targets[${first}]`,
        }),
      );
    } else seen.set(t.id, i);
  });
  const published = editionOf(plan.catalogVersion, editions);
  if (!published) {
    issues.push(
      issue(['catalogVersion'], 'unknown_catalog_version', {
        vi: `không có bộ tiêu chí phiên bản ${plan.catalogVersion}`,
        en: `no catalog edition ${plan.catalogVersion}`,
      }),
    );
  } else {
    plan.targets.forEach((t, i) => {
      issues.push(...targetIssues(plan, t, i, published.edition));
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: plan };
}

/** The content hash of a plan (canonical JSON, `$schema` left out), named by every evaluation. */
export function planHash(plan: Plan): string {
  const { $schema: _ignored, ...rest } = plan;
  return contentHashOf(rest);
}
