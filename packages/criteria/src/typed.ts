import type { CriterionId, LatestVersion, PublishedVersion } from './editions/registry';
import type { Assessment, Observation } from './model';

/**
 * Observations keyed by the criterion ids of one published edition — the opt-in typed API: a typo such as
 * `"HT.1"` is a compile error.
 *
 * @example
 * const obs: TypedObservations<'0.2.0'> = { 'HT.01': { value: true, source: 'self_declared' } };
 */
export type TypedObservations<V extends PublishedVersion = LatestVersion> = Partial<
  Record<CriterionId<V>, Observation>
>;

/** An {@link Assessment} under one published edition: its `catalogVersion` and observation ids typed. */
export type TypedAssessment<V extends PublishedVersion = LatestVersion> = Omit<
  Assessment,
  'catalogVersion' | 'observations'
> & { catalogVersion: V; observations: TypedObservations<V> };
