import {
  AREA_GROUPS,
  AreaGroupSchema,
  DIMENSIONS,
  IsoDateSchema,
  LocalizedTextSchema,
  PILLARS,
  SemverSchema,
} from '@cdsx/criteria';
import { z } from 'zod';

// The criteria package exports the vocabularies; their zod enums are rebuilt here from them.
const DimensionSchema = z.enum(DIMENSIONS);
const PillarSchema = z.enum(PILLARS);

// ─── Vocabularies ───────────────────────────────────────────────────────────────────────────────

/**
 * The four responsibility tiers inside every block (Phụ lục I mục 4.1–4.4 of the source):
 * `central` dùng chung do Trung ương cung cấp · `provincial` dùng chung do cấp tỉnh cung cấp ·
 * `commune_essential` thiết yếu triển khai tại cấp xã · `area_specific` bổ sung theo loại địa bàn.
 */
export const TIERS = ['central', 'provincial', 'commune_essential', 'area_specific'] as const;
export const TierSchema = z.enum(TIERS).meta({
  id: 'Tier',
  description:
    'central (Trung ương cung cấp) | provincial (cấp tỉnh cung cấp) | commune_essential (thiết yếu tại xã) | area_specific (theo loại địa bàn).',
});
export type Tier = z.infer<typeof TierSchema>;

/** Block codes as the source writes them (Vietnamese letters kept: `ƯDCQS`, `ĐLHQ`). */
export const BLOCK_CODE = /^[A-ZĐƯ]+$/u;
/** Component codes: block code + number, e.g. `HTS7`, `DL10`, `ƯDCQS7`, `ĐLHQ8`. */
export const COMPONENT_CODE = /^([A-ZĐƯ]+)([1-9]\d*)$/u;
/** Cross-cutting part codes are the project's own (the source gives none): upper-case ASCII, e.g. `VHQT`. */
export const CROSS_CUTTING_CODE = /^[A-Z]+$/;

export const ComponentCodeSchema = z.string().regex(COMPONENT_CODE).meta({
  id: 'ComponentCode',
  description: 'Stable component code from the source, e.g. "HTS7", "DL10", "ƯDCQS7".',
});
/** A code a criterion may trace to: a component or a cross-cutting part. */
export const ArchitectureCodeSchema = z
  .string()
  .regex(/^[A-ZĐƯ]+\d*$/u)
  .meta({
    id: 'ArchitectureCode',
    description: 'A component code (HTS7) or a cross-cutting part code (VHQT).',
  });

/** Where the source says something: a key of the edition's `sources` and the article relied on. */
export const SourceRefSchema = z
  .strictObject({ key: z.string().min(1), article: z.string().trim().min(1).optional() })
  .meta({ id: 'SourceRef' });
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** A document the edition relies on, with where the project read it and whether it was checked against an official text. */
export const ArchitectureSourceSchema = z
  .strictObject({
    key: z.string().regex(/^S\d+$/),
    document: z.string().trim().min(1),
    date: IsoDateSchema.optional(),
    title: LocalizedTextSchema,
    /** Where the project read it (a repository path or a URL). */
    where: z.string().trim().min(1),
    /** False until checked against the official gazette or the government's document portal. */
    verified: z.boolean(),
  })
  .meta({ id: 'ArchitectureSource' });
export type ArchitectureSource = z.infer<typeof ArchitectureSourceSchema>;

// ─── Structure ──────────────────────────────────────────────────────────────────────────────────

/** Lớp — one of the four layers, bottom-up, and the blocks drawn in it. */
export const LayerSchema = z
  .strictObject({
    id: z.enum(['L1', 'L2', 'L3', 'L4']),
    number: z.int().min(1).max(4),
    name: LocalizedTextSchema,
    blocks: z.array(z.string().regex(BLOCK_CODE)).min(1),
  })
  .meta({ id: 'Layer' });
export type Layer = z.infer<typeof LayerSchema>;

/** Thành phần xuyên suốt — a part that applies to all layers (national or specific to the commune model). */
export const CrossCuttingPartSchema = z
  .strictObject({
    code: z.string().regex(CROSS_CUTTING_CODE),
    scope: z.enum(['national', 'commune_model']),
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    /** The model's concerns this part carries (those without a block of their own are "left to" it). */
    concerns: z.array(DimensionSchema).min(1),
    sources: z.array(SourceRefSchema).min(1),
  })
  .meta({ id: 'CrossCuttingPart' });
export type CrossCuttingPart = z.infer<typeof CrossCuttingPartSchema>;

/** Khối — one numbered block of Hình 9 (1 HTS … 8 ĐLHQ) with the tiers it has. */
export const BlockSchema = z
  .strictObject({
    code: z.string().regex(BLOCK_CODE),
    /** The figure's number: `1`…`8`, `5-1`…`6-3`. */
    number: z.string().regex(/^[1-8](-[1-3])?$/),
    layer: z.enum(['L1', 'L2', 'L3', 'L4']),
    name: LocalizedTextSchema,
    concerns: z.array(DimensionSchema).min(1),
    pillar: PillarSchema.optional(),
    /** The tiers this block has in the source (business-operation blocks list essential items only). */
    tiers: z.array(TierSchema).min(1),
    sources: z.array(SourceRefSchema).min(1),
  })
  .meta({ id: 'Block' });
export type Block = z.infer<typeof BlockSchema>;

/** Thành phần — one coded component of the commune architecture. */
export const ComponentSchema = z
  .strictObject({
    code: ComponentCodeSchema,
    block: z.string().regex(BLOCK_CODE),
    tier: TierSchema,
    /** For `area_specific` components: the area group it belongs to (absent for the other tiers). */
    areaGroups: z.array(AreaGroupSchema).min(1).optional(),
    /** A label in the project's words (the source's names vary between figure and text). */
    name: LocalizedTextSchema,
    /** Who builds or runs it, where the source says. */
    owner: LocalizedTextSchema.optional(),
    /** The model's concern(s) it serves. */
    concerns: z.array(DimensionSchema).min(1),
    /** An open "…khác" slot at the end of a tier: an extension point, not a component to deploy. */
    extensionSlot: z.literal(true).optional(),
    /** `inferred` when the source summary does not record the code's content and the project named it. */
    nameBasis: z.literal('inferred').optional(),
    /** e.g. not live before 2027, name variants in the source. */
    statusNote: LocalizedTextSchema.optional(),
    sources: z.array(SourceRefSchema).min(1),
  })
  .meta({ id: 'Component', description: 'Thành phần: one coded component of the commune architecture.' });
export type Component = z.infer<typeof ComponentSchema>;

/** Nguyên tắc — a principle that binds communes, with its source. */
export const PrincipleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: LocalizedTextSchema,
    statement: LocalizedTextSchema,
    sources: z.array(SourceRefSchema).min(1),
  })
  .meta({ id: 'Principle' });
export type Principle = z.infer<typeof PrincipleSchema>;

const namedTier = z.strictObject({
  id: TierSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
});
const namedAreaGroup = z.strictObject({
  id: AreaGroupSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
});

/** Kiến trúc tham chiếu — one immutable, versioned edition of the commune model's reference architecture. */
export const ArchitectureEditionSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** Permalink subpath: `@cdsx/architecture/editions/<version>`. */
    version: SemverSchema,
    title: LocalizedTextSchema,
    /** `unverified` while the source text has not been checked against the official gazette. */
    basisStatus: z.enum(['unverified', 'verified']),
    basis: LocalizedTextSchema,
    sources: z.array(ArchitectureSourceSchema).min(1),
    tiers: z.array(namedTier).length(TIERS.length),
    areaGroups: z.array(namedAreaGroup).length(AREA_GROUPS.length),
    layers: z.array(LayerSchema).length(4),
    crossCutting: z.array(CrossCuttingPartSchema).min(1),
    users: z.array(LocalizedTextSchema).min(1),
    principles: z.array(PrincipleSchema).min(1),
    blocks: z.array(BlockSchema).min(1),
    components: z.array(ComponentSchema).min(1),
  })
  .meta({
    id: 'ArchitectureEdition',
    description: 'Kiến trúc tham chiếu: one versioned edition of the commune model reference architecture.',
  });
export type ArchitectureEdition = z.infer<typeof ArchitectureEditionSchema>;

/** A published, immutable architecture edition with its content hash (`sha256:` of its canonical JSON). */
export interface PublishedArchitecture {
  readonly edition: ArchitectureEdition;
  readonly contentHash: string;
}
