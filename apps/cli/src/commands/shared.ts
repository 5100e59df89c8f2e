import {
  type AreaGroup,
  type CatalogEdition,
  type Criterion,
  comparisonSymbol,
  contentHashOf,
  formatNumber,
  type Lang,
  lintCatalog,
  type PublishedEdition,
  parseCatalogEdition,
  requirementFor,
} from '@cdsx/criteria';
import { getEdition } from '@cdsx/criteria/editions';
import { applyOverlay } from '@cdsx/rules';
import type { Context, OptionDef } from '../command';
import { InputError, type LocatedIssue, UsageError } from '../errors';
import { t } from '../i18n';
import { readJsonDocument } from '../inputs';
import { locate } from '../records';
import type { Cell } from '../render/index';

/** `--catalog <version|file>`: the edition to use (default: the latest; `latest` also works; or a draft file). */
export const CATALOG_OPTION: OptionDef = {
  type: 'string',
  value: '<version|file>',
  help: t(
    'phiên bản bộ tiêu chí, hoặc tệp JSON của một bộ tiêu chí dự thảo (mặc định: mới nhất)',
    'catalog edition version, or the JSON file of a draft edition (default: the latest)',
  ),
};

/** An edition given on the command line: a published one, or a draft read from a file. */
export interface ResolvedEdition extends PublishedEdition {
  /** `false` for an edition read from a file (a draft, not in this release of @cdsx/criteria). */
  readonly published: boolean;
  /** The file it was read from (as the user wrote it), for a draft. */
  readonly file?: string;
}

/** Whether a `--catalog` value names a file rather than a version (`./draft.json`, `drafts/x`, `-`). */
export function isEditionFile(spec: string): boolean {
  return spec === '-' || /\.json$/i.test(spec) || spec.includes('/') || spec.includes('\\');
}

/**
 * The edition named on the command line: a published version (`0.2.0`, `latest`) or the path of an
 * edition JSON file (a draft a ministry editor wants to preview). A file is parsed with
 * `parseCatalogEdition` and linted with `lintCatalog` first; every problem is an input error located in
 * the file (line, column, path). An unknown version is a usage error. Used by every command that takes
 * an edition (`assess`, `validate`, `catalog show|diff|impact`, reports and forms). Named apart from
 * `resolveEdition` of @cdsx/criteria, which picks the edition a decision record names.
 *
 * @example
 * const { edition, contentHash, published } = await editionArg(ctx, str(ctx, 'catalog') ?? 'latest');
 */
export async function editionArg(ctx: Context, spec: string): Promise<ResolvedEdition> {
  const known = getEdition(spec);
  if (known.ok) return { ...known.value, published: true };
  if (!isEditionFile(spec)) throw new UsageError(known.issues[0]!.message);
  const doc = await readJsonDocument(ctx, spec);
  const r = parseCatalogEdition(doc.value);
  if (!r.ok) throw new InputError(r.issues.map((i) => locate(doc, i)));
  const lint = lintCatalog(r.value);
  if (lint.length) {
    throw new InputError(lint.map((p) => locate(doc, { path: p.path, code: p.rule, message: p.message })));
  }
  const edition = r.value;
  return { edition, contentHash: contentHashOf(edition), published: false, file: spec };
}

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
  if (r.threshold === true) return k;
  const v = typeof r.threshold === 'boolean' ? 'false' : formatNumber(r.threshold, lang);
  return `${k}${comparisonSymbol(r.comparison)}${v}`;
}

/** `--overlay <file>` (repeatable): province overlays (bộ tiêu chí bổ sung của tỉnh). */
export const OVERLAY_OPTION: OptionDef = {
  type: 'string',
  multiple: true,
  value: '<file>',
  help: t('bộ tiêu chí bổ sung của tỉnh (có thể lặp lại)', 'province overlay file (repeatable)'),
};

/** Validate overlay files up front, each against the edition it will be used with; issues located in the file. */
export async function readOverlays(
  ctx: Context,
  files: string[],
  fixed: PublishedEdition | undefined,
): Promise<unknown[]> {
  const overlays: unknown[] = [];
  const issues: LocatedIssue[] = [];
  for (const file of files) {
    const doc = await readJsonDocument(ctx, file);
    const base = (doc.value as { baseEdition?: { version?: unknown } } | null)?.baseEdition?.version;
    let edition = fixed;
    if (!edition && typeof base === 'string') {
      const g = getEdition(base);
      if (g.ok) edition = g.value;
    }
    // An unknown base version is reported by applyOverlay against the latest edition.
    const { edition: e, contentHash } = edition ?? editionFrom(undefined);
    const r = applyOverlay(e, contentHash, doc.value);
    if (!r.ok) issues.push(...r.issues.map((i) => locate(doc, i)));
    else overlays.push(doc.value);
  }
  if (issues.length) throw new InputError(issues);
  return overlays;
}

/** The SYNTHETIC data label, shown wherever generated data is reported. */
export const SYNTHETIC_LABEL = t(
  'DỮ LIỆU MÔ PHỎNG (SYNTHETIC) — sinh tự động để minh họa, không phải số liệu thật của xã nào',
  'SYNTHETIC DATA — generated for illustration, not the real figures of any commune',
);
