import { z } from 'zod';
import { PERIOD_PATTERN } from './issues';
import { freeTextSchema, LocalizedTextSchema, requiredTextSchema } from './text';
import {
  AREA_GROUPS,
  type AreaGroup,
  COMPARISONS,
  DATA_SOURCES,
  DEFAULT_AREA_GROUP,
  DIMENSIONS,
  MEASURE_KINDS,
  PILLARS,
  UNIT_TYPES,
} from './vocab';

export {
  AREA_GROUPS,
  type AreaGroup,
  COMPARISONS,
  type Comparison,
  DATA_SOURCES,
  type DataSource,
  DEFAULT_AREA_GROUP,
  DIMENSIONS,
  type Dimension,
  MEASURE_KINDS,
  type MeasureKind,
  PILLARS,
  type Pillar,
  UNIT_TYPES,
  type UnitType,
} from './vocab';

// ─── Vocabularies ───────────────────────────────────────────────────────────────────────────────

export const AreaGroupSchema = z.enum(AREA_GROUPS).meta({
  id: 'AreaGroup',
  description:
    'Nhóm địa bàn / area group: urban (đô thị), rural (nông thôn), remote (miền núi, biên giới, hải đảo).',
});

export const DimensionSchema = z
  .enum(DIMENSIONS)
  .meta({ id: 'Dimension', description: 'One of the ten concerns of the model.' });

export const PillarSchema = z
  .enum(PILLARS)
  .meta({ id: 'Pillar', description: 'chính quyền số / kinh tế số / xã hội số.' });

export const MeasureKindSchema = z.enum(MEASURE_KINDS).meta({ id: 'MeasureKind' });

export const ComparisonSchema = z.enum(COMPARISONS).meta({ id: 'Comparison' });

export const DataSourceSchema = z.enum(DATA_SOURCES).meta({ id: 'DataSource' });

export const UnitTypeSchema = z.enum(UNIT_TYPES).meta({ id: 'UnitType' });

// ─── Shared pieces ──────────────────────────────────────────────────────────────────────────────

/**
 * A real calendar date `YYYY-MM-DD` of the Gregorian calendar, years 0001–9999: the day exists in its month
 * (30 days in April, 29 in February of leap years only). One pattern, so the shipped JSON Schema and the
 * compiled acceptor check exactly what the library checks: `2026-02-31` and year `0000` are refused.
 */
export const ISO_DATE =
  /^(?!0000)(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$/;
/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export const IsoDateSchema = z
  .string()
  .regex(ISO_DATE)
  .meta({ id: 'IsoDate', description: 'Calendar date YYYY-MM-DD.' });

/** Criterion ids: upper-case segments separated by dots, e.g. `HT.01`, `DV.03`, `HN.DV.01` (a province's own). */
export const CRITERION_ID = /^[A-Z][A-Z0-9]*(\.[A-Z0-9]+)+$/;
export const CriterionIdSchema = z.string().regex(CRITERION_ID).meta({
  id: 'CriterionId',
  description: 'Stable criterion id, never renumbered, e.g. "HT.01".',
});

/** Semantic version of a catalog edition, e.g. `0.1.0`. */
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;
export const SemverSchema = z.string().regex(SEMVER).meta({ id: 'Semver' });

/** A citation: the document, its date, and the article or section relied on. */
export const SourceSchema = z
  .strictObject({
    /** Document number as written, e.g. `766/QĐ-TTg`. */
    document: requiredTextSchema(),
    /** Issue date of the document. */
    date: IsoDateSchema,
    /** Article, section or point, e.g. `§2.1`, `Điều 11`, `II.7`. */
    article: requiredTextSchema().optional(),
    /** Title of the document. */
    title: LocalizedTextSchema.optional(),
    url: z.url().optional(),
  })
  .meta({ id: 'Source', description: 'A citation: document number, date and article.' });
export type Source = z.infer<typeof SourceSchema>;

// ─── Requirements ───────────────────────────────────────────────────────────────────────────────

/** A level number: 0 is below the minimum (chưa đạt); 1, 2, 3… are the maturity levels. */
export const LevelNumberSchema = z.int().min(0).max(9);
/** Keys of per-level maps are level numbers written as strings ("1", "2", "3") because JSON keys are strings. */
export const LevelKeySchema = z.string().regex(/^[1-9]$/);

/** Bắt buộc (mandatory) or mở rộng (extended) requirement with its threshold. */
export const ApplicableRequirementSchema = z
  .strictObject({
    kind: z.enum(['mandatory', 'extended']),
    comparison: ComparisonSchema,
    /** A number in the criterion's unit, `true` for boolean criteria, an ordinal scale value. */
    threshold: z.union([z.number(), z.boolean()]),
  })
  .meta({ id: 'ApplicableRequirement' });
export const NotApplicableRequirementSchema = z
  .strictObject({ kind: z.literal('not_applicable') })
  .meta({ id: 'NotApplicableRequirement' });
/** What one area group must show at one level for one criterion. */
export const RequirementSchema = z
  .discriminatedUnion('kind', [ApplicableRequirementSchema, NotApplicableRequirementSchema])
  .meta({
    id: 'Requirement',
    description: 'mandatory | extended (with comparison and threshold) | not_applicable.',
  });
export type ApplicableRequirement = z.infer<typeof ApplicableRequirementSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type RequirementKind = Requirement['kind'];

/** Requirements of one area group, keyed by level ("1", "2", "3"). */
export const LevelRequirementsSchema = z.record(LevelKeySchema, RequirementSchema);
/** Requirements for each area group × level. */
export const RequirementMatrixSchema = z
  .strictObject({
    urban: LevelRequirementsSchema,
    rural: LevelRequirementsSchema,
    remote: LevelRequirementsSchema,
  })
  .meta({ id: 'RequirementMatrix' });
export type RequirementMatrix = z.infer<typeof RequirementMatrixSchema>;

// ─── Architecture trace ─────────────────────────────────────────────────────────────────────────

/** A reference-architecture code: a component (`HTS7`, `ƯDCQS7`, `ĐLHQ8`) or a cross-cutting part (`VHQT`). */
export const ArchitectureCodeSchema = z
  .string()
  .regex(/^[A-ZĐƯ]+\d*$/u)
  .meta({ id: 'ArchitectureCode', description: 'Reference-architecture component code, e.g. "HTS7".' });

/**
 * The reference architecture an edition traces its criteria to (kiến trúc tham chiếu), pinned by version and
 * content hash, and the essential components it deliberately does not measure, each with the reason.
 */
export const ArchitectureRefSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: SemverSchema,
    contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    unmeasured: z.array(z.strictObject({ code: ArchitectureCodeSchema, reason: LocalizedTextSchema })),
  })
  .meta({ id: 'ArchitectureRef' });
export type ArchitectureRef = z.infer<typeof ArchitectureRefSchema>;

// ─── Criterion ──────────────────────────────────────────────────────────────────────────────────

/** One point of an ordinal scale. */
export const OrdinalPointSchema = z.strictObject({ value: z.int(), label: LocalizedTextSchema });

/**
 * Tiêu chí — one criterion of the model.
 *
 * @example
 * ```json
 * { "id": "DV.01", "dimension": "services", "pillar": "digital_government", "measure": "percentage",
 *   "unit": { "vi": "%", "en": "%" }, "kpi": "fullProcessOnlineRate", "requirements": { … } }
 * ```
 */
export const CriterionSchema = z
  .strictObject({
    /** Stable id, never renumbered. */
    id: CriterionIdSchema,
    dimension: DimensionSchema,
    pillar: PillarSchema,
    title: LocalizedTextSchema,
    description: LocalizedTextSchema,
    measure: MeasureKindSchema,
    /** Unit of the value: `%` for percentages, a unit for numbers, `null` for boolean and ordinal. */
    unit: LocalizedTextSchema.nullable(),
    /** The scale of an ordinal criterion (required for `ordinal`, absent otherwise). */
    scale: z.array(OrdinalPointSchema).min(2).optional(),
    /** Requirement for each area group × level. */
    requirements: RequirementMatrixSchema,
    /** Where the criterion and its thresholds come from. */
    sources: z.array(SourceSchema).min(1),
    /** Tài liệu kiểm chứng — the evidence an assessor expects. */
    evidence: LocalizedTextSchema,
    dataSource: DataSourceSchema,
    /** What to do when the criterion is not met. */
    remediation: LocalizedTextSchema,
    /** The KPI id (see @cdsx/kpi) when the value can be computed from dossier data. */
    kpi: z
      .string()
      .regex(/^[a-z][A-Za-z0-9]*$/)
      .optional(),
    /** Why the thresholds are what they are (especially in draft editions). */
    thresholdBasis: LocalizedTextSchema.optional(),
    /**
     * Codes of the reference-architecture components (or cross-cutting parts) this criterion measures,
     * e.g. `["HTS7"]` — required in editions that declare an `architecture` (see `@cdsx/architecture`).
     */
    architecture: z.array(ArchitectureCodeSchema).min(1).optional(),
  })
  .meta({ id: 'Criterion', description: 'Tiêu chí: one criterion of the commune model.' });
export type Criterion = z.infer<typeof CriterionSchema>;

// ─── Catalog edition ────────────────────────────────────────────────────────────────────────────

/** A maturity level with its names; names live in data so an official edition can rename or add levels. */
export const LevelDefinitionSchema = z
  .strictObject({ level: LevelNumberSchema, name: LocalizedTextSchema, description: LocalizedTextSchema })
  .meta({ id: 'LevelDefinition' });
export type LevelDefinition = z.infer<typeof LevelDefinitionSchema>;

/**
 * The level rule's parameters: a commune reaches level L when every mandatory criterion of L and of
 * all lower levels is met and, at each of those levels, at least `extendedSharePercent[level]`% of
 * the applicable extended criteria are met (Yên Bái practice: 30%).
 */
export const LevelRuleSchema = z
  .strictObject({
    kind: z.literal('mandatory_and_extended_share'),
    extendedSharePercent: z.record(LevelKeySchema, z.number().min(0).max(100)),
  })
  .meta({ id: 'LevelRule' });
export type LevelRule = z.infer<typeof LevelRuleSchema>;

/** A named vocabulary entry (area group, dimension, pillar) with its texts. */
const namedEntry = <T extends z.ZodType>(id: T) =>
  z.strictObject({ id, name: LocalizedTextSchema, description: LocalizedTextSchema.optional() });

/** The issuing document of an edition (for a draft, the letter that circulated it). */
export const IssuingDocumentSchema = SourceSchema.extend({ issuer: LocalizedTextSchema }).meta({
  id: 'IssuingDocument',
});

/** Bộ tiêu chí — one immutable, versioned edition of the criteria catalog. */
export const CatalogEditionSchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** Edition id, e.g. `cdsx-commune-2026-draft`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** Semantic version of the edition; the permalink subpath is `@cdsx/criteria/editions/<version>`. */
    version: SemverSchema,
    status: z.enum(['draft', 'issued']),
    title: LocalizedTextSchema,
    issuingDocument: IssuingDocumentSchema,
    effectiveDate: IsoDateSchema,
    /** What the edition is based on — for a draft, why it is a reconstruction. */
    basis: LocalizedTextSchema,
    sources: z.array(SourceSchema).min(1),
    areaGroups: z.array(namedEntry(AreaGroupSchema)).length(AREA_GROUPS.length),
    dimensions: z.array(namedEntry(DimensionSchema)).length(DIMENSIONS.length),
    pillars: z.array(namedEntry(PillarSchema)).length(PILLARS.length),
    levels: z.array(LevelDefinitionSchema).min(2),
    levelRule: LevelRuleSchema,
    /** The reference architecture every criterion traces to (editions from 0.3.0). */
    architecture: ArchitectureRefSchema.optional(),
    criteria: z.array(CriterionSchema).min(1),
  })
  .meta({
    id: 'CatalogEdition',
    description: 'Bộ tiêu chí: one versioned edition of the commune-model criteria catalog.',
  });
export type CatalogEdition = z.infer<typeof CatalogEditionSchema>;

// ─── Commune profile, observation, assessment ───────────────────────────────────────────────────

/** Mã đơn vị hành chính cấp xã: 5 digits, leading zeros kept. */
export const CommuneCodeSchema = z
  .string()
  .regex(/^\d{5}$/)
  .meta({ id: 'CommuneCode' });
/** Mã tỉnh: 2 digits. */
export const ProvinceCodeSchema = z
  .string()
  .regex(/^\d{2}$/)
  .meta({ id: 'ProvinceCode' });

/**
 * Hồ sơ đơn vị cấp xã. `areaGroup` defaults from the unit type (phường → urban, xã → rural,
 * đặc khu → remote) and can be overridden: no machine-readable list of mountain or border communes exists.
 */
export const CommuneProfileSchema = z
  .strictObject({
    code: CommuneCodeSchema,
    name: requiredTextSchema(),
    provinceCode: ProvinceCodeSchema,
    unitType: UnitTypeSchema,
    areaGroup: AreaGroupSchema.optional(),
  })
  .meta({
    id: 'CommuneProfile',
    description: 'Commune-level unit: official code, name, province, unit type, area group.',
  });
export type CommuneProfile = z.infer<typeof CommuneProfileSchema>;

/** The area group of a commune: its override, or the default of its unit type. */
export function areaGroupOf(commune: Pick<CommuneProfile, 'unitType' | 'areaGroup'>): AreaGroup {
  return commune.areaGroup ?? DEFAULT_AREA_GROUP[commune.unitType];
}

/** Evidence behind an observation: a document reference and, for computed values, the fraction. */
export const EvidenceSchema = z
  .strictObject({
    reference: requiredTextSchema().optional(),
    numerator: z.number().min(0).optional(),
    denominator: z.number().min(0).optional(),
  })
  .meta({ id: 'Evidence' });

/** Quan sát — one observed value for one criterion, with where it came from. */
export const ObservationSchema = z
  .strictObject({
    value: z.union([z.number(), z.boolean()]),
    /** Unit as observed (must agree with the criterion's when given), e.g. `%`. */
    unit: freeTextSchema().optional(),
    source: DataSourceSchema,
    evidence: EvidenceSchema.optional(),
    observedAt: IsoDateSchema.optional(),
    note: freeTextSchema().optional(),
  })
  .meta({ id: 'Observation' });
export type Observation = z.infer<typeof ObservationSchema>;

/** Reporting period: a year `2026`, a quarter `2026-Q1`, a month `2026-03`. */
export const PeriodSchema = z
  .string()
  .regex(PERIOD_PATTERN)
  .meta({ id: 'Period', description: 'Reporting period: 2026, 2026-Q1 or 2026-03.' });

/** Đánh giá — a commune's observations for one period under one catalog version. */
export const AssessmentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    commune: CommuneProfileSchema,
    period: PeriodSchema,
    catalogVersion: SemverSchema,
    observations: z.record(CriterionIdSchema, ObservationSchema),
    /** True for generated data (the nationwide synthetic dataset); always shown to readers. */
    synthetic: z.boolean().optional(),
  })
  .meta({
    id: 'Assessment',
    description: 'Đánh giá: observations of one commune for one period under one catalog version.',
  });
export type Assessment = z.infer<typeof AssessmentSchema>;
