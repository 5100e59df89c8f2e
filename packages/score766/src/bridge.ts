import type { CatalogEdition, LocalizedText, Observation } from '@cdsx/criteria';
import type { UnitScore } from './score';

/**
 * The observation keys of the bridge: a criterion whose `kpi` field names one of them gets the
 * 766 score as its observation. `score766Total` is the total out of 100; the others are the groups
 * (the five official groups and the portal's two online-service halves).
 */
export const SCORE766_OBSERVATION_KEYS = [
  'score766Total',
  'score766Transparency',
  'score766Progress',
  'score766Digitisation',
  'score766OnlineServices',
  'score766OnlineService',
  'score766OnlinePayment',
  'score766Satisfaction',
] as const;
export type Score766ObservationKey = (typeof SCORE766_OBSERVATION_KEYS)[number];

/** A criterion left without an observation, and why. */
export interface UnobservedCriterion {
  criterionId: string;
  key: string;
  outcome: 'not_available';
  reason: LocalizedText;
}

const cap = (s: string) => s[0]?.toUpperCase() + s.slice(1);

/** The values of every bridge key for a score: points, and whether they are partial. */
export function score766Values(
  score: UnitScore,
): Record<Score766ObservationKey, { points: number; max: number; partial: boolean }> {
  const out: Record<string, { points: number; max: number; partial: boolean }> = {
    score766Total: { points: score.total.points, max: score.total.max, partial: score.total.partial },
  };
  // A group without any available indicator (points null) is partial: the bridge never observes it.
  for (const g of score.officialGroups)
    out[`score766${cap(g.id)}`] = { points: g.points ?? 0, max: g.max, partial: g.partial };
  for (const g of score.groups)
    out[`score766${cap(g.id)}`] ??= { points: g.points ?? 0, max: g.max, partial: g.partial };
  return out as Record<Score766ObservationKey, { points: number; max: number; partial: boolean }>;
}

/**
 * Bridge to the criteria catalog: every criterion of `edition` whose `kpi` names a
 * {@link SCORE766_OBSERVATION_KEYS | 766 key} gets an observation (`source: 'computed'`, value in
 * points, evidence naming the profile and its hash). A partial score gives **no** observation —
 * a lower bound is not the score — and the criterion is listed in `notAvailable`.
 *
 * No published edition references these keys yet; the bridge is ready for the one that does.
 *
 * @example
 * ```ts
 * const { observations } = score766Observations(scoreUnit(unit), edition, { observedAt: '2026-03-31' });
 * ```
 */
export function score766Observations(
  score: UnitScore,
  edition: Pick<CatalogEdition, 'criteria'>,
  options: { observedAt?: string } = {},
): { observations: Record<string, Observation>; notAvailable: UnobservedCriterion[] } {
  const values = score766Values(score);
  const observations: Record<string, Observation> = {};
  const notAvailable: UnobservedCriterion[] = [];
  for (const c of edition.criteria) {
    const key = c.kpi;
    if (key === undefined || !(SCORE766_OBSERVATION_KEYS as readonly string[]).includes(key)) continue;
    const v = values[key as Score766ObservationKey];
    if (v.partial) {
      notAvailable.push({
        criterionId: c.id,
        key,
        outcome: 'not_available',
        reason: {
          vi: `điểm 766 chưa đầy đủ (thiếu chỉ số: ${score.total.notAvailable.join(', ')})`,
          en: `the 766 score is partial (indicators not available: ${score.total.notAvailable.join(', ')})`,
        },
      });
      continue;
    }
    observations[c.id] = {
      value: v.points,
      unit: 'điểm',
      source: 'computed',
      evidence: {
        numerator: v.points,
        denominator: v.max,
        reference: `@cdsx/score766 ${key} ${score.unitCode} ${score.period} (profile ${score.profile.id}, ${score.profile.contentHash})`,
      },
      ...(options.observedAt !== undefined ? { observedAt: options.observedAt } : {}),
    };
  }
  return { observations, notAvailable };
}
