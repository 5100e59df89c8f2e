import {
  type ApplicableRequirement,
  AreaGroupSchema,
  type CatalogEdition,
  type Criterion,
  CriterionSchema,
  compareThresholds,
  contentHashOf,
  type IssueCode,
  LocalizedTextSchema,
  lintCatalog,
  type ParseResult,
  ProvinceCodeSchema,
  SemverSchema,
  type ValidationIssue,
  valueSchemaFor,
} from '@cdsx/criteria';
import { formatPath, fromZodError } from '@cdsx/criteria/internal';
import { z } from 'zod';

/** One tightening of an edition's requirement for one criterion × area group × level. */
export const TighteningSchema = z
  .strictObject({
    /** An edition criterion id (an overlay's own criteria are written in full under `addCriteria`). */
    criterion: z.string(),
    areaGroup: AreaGroupSchema,
    /** The level (1, 2, 3…) whose requirement is tightened. */
    level: z.int().min(1).max(9),
    /** A stricter threshold: higher for `>=`, lower for `<=`. */
    threshold: z.union([z.number(), z.boolean()]).optional(),
    /** `mandatory` makes an extended requirement mandatory; a mandatory one is never made `extended`. */
    kind: z.enum(['mandatory', 'extended']).optional(),
    /** Why the province asks more. */
    reason: LocalizedTextSchema.optional(),
  })
  .meta({
    id: 'OverlayTightening',
    description: 'Tighten one requirement: a stricter threshold and/or mandatory.',
  });
export type Tightening = z.infer<typeof TighteningSchema>;

/**
 * Bộ tiêu chí bổ sung của tỉnh — a province overlay: the province's own criteria and stricter thresholds
 * on top of one catalog edition, without forking it.
 *
 * @example
 * ```json
 * { "id": "hanoi-2026", "province": "01", "baseEdition": { "version": "0.1.0" },
 *   "title": { "vi": "Tiêu chí bổ sung của Hà Nội", "en": "Hà Nội additions" },
 *   "addCriteria": [ { "id": "P01.DV.01", … } ],
 *   "tighten": [ { "criterion": "DV.01", "areaGroup": "urban", "level": 2, "threshold": 90 } ] }
 * ```
 */
export const OverlaySchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** Overlay id, e.g. `hanoi-2026`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** Mã tỉnh: the overlay applies to this province's communes only. */
    province: ProvinceCodeSchema,
    /** The edition the overlay builds on; `contentHash` pins its exact content. */
    baseEdition: z.strictObject({
      version: SemverSchema,
      contentHash: z
        .string()
        .regex(/^sha256:[0-9a-f]{64}$/)
        .optional(),
    }),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    /** The province's own criteria; ids start with `P<province code>.`, e.g. `P01.DV.01`. */
    addCriteria: z.array(CriterionSchema).optional(),
    /** Stricter requirements for edition criteria. */
    tighten: z.array(TighteningSchema).optional(),
  })
  .meta({
    id: 'ProvinceOverlay',
    description:
      'Bộ tiêu chí bổ sung của tỉnh / province overlay: own criteria and tightened thresholds on top of one catalog edition.',
  });
/** A validated province overlay. */
export type Overlay = z.infer<typeof OverlaySchema>;

/** An overlay applied to its edition: the effective catalog plus what the decision record names. */
export interface AppliedOverlay {
  readonly overlay: Overlay;
  /** `sha256:` content hash of the overlay's canonical JSON. */
  readonly contentHash: string;
  /** The edition with the overlay's criteria added and thresholds tightened (same id and version). */
  readonly edition: CatalogEdition;
}

function issue(path: PropertyKey[], code: IssueCode, vi: string, en: string): ValidationIssue {
  return { path: formatPath(path), code, message: { vi, en } };
}

/**
 * Validate a province overlay against its base edition and apply it. Rejected, with located bilingual
 * issues: a malformed overlay; a base version or content hash other than the edition's; added criterion
 * ids without the `P<province>.` prefix or clashing with the edition; any tightening that loosens a
 * threshold, turns mandatory into extended, changes an exact (`=`) threshold, targets an unknown criterion,
 * an unknown level or a not-applicable requirement.
 *
 * @example
 * const r = applyOverlay(edition, contentHash, JSON.parse(text));
 * if (!r.ok) console.error(formatIssues(r.issues));
 * else assess(assessment, { edition, overlays: [r.value.overlay] });
 */
export function applyOverlay(
  edition: CatalogEdition,
  editionHash: string,
  input: unknown,
): ParseResult<AppliedOverlay> {
  const parsed = OverlaySchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodError(parsed.error) };
  const overlay = parsed.data;
  const issues: ValidationIssue[] = [];

  if (overlay.baseEdition.version !== edition.version) {
    issues.push(
      issue(
        ['baseEdition', 'version'],
        'overlay_base_mismatch',
        `bộ tiêu chí bổ sung dựa trên phiên bản ${overlay.baseEdition.version}, không phải ${edition.version}`,
        `the overlay builds on catalog ${overlay.baseEdition.version}, not ${edition.version}`,
      ),
    );
  }
  if (overlay.baseEdition.contentHash !== undefined && overlay.baseEdition.contentHash !== editionHash) {
    issues.push(
      issue(
        ['baseEdition', 'contentHash'],
        'overlay_base_mismatch',
        `mã băm ${overlay.baseEdition.contentHash} không khớp với bộ tiêu chí ${edition.version} (${editionHash})`,
        `content hash ${overlay.baseEdition.contentHash} does not match catalog ${edition.version} (${editionHash})`,
      ),
    );
  }

  const byId = new Map(edition.criteria.map((c) => [c.id, c]));
  const levelKeys = new Set(edition.levels.filter((l) => l.level > 0).map((l) => String(l.level)));
  const prefix = `P${overlay.province}.`;
  const added = overlay.addCriteria ?? [];
  const seen = new Set<string>();
  added.forEach((c, i) => {
    if (!c.id.startsWith(prefix)) {
      issues.push(
        issue(
          ['addCriteria', i, 'id'],
          'overlay_criterion_prefix',
          `mã tiêu chí của tỉnh phải bắt đầu bằng "${prefix}", nhận được "${c.id}"`,
          `a province criterion id must start with "${prefix}", got "${c.id}"`,
        ),
      );
    }
    if (byId.has(c.id) || seen.has(c.id)) {
      issues.push(
        issue(
          ['addCriteria', i, 'id'],
          'overlay_duplicate_criterion',
          `mã tiêu chí "${c.id}" đã có trong bộ tiêu chí hoặc bị lặp`,
          `criterion id "${c.id}" already exists in the edition or is repeated`,
        ),
      );
    }
    seen.add(c.id);
  });

  const targets = new Set<string>();
  const criteria: Criterion[] = edition.criteria.map((c) => c);
  (overlay.tighten ?? []).forEach((t, i) => {
    const at = (...rest: PropertyKey[]) => ['tighten', i, ...rest];
    const index = criteria.findIndex((c) => c.id === t.criterion);
    const criterion = criteria[index];
    if (!criterion) {
      issues.push(
        issue(
          at('criterion'),
          'unknown_criterion',
          `mã tiêu chí ${JSON.stringify(t.criterion)} không có trong bộ tiêu chí ${edition.version}`,
          `criterion id ${JSON.stringify(t.criterion)} is not in catalog ${edition.version}`,
        ),
      );
      return;
    }
    const key = String(t.level);
    if (!levelKeys.has(key)) {
      issues.push(
        issue(
          at('level'),
          'unknown_level',
          `bộ tiêu chí không có mức ${t.level}`,
          `the catalog has no level ${t.level}`,
        ),
      );
      return;
    }
    const target = `${t.criterion}|${t.areaGroup}|${key}`;
    if (targets.has(target)) {
      issues.push(
        issue(
          at(),
          'overlay_duplicate_tightening',
          `yêu cầu ${t.criterion} (${t.areaGroup}, mức ${key}) bị thắt chặt nhiều lần`,
          `requirement ${t.criterion} (${t.areaGroup}, level ${key}) is tightened more than once`,
        ),
      );
      return;
    }
    targets.add(target);
    if (t.threshold === undefined && t.kind === undefined) {
      issues.push(
        issue(
          at(),
          'overlay_empty_tightening',
          'cần threshold hoặc kind',
          'expected threshold or kind (or both)',
        ),
      );
      return;
    }
    const base = criterion.requirements[t.areaGroup][key] ?? { kind: 'not_applicable' as const };
    if (base.kind === 'not_applicable') {
      issues.push(
        issue(
          at(),
          'overlay_not_applicable',
          `${t.criterion} không áp dụng cho nhóm ${t.areaGroup} ở mức ${key}; hãy thêm tiêu chí riêng của tỉnh`,
          `${t.criterion} does not apply to ${t.areaGroup} at level ${key}; add a province criterion instead`,
        ),
      );
      return;
    }
    if (t.kind === 'extended' && base.kind === 'mandatory') {
      issues.push(
        issue(
          at('kind'),
          'overlay_weakens_kind',
          `${t.criterion} là tiêu chí bắt buộc ở mức ${key}; tỉnh không thể hạ thành mở rộng`,
          `${t.criterion} is mandatory at level ${key}; an overlay cannot make it extended`,
        ),
      );
      return;
    }
    const next: ApplicableRequirement = { ...base };
    if (t.kind !== undefined) next.kind = t.kind;
    if (t.threshold !== undefined) {
      const valueCheck = valueSchemaFor(criterion).safeParse(t.threshold, { reportInput: true });
      if (typeof t.threshold !== typeof base.threshold || !valueCheck.success) {
        issues.push(
          issue(
            at('threshold'),
            'invalid_type',
            `ngưỡng phải cùng kiểu và thang đo với tiêu chí ${t.criterion} (ngưỡng hiện tại ${String(base.threshold)})`,
            `the threshold must have the type and range of criterion ${t.criterion} (current threshold ${String(base.threshold)})`,
          ),
        );
        return;
      }
      if (base.comparison === '=' && t.threshold !== base.threshold) {
        issues.push(
          issue(
            at('threshold'),
            'overlay_contradicts_edition',
            `ngưỡng "= ${String(base.threshold)}" là ngưỡng chính xác, không thể đổi thành ${String(t.threshold)}`,
            `the exact threshold "= ${String(base.threshold)}" cannot be changed to ${String(t.threshold)}`,
          ),
        );
        return;
      }
      if (compareThresholds(base.comparison, base.threshold, t.threshold) === -1) {
        issues.push(
          issue(
            at('threshold'),
            'overlay_loosens_threshold',
            `ngưỡng ${base.comparison} ${String(t.threshold)} nới lỏng yêu cầu của bộ tiêu chí (${base.comparison} ${String(base.threshold)}); tỉnh chỉ được thắt chặt`,
            `threshold ${base.comparison} ${String(t.threshold)} loosens the edition's ${base.comparison} ${String(base.threshold)}; an overlay may only tighten`,
          ),
        );
        return;
      }
      next.threshold = t.threshold;
    }
    criteria[index] = {
      ...criterion,
      requirements: {
        ...criterion.requirements,
        [t.areaGroup]: { ...criterion.requirements[t.areaGroup], [key]: next },
      },
    };
  });

  const effective: CatalogEdition = { ...edition, criteria: [...criteria, ...added] };
  // The catalog linter checks the province's own criteria like the edition's (requirements for every
  // level, threshold types, units, texts, monotone levels); only problems inside added criteria are reported.
  const base = edition.criteria.length;
  for (const p of issues.length ? [] : lintCatalog(effective)) {
    const m = /^criteria\[(\d+)\](.*)$/.exec(p.path);
    if (!m || Number(m[1]) < base) continue;
    issues.push({
      path: `addCriteria[${Number(m[1]) - base}]${m[2]}`,
      code: `lint_${p.rule.replace(/-/g, '_')}` as Extract<IssueCode, `lint_${string}`>,
      message: p.message,
    });
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { overlay, contentHash: contentHashOf(overlay), edition: effective } };
}
