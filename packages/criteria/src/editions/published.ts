import type { CatalogEdition } from '../model';

/** A published, immutable catalog edition with its content hash (`sha256:` + hex of its canonical JSON). */
export interface PublishedEdition {
  readonly edition: CatalogEdition;
  readonly contentHash: string;
}

/** Freeze a JSON value all the way down, so a published edition cannot be changed by a consumer. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
