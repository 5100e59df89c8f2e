/**
 * Edition 0.1.0 — the project's reconstruction of the 2026 draft model (status `draft`).
 * Permalink: `@cdsx/criteria/editions/0.1.0`. Immutable: its content hash below never changes
 * (a test recomputes it); a change to the criteria is published as a new edition.
 */
import type { CatalogEdition } from '../model';
import data from './0.1.0.json';
import { deepFreeze } from './published';
import type { PublishedEditionOf } from './registry';

export type { PublishedEdition } from './published';

/** The edition data (deep-frozen). */
export const edition: CatalogEdition & { readonly version: '0.1.0' } = deepFreeze(
  data as unknown as CatalogEdition & { readonly version: '0.1.0' },
);

/** SHA-256 of the edition's canonical JSON; decision records cite it. */
export const contentHash = 'sha256:256d6bf9525c6a05e9511a7973ef8a260f651af1eb194514f0a6592095e8cdf9';

/** The edition and its hash together. */
export const published: PublishedEditionOf<'0.1.0'> = Object.freeze({ edition, contentHash });
