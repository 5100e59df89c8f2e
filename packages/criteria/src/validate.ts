import { z } from 'zod';
import type { PublishedEdition } from './editions/published';
import { type EditionSource, loadedEditions, resolveEdition } from './editions/registry';
import { fromZodError, type ParseResult, type ValidationIssue } from './issues';
import {
  type AreaGroup,
  type Assessment,
  AssessmentSchema,
  areaGroupOf,
  type CatalogEdition,
  CatalogEditionSchema,
  type CommuneProfile,
  CommuneProfileSchema,
  type Criterion,
  CriterionIdSchema,
  DataSourceSchema,
  EvidenceSchema,
  IsoDateSchema,
} from './model';

function result<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const r = schema.safeParse(input, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: fromZodError(r.error) };
}

/**
 * Validate a catalog edition's structure (use {@link lintCatalog} for the semantic checks).
 *
 * @example
 * const r = parseCatalogEdition(JSON.parse(text));
 * if (!r.ok) console.error(formatIssues(r.issues));
 */
export function parseCatalogEdition(input: unknown): ParseResult<CatalogEdition> {
  return result(CatalogEditionSchema, input);
}

/** A commune profile with its area group resolved (override, or the unit type's default). */
export type ResolvedCommuneProfile = CommuneProfile & { areaGroup: AreaGroup };

/** Validate a commune profile and resolve its area group. */
export function parseCommuneProfile(input: unknown): ParseResult<ResolvedCommuneProfile> {
  const r = result(CommuneProfileSchema, input);
  return r.ok ? { ok: true, value: { ...r.value, areaGroup: areaGroupOf(r.value) } } : r;
}

/** The zod schema of an observed value for one criterion: its type, range or scale. */
export function valueSchemaFor(criterion: Criterion): z.ZodType<number | boolean> {
  switch (criterion.measure) {
    case 'boolean':
      return z.boolean();
    case 'percentage':
      return z.number().min(0).max(100).meta({ description: 'percentage 0–100' });
    case 'number':
      return z.number().min(0);
    case 'ordinal': {
      const values = (criterion.scale ?? []).map((p) => p.value);
      return values.length ? z.literal(values as [number, ...number[]]) : z.never();
    }
  }
}

function unitSchemaFor(criterion: Criterion) {
  if (!criterion.unit) return z.never().optional();
  const symbols = [...new Set([criterion.unit.vi, criterion.unit.en])] as [string, ...string[]];
  return z.enum(symbols).optional();
}

const observationSchemas = new WeakMap<Criterion, ReturnType<typeof buildObservationSchema>>();

/** The zod schema of one observation for one criterion (built once per criterion object). */
export function observationSchemaFor(criterion: Criterion) {
  let schema = observationSchemas.get(criterion);
  if (!schema) {
    schema = buildObservationSchema(criterion);
    observationSchemas.set(criterion, schema);
  }
  return schema;
}

function buildObservationSchema(criterion: Criterion) {
  return z.strictObject({
    value: valueSchemaFor(criterion),
    unit: unitSchemaFor(criterion),
    source: DataSourceSchema,
    evidence: EvidenceSchema.optional(),
    observedAt: IsoDateSchema.optional(),
    note: z.string().optional(),
  });
}

/**
 * The schema of an assessment under one edition (plus any extra criteria, e.g. a province overlay's):
 * each criterion id is a known key with its own value type, range and unit; the catalog version is fixed.
 * The shipped `schema/assessment-<version>.json` files are generated from it.
 */
export function assessmentSchemaFor(edition: CatalogEdition, extraCriteria: readonly Criterion[] = []) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of [...edition.criteria, ...extraCriteria]) shape[c.id] = observationSchemaFor(c).optional();
  return AssessmentSchema.extend({
    catalogVersion: z.literal(edition.version),
    observations: z.strictObject(shape),
  }).meta({
    id: `Assessment-${edition.version}`,
    description: `Đánh giá theo bộ tiêu chí ${edition.version} / assessment under catalog edition ${edition.version}`,
  });
}

/** Options of {@link validateAssessment}. */
export interface ValidateAssessmentOptions {
  /** Criteria added on top of the edition (a province overlay's own criteria). */
  extraCriteria?: readonly Criterion[];
  /**
   * What to do with observations for criterion ids the edition does not know:
   * `'error'` (default) reports each as an issue; `'allow'` accepts the assessment and leaves them in place
   * (the rules engine then reports them in its decision record).
   */
  unknownCriteria?: 'error' | 'allow';
}

/**
 * Validate an assessment against a catalog edition: structure, catalog version, every observation's value
 * type / range / scale and unit, and unknown criterion ids — all reported with their path, in vi and en.
 *
 * The edition is one edition (bare or published: the assessment must name its version), or a list to pick
 * the named one from (e.g. `EDITIONS` from `@cdsx/criteria/editions`); left out, it is the named edition
 * among those loaded with {@link loadEdition} — an unknown or unloaded version is reported as an issue.
 *
 * @example
 * import { published } from '@cdsx/criteria/editions/0.2.0';
 * const r = validateAssessment(input, published);
 * // r.ok === false → r.issues[0]: { path: 'observations["DV.01"].value',
 * //   message: { vi: 'cần giá trị ≤ 100, nhận được 180', en: 'expected a value ≤ 100, got 180' } }
 */
export function validateAssessment(
  input: unknown,
  editions?: EditionSource,
  options: ValidateAssessmentOptions = {},
): ParseResult<Assessment> {
  const base = AssessmentSchema.safeParse(input, { reportInput: true });
  const issues: ValidationIssue[] = [];
  if (!base.success) {
    // Structural problems first; skip the per-criterion pass for observations that are not even objects.
    issues.push(...fromZodError(base.error));
  }
  let edition: CatalogEdition;
  if (editions === undefined || Array.isArray(editions)) {
    // No single edition given: the one the assessment names, among those given or loaded (as `assess` does).
    const resolved = resolveEdition(input, editions ?? loadedEditions());
    if (!resolved.ok) {
      const named = new Set(resolved.issues.map((i) => i.path));
      return { ok: false, issues: [...issues.filter((i) => !named.has(i.path)), ...resolved.issues] };
    }
    edition = resolved.value.edition;
  } else {
    const one = editions as CatalogEdition | PublishedEdition;
    edition = 'contentHash' in one && 'edition' in one ? one.edition : (one as CatalogEdition);
  }
  const known = new Map<string, Criterion>();
  for (const c of [...edition.criteria, ...(options.extraCriteria ?? [])]) known.set(c.id, c);

  const record = (input ?? {}) as Record<string, unknown>;
  if (base.success && base.data.catalogVersion !== edition.version) {
    issues.push({
      path: 'catalogVersion',
      segments: ['catalogVersion'],
      code: 'catalog_version_mismatch',
      message: {
        vi: `đánh giá dùng bộ tiêu chí ${base.data.catalogVersion} nhưng đang kiểm tra theo ${edition.version}`,
        en: `assessment names catalog ${base.data.catalogVersion} but is being checked against ${edition.version}`,
      },
    });
  }
  // Per-criterion checks are more specific than the structural ones: they replace issues at the same path.
  const specific: ValidationIssue[] = [];
  const observations = record.observations;
  if (observations && typeof observations === 'object' && !Array.isArray(observations)) {
    for (const id of Object.keys(observations)) {
      const path = `observations[${JSON.stringify(id)}]`;
      const segments = ['observations', id];
      const criterion = known.get(id);
      if (!criterion) {
        if (!CriterionIdSchema.safeParse(id).success) {
          specific.push({
            path,
            segments,
            code: 'invalid_criterion_id',
            message: {
              vi: `${JSON.stringify(id)} không phải mã tiêu chí (dạng "HT.01")`,
              en: `${JSON.stringify(id)} is not a criterion id (like "HT.01")`,
            },
          });
        } else if (options.unknownCriteria !== 'allow') {
          specific.push({
            path,
            segments,
            code: 'unknown_criterion',
            message: {
              vi: `mã tiêu chí ${JSON.stringify(id)} không có trong bộ tiêu chí ${edition.version}`,
              en: `criterion id ${JSON.stringify(id)} is not in catalog ${edition.version}`,
            },
          });
        }
        continue;
      }
      const r = observationSchemaFor(criterion).safeParse((observations as Record<string, unknown>)[id], {
        reportInput: true,
      });
      if (!r.success)
        specific.push(...fromZodError(r.error, ['observations', id]).map((i) => withMeasure(i, criterion)));
    }
  }
  const replaced = new Set(specific.map((i) => i.path));
  const all = [...issues.filter((i) => !replaced.has(i.path)), ...specific];
  if (all.length) return { ok: false, issues: all };
  return { ok: true, value: base.data as Assessment };
}

const MEASURE_TEXT: Record<Criterion['measure'], { vi: string; en: string }> = {
  boolean: { vi: 'giá trị đúng/sai', en: 'true/false' },
  percentage: { vi: 'tỷ lệ phần trăm 0–100', en: 'a percentage 0–100' },
  number: { vi: 'số không âm', en: 'a non-negative number' },
  ordinal: { vi: 'một mức trên thang', en: 'a value on the scale' },
};

/** Say what the criterion's measure expects: "expected a percentage 0–100, got 180". */
function withMeasure(issue: ValidationIssue, criterion: Criterion): ValidationIssue {
  if (issue.path.endsWith('.unit')) {
    const unit = criterion.unit;
    return {
      ...issue,
      code: 'unit_mismatch',
      message: unit
        ? {
            vi: `${criterion.id}: đơn vị phải là ${JSON.stringify(unit.vi)}${unit.en !== unit.vi ? ` hoặc ${JSON.stringify(unit.en)}` : ''}`,
            en: `${criterion.id}: the unit must be ${JSON.stringify(unit.en)}${unit.en !== unit.vi ? ` or ${JSON.stringify(unit.vi)}` : ''}`,
          }
        : {
            vi: `${criterion.id}: tiêu chí ${criterion.measure} không có đơn vị; bỏ trường unit`,
            en: `${criterion.id}: a ${criterion.measure} criterion takes no unit; remove the unit field`,
          },
    };
  }
  if (!issue.path.endsWith('.value')) return issue;
  const m = MEASURE_TEXT[criterion.measure];
  const got = issue.message.en.match(/got (.*)$/)?.[1];
  const scale =
    criterion.measure === 'ordinal' ? ` (${(criterion.scale ?? []).map((p) => p.value).join(', ')})` : '';
  return {
    ...issue,
    code: issue.code === 'invalid_type' ? 'invalid_type' : 'out_of_range',
    message: {
      vi: `${criterion.id}: cần ${m.vi}${scale}${got ? `, nhận được ${got}` : ''}`,
      en: `${criterion.id}: expected ${m.en}${scale}${got ? `, got ${got}` : ''}`,
    },
  };
}
