import { COMPARISONS, IsoDateSchema, LocalizedTextSchema } from '@cdsx/criteria';
import { z } from 'zod';

/** The plan file format identifier. */
export const PLAN_FORMAT = 'cdsx-plan/1';

/**
 * Target groups (nhóm chỉ tiêu): the nine task groups of seed 002 §II (lãnh đạo, thể chế, hạ tầng, nhân lực,
 * dữ liệu, an toàn thông tin, chính phủ số, kinh tế số và xã hội số, nhận thức). Evaluation reports are
 * grouped by them, as seed 002 §I.1 asks.
 */
export const TARGET_GROUPS = [
  'leadership',
  'institutions',
  'infrastructure',
  'human_resources',
  'data',
  'cybersecurity',
  'digital_government',
  'digital_economy_society',
  'awareness',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Names of the target groups, as seed 002 §II titles them. */
export const TARGET_GROUP_NAMES: Readonly<Record<TargetGroup, { vi: string; en: string }>> = Object.freeze({
  leadership: { vi: 'Lãnh đạo, chỉ đạo, điều hành', en: 'Leadership and direction' },
  institutions: { vi: 'Thể chế, chính sách số', en: 'Digital institutions and policy' },
  infrastructure: { vi: 'Hạ tầng số', en: 'Digital infrastructure' },
  human_resources: { vi: 'Nhân lực số', en: 'Digital human resources' },
  data: { vi: 'Phát triển dữ liệu số', en: 'Digital data' },
  cybersecurity: { vi: 'An toàn thông tin mạng', en: 'Cybersecurity' },
  digital_government: { vi: 'Chính phủ số', en: 'Digital government' },
  digital_economy_society: { vi: 'Kinh tế số và xã hội số', en: 'Digital economy and society' },
  awareness: { vi: 'Nâng cao nhận thức', en: 'Awareness' },
});

const Code = z.string().regex(/^\d+$/, 'expected digits');

/** Who the plan belongs to: a province (2-digit code) or a commune (5-digit code). */
export const PlanOwnerSchema = z.strictObject({
  level: z.enum(['province', 'commune']),
  code: Code,
  name: z.string().min(1).optional(),
});

/**
 * What a target measures. Every kind is computable by this project:
 * - `kpi`: a @cdsx/kpi indicator of the owner (percentage);
 * - `criterion_value`: the observed value of a catalog criterion (commune plans);
 * - `criterion_met`: whether a criterion is met at a level (commune plans; target `true`);
 * - `commune_level`: the commune's recognised level (commune plans);
 * - `score766_total` / `score766_group`: the QĐ 766 score (points) of the owner;
 * - `share_at_level`: % of the province's communes at level ≥ `level` (province plans);
 * - `share_meeting`: % of the province's communes meeting `criterion` at `level` (province plans).
 */
export const IndicatorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('kpi'), kpi: z.string().min(1) }),
  z.strictObject({ kind: z.literal('criterion_value'), criterion: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('criterion_met'),
    criterion: z.string().min(1),
    level: z.int().min(0),
  }),
  z.strictObject({ kind: z.literal('commune_level') }),
  z.strictObject({ kind: z.literal('score766_total') }),
  z.strictObject({ kind: z.literal('score766_group'), group: z.string().min(1) }),
  z.strictObject({ kind: z.literal('share_at_level'), level: z.int().min(0) }),
  z.strictObject({
    kind: z.literal('share_meeting'),
    criterion: z.string().min(1),
    level: z.int().min(0),
  }),
]);
export type Indicator = z.infer<typeof IndicatorSchema>;
export type IndicatorKind = Indicator['kind'];

/** A plan target (chỉ tiêu). */
export const TargetSchema = z.strictObject({
  /** Unique within the plan, e.g. `CQS-01`. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-"'),
  group: z.enum(TARGET_GROUPS),
  title: LocalizedTextSchema.optional(),
  indicator: IndicatorSchema,
  comparison: z.enum(COMPARISONS),
  /** Number (percent, points, level) or, for a met/boolean criterion, `true`/`false`. */
  value: z.union([z.number().finite(), z.boolean()]),
  /** The value of the previous year, when known (`null`: not available then). */
  baseline: z
    .strictObject({ year: z.int(), value: z.union([z.number().finite(), z.boolean(), z.null()]) })
    .optional(),
  /** Id of the national target it derives from (see `NATIONAL_TARGETS`). */
  nationalTarget: z.string().min(1).optional(),
  /** Set by the next-year skeleton: proposed from a national target, not yet adopted. */
  proposal: z.literal(true).optional(),
  /** Where the target is written (document, section, line). */
  source: z.string().min(1),
});
export type Target = z.infer<typeof TargetSchema>;

/** The issuing document of the plan (kế hoạch số …). */
export const PlanDocumentSchema = z.strictObject({
  document: z.string().min(1),
  date: IsoDateSchema,
  issuer: z.string().min(1).optional(),
  title: LocalizedTextSchema.optional(),
});

/** A digital-transformation plan (kế hoạch chuyển đổi số) whose targets are computable. */
export const PlanSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(PLAN_FORMAT),
  /** `draft` (e.g. a generated skeleton) or `issued` (then `issuingDocument` is required). */
  status: z.enum(['draft', 'issued']),
  /** Set on the shipped samples: an example, not a real plan. */
  example: z.boolean().optional(),
  owner: PlanOwnerSchema,
  year: z.int().min(2000).max(2100),
  /** The criteria catalog edition the criterion and level targets refer to. */
  catalogVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version like 0.2.0'),
  issuingDocument: PlanDocumentSchema.optional(),
  targets: z.array(TargetSchema).min(1),
});
export type Plan = z.infer<typeof PlanSchema>;

const BASE = 'https://unpkg.com/@cdsx/plan/schema/';

/**
 * The JSON Schema files shipped in `@cdsx/plan/schema/`, generated from the zod schemas; a test keeps the
 * committed files in step.
 */
export function buildJsonSchemas(): Record<string, Record<string, unknown>> {
  const json = z.toJSONSchema(PlanSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  return {
    'plan.json': {
      $schema: json.$schema,
      $id: `${BASE}plan.json`,
      title: 'Kế hoạch chuyển đổi số / Digital-transformation plan (cdsx-plan/1)',
      ...json,
    },
  };
}
