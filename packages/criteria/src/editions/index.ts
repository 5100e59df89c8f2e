/**
 * Every published edition with its body, for tools that work across editions (the CLI, release checks,
 * servers): `@cdsx/criteria/editions`. A browser bundle that needs one edition imports its permalink
 * (`@cdsx/criteria/editions/0.2.0`) or calls `loadEdition(version)` from the package root instead.
 *
 * @packageDocumentation
 */
import type { ParseResult } from '../issues';
import { published as v0_1_0 } from './0.1.0';
import { published as v0_2_0 } from './0.2.0';
import type { PublishedEdition } from './published';
import { resolveEdition } from './registry';

export { CROSSWALKS, crosswalkBetween } from './crosswalks/index';

/** Every published edition, oldest first. Editions are never removed. */
export const EDITIONS: readonly PublishedEdition[] = Object.freeze([v0_1_0, v0_2_0]);

/** The newest edition in {@link EDITIONS} — the same object `@cdsx/criteria/latest` exports. */
export const latestEdition: PublishedEdition = EDITIONS[EDITIONS.length - 1]!;

/**
 * Look up an edition by its version (`"0.1.0"`) or `"latest"`.
 *
 * @example
 * const r = getEdition('0.1.0');
 * if (r.ok) console.log(r.value.edition.criteria.length, r.value.contentHash);
 */
export function getEdition(version: string): ParseResult<PublishedEdition> {
  return resolveEdition(version, EDITIONS);
}

/**
 * The published edition an assessment (`catalogVersion`) or decision record (`catalog.version`) names —
 * {@link resolveEdition} over every published edition.
 *
 * @example
 * const r = editionFor(assessment);
 * if (!r.ok) console.error(formatIssues(r.issues));
 */
export function editionFor(record: unknown): ParseResult<PublishedEdition> {
  return resolveEdition(record, EDITIONS);
}
