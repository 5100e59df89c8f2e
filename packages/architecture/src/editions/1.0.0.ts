/**
 * Architecture edition 1.0.0 — the commune model's reference architecture as read from a text extraction of
 * QĐ 1425/QĐ-TTg (29/7/2026), Phụ lục I mục 4, Hình 9 (basis `unverified`). Permalink:
 * `@cdsx/architecture/editions/1.0.0`. Immutable: its content hash never changes (a test recomputes it).
 */
import type { ArchitectureEdition, PublishedArchitecture } from '../model';
import data from './1.0.0.json';

export type { PublishedArchitecture } from '../model';

/** Freeze a JSON value all the way down, so a published edition cannot be changed by a consumer. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The edition data (deep-frozen). */
export const edition: ArchitectureEdition = deepFreeze(data as unknown as ArchitectureEdition);

/** SHA-256 of the edition's canonical JSON; criteria editions and architecture views cite it. */
export const contentHash = 'sha256:b4ef2d6b2dc82159e6f65066b82d14721437db31ef4854278e4b32ae682920cd';

/** The edition and its hash together. */
export const published: PublishedArchitecture = Object.freeze({ edition, contentHash });
