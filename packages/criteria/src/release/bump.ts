import type { LocalizedText } from '../text';
import type { CatalogChange, CatalogDiff, Slot, Threshold } from './diff';

/** A semver bump; `none` when nothing changed. */
export type Bump = 'major' | 'minor' | 'patch' | 'none';

/** Bumps from smallest to largest. */
export const BUMPS: readonly Bump[] = ['none', 'patch', 'minor', 'major'];

/** Compare two bumps: negative when `a` is smaller than `b`. */
export function compareBumps(a: Bump, b: Bump): number {
  return BUMPS.indexOf(a) - BUMPS.indexOf(b);
}

/** Why a change needs a bump, in Vietnamese and English. */
export interface BumpReason {
  bump: Exclude<Bump, 'none'>;
  change: CatalogChange;
  message: LocalizedText;
}

/** The bump a diff requires and every change that requires something, largest bump first. */
export interface RequiredBump {
  bump: Bump;
  reasons: BumpReason[];
}

const GROUP: Record<Slot['areaGroup'], LocalizedText> = {
  urban: { vi: 'đô thị', en: 'urban' },
  rural: { vi: 'nông thôn', en: 'rural' },
  remote: { vi: 'miền núi, biên giới, hải đảo', en: 'remote' },
};
const KIND: Record<string, LocalizedText> = {
  mandatory: { vi: 'bắt buộc', en: 'mandatory' },
  extended: { vi: 'mở rộng', en: 'extended' },
  not_applicable: { vi: 'không áp dụng', en: 'not applicable' },
};
const slot = (s: Slot, lang: 'vi' | 'en') =>
  lang === 'vi'
    ? `nhóm ${GROUP[s.areaGroup].vi}, mức ${s.level}`
    : `${GROUP[s.areaGroup].en}, level ${s.level}`;
const th = (t: Threshold) => `${t.comparison} ${String(t.threshold)}`;
const show = (v: unknown) => JSON.stringify(v ?? null);

/**
 * The bump one change requires under the release policy (see RELEASING.md):
 * major when some commune's level can get worse or an id disappears, minor when nothing can get worse
 * but the catalog gains something, patch for wording and citations.
 */
export function bumpFor(change: CatalogChange): Exclude<Bump, 'none'> {
  switch (change.type) {
    case 'criterion_removed':
    case 'criterion_renamed':
    case 'level_removed':
    case 'measure_changed':
      return 'major';
    case 'criterion_added':
      return change.mandatoryAt.length ? 'major' : 'minor';
    case 'requirement_kind_changed': {
      const rank = { not_applicable: 0, extended: 1, mandatory: 2 };
      return rank[change.to] > rank[change.from] ? 'major' : 'minor';
    }
    case 'threshold_changed':
      return change.direction === 'loosened' ? 'minor' : 'major';
    case 'level_rule_changed':
      return change.direction === 'stricter' ? 'major' : 'minor';
    case 'extended_quota_changed':
      return change.canLowerLevel ? 'major' : 'minor';
    case 'edition_added':
    case 'edition_status_changed':
    case 'criterion_reclassified':
    case 'level_added':
      return 'minor';
    case 'text_changed':
    case 'citation_changed':
      return 'patch';
  }
}

/**
 * Describe one change for a maintainer, Vietnamese and English.
 *
 * @example
 * describeChange(change).en // 'DV.01 (urban, level 2): threshold tightened >= 80 → >= 85'
 */
export function describeChange(c: CatalogChange): LocalizedText {
  switch (c.type) {
    case 'edition_added':
      return {
        vi: `phiên bản mới ${c.version}: đường dẫn cố định mới @cdsx/criteria/editions/${c.version}`,
        en: `new edition ${c.version}: new permalink subpath @cdsx/criteria/editions/${c.version}`,
      };
    case 'edition_status_changed':
      return { vi: `trạng thái ${c.from} → ${c.to}`, en: `status ${c.from} → ${c.to}` };
    case 'criterion_added': {
      const where = c.mandatoryAt.map((s) => `${s.areaGroup} ${s.level}`).join(', ');
      return c.mandatoryAt.length
        ? {
            vi: `thêm tiêu chí ${c.criterion}, bắt buộc tại: ${where}`,
            en: `criterion ${c.criterion} added as mandatory at: ${where}`,
          }
        : {
            vi: `thêm tiêu chí mở rộng ${c.criterion}`,
            en: `extended criterion ${c.criterion} added`,
          };
    }
    case 'criterion_removed':
      return {
        vi: `bỏ tiêu chí ${c.criterion}: mã biến mất`,
        en: `criterion ${c.criterion} removed: its id disappears`,
      };
    case 'criterion_renamed':
      return {
        vi: `đổi mã ${c.from} → ${c.criterion}: mã ${c.from} biến mất`,
        en: `id ${c.from} renamed to ${c.criterion}: ${c.from} disappears`,
      };
    case 'requirement_kind_changed':
      return {
        vi: `${c.criterion} (${slot(c, 'vi')}): ${KIND[c.from]!.vi} → ${KIND[c.to]!.vi}`,
        en: `${c.criterion} (${slot(c, 'en')}): ${KIND[c.from]!.en} → ${KIND[c.to]!.en}`,
      };
    case 'threshold_changed': {
      const vi = { tightened: 'ngưỡng chặt hơn', loosened: 'ngưỡng nới lỏng', changed: 'ngưỡng thay đổi' };
      const en = {
        tightened: 'threshold tightened',
        loosened: 'threshold loosened',
        changed: 'threshold changed',
      };
      return {
        vi: `${c.criterion} (${slot(c, 'vi')}): ${vi[c.direction]} ${th(c.from)} → ${th(c.to)}`,
        en: `${c.criterion} (${slot(c, 'en')}): ${en[c.direction]} ${th(c.from)} → ${th(c.to)}`,
      };
    }
    case 'measure_changed':
      return {
        vi: `${c.criterion}: ${c.field} đổi ${show(c.from)} → ${show(c.to)}; số liệu cũ có thể không còn hợp lệ`,
        en: `${c.criterion}: ${c.field} changed ${show(c.from)} → ${show(c.to)}; old observations may no longer fit`,
      };
    case 'criterion_reclassified':
      return {
        vi: `${c.criterion}: ${c.field} đổi ${show(c.from)} → ${show(c.to)}`,
        en: `${c.criterion}: ${c.field} changed ${show(c.from)} → ${show(c.to)}`,
      };
    case 'level_added':
      return { vi: `thêm mức ${c.level}`, en: `level ${c.level} added` };
    case 'level_removed':
      return { vi: `bỏ mức ${c.level}`, en: `level ${c.level} removed` };
    case 'level_rule_changed':
      return {
        vi: `quy tắc xếp mức ${c.level}: tỷ lệ tiêu chí mở rộng ${c.from}% → ${c.to}%`,
        en: `level rule, level ${c.level}: extended share ${c.from}% → ${c.to}%`,
      };
    case 'extended_quota_changed': {
      const lost = c.lost.length ? `; ${c.lost.join(', ')}` : '';
      return c.canLowerLevel
        ? {
            vi: `${slot(c, 'vi')}: cần ${c.to.required}/${c.to.applicable} tiêu chí mở rộng (trước: ${c.from.required}/${c.from.applicable})${lost ? `; có thể mất${lost}` : ''} — xã vừa đủ trước đây có thể thiếu`,
            en: `${slot(c, 'en')}: ${c.to.required} of ${c.to.applicable} extended criteria needed (was ${c.from.required} of ${c.from.applicable})${lost ? `; may no longer count${lost}` : ''} — a commune that just met the share can fall short`,
          }
        : {
            vi: `${slot(c, 'vi')}: cần ${c.to.required}/${c.to.applicable} tiêu chí mở rộng (trước: ${c.from.required}/${c.from.applicable}); không xã nào bị thiếu thêm`,
            en: `${slot(c, 'en')}: ${c.to.required} of ${c.to.applicable} extended criteria needed (was ${c.from.required} of ${c.from.applicable}); no commune can fall short because of it`,
          };
    }
    case 'text_changed':
      return { vi: `sửa nội dung ${c.path}`, en: `text changed at ${c.path}` };
    case 'citation_changed':
      return { vi: `sửa trích dẫn ${c.path}`, en: `citation changed at ${c.path}` };
  }
}

/**
 * Mức tăng phiên bản bắt buộc — the smallest semver bump a release carrying this diff may declare, with
 * the change behind each requirement (largest bump first, then diff order).
 *
 * @example
 * const { bump, reasons } = requiredBump(diffCatalogs(edition010, edition020, crosswalk));
 * bump;                 // 'major'
 * reasons[0].message.en // 'DV.01 (urban, level 2): threshold tightened >= 80 → >= 85'
 */
export function requiredBump(diff: CatalogDiff): RequiredBump {
  const reasons: BumpReason[] = diff.changes.map((change) => ({
    bump: bumpFor(change),
    change,
    message: describeChange(change),
  }));
  // Stable sort: largest bump first, diff order within a bump.
  const ordered = reasons
    .map((r, i) => ({ r, i }))
    .sort((x, y) => compareBumps(y.r.bump, x.r.bump) || x.i - y.i)
    .map((x) => x.r);
  return { bump: ordered[0]?.bump ?? 'none', reasons: ordered };
}
