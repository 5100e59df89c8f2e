/**
 * Edition 0.2.0 — the second draft edition (status `draft`): edition 0.1.0 with the DV.04 satisfaction
 * threshold at level 2 raised to 95% for urban and rural communes, and the new extended criterion DV.10
 * (proactive public services). Permalink: `@cdsx/criteria/editions/0.2.0`. Immutable: its content hash
 * never changes (a test recomputes it). Ids map from 0.1.0 through `crosswalks/0.1.0-to-0.2.0.json`.
 */
import type { CatalogEdition } from '../model';
import data from './0.2.0.json';
import { deepFreeze } from './published';
import type { PublishedEditionOf } from './registry';

export type { PublishedEdition } from './published';

/** The edition data (deep-frozen). */
export const edition: CatalogEdition & { readonly version: '0.2.0' } = deepFreeze(
  data as unknown as CatalogEdition & { readonly version: '0.2.0' },
);

/** SHA-256 of the edition's canonical JSON; decision records cite it. */
export const contentHash = 'sha256:8b6585efc0168d767eb05e4b0fd552b8b047f85a43a0e33906894357f1c2fe74';

/** The edition and its hash together. */
export const published: PublishedEditionOf<'0.2.0'> = Object.freeze({ edition, contentHash });
