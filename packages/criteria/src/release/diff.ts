import { canonicalJson, contentHashOf } from '../hash';
import { CdsxValidationError, formatPath, type ParseResult } from '../issues';
import { compareThresholds, extendedQuota, rankedLevels } from '../levels';
import {
  AREA_GROUPS,
  type AreaGroup,
  type CatalogEdition,
  type Comparison,
  type Criterion,
  type Requirement,
  type RequirementKind,
} from '../model';
import { type Crosswalk, checkCrosswalk } from './crosswalk';

/** An area group × level slot of the requirement matrix. */
export interface Slot {
  areaGroup: AreaGroup;
  level: number;
}

/** A threshold with its comparison, e.g. `>= 80`. */
export interface Threshold {
  comparison: Comparison;
  threshold: number | boolean;
}

/** The editions a diff compares. */
export interface DiffEnd {
  id: string;
  version: string;
  contentHash: string;
}

/**
 * One change between two editions. `path` locates it in the newer edition (in the older one for
 * removals), written like `criteria[4].requirements.urban["2"]`.
 */
export type CatalogChange =
  /** The newer edition is a new permalink subpath (`@cdsx/criteria/editions/<version>`). */
  | { type: 'edition_added'; path: string; version: string }
  | { type: 'edition_status_changed'; path: string; from: string; to: string }
  /** New criterion; `mandatoryAt` lists the slots where it is mandatory (empty: extended or n/a only). */
  | { type: 'criterion_added'; path: string; criterion: string; mandatoryAt: Slot[]; extendedAt: Slot[] }
  | { type: 'criterion_removed'; path: string; criterion: string }
  /** Same criterion under a new id, declared by the crosswalk. The old id disappears. */
  | { type: 'criterion_renamed'; path: string; criterion: string; from: string }
  /** bắt buộc ↔ mở rộng ↔ không áp dụng for one slot. */
  | ({
      type: 'requirement_kind_changed';
      path: string;
      criterion: string;
      from: RequirementKind;
      to: RequirementKind;
    } & Slot)
  /**
   * A threshold change for one slot that is applicable in both editions. `tightened`: asks more (higher
   * for `>=`, lower for `<=`); `loosened`: asks less; `changed`: the comparison or a boolean target changed.
   */
  | ({
      type: 'threshold_changed';
      path: string;
      criterion: string;
      requirement: 'mandatory' | 'extended';
      from: Threshold;
      to: Threshold;
      direction: 'tightened' | 'loosened' | 'changed';
    } & Slot)
  /** What an observation is (measure, unit, scale values): old observations may no longer fit. */
  | {
      type: 'measure_changed';
      path: string;
      criterion: string;
      field: 'measure' | 'unit' | 'scale';
      from: unknown;
      to: unknown;
    }
  /** Classification or data plumbing of a criterion; no requirement changes. */
  | {
      type: 'criterion_reclassified';
      path: string;
      criterion: string;
      field: 'dimension' | 'pillar' | 'dataSource' | 'kpi' | 'architecture';
      from: unknown;
      to: unknown;
    }
  | { type: 'level_added'; path: string; level: number }
  | { type: 'level_removed'; path: string; level: number }
  /** Level-rule parameter: the share of applicable extended criteria a level needs. */
  | {
      type: 'level_rule_changed';
      path: string;
      level: number;
      from: number | null;
      to: number | null;
      direction: 'stricter' | 'looser';
    }
  /**
   * The number of extended criteria needed at one slot, `ceil(share × applicable / 100)`, changed, or the
   * set of applicable extended requirements changed. `lost` are the extended requirements a commune may
   * have counted before and may not count now (removed, no longer extended, or tightened); `gained` the
   * new ones, of which `fromMandatory` were mandatory here before (a commune at this level met them).
   * `canLowerLevel` is true when a commune that met exactly the required number before can fall short
   * now: `max(0, required_before − |lost|) + |fromMandatory| < required_after`.
   */
  | ({
      type: 'extended_quota_changed';
      path: string;
      from: { applicable: number; required: number };
      to: { applicable: number; required: number };
      lost: string[];
      gained: string[];
      fromMandatory: string[];
      canLowerLevel: boolean;
    } & Slot)
  /** Wording (vi/en): titles, descriptions, evidence, remediation, threshold basis, names, labels. */
  | { type: 'text_changed'; path: string; criterion?: string }
  /** Sources, issuing document, dates. */
  | { type: 'citation_changed'; path: string; criterion?: string };

/** The typed diff between two catalog editions, in a fixed order. */
export interface CatalogDiff {
  from: DiffEnd;
  to: DiffEnd;
  changes: CatalogChange[];
}

const hashes = new WeakMap<CatalogEdition, string>();
/** Content hash of an edition, computed once for frozen (published) editions. */
function hashOf(e: CatalogEdition): string {
  if (!Object.isFrozen(e)) return contentHashOf(e);
  let h = hashes.get(e);
  if (!h) {
    h = contentHashOf(e);
    hashes.set(e, h);
  }
  return h;
}
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function thresholdDirection(from: Threshold, to: Threshold): 'tightened' | 'loosened' | 'changed' {
  // A flipped yes/no requirement (`= true` → `= false`) asks something else, not more or less.
  if (from.comparison !== to.comparison || typeof from.threshold !== 'number') return 'changed';
  const d = compareThresholds(from.comparison, from.threshold, to.threshold);
  if (d === null) return 'changed';
  return d > 0 ? 'tightened' : 'loosened';
}

function levelKeys(e: CatalogEdition): number[] {
  return rankedLevels(e).map((l) => l.level);
}

function req(c: Criterion | undefined, group: AreaGroup, level: number): Requirement {
  return c?.requirements[group]?.[String(level)] ?? { kind: 'not_applicable' };
}

const TEXT_FIELDS = ['title', 'description', 'evidence', 'remediation', 'thresholdBasis'] as const;
// `architecture`: which reference-architecture components a criterion measures (reports group differently).
const CLASS_FIELDS = ['dimension', 'pillar', 'dataSource', 'kpi', 'architecture'] as const;

/**
 * So sánh hai phiên bản bộ tiêu chí — the typed diff between two editions: criteria added, removed and
 * renamed (through the explicit crosswalk), requirement kind and threshold changes per area group ×
 * level, extended quotas, level-rule parameters, level definitions, text and citation changes.
 * Returns located issues (vi + en) when the crosswalk does not fit the two editions.
 *
 * @example
 * const r = tryDiffCatalogs(edition010, edition020, crosswalk);
 * if (r.ok) console.log(requiredBump(r.value).bump); // 'major'
 */
export function tryDiffCatalogs(
  a: CatalogEdition,
  b: CatalogEdition,
  crosswalk?: Crosswalk,
): ParseResult<CatalogDiff> {
  if (crosswalk) {
    const issues = checkCrosswalk(crosswalk, a, b, { from: hashOf(a), to: hashOf(b) });
    if (issues.length)
      return { ok: false, issues: issues.map((i) => ({ ...i, path: `crosswalk.${i.path}` })) };
  }
  const changes: CatalogChange[] = [];
  const renamedTo = new Map((crosswalk?.renamed ?? []).map((r) => [r.to, r.from]));
  const renamedFrom = new Set(renamedTo.values());

  // Edition-level fields.
  if (a.version !== b.version) changes.push({ type: 'edition_added', path: 'version', version: b.version });
  if (a.status !== b.status)
    changes.push({ type: 'edition_status_changed', path: 'status', from: a.status, to: b.status });
  for (const field of ['id', 'title', 'basis'] as const)
    if (!same(a[field], b[field])) changes.push({ type: 'text_changed', path: field });
  for (const field of ['issuingDocument', 'effectiveDate', 'sources', 'architecture'] as const)
    if (!same(a[field], b[field])) changes.push({ type: 'citation_changed', path: field });
  for (const list of ['areaGroups', 'dimensions', 'pillars'] as const) {
    b[list].forEach((entry, i) => {
      const old = (a[list] as ReadonlyArray<{ id: string }>).find((x) => x.id === entry.id);
      if (!same(old, entry)) changes.push({ type: 'text_changed', path: formatPath([list, i]) });
    });
  }

  // Level definitions and the level rule.
  const levelsA = new Map(a.levels.map((l) => [l.level, l]));
  const levelsB = new Map(b.levels.map((l) => [l.level, l]));
  b.levels.forEach((l, i) => {
    const old = levelsA.get(l.level);
    if (!old) changes.push({ type: 'level_added', path: formatPath(['levels', i]), level: l.level });
    else if (!same(old, l)) changes.push({ type: 'text_changed', path: formatPath(['levels', i]) });
  });
  a.levels.forEach((l, i) => {
    if (!levelsB.has(l.level))
      changes.push({ type: 'level_removed', path: formatPath(['levels', i]), level: l.level });
  });
  const shareLevels = [...new Set([...levelKeys(a), ...levelKeys(b)])].sort((x, y) => x - y);
  for (const level of shareLevels) {
    const key = String(level);
    const from = levelsA.has(level) ? (a.levelRule.extendedSharePercent[key] ?? null) : null;
    const to = levelsB.has(level) ? (b.levelRule.extendedSharePercent[key] ?? null) : null;
    if (from === null || to === null || from === to) continue; // an added/removed level is reported above
    changes.push({
      type: 'level_rule_changed',
      path: formatPath(['levelRule', 'extendedSharePercent', key]),
      level,
      from,
      to,
      direction: to > from ? 'stricter' : 'looser',
    });
  }

  // Criteria.
  const byIdA = new Map(a.criteria.map((c) => [c.id, c]));
  const idsB = new Set(b.criteria.map((c) => c.id));
  const commonLevels = levelKeys(b).filter((l) => levelsA.has(l));
  b.criteria.forEach((c, i) => {
    const at = (...p: PropertyKey[]) => formatPath(['criteria', i, ...p]);
    const oldId = renamedTo.get(c.id) ?? c.id;
    const old = byIdA.get(oldId);
    if (!old) {
      const mandatoryAt: Slot[] = [];
      const extendedAt: Slot[] = [];
      for (const areaGroup of AREA_GROUPS)
        for (const level of levelKeys(b)) {
          const k = req(c, areaGroup, level).kind;
          if (k === 'mandatory') mandatoryAt.push({ areaGroup, level });
          if (k === 'extended') extendedAt.push({ areaGroup, level });
        }
      changes.push({ type: 'criterion_added', path: at(), criterion: c.id, mandatoryAt, extendedAt });
      return;
    }
    if (oldId !== c.id)
      changes.push({ type: 'criterion_renamed', path: at('id'), criterion: c.id, from: oldId });
    for (const field of ['measure', 'unit'] as const)
      if (!same(old[field], c[field]))
        changes.push({
          type: 'measure_changed',
          path: at(field),
          criterion: c.id,
          field,
          from: old[field],
          to: c[field],
        });
    const values = (x: Criterion) => (x.scale ?? []).map((p) => p.value);
    if (!same(values(old), values(c)))
      changes.push({
        type: 'measure_changed',
        path: at('scale'),
        criterion: c.id,
        field: 'scale',
        from: values(old),
        to: values(c),
      });
    else if (!same(old.scale, c.scale))
      changes.push({ type: 'text_changed', path: at('scale'), criterion: c.id });
    for (const field of CLASS_FIELDS)
      if (!same(old[field], c[field]))
        changes.push({
          type: 'criterion_reclassified',
          path: at(field),
          criterion: c.id,
          field,
          from: old[field] ?? null,
          to: c[field] ?? null,
        });
    for (const field of TEXT_FIELDS)
      if (!same(old[field], c[field]))
        changes.push({ type: 'text_changed', path: at(field), criterion: c.id });
    if (!same(old.sources, c.sources))
      changes.push({ type: 'citation_changed', path: at('sources'), criterion: c.id });

    for (const areaGroup of AREA_GROUPS)
      for (const level of commonLevels) {
        const r0 = req(old, areaGroup, level);
        const r1 = req(c, areaGroup, level);
        const path = at('requirements', areaGroup, String(level));
        if (r0.kind !== r1.kind)
          changes.push({
            type: 'requirement_kind_changed',
            path,
            criterion: c.id,
            areaGroup,
            level,
            from: r0.kind,
            to: r1.kind,
          });
        if (r0.kind === 'not_applicable' || r1.kind === 'not_applicable') continue;
        if (r0.comparison === r1.comparison && r0.threshold === r1.threshold) continue;
        const from = { comparison: r0.comparison, threshold: r0.threshold };
        const to = { comparison: r1.comparison, threshold: r1.threshold };
        changes.push({
          type: 'threshold_changed',
          path,
          criterion: c.id,
          areaGroup,
          level,
          requirement: r1.kind,
          from,
          to,
          direction: thresholdDirection(from, to),
        });
      }
  });
  a.criteria.forEach((c, i) => {
    if (!idsB.has(c.id) && !renamedFrom.has(c.id))
      changes.push({ type: 'criterion_removed', path: formatPath(['criteria', i]), criterion: c.id });
  });

  // Extended quotas per slot (after renames: a criterion is matched to its new id).
  const newIdOf = (id: string) => crosswalk?.renamed.find((r) => r.from === id)?.to ?? id;
  const byIdB = new Map(b.criteria.map((c) => [c.id, c]));
  for (const areaGroup of AREA_GROUPS)
    for (const level of commonLevels) {
      const shareA = a.levelRule.extendedSharePercent[String(level)] ?? 0;
      const shareB = b.levelRule.extendedSharePercent[String(level)] ?? 0;
      const extA = a.criteria.filter((c) => req(c, areaGroup, level).kind === 'extended');
      const extB = b.criteria.filter((c) => req(c, areaGroup, level).kind === 'extended');
      const idsExtB = new Set(extB.map((c) => c.id));
      const lost: string[] = [];
      for (const c of extA) {
        const nid = newIdOf(c.id);
        const now = byIdB.get(nid);
        if (!now || !idsExtB.has(nid)) {
          lost.push(now ? nid : c.id);
          continue;
        }
        const r0 = req(c, areaGroup, level);
        const r1 = req(now, areaGroup, level);
        if (r0.kind === 'extended' && r1.kind === 'extended') {
          const d =
            r0.comparison === r1.comparison && r0.threshold === r1.threshold
              ? null
              : thresholdDirection(r0, r1);
          if (d === 'tightened' || d === 'changed') lost.push(nid);
        }
      }
      const before = new Set(extA.map((c) => newIdOf(c.id)));
      const gained = extB.map((c) => c.id).filter((id) => !before.has(id));
      // Formerly mandatory here with the same or a looser threshold: a commune that reached this level
      // met it, so it now counts towards the extended share.
      const fromMandatory = gained.filter((id) => {
        const oldId = renamedTo.get(id) ?? id;
        const r0 = req(byIdA.get(oldId), areaGroup, level);
        const r1 = req(byIdB.get(id), areaGroup, level);
        if (r0.kind !== 'mandatory' || r1.kind !== 'extended') return false;
        return (
          (r0.comparison === r1.comparison && r0.threshold === r1.threshold) ||
          thresholdDirection(r0, r1) === 'loosened'
        );
      });
      const from = { applicable: extA.length, required: extendedQuota(shareA, extA.length) };
      const to = { applicable: extB.length, required: extendedQuota(shareB, extB.length) };
      if (
        from.applicable === to.applicable &&
        from.required === to.required &&
        !lost.length &&
        !gained.length
      )
        continue;
      changes.push({
        type: 'extended_quota_changed',
        path: formatPath(['levelRule', 'extendedSharePercent', String(level)]),
        areaGroup,
        level,
        from,
        to,
        lost: lost.sort(),
        gained: gained.sort(),
        fromMandatory: fromMandatory.sort(),
        canLowerLevel: Math.max(0, from.required - lost.length) + fromMandatory.length < to.required,
      });
    }
  return {
    ok: true,
    value: {
      from: { id: a.id, version: a.version, contentHash: hashOf(a) },
      to: { id: b.id, version: b.version, contentHash: hashOf(b) },
      changes,
    },
  };
}

/**
 * {@link tryDiffCatalogs} that throws {@link CdsxValidationError} when the crosswalk does not fit.
 *
 * @example
 * import { diffCatalogs, requiredBump } from '@cdsx/criteria';
 * const diff = diffCatalogs(edition010, edition020, crosswalk);
 * for (const c of diff.changes) console.log(c.type, c.path);
 */
export function diffCatalogs(a: CatalogEdition, b: CatalogEdition, crosswalk?: Crosswalk): CatalogDiff {
  const r = tryDiffCatalogs(a, b, crosswalk);
  if (!r.ok) throw new CdsxValidationError(r.issues, 'crosswalk');
  return r.value;
}
