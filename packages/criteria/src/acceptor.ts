import { evidenceIssues } from './evidence';
import { PERIOD_PATTERN } from './issues';
import {
  AREA_GROUPS,
  type CatalogEdition,
  CRITERION_ID,
  type Criterion,
  DATA_SOURCES,
  ISO_DATE,
  UNIT_TYPES,
} from './model';
import { NO_CONTROL_CHARACTERS } from './text';

/**
 * A compiled acceptance test for assessments under one edition: `true` exactly when
 * {@link validateAssessment} would accept the input *and* return it unchanged (no trimming), without
 * allocating. For batch paths (the rules engine over a whole country): call the acceptor first and fall back
 * to `validateAssessment` only when it says `false`, to get the located, bilingual issues.
 *
 * A differential test checks it against `validateAssessment` on valid and mutated inputs. An object with
 * inherited enumerable keys (a prototype other than `Object.prototype` or `null`) is never accepted here:
 * `false` leaves it to `validateAssessment`.
 */
export type AssessmentAcceptor = (input: unknown, values?: unknown[], unknown?: string[]) => boolean;

/** Options of {@link compileAssessmentAcceptor}, as for `validateAssessment`. */
export interface AcceptorOptions {
  extraCriteria?: readonly Criterion[];
  unknownCriteria?: 'error' | 'allow';
}

const COMMUNE_CODE = /^\d{5}$/;
const PROVINCE_CODE = /^\d{2}$/;
const PERIOD = PERIOD_PATTERN;
const UNIT_TYPE_SET: ReadonlySet<unknown> = new Set(UNIT_TYPES);
const AREA_GROUP_SET: ReadonlySet<unknown> = new Set(AREA_GROUPS);
const SOURCE_SET: ReadonlySet<unknown> = new Set(DATA_SOURCES);
const ASSESSMENT_KEYS: ReadonlySet<string> = new Set([
  '$schema',
  'commune',
  'period',
  'catalogVersion',
  'observations',
  'synthetic',
]);
const COMMUNE_KEYS: ReadonlySet<string> = new Set(['code', 'name', 'provinceCode', 'unitType', 'areaGroup']);
const EVIDENCE_KEYS: ReadonlySet<string> = new Set(['reference', 'numerator', 'denominator']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Every enumerable key of `x` is allowed. `for…in` allocates nothing (unlike `Object.keys`, once per
 * observation on a nationwide batch); it also sees inherited enumerable keys, which can only make the
 * acceptor say `false` more often — and `false` just hands the input to `validateAssessment`.
 */
function onlyKeys(x: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const k in x) if (!allowed.has(k)) return false;
  return true;
}

/**
 * The keys of an observation (the `Observation` schema's), without a set lookup per key: a national batch has
 * 186,000 observations.
 */
function onlyObservationKeys(o: Record<string, unknown>): boolean {
  for (const k in o) {
    switch (k) {
      case 'value':
      case 'source':
      case 'note':
      case 'unit':
      case 'evidence':
      case 'observedAt':
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A required text the library accepts and returns unchanged: trimmed, not empty, no control character. */
function isTrimmedText(x: unknown): boolean {
  return typeof x === 'string' && x.length > 0 && x.trim() === x && NO_CONTROL_CHARACTERS.test(x);
}

/** The last free text accepted: notes and units repeat in every observation of a batch. */
let lastFreeText = '';
/** A free text (note, unit) the library accepts. */
function isFreeText(x: unknown): boolean {
  if (typeof x !== 'string') return false;
  if (x === lastFreeText) return true;
  if (!NO_CONTROL_CHARACTERS.test(x)) return false;
  lastFreeText = x;
  return true;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

type ValueTest = (v: unknown) => boolean;

function valueTestFor(c: Criterion): ValueTest {
  switch (c.measure) {
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'percentage':
      return (v) => finite(v) && v >= 0 && v <= 100;
    case 'number':
      return (v) => finite(v) && v >= 0;
    case 'ordinal': {
      const values = new Set<unknown>((c.scale ?? []).map((p) => p.value));
      return (v) => values.has(v);
    }
  }
}

function observationTest(
  value: ValueTest,
  units: ReadonlySet<string> | null | 'any',
  criterion?: Criterion,
): (o: unknown) => boolean {
  return (o) => {
    if (!isRecord(o) || !onlyObservationKeys(o)) return false;
    if (!value(o.value) || !SOURCE_SET.has(o.source)) return false;
    if (o.unit !== undefined) {
      if (units === null || typeof o.unit !== 'string' || !isFreeText(o.unit)) return false;
      if (units !== 'any' && !units.has(o.unit)) return false;
    }
    if (o.observedAt !== undefined && !(typeof o.observedAt === 'string' && ISO_DATE.test(o.observedAt)))
      return false;
    if (o.note !== undefined && !isFreeText(o.note)) return false;
    const e = o.evidence;
    if (e !== undefined) {
      if (!isRecord(e) || !onlyKeys(e, EVIDENCE_KEYS)) return false;
      if (e.reference !== undefined && !isTrimmedText(e.reference)) return false;
      if (e.numerator !== undefined && !(finite(e.numerator) && e.numerator >= 0)) return false;
      if (e.denominator !== undefined && !(finite(e.denominator) && e.denominator >= 0)) return false;
      // A fraction that disagrees with the value: validateAssessment says how.
      if (
        criterion &&
        e.numerator !== undefined &&
        e.denominator !== undefined &&
        evidenceIssues(criterion, o, '').length
      )
        return false;
    }
    return true;
  };
}

const anyObservation = observationTest((v) => typeof v === 'boolean' || finite(v), 'any');

/**
 * Compile an {@link AssessmentAcceptor} for an edition (plus any extra criteria, e.g. an overlay's).
 *
 * Given `values` and `unknown`, an accepting call also reads the observations it checks — in the same pass, so
 * a batch walks each assessment's observations once: `values[i]` becomes the observed value of criterion `i`
 * (in the order of `edition.criteria`, then `extraCriteria`), and the ids that are not criteria are pushed to
 * `unknown` in the assessment's key order. The caller clears both first (criteria not observed are left as
 * they are); after a `false`, their content is partial and must not be used.
 *
 * @example
 * const accepts = compileAssessmentAcceptor(edition);
 * const ok = accepts(input) ? input : validateAssessment(input, edition); // issues only when needed
 */
export function compileAssessmentAcceptor(
  edition: CatalogEdition,
  options: AcceptorOptions = {},
): AssessmentAcceptor {
  const criteria = [...edition.criteria, ...(options.extraCriteria ?? [])];
  const indexOf = new Map<string, number>();
  const tests = criteria.map((c, i) => {
    indexOf.set(c.id, i);
    const units = c.unit ? new Set([c.unit.vi, c.unit.en]) : null;
    return observationTest(valueTestFor(c), units, c);
  });
  const rejectUnknown = options.unknownCriteria !== 'allow';
  const version = edition.version;
  return (input, values, unknown) => {
    if (!isRecord(input) || !onlyKeys(input, ASSESSMENT_KEYS)) return false;
    if (input.$schema !== undefined && typeof input.$schema !== 'string') return false;
    if (input.synthetic !== undefined && typeof input.synthetic !== 'boolean') return false;
    if (input.catalogVersion !== version) return false;
    if (typeof input.period !== 'string' || !PERIOD.test(input.period)) return false;
    const c = input.commune;
    if (!isRecord(c) || !onlyKeys(c, COMMUNE_KEYS)) return false;
    if (typeof c.code !== 'string' || !COMMUNE_CODE.test(c.code)) return false;
    if (typeof c.provinceCode !== 'string' || !PROVINCE_CODE.test(c.provinceCode)) return false;
    if (!isTrimmedText(c.name) || !UNIT_TYPE_SET.has(c.unitType)) return false;
    if (c.areaGroup !== undefined && !AREA_GROUP_SET.has(c.areaGroup)) return false;
    const obs = input.observations;
    if (!isRecord(obs)) return false;
    // `for…in` reads the observations without allocating a key list; an object whose prototype is not
    // Object.prototype (or null) could pass inherited keys: leave it to validateAssessment.
    const proto = Object.getPrototypeOf(obs);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const id in obs) {
      const o = obs[id];
      const i = indexOf.get(id);
      if (i !== undefined) {
        if (!tests[i]!(o)) return false;
        if (values) values[i] = (o as { value: unknown }).value;
      } else if (rejectUnknown || !CRITERION_ID.test(id) || !anyObservation(o)) return false;
      else if (unknown) unknown.push(id);
    }
    return true;
  };
}
