import type { ParseResult } from '@cdsx/criteria';
import type { PublishedArchitecture } from '../model';
import { published as v1_0_0 } from './1.0.0';

/** Every published architecture edition, oldest first. Editions are never removed. */
export const ARCHITECTURES: readonly PublishedArchitecture[] = Object.freeze([v1_0_0]);

/** The newest architecture edition. */
export const latestArchitecture: PublishedArchitecture = ARCHITECTURES[ARCHITECTURES.length - 1]!;

/**
 * Look up an architecture edition by version (`"1.0.0"`) or `"latest"`.
 *
 * @example
 * const r = getArchitecture('1.0.0');
 * if (r.ok) console.log(r.value.edition.components.length, r.value.contentHash);
 */
export function getArchitecture(version: string): ParseResult<PublishedArchitecture> {
  if (version === 'latest') return { ok: true, value: latestArchitecture };
  const found = ARCHITECTURES.find((e) => e.edition.version === version);
  if (found) return { ok: true, value: found };
  const known = ARCHITECTURES.map((e) => e.edition.version).join(', ');
  return {
    ok: false,
    issues: [
      {
        path: 'architecture.version',
        code: 'unknown_architecture_version',
        message: {
          vi: `không có kiến trúc tham chiếu phiên bản ${JSON.stringify(version)}; các phiên bản hiện có: ${known}`,
          en: `unknown architecture version ${JSON.stringify(version)}; available: ${known}`,
        },
      },
    ],
  };
}
