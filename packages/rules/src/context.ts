import {
  type Assessment,
  areaGroupOf,
  type CatalogEdition,
  contentHashOf,
  type EditionSource,
  loadEdition,
  loadedEditions,
  type ParseResult,
  type PublishedEdition,
  resolveEdition,
  type ValidationIssue,
  validateAssessment,
} from '@cdsx/criteria';
import { type AssessmentAcceptor, compileAssessmentAcceptor } from '@cdsx/criteria/internal';
import { compileRuleSets, type RuleSet, rankedLevels } from './compile';
import { type AppliedOverlay, applyOverlay } from './overlay';
import { type CatalogContext, readObservations } from './record';

/** Options shared by {@link assess}, {@link assessMany} and {@link assessWithEngine}. */
export interface AssessOptions {
  /**
   * The catalog edition to decide under: one edition (a {@link PublishedEdition} from its permalink
   * `@cdsx/criteria/editions/<version>`, or a bare edition) — an assessment naming another version is an
   * error — or a list to pick from by each assessment's `catalogVersion` (e.g. `EDITIONS` from
   * `@cdsx/criteria/editions` in a tool that works across editions).
   *
   * By default, the edition the assessment names among those loaded with `loadEdition` from
   * `@cdsx/criteria` (`loadedEditions()`): this package imports no edition body, so a browser bundle holds
   * only the editions it uses. An assessment naming a published edition that is not loaded is rejected
   * with the issue `edition_not_loaded` (vi + en), which says how to load it:
   *
   * ```ts
   * const r = await loadEdition(assessment.catalogVersion); // or pass { edition } explicitly
   * if (r.ok) assess(assessment);                         // same as assess(assessment, { edition: r.value })
   * ```
   */
  edition?: EditionSource;
  /**
   * Province overlays (validated here; see {@link OverlaySchema}). Each applies to the communes of its
   * province; at most one per province.
   */
  overlays?: readonly unknown[];
  /**
   * Observations for criterion ids outside the edition (and overlay): `'report'` (default) lists them in
   * `unknownCriteria` of the record; `'error'` rejects the assessment.
   */
  unknownCriteria?: 'report' | 'error';
  /**
   * Skip re-validating each assessment — only for input that has already passed `validateAssessment`
   * for the same edition (e.g. straight from {@link generateSyntheticAssessments}, or checked once and
   * assessed many times). Validation is most of the fast path's cost; a malformed assessment given
   * with this flag is not detected. Default `false`.
   */
  skipValidation?: boolean;
  /**
   * `'full'` (default): every finding (criterion × level) in the record. `'summary'`: no `findings` key —
   * level, counts, gaps and missing data only; far smaller and faster for nationwide batches.
   */
  detail?: 'full' | 'summary';
  /**
   * `'reference'` (default): remediation text is not copied into the record — look it up in the edition
   * the record names ({@link remediationOf}). `'inline'`: the record carries `remediation`, once per
   * criterion with a failed requirement, so it can be read without the edition.
   */
  remediation?: 'reference' | 'inline';
}

/** A validated assessment with the compiled catalog and rule set it is decided under. */
export interface Prepared {
  readonly ctx: CatalogContext;
  readonly ruleSet: RuleSet;
  readonly assessment: Assessment;
}

/**
 * Where a preparer puts an accepted assessment's observations when asked: `values[i]` the observed value of
 * criterion `i` of the context's edition (`undefined` when missing; exactly as long as its criteria), and the
 * observation ids that are not criteria, in key order. Buffers reused from one assessment to the next.
 * @internal
 */
export interface Observed {
  values: unknown[];
  readonly unknown: string[];
}

/** Empty `into` for an assessment under a context with `n` criteria. */
function clearObserved(into: Observed, n: number): void {
  if (into.values.length !== n) into.values = new Array<unknown>(n);
  into.values.fill(undefined);
  into.unknown.length = 0;
}

/** Content hashes of deep-frozen editions, by identity: frozen content cannot change under its hash. */
const frozenHashes = new WeakMap<CatalogEdition, string>();

/**
 * The edition as it enters at the API boundary, made immutable, with its content hash. A deep-frozen
 * edition (every published edition is deep-frozen by @cdsx/criteria) is used as is, its hash computed once
 * per object; any other edition is copied (`structuredClone`), the copy deep-frozen and hashed — so a caller
 * who mutates their object afterwards can never get decisions (or cached compilations) of the old content
 * under the new one, or the reverse. A `contentHash` the caller supplies is never trusted.
 * @internal
 */
export function immutableEdition(given: CatalogEdition | PublishedEdition): {
  edition: CatalogEdition;
  hash: string;
} {
  const edition = isPublished(given) ? given.edition : given;
  const known = frozenHashes.get(edition);
  if (known) return { edition, hash: known };
  if (isDeepFrozen(edition)) {
    const hash = contentHashOf(edition);
    frozenHashes.set(edition, hash);
    return { edition, hash };
  }
  const copy = freezeDeep(structuredClone(edition));
  const hash = contentHashOf(copy);
  frozenHashes.set(copy, hash);
  return { edition: copy, hash };
}

function isDeepFrozen(value: unknown): boolean {
  if (!value || typeof value !== 'object') return true;
  if (!Object.isFrozen(value)) return false;
  for (const v of Object.values(value)) if (!isDeepFrozen(v)) return false;
  return true;
}

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return value;
}

/**
 * Compiled contexts, keyed by content (edition hash | overlay hash), never by object identity: every
 * edition reaching here is frozen (see {@link immutableEdition}), and equal content compiles equally.
 * Bounded, oldest first out, so a long-running service that sees many draft editions stays flat.
 */
const contextCache = new Map<string, CatalogContext>();
const CONTEXT_CACHE_SIZE = 64;
function contextFor(edition: CatalogEdition, hash: string, applied: AppliedOverlay | null): CatalogContext {
  const key = `${hash}|${applied?.contentHash ?? ''}`;
  let ctx = contextCache.get(key);
  if (!ctx) {
    const effective = applied ? applied.edition : edition;
    const { base, ranked } = rankedLevels(effective);
    ctx = {
      edition: effective,
      contentHash: hash,
      overlay: applied
        ? { id: applied.overlay.id, province: applied.overlay.province, contentHash: applied.contentHash }
        : null,
      base,
      ranked,
      criterionIds: new Set(effective.criteria.map((c) => c.id)),
      criterionById: new Map(effective.criteria.map((c) => [c.id, c])),
      criterionIndex: new Map(effective.criteria.map((c, i) => [c.id, i])),
      dimensionIndex: Int32Array.from(effective.criteria, (c) =>
        effective.dimensions.findIndex((d) => d.id === c.dimension),
      ),
      ruleSets: compileRuleSets(effective),
    };
    if (contextCache.size >= CONTEXT_CACHE_SIZE) contextCache.delete(contextCache.keys().next().value!);
    contextCache.set(key, ctx);
  }
  return ctx;
}

const acceptors = new WeakMap<CatalogContext, { error: AssessmentAcceptor; allow: AssessmentAcceptor }>();
/**
 * The acceptance test of `validateAssessment` (structure, catalog version, each known observation against
 * its criterion's value type / range / scale / unit, unknown ids well-formed — or rejected on request),
 * compiled once per catalog context. It says whether the assessment can be used as given; `false` lets
 * `validateAssessment` report exactly what is wrong (or return the trimmed copy it would use).
 */
function acceptorFor(ctx: CatalogContext, rejectUnknown: boolean): AssessmentAcceptor {
  let pair = acceptors.get(ctx);
  if (!pair) {
    pair = {
      error: compileAssessmentAcceptor(ctx.edition, { unknownCriteria: 'error' }),
      allow: compileAssessmentAcceptor(ctx.edition, { unknownCriteria: 'allow' }),
    };
    acceptors.set(ctx, pair);
  }
  return rejectUnknown ? pair.error : pair.allow;
}

/** A context resolved by a preparer, with its overlay and acceptor. */
interface Resolved {
  readonly ctx: CatalogContext;
  readonly applied: AppliedOverlay | null;
  readonly accept: AssessmentAcceptor;
}

/**
 * For the asynchronous entry points (json-rules-engine, conformance): when no edition is given, load the
 * published editions the inputs name (`loadEdition`, a dynamic import of each permalink) so the preparer
 * finds them among the loaded editions. Unknown versions are left for the preparer to report.
 * @internal
 */
export async function loadNamedEditions(inputs: readonly unknown[], options: AssessOptions): Promise<void> {
  if (options.edition !== undefined) return;
  const versions = new Set<string>();
  for (const input of inputs) {
    const v = (input as { catalogVersion?: unknown } | null)?.catalogVersion;
    if (typeof v === 'string') versions.add(v);
  }
  for (const v of versions) await loadEdition(v);
}

function prefixed(issues: ValidationIssue[], prefix: string): ValidationIssue[] {
  return issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
}

function isPublished(e: CatalogEdition | PublishedEdition): e is PublishedEdition {
  return 'edition' in e && 'contentHash' in e;
}

function isList(e: EditionSource): e is readonly PublishedEdition[] {
  return Array.isArray(e);
}

/**
 * Resolve editions and overlays once for many assessments; `prepare(input)` validates one assessment, and
 * `prepare(input, into)` also reads its observations into `into` (see {@link Observed}) — in the acceptor's
 * own pass over them when it accepts, so a batch walks each assessment's observations once.
 * @internal
 */
export function preparer(
  options: AssessOptions = {},
): (input: unknown, into?: Observed) => ParseResult<Prepared> {
  const given = options.edition;
  const fixed = given && !isList(given) ? immutableEdition(given) : null;
  // No single edition: pick by `catalogVersion` among the list given, or the editions loaded so far.
  const list = given && isList(given) ? given : null;
  const byVersion = new Map<string, ParseResult<{ edition: CatalogEdition; hash: string }>>();
  const pick = (input: unknown): ParseResult<{ edition: CatalogEdition; hash: string }> => {
    const version = (input as { catalogVersion?: unknown } | null)?.catalogVersion;
    let r = typeof version === 'string' ? byVersion.get(version) : undefined;
    if (r) return r;
    const from = list ?? loadedEditions();
    const found = resolveEdition(input, from);
    if (!found.ok) {
      // Report the structural problems too (validateAssessment resolves the same way and adds them).
      const v = validateAssessment(input, from);
      return v.ok ? found : v;
    }
    r = { ok: true, value: immutableEdition(found.value) };
    // The loaded editions only grow: a version found stays found, one not found is looked up again.
    if (typeof version === 'string') byVersion.set(version, r);
    return r;
  };

  // Overlays are validated against each edition they are used with, once.
  const overlayCache = new Map<CatalogEdition, ParseResult<Map<string, AppliedOverlay>>>();
  const overlaysFor = (edition: CatalogEdition, hash: string): ParseResult<Map<string, AppliedOverlay>> => {
    let r = overlayCache.get(edition);
    if (!r) {
      const byProvince = new Map<string, AppliedOverlay>();
      const issues: ValidationIssue[] = [];
      (options.overlays ?? []).forEach((o, i) => {
        const applied = applyOverlay(edition, hash, o);
        if (!applied.ok) {
          issues.push(...prefixed(applied.issues, `overlays[${i}]`));
          return;
        }
        const province = applied.value.overlay.province;
        if (byProvince.has(province)) {
          issues.push({
            path: `overlays[${i}].province`,
            code: 'overlay_duplicate_province',
            message: {
              vi: `đã có một bộ tiêu chí bổ sung cho tỉnh ${province}`,
              en: `more than one overlay for province ${province}`,
            },
          });
          return;
        }
        byProvince.set(province, applied.value);
      });
      r = issues.length ? { ok: false, issues } : { ok: true, value: byProvince };
      overlayCache.set(edition, r);
    }
    return r;
  };

  // Contexts already resolved by this preparer, by edition hash then province (most batches use one or
  // two), with the acceptor of each: one map lookup per assessment, no key string built per assessment.
  const resolved = new Map<string, Map<string, Resolved>>();
  const rejectUnknown = options.unknownCriteria === 'error';

  return (input, into) => {
    let edition: CatalogEdition;
    let hash: string;
    if (fixed) {
      edition = fixed.edition;
      hash = fixed.hash;
    } else {
      const found = pick(input);
      if (!found.ok) return found;
      edition = found.value.edition;
      hash = found.value.hash;
    }
    let byProvince = resolved.get(hash);
    if (!byProvince) {
      byProvince = new Map();
      resolved.set(hash, byProvince);
    }
    const province = (input as { commune?: { provinceCode?: unknown } } | null)?.commune?.provinceCode;
    const provinceKey = typeof province === 'string' ? province : '';
    let hit = byProvince.get(provinceKey);
    if (!hit) {
      const overlays = overlaysFor(edition, hash);
      if (!overlays.ok) return overlays;
      const applied = provinceKey ? (overlays.value.get(provinceKey) ?? null) : null;
      const ctx = contextFor(edition, hash, applied);
      hit = { ctx, applied, accept: acceptorFor(ctx, rejectUnknown) };
      byProvince.set(provinceKey, hit);
    }
    const { ctx, applied } = hit;
    let read = false;
    const n = ctx.edition.criteria.length;
    if (into) clearObserved(into, n);
    let assessment: Assessment | null = null;
    if (options.skipValidation) assessment = input as Assessment;
    else if (hit.accept(input, into?.values, into?.unknown)) {
      assessment = input as Assessment;
      read = true;
    } else if (into) clearObserved(into, n); // the acceptor's partial read-out
    if (!assessment) {
      // Invalid (or unusual): let @cdsx/criteria say exactly what is wrong, where, in vi and en.
      const valid = validateAssessment(input, edition, {
        extraCriteria: applied?.overlay.addCriteria ?? [],
        unknownCriteria: options.unknownCriteria === 'error' ? 'error' : 'allow',
      });
      if (!valid.ok) return valid;
      assessment = valid.value;
    }
    if (into && !read) readObservations(ctx, assessment, into.values, into.unknown);
    return { ok: true, value: { ctx, ruleSet: ctx.ruleSets[areaGroupOf(assessment.commune)], assessment } };
  };
}
