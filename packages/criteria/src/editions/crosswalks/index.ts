/**
 * Bảng đối chiếu mã tiêu chí giữa các phiên bản — the explicit crosswalks between consecutive editions,
 * one JSON file each (`<from>-to-<to>.json`, format {@link CrosswalkSchema}); a test checks every file
 * against its two editions.
 */
import type { ParseResult } from '../../issues';
import { type Crosswalk, composeCrosswalks } from '../../release/crosswalk';
import cw010to020 from './0.1.0-to-0.2.0.json';
import cw020to030 from './0.2.0-to-0.3.0.json';

/** Every crosswalk, oldest first: one per pair of consecutive editions in `EDITIONS`. */
export const CROSSWALKS: readonly Crosswalk[] = Object.freeze([
  cw010to020 as Crosswalk,
  cw020to030 as Crosswalk,
]);

/**
 * The crosswalk from one published edition to a later one, composed from the consecutive crosswalks.
 * The same version on both sides gives an empty crosswalk.
 *
 * @example
 * const r = crosswalkBetween('0.1.0', '0.2.0');
 * if (r.ok) console.log(r.value.added.map((a) => a.id)); // ['DV.10']
 */
export function crosswalkBetween(from: string, to: string): ParseResult<Crosswalk> {
  if (from === to)
    return {
      ok: true,
      value: { from: { version: from }, to: { version: to }, renamed: [], added: [], removed: [] },
    };
  const start = CROSSWALKS.findIndex((c) => c.from.version === from);
  const end = CROSSWALKS.findIndex((c) => c.to.version === to);
  if (start < 0 || end < start)
    return {
      ok: false,
      issues: [
        {
          path: '',
          code: 'crosswalk_not_found',
          message: {
            vi: `không có bảng đối chiếu từ phiên bản ${from} đến ${to}`,
            en: `no crosswalk from edition ${from} to ${to}`,
          },
        },
      ],
    };
  return composeCrosswalks(CROSSWALKS.slice(start, end + 1));
}
