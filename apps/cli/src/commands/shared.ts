import {
  type AreaGroup,
  type CatalogEdition,
  type Criterion,
  type Lang,
  type PublishedEdition,
  requirementFor,
} from '@cdsx/criteria';
import { getEdition } from '@cdsx/criteria/editions';
import type { Context, OptionDef } from '../command';
import { UsageError } from '../errors';
import { t } from '../i18n';
import type { Cell } from '../render/index';

/** `--catalog <version>`: the edition to use (default: the latest; `latest` also works). */
export const CATALOG_OPTION: OptionDef = {
  type: 'string',
  value: '<version>',
  help: t('phiên bản bộ tiêu chí (mặc định: mới nhất)', 'catalog edition version (default: the latest)'),
};

/** The published edition named by `--catalog` (or the given default); an unknown version is a usage error. */
export function editionFrom(version: string | undefined): PublishedEdition {
  const r = getEdition(version ?? 'latest');
  if (!r.ok) throw new UsageError(r.issues[0]!.message);
  return r.value;
}

/** A string option's value (undefined when not given). */
export function str(ctx: Context, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A repeatable string option's values. */
export function strs(ctx: Context, name: string): string[] {
  const v = ctx.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** Name of an area group in the edition's own words. */
export function areaGroupName(edition: CatalogEdition, group: AreaGroup, lang: Lang): string {
  return edition.areaGroups.find((g) => g.id === group)?.name[lang] ?? group;
}

/** Name of a dimension in the edition's own words. */
export function dimensionName(edition: CatalogEdition, id: string, lang: Lang): string {
  return edition.dimensions.find((d) => d.id === id)?.name[lang] ?? id;
}

/** Name of a level in the edition's own words, e.g. `2 Nâng cao`. */
export function levelLabel(edition: CatalogEdition, level: number, lang: Lang): string {
  const def = edition.levels.find((l) => l.level === level);
  return def ? `${level} ${def.name[lang]}` : String(level);
}

/** A requirement as a short cell: `B≥90` (bắt buộc / mandatory), `M≥30` / `E≥30` (extended), `–` not applicable. */
export function requirementCell(criterion: Criterion, group: AreaGroup, level: number, lang: Lang): Cell {
  const r = requirementFor(criterion, group, level);
  if (r.kind === 'not_applicable') return '–';
  const k = r.kind === 'mandatory' ? (lang === 'vi' ? 'B' : 'M') : lang === 'vi' ? 'M' : 'E';
  const v = typeof r.threshold === 'boolean' ? (r.threshold ? '' : 'false') : String(r.threshold);
  return typeof r.threshold === 'boolean' && r.threshold ? `${k}` : `${k}${r.comparison}${v}`;
}

/** The SYNTHETIC data label, shown wherever generated data is reported. */
export const SYNTHETIC_LABEL = t(
  'DỮ LIỆU TỔNG HỢP (SYNTHETIC) — sinh tự động để minh họa, không phải số liệu thật của xã nào',
  'SYNTHETIC DATA — generated for illustration, not the real figures of any commune',
);
