/**
 * Edition 0.3.0 — the third draft edition (status `draft`): edition 0.2.0 with every criterion traced to the
 * reference-architecture components it measures (`architecture`, see `@cdsx/architecture` edition 1.0.0, basis
 * unverified), new criteria for essential-at-commune components (DL.06, NV.06, NV.07, NL.06) and extended
 * criteria for area-specific components, each for its own area group (HT.10–HT.13, DV.11); HT.09 now urban only.
 * Permalink: `@cdsx/criteria/editions/0.3.0`. Immutable: its content hash never changes (a test recomputes it).
 * Not (yet) `latest`: see RELEASING.md §7. Ids map from 0.2.0 through `crosswalks/0.2.0-to-0.3.0.json`.
 */
import type { CatalogEdition } from '../model';
import data from './0.3.0.json';
import { deepFreeze, type PublishedEdition } from './published';

export type { PublishedEdition } from './published';

/** The edition data (deep-frozen). */
export const edition: CatalogEdition = deepFreeze(data as unknown as CatalogEdition);

/** SHA-256 of the edition's canonical JSON; decision records cite it. */
export const contentHash = 'sha256:e9ab9204fdb745fd0244beff92d25a21e1ac34a3a67a5e96a660b378cc0c93c7';

/** The edition and its hash together. */
export const published: PublishedEdition = Object.freeze({ edition, contentHash });
