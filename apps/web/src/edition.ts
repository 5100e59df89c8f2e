import type { CatalogEdition, Criterion, PublishedEdition } from '@cdsx/criteria';
import { createContext, useContext } from 'react';
import { LATEST } from './data';

/**
 * The edition the shown record was decided under (with a province overlay's criteria when one applied):
 * every component takes titles, rows and remediation from it, never from the latest edition.
 */
export const EditionContext = createContext<PublishedEdition>(LATEST);

/** The shown record's edition. */
export function useEdition(): CatalogEdition {
  return useContext(EditionContext).edition;
}

const byId = new WeakMap<CatalogEdition, ReadonlyMap<string, Criterion>>();
/** The criteria of an edition by id (built once per edition). */
export function criteriaOf(edition: CatalogEdition): ReadonlyMap<string, Criterion> {
  let m = byId.get(edition);
  if (!m) {
    m = new Map(edition.criteria.map((c) => [c.id, c]));
    byId.set(edition, m);
  }
  return m;
}
