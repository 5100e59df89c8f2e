/**
 * Sổ phiên bản — the registry of published editions: versions, ids, statuses, effective dates, content hashes
 * and criterion ids, known without loading any edition body; `loadEdition` loads a body on demand and
 * `resolveEdition` picks the edition an assessment or record names.
 */
import { contentHashOf } from '../hash';
import type { ParseResult, ValidationIssue } from '../issues';
import type { CatalogEdition } from '../model';
import type { PublishedEdition } from './published';
import { CRITERION_IDS, REGISTRY_ROWS } from './registry.generated';

/** What the registry knows about one published edition (no body). */
export interface EditionInfo {
  readonly version: PublishedVersion;
  /** Edition id, e.g. `cdsx-commune-2026-draft-2`. */
  readonly id: string;
  readonly status: 'draft' | 'issued';
  readonly effectiveDate: string;
  /** `sha256:` + hex of the edition's canonical JSON (the same hash decision records cite). */
  readonly contentHash: string;
  /** The permalink subpath that holds its body, e.g. `@cdsx/criteria/editions/0.2.0`. */
  readonly module: `@cdsx/criteria/editions/${PublishedVersion}`;
}

/** The version of a published edition. */
export type PublishedVersion = (typeof REGISTRY_ROWS)[number]['version'];
/**
 * The version `latest` resolves to: the newest edition released as latest. An edition can be published at its
 * permalink before it becomes latest (0.3.0 is, see RELEASING.md §7), so this is set, not derived.
 */
export type LatestVersion = '0.2.0';

/**
 * The criterion ids of a published edition, as a literal union — the opt-in typed API:
 * `const id: CriterionId<'0.2.0'> = 'HT.1'` is a compile error. Takes a version, an edition
 * (`typeof edition` from `@cdsx/criteria/editions/0.2.0`) or a published edition; defaults to the latest.
 */
export type CriterionId<
  E extends
    | PublishedVersion
    | { readonly version: PublishedVersion }
    | { readonly edition: { readonly version: PublishedVersion } } = LatestVersion,
> = (typeof CRITERION_IDS)[E extends PublishedVersion
  ? E
  : E extends { readonly edition: { readonly version: infer V extends PublishedVersion } }
    ? V
    : E extends { readonly version: infer V extends PublishedVersion }
      ? V
      : never][number];

/** Every published edition's registry entry, oldest first. Editions are never removed. */
export const EDITION_REGISTRY: readonly EditionInfo[] = Object.freeze(
  REGISTRY_ROWS.map((r) => Object.freeze({ ...r, module: `@cdsx/criteria/editions/${r.version}` as const })),
);

/** The version `latest` resolves to (see {@link LatestVersion}); a test checks it is a published edition. */
export const LATEST_VERSION: LatestVersion & PublishedVersion = '0.2.0';

/** The criterion ids of a published edition (from the registry; no body is loaded). */
export function criterionIdsOf<V extends PublishedVersion>(version: V): readonly CriterionId<V>[] {
  return CRITERION_IDS[version] as readonly CriterionId<V>[];
}

/** A published edition whose version is known to the type system (what the permalink subpaths export). */
export type PublishedEditionOf<V extends PublishedVersion> = PublishedEdition & {
  readonly edition: CatalogEdition & { readonly version: V };
};

const known = () => EDITION_REGISTRY.map((e) => e.version).join(', ');

function unknownVersion(version: unknown): ValidationIssue {
  return {
    path: 'catalogVersion',
    segments: ['catalogVersion'],
    code: 'unknown_catalog_version',
    message: {
      vi: `không có bộ tiêu chí phiên bản ${JSON.stringify(version)}; các phiên bản hiện có: ${known()}`,
      en: `unknown catalog version ${JSON.stringify(version)}; available: ${known()}`,
    },
  };
}

/** The registry entry of a version (`"latest"` allowed), or `undefined`. */
export function editionInfo(version: string): EditionInfo | undefined {
  const v = version === 'latest' ? LATEST_VERSION : version;
  return EDITION_REGISTRY.find((e) => e.version === v);
}

const loaded = new Map<string, PublishedEdition>();

/**
 * Load a published edition's body on demand (`"latest"` allowed): a dynamic import of its permalink
 * subpath, so a browser bundle fetches only the editions it uses; works from ESM and CommonJS.
 * Resolves to an issue (never rejects) for an unknown version.
 *
 * @example
 * const r = await loadEdition(assessment.catalogVersion);
 * if (r.ok) validateAssessment(assessment, r.value);
 */
export async function loadEdition(version: string): Promise<ParseResult<PublishedEdition>> {
  const info = editionInfo(version);
  if (!info) return { ok: false, issues: [unknownVersion(version)] };
  let p = loaded.get(info.version);
  if (!p) {
    p = (await importEdition(info.version)).published;
    loaded.set(info.version, p);
  }
  return { ok: true, value: p };
}

/** The editions loaded so far through {@link loadEdition}, oldest first. */
export function loadedEditions(): PublishedEdition[] {
  return EDITION_REGISTRY.flatMap((e) => loaded.get(e.version) ?? []);
}

// One literal `import()` per edition so bundlers split each body into its own chunk.
// GENERATED list kept in step with the registry by a test.
function importEdition(version: PublishedVersion): Promise<{ published: PublishedEdition }> {
  switch (version) {
    case '0.1.0':
      return import('./0.1.0');
    case '0.2.0':
      return import('./0.2.0');
    case '0.3.0':
      return import('./0.3.0');
  }
}

/** Where an edition comes from for {@link resolveEdition}: one edition, or a list to pick from. */
export type EditionSource = CatalogEdition | PublishedEdition | readonly PublishedEdition[];

/**
 * Resolve the edition an assessment or decision record names (its `catalogVersion`, or a record's
 * `catalog.version`), or a bare version string, among the editions given: the one edition (which must be
 * that version), or the list (e.g. `EDITIONS` from `@cdsx/criteria/editions`, or {@link loadedEditions}).
 * Errors are located and bilingual: a missing version, a version no published edition has, a published
 * version that is not loaded (with how to load it), a mismatch with the single edition given.
 *
 * @example
 * import { EDITIONS } from '@cdsx/criteria/editions';
 * const r = resolveEdition(assessment, EDITIONS);
 * if (r.ok) render(r.value.edition);
 */
export function resolveEdition(named: unknown, from: EditionSource): ParseResult<PublishedEdition> {
  const version = versionNamed(named);
  if (version === undefined)
    return {
      ok: false,
      issues: [
        {
          path: 'catalogVersion',
          segments: ['catalogVersion'],
          code: 'required',
          message: {
            vi: 'thiếu phiên bản bộ tiêu chí (catalogVersion)',
            en: 'the catalog version (catalogVersion) is missing',
          },
        },
      ],
    };
  if (!Array.isArray(from)) {
    const one = from as CatalogEdition | PublishedEdition;
    const published = 'contentHash' in one && 'edition' in one ? one : null;
    const edition = published ? published.edition : (one as CatalogEdition);
    if (edition.version !== version)
      return {
        ok: false,
        issues: [
          {
            path: 'catalogVersion',
            segments: ['catalogVersion'],
            code: 'catalog_version_mismatch',
            message: {
              vi: `bản ghi dùng bộ tiêu chí ${version} nhưng bộ tiêu chí được cung cấp là ${edition.version}`,
              en: `the record names catalog ${version} but the edition given is ${edition.version}`,
            },
          },
        ],
      };
    if (published) return { ok: true, value: published };
    return { ok: true, value: { edition, contentHash: contentHashOf(edition) } };
  }
  const list = from as readonly PublishedEdition[];
  const v = version === 'latest' ? LATEST_VERSION : version;
  const found = list.find((e) => e.edition.version === v);
  if (found) return { ok: true, value: found };
  if (!editionInfo(v)) return { ok: false, issues: [unknownVersion(version)] };
  return {
    ok: false,
    issues: [
      {
        path: 'catalogVersion',
        segments: ['catalogVersion'],
        code: 'edition_not_loaded',
        message: {
          vi: `bộ tiêu chí ${v} chưa được nạp: dùng await loadEdition('${v}') hoặc import từ @cdsx/criteria/editions/${v}`,
          en: `catalog edition ${v} is not loaded: use await loadEdition('${v}') or import it from @cdsx/criteria/editions/${v}`,
        },
      },
    ],
  };
}

/** The version a record names: an assessment's `catalogVersion`, a decision record's `catalog.version`. */
function versionNamed(named: unknown): string | undefined {
  if (typeof named === 'string') return named;
  if (!named || typeof named !== 'object') return undefined;
  const r = named as { catalogVersion?: unknown; catalog?: { version?: unknown } };
  if (typeof r.catalogVersion === 'string') return r.catalogVersion;
  if (typeof r.catalog?.version === 'string') return r.catalog.version;
  return undefined;
}
