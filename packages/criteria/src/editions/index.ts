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
import { published as v0_3_0 } from './0.3.0';
import type { PublishedEdition } from './published';
import { resolveEdition } from './registry';

export { CROSSWALKS, crosswalkBetween } from './crosswalks/index';

/** Every published edition, oldest first. Editions are never removed. */
export const EDITIONS: readonly PublishedEdition[] = Object.freeze([v0_1_0, v0_2_0, v0_3_0]);

/**
 * The edition `latest` resolves to: the newest edition that has been released as `latest` — 0.2.0. Edition
 * 0.3.0 is published at its permalink but does not move `latest` yet: it rests on an architecture text the
 * project could not verify against the official gazette and adds mandatory criteria no stored assessment has
 * observed (see RELEASING.md §7). Moving `latest` is a release decision of its own.
 */
export const latestEdition: PublishedEdition = v0_2_0;

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
