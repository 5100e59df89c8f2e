import type { KpiId } from './kpis';
import type { Dossier } from './schemas';

/**
 * The dossier KPIs as data: each is a denominator predicate and a numerator predicate (counted
 * among the denominator) over the dossier's fields and one derived fact, `onTime` (QĐ 766 §2.1, see
 * {@link ON_TIME_RULE}). The same definitions compile to the JavaScript accumulators
 * ({@link compilePredicate}) and to SQL (`dossierKpiSql`): no KPI's logic is written twice.
 */

/** Dossier fields a KPI predicate may read. */
export type DossierKpiField =
  | 'channel'
  | 'onlineMode'
  | 'rating'
  | 'complaint'
  | 'feeBearing'
  | 'feeAmount'
  | 'paidOnline'
  | 'digitised'
  | 'digitisedDataReused';

/**
 * A predicate over one dossier. `eq`/`in` are false for an absent field (SQL: NULL), so `not`
 * of them is true for it — `rating` absent is "not dissatisfied", `feeAmount` absent is "not zero".
 */
export type DossierPredicate =
  | { readonly all: readonly DossierPredicate[] }
  | { readonly not: DossierPredicate }
  | { readonly field: DossierKpiField; readonly eq: string | number | boolean }
  | { readonly field: DossierKpiField; readonly in: readonly string[] }
  | { readonly field: DossierKpiField; readonly present: true }
  | { readonly fact: 'onTime' };

/** One dossier KPI as data. */
export interface DossierKpiSpec {
  readonly id: KpiId;
  readonly denominator: DossierPredicate;
  /** Evaluated for dossiers in the denominator. */
  readonly numerator: DossierPredicate;
}

const ALL: DossierPredicate = { all: [] };
const is = (field: DossierKpiField, eq: string | number | boolean): DossierPredicate => ({ field, eq });

/** The dossier KPIs, in {@link KPI_IDS} order. */
export const DOSSIER_KPI_SPECS: readonly DossierKpiSpec[] = Object.freeze([
  {
    id: 'fullProcessOnlineRate',
    denominator: ALL,
    numerator: { all: [is('channel', 'online'), is('onlineMode', 'full')] },
  },
  { id: 'onlineDossierRate', denominator: ALL, numerator: is('channel', 'online') },
  {
    id: 'satisfactionRate',
    denominator: ALL,
    numerator: {
      all: [{ not: is('rating', 'dissatisfied') }, { not: is('complaint', true) }, { fact: 'onTime' }],
    },
  },
  {
    id: 'surveySatisfactionRate',
    denominator: { field: 'rating', present: true },
    numerator: { field: 'rating', in: ['satisfied', 'very_satisfied'] },
  },
  { id: 'onTimeRate', denominator: ALL, numerator: { fact: 'onTime' } },
  {
    id: 'onlinePaymentRate',
    denominator: { all: [is('feeBearing', true), { not: is('feeAmount', 0) }] },
    numerator: is('paidOnline', true),
  },
  { id: 'digitisationRate', denominator: ALL, numerator: is('digitised', true) },
  { id: 'digitisedDataReuseRate', denominator: ALL, numerator: is('digitisedDataReused', true) },
] satisfies DossierKpiSpec[]);

/**
 * Đúng hạn — the on-time rule (QĐ 766 §2.1), the one derived fact, as its parameters. Its two
 * compilers — `isDossierOnTime` (JavaScript) and the SQL of `dossierKpiSql` (calendar joins) — are
 * held equal by the differential tests.
 * - due: the appointment date, moved to the next working day when it is a rest day (Civil Code
 *   Art. 148(5)); without one, `processingDays` working days after the day of receipt (first day
 *   not counted, Art. 147), 0 days on a rest day ending on the next working day;
 * - more than `maxSupplementRequests` supplement requests: overdue;
 * - one request: the due date moves by the working days in (requested, min(supplied, end)];
 * - end: the day it finished, or the last day of the period for a dossier still in progress;
 * - on time when end ≤ due. Days are civil dates in Vietnam; a day ends at 24:00.
 */
export const ON_TIME_RULE = Object.freeze({
  maxSupplementRequests: 1,
  appointmentOnRestDay: 'next_working_day',
  unfinishedJudgedAt: 'period_last_day',
  source: { document: '766/QĐ-TTg', article: '§2.1' },
} as const);

/** Compile a predicate to a JavaScript function of a dossier and its `onTime` fact (no `eval`: CSP-safe). */
export function compilePredicate(p: DossierPredicate): (d: Dossier, onTime: boolean) => boolean {
  if ('all' in p) {
    const parts = p.all.map(compilePredicate);
    if (parts.length === 0) return () => true;
    if (parts.length === 1) return parts[0] as (d: Dossier, onTime: boolean) => boolean;
    return (d, t) => {
      for (const f of parts) if (!f(d, t)) return false;
      return true;
    };
  }
  if ('not' in p) {
    const f = compilePredicate(p.not);
    return (d, t) => !f(d, t);
  }
  if ('fact' in p) return (_d, t) => t;
  const field = p.field;
  if ('eq' in p) {
    const v = p.eq;
    return (d) => (d as unknown as Record<string, unknown>)[field] === v;
  }
  if ('in' in p) {
    const set = new Set<unknown>(p.in);
    return (d) => set.has((d as unknown as Record<string, unknown>)[field]);
  }
  return (d) => (d as unknown as Record<string, unknown>)[field] !== undefined;
}

/** Whether a predicate reads the `onTime` fact (the accumulator computes it only when one does). */
export function usesOnTime(p: DossierPredicate): boolean {
  if ('all' in p) return p.all.some(usesOnTime);
  if ('not' in p) return usesOnTime(p.not);
  return 'fact' in p;
}
