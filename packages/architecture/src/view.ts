import type { AreaGroup, CatalogEdition, IssueCode, LocalizedText, ParseResult } from '@cdsx/criteria';
import type { Block, Component, PublishedArchitecture, Tier } from './model';
import { appliesTo, criteriaByComponent } from './trace';

/**
 * Status of one component in a commune's architecture (hiện trạng thành phần):
 * `in_place` đã có · `missing` còn thiếu · `not_available` chưa có số liệu ·
 * `upper_level` do cấp trên cung cấp · `not_applicable` không áp dụng cho nhóm địa bàn.
 */
export const COMPONENT_STATUSES = [
  'in_place',
  'missing',
  'not_available',
  'upper_level',
  'not_applicable',
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** Names of the statuses, Vietnamese first. */
export const STATUS_NAMES: Readonly<Record<ComponentStatus, LocalizedText>> = Object.freeze({
  in_place: { vi: 'Đã có', en: 'In place' },
  missing: { vi: 'Còn thiếu', en: 'Missing' },
  not_available: { vi: 'Chưa có số liệu', en: 'Not available' },
  upper_level: { vi: 'Cấp trên cung cấp', en: 'Provided by an upper level' },
  not_applicable: { vi: 'Không áp dụng cho nhóm địa bàn', en: 'Not applicable to the area group' },
});

/**
 * What the view needs from a decision record (`DecisionRecord` of @cdsx/rules has this shape): the edition it
 * was decided under, the commune, and one finding per criterion × level.
 */
export interface DecisionLike {
  catalog: { version: string; contentHash: string };
  commune: { code: string; name: string; provinceCode: string };
  areaGroup: AreaGroup;
  period: string;
  synthetic?: boolean;
  findings: ReadonlyArray<{
    criterion: string;
    level: number;
    outcome: 'met' | 'not_met' | 'not_available' | 'not_applicable';
  }>;
}

/** One component of the commune's architecture with its status and the evidence behind it. */
export interface ComponentView {
  code: string;
  block: string;
  layer: string;
  tier: Tier;
  name: LocalizedText;
  status: ComponentStatus;
  /** The criteria that decided the status, each at the lowest level where it applies to the area group. */
  criteria: Array<{ id: string; level: number; outcome: 'met' | 'not_met' | 'not_available' }>;
  /** Why, when no criterion decided it (upper level, other area group, unmeasured). */
  reason?: LocalizedText;
  statusNote?: LocalizedText;
}

/** Sơ đồ kiến trúc của xã — a commune's architecture: every deployable component with its status. */
export interface ArchitectureView {
  architecture: { id: string; version: string; contentHash: string; basisStatus: string };
  catalog: { version: string; contentHash: string };
  commune: { code: string; name: string; provinceCode: string };
  areaGroup: AreaGroup;
  period: string;
  synthetic: boolean;
  counts: Record<ComponentStatus, number>;
  components: ComponentView[];
}

const RANK = { not_met: 2, not_available: 1, met: 0 } as const;

/** The lowest level at which a criterion applies to an area group, or null. */
function entryLevel(
  requirements: CatalogEdition['criteria'][number]['requirements'],
  group: AreaGroup,
): number | null {
  const levels = Object.entries(requirements[group] ?? {})
    .filter(([, r]) => r.kind !== 'not_applicable')
    .map(([k]) => Number(k));
  return levels.length ? Math.min(...levels) : null;
}

/**
 * A commune's architecture from its decision record: each component of the reference architecture (extension
 * slots left out) as `in_place`, `missing`, `not_available`, `upper_level` (central and provincial tiers) or
 * `not_applicable` (an area-specific component of another area group, or one whose criteria do not apply to
 * the commune's group). An essential or own-area component's status comes from the criteria that trace to it,
 * each at the lowest level where it applies: any not met → missing; all met → in place; otherwise not
 * available (unknown is not zero). A component no criterion measures is not available, with the edition's reason.
 *
 * The record must have been decided under `catalog` (version and content hash are checked), and `catalog`
 * must declare `architecture` (the same edition and hash).
 *
 * @example
 * const r = architectureView({ record, catalog: edition, architecture: latestArchitecture });
 * if (r.ok) for (const c of r.value.components) console.log(c.code, c.status);
 */
export function architectureView(input: {
  record: DecisionLike;
  catalog: { edition: CatalogEdition; contentHash: string };
  architecture: PublishedArchitecture;
}): ParseResult<ArchitectureView> {
  const { record, catalog, architecture } = input;
  const edition = catalog.edition;
  const arch = architecture.edition;
  const issue = (path: string, code: IssueCode, vi: string, en: string): ParseResult<ArchitectureView> => ({
    ok: false,
    issues: [{ path, code, message: { vi, en } }],
  });
  if (record.catalog.version !== edition.version || record.catalog.contentHash !== catalog.contentHash)
    return issue(
      'catalog',
      'catalog_mismatch',
      `bản ghi quyết định theo bộ tiêu chí ${record.catalog.version} (${record.catalog.contentHash}), không phải ${edition.version} (${catalog.contentHash})`,
      `the decision record was made under edition ${record.catalog.version} (${record.catalog.contentHash}), not ${edition.version} (${catalog.contentHash})`,
    );
  const ref = edition.architecture;
  if (!ref)
    return issue(
      'catalog.architecture',
      'no_architecture',
      `bộ tiêu chí ${edition.version} không gắn tiêu chí với kiến trúc tham chiếu; dùng phiên bản từ 0.3.0`,
      `edition ${edition.version} does not trace its criteria to the reference architecture; use an edition from 0.3.0`,
    );
  if (ref.id !== arch.id || ref.version !== arch.version || ref.contentHash !== architecture.contentHash)
    return issue(
      'architecture',
      'architecture_mismatch',
      `bộ tiêu chí ${edition.version} gắn với kiến trúc ${ref.version} (${ref.contentHash}), không phải ${arch.version} (${architecture.contentHash})`,
      `edition ${edition.version} traces to architecture ${ref.version} (${ref.contentHash}), not ${arch.version} (${architecture.contentHash})`,
    );

  const group = record.areaGroup;
  const findings = new Map<string, 'met' | 'not_met' | 'not_available' | 'not_applicable'>();
  for (const f of record.findings) findings.set(`${f.criterion}@${f.level}`, f.outcome);
  const traced = criteriaByComponent(edition);
  const unmeasured = new Map(ref.unmeasured.map((u) => [u.code, u.reason]));
  const blocks = new Map<string, Block>(arch.blocks.map((b) => [b.code, b]));

  const groupNames = (c: Component, lang: 'vi' | 'en') =>
    (c.areaGroups ?? []).map((g) => arch.areaGroups.find((x) => x.id === g)?.name[lang] ?? g).join(', ');
  const statusOf = (c: Component): Omit<ComponentView, 'code' | 'block' | 'layer' | 'tier' | 'name'> => {
    if (c.tier === 'central' || c.tier === 'provincial')
      return {
        status: 'upper_level',
        criteria: [],
        reason:
          c.tier === 'central'
            ? { vi: 'Trung ương cung cấp; xã khai thác', en: 'Provided by the centre; the commune uses it' }
            : {
                vi: 'Tỉnh cung cấp và vận hành; xã khai thác',
                en: 'Provided and operated by the province; the commune uses it',
              },
      };
    if (c.tier === 'area_specific' && !(c.areaGroups ?? []).includes(group))
      return {
        status: 'not_applicable',
        criteria: [],
        reason: {
          vi: `Thành phần của nhóm địa bàn ${groupNames(c, 'vi')}`,
          en: `A component of the ${groupNames(c, 'en')} area group`,
        },
      };
    const measuring = traced.get(c.code) ?? [];
    if (measuring.length === 0)
      return {
        status: 'not_available',
        criteria: [],
        reason: unmeasured.get(c.code) ?? {
          vi: 'Không có tiêu chí nào trong bộ tiêu chí đo thành phần này',
          en: 'No criterion of the edition measures this component',
        },
      };
    const applicable = measuring.filter((m) => appliesTo(m, group));
    if (applicable.length === 0)
      return {
        status: 'not_applicable',
        criteria: [],
        reason: {
          vi: 'Các tiêu chí đo thành phần này không áp dụng cho nhóm địa bàn',
          en: 'The criteria measuring it do not apply to the area group',
        },
      };
    const criteria = applicable.map((m) => {
      const level = entryLevel(m.requirements, group)!;
      const o = findings.get(`${m.id}@${level}`);
      // A finding missing from the record is unknown, never met.
      const outcome = o === 'met' || o === 'not_met' ? o : 'not_available';
      return { id: m.id, level, outcome } as const;
    });
    const worst = criteria.reduce(
      (w, x) => (RANK[x.outcome] > RANK[w] ? x.outcome : w),
      'met' as 'met' | 'not_met' | 'not_available',
    );
    return {
      status: worst === 'met' ? 'in_place' : worst === 'not_met' ? 'missing' : 'not_available',
      criteria,
    };
  };

  const components: ComponentView[] = arch.components
    .filter((c) => !c.extensionSlot)
    .map((c) => ({
      code: c.code,
      block: c.block,
      layer: blocks.get(c.block)?.layer ?? '',
      tier: c.tier,
      name: c.name,
      ...statusOf(c),
      ...(c.statusNote ? { statusNote: c.statusNote } : {}),
    }));
  const counts = Object.fromEntries(COMPONENT_STATUSES.map((s) => [s, 0])) as Record<ComponentStatus, number>;
  for (const c of components) counts[c.status]++;
  return {
    ok: true,
    value: {
      architecture: {
        id: arch.id,
        version: arch.version,
        contentHash: architecture.contentHash,
        basisStatus: arch.basisStatus,
      },
      catalog: { version: edition.version, contentHash: catalog.contentHash },
      commune: {
        code: record.commune.code,
        name: record.commune.name,
        provinceCode: record.commune.provinceCode,
      },
      areaGroup: group,
      period: record.period,
      synthetic: record.synthetic ?? false,
      counts,
      components,
    },
  };
}
