import {
  type Assessment,
  areaGroupOf,
  type CatalogEdition,
  contentHashOf,
  type ParseResult,
  type PublishedEdition,
  type ValidationIssue,
  validateAssessment,
} from '@cdsx/criteria';
import { EDITIONS, getEdition, latestEdition } from '@cdsx/criteria/editions';
import { type AssessmentAcceptor, compileAssessmentAcceptor } from '@cdsx/criteria/internal';
import { compileRuleSets, type RuleSet, rankedLevels } from './compile';
import { type AppliedOverlay, applyOverlay } from './overlay';
import type { CatalogContext } from './record';

/** Options shared by {@link assess}, {@link assessMany} and {@link assessWithEngine}. */
export interface AssessOptions {
  /**
   * The catalog edition to decide under (a {@link PublishedEdition} or a bare edition). By default the
   * published edition named by the assessment's `catalogVersion`; a different version is an error.
   */
  edition?: CatalogEdition | PublishedEdition;
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
 * The edition as it enters at the API boundary, made immutable. A published edition (deep-frozen by
 * @cdsx/criteria) is used as is; any other edition is copied (`structuredClone`) and the copy deep-frozen,
 * and its content hash computed from the copy — so a caller who mutates their object afterwards can never
 * get decisions (or cached compilations) of the old content under the new one, or the reverse.
 */
function immutableEdition(given: CatalogEdition | PublishedEdition): {
  edition: CatalogEdition;
  hash: string;
} {
  const edition = isPublished(given) ? given.edition : given;
  const known = EDITIONS.find((e) => e.edition === edition);
  if (known) return { edition: known.edition, hash: known.contentHash };
  const copy = freezeDeep(structuredClone(edition));
  return { edition: copy, hash: contentHashOf(copy) };
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
 * compiled once per catalog context. Returns the assessment as given, or `null` to let `validateAssessment`
 * report exactly what is wrong (or return the trimmed copy it would use).
 */
function quickValidate(ctx: CatalogContext, input: unknown, rejectUnknown: boolean): Assessment | null {
  let pair = acceptors.get(ctx);
  if (!pair) {
    pair = {
      error: compileAssessmentAcceptor(ctx.edition, { unknownCriteria: 'error' }),
      allow: compileAssessmentAcceptor(ctx.edition, { unknownCriteria: 'allow' }),
    };
    acceptors.set(ctx, pair);
  }
  return (rejectUnknown ? pair.error : pair.allow)(input) ? (input as Assessment) : null;
}

function prefixed(issues: ValidationIssue[], prefix: string): ValidationIssue[] {
  return issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
}

function isPublished(e: CatalogEdition | PublishedEdition): e is PublishedEdition {
  return 'edition' in e && 'contentHash' in e;
}

/**
 * Resolve editions and overlays once for many assessments; `prepare(input)` validates one assessment.
 * @internal
 */
export function preparer(options: AssessOptions = {}): (input: unknown) => ParseResult<Prepared> {
  const fixed = options.edition ? immutableEdition(options.edition) : null;

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

  // Contexts already resolved by this preparer, by edition hash and province (most batches use one or two).
  const resolved = new Map<string, { ctx: CatalogContext; applied: AppliedOverlay | null }>();

  return (input) => {
    let edition: CatalogEdition;
    let hash: string;
    if (fixed) {
      edition = fixed.edition;
      hash = fixed.hash;
    } else {
      const version = (input as { catalogVersion?: unknown } | null)?.catalogVersion;
      if (typeof version !== 'string') {
        // Report the structural problems (catalogVersion included) against the latest edition.
        const r = validateAssessment(input, latestEdition.edition);
        if (!r.ok) return r;
        return {
          ok: false,
          issues: [
            {
              path: 'catalogVersion',
              code: 'required',
              message: { vi: 'thiếu trường bắt buộc', en: 'required field is missing' },
            },
          ],
        };
      }
      const found = getEdition(version);
      if (!found.ok) return found;
      edition = found.value.edition;
      hash = found.value.contentHash;
    }
    const overlays = overlaysFor(edition, hash);
    if (!overlays.ok) return overlays;
    const province = (input as { commune?: { provinceCode?: unknown } } | null)?.commune?.provinceCode;
    const memoKey = `${hash}|${typeof province === 'string' ? province : ''}`;
    let hit = resolved.get(memoKey);
    if (!hit) {
      const applied = typeof province === 'string' ? (overlays.value.get(province) ?? null) : null;
      hit = { ctx: contextFor(edition, hash, applied), applied };
      resolved.set(memoKey, hit);
    }
    const { ctx, applied } = hit;
    let assessment = options.skipValidation
      ? (input as Assessment)
      : quickValidate(ctx, input, options.unknownCriteria === 'error');
    if (!assessment) {
      // Invalid (or unusual): let @cdsx/criteria say exactly what is wrong, where, in vi and en.
      const valid = validateAssessment(input, edition, {
        extraCriteria: applied?.overlay.addCriteria ?? [],
        unknownCriteria: options.unknownCriteria === 'error' ? 'error' : 'allow',
      });
      if (!valid.ok) return valid;
      assessment = valid.value;
    }
    return { ok: true, value: { ctx, ruleSet: ctx.ruleSets[areaGroupOf(assessment.commune)], assessment } };
  };
}
