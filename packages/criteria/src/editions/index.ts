import type { ParseResult } from '../issues';
import { published as v0_1_0 } from './0.1.0';
import { published as v0_2_0 } from './0.2.0';
import { published as v0_3_0 } from './0.3.0';
import type { PublishedEdition } from './published';

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
  if (version === 'latest') return { ok: true, value: latestEdition };
  const found = EDITIONS.find((e) => e.edition.version === version);
  if (found) return { ok: true, value: found };
  const known = EDITIONS.map((e) => e.edition.version).join(', ');
  return {
    ok: false,
    issues: [
      {
        path: 'catalogVersion',
        code: 'unknown_catalog_version',
        message: {
          vi: `không có bộ tiêu chí phiên bản ${JSON.stringify(version)}; các phiên bản hiện có: ${known}`,
          en: `unknown catalog version ${JSON.stringify(version)}; available: ${known}`,
        },
      },
    ],
  };
}
