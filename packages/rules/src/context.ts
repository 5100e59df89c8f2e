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
}

/** A validated assessment with the compiled catalog and rule set it is decided under. */
export interface Prepared {
  readonly ctx: CatalogContext;
  readonly ruleSet: RuleSet;
  readonly assessment: Assessment;
}

const hashCache = new WeakMap<CatalogEdition, string>();
/** Content hash of an edition: the published one when known, else computed (once per edition object). */
function editionHash(edition: CatalogEdition, published?: string): string {
  if (published) return published;
  const known = EDITIONS.find((e) => e.edition === edition);
  if (known) return known.contentHash;
  let h = hashCache.get(edition);
  if (!h) {
    h = contentHashOf(edition);
    hashCache.set(edition, h);
  }
  return h;
}

const contextCache = new WeakMap<CatalogEdition, Map<string, CatalogContext>>();
function contextFor(edition: CatalogEdition, hash: string, applied: AppliedOverlay | null): CatalogContext {
  let byOverlay = contextCache.get(edition);
  if (!byOverlay) {
    byOverlay = new Map();
    contextCache.set(edition, byOverlay);
  }
  const key = `${hash}|${applied?.contentHash ?? ''}`;
  let ctx = byOverlay.get(key);
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
    byOverlay.set(key, ctx);
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
  const fixed = options.edition
    ? isPublished(options.edition)
      ? { edition: options.edition.edition, hash: options.edition.contentHash }
      : { edition: options.edition, hash: editionHash(options.edition) }
    : null;

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
    const applied = typeof province === 'string' ? (overlays.value.get(province) ?? null) : null;
    const ctx = contextFor(edition, hash, applied);
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
