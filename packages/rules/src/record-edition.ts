import type { CatalogEdition, ParseResult } from '@cdsx/criteria';
import { type AppliedOverlay, applyOverlay } from './overlay';
import type { DecisionRecord, SummaryRecord } from './record';

/** The catalog a record was decided under: its edition with its overlay applied, for renderers. */
export interface RecordCatalog {
  /** The effective edition: the record's edition plus the overlay's criteria and tightened thresholds. */
  readonly edition: CatalogEdition;
  /** The base edition's content hash (the record's `catalog.contentHash`). */
  readonly contentHash: string;
  /** The overlay the record names, applied; `null` when the record was decided without one. */
  readonly overlay: AppliedOverlay | null;
}

/**
 * The criteria a record was decided with — where every renderer (report, table, spreadsheet, web page)
 * reads titles, units and remediation: the given edition when it is the one the record names (id,
 * version, content hash), with the record's overlay applied when it names one, chosen from `overlays` by
 * content hash. Fails, located at `catalog` or `overlay` with vi/en text, when the edition is another one
 * or the record's overlay is not among those given (an overlay criterion would otherwise show as a bare id).
 *
 * @example
 * const r = recordCatalog(record, published, [overlayJson]);
 * if (r.ok) r.value.edition.criteria.find((c) => c.id === 'P01.DV.01')?.title.vi;
 */
export function recordCatalog(
  record: Pick<DecisionRecord | SummaryRecord, 'catalog' | 'overlay'>,
  published: { readonly edition: CatalogEdition; readonly contentHash: string },
  overlays: readonly unknown[] = [],
): ParseResult<RecordCatalog> {
  const { edition, contentHash } = published;
  const named = record.catalog;
  if (edition.id !== named.id || edition.version !== named.version || contentHash !== named.contentHash) {
    return {
      ok: false,
      issues: [
        {
          path: 'catalog',
          code: 'catalog_version_mismatch',
          message: {
            vi: `bản ghi được quyết định theo bộ tiêu chí ${named.id} ${named.version} (${named.contentHash}), không phải ${edition.id} ${edition.version} (${contentHash})`,
            en: `the record was decided with ${named.id} ${named.version} (${named.contentHash}), not ${edition.id} ${edition.version} (${contentHash})`,
          },
        },
      ],
    };
  }
  const wanted = record.overlay;
  if (!wanted) return { ok: true, value: { edition, contentHash, overlay: null } };
  for (const input of overlays) {
    const applied = applyOverlay(edition, contentHash, input);
    if (applied.ok && applied.value.contentHash === wanted.contentHash) {
      return { ok: true, value: { edition: applied.value.edition, contentHash, overlay: applied.value } };
    }
  }
  return {
    ok: false,
    issues: [
      {
        path: 'overlay',
        code: 'overlay_not_given',
        message: {
          vi: `bản ghi được quyết định với bộ tiêu chí bổ sung "${wanted.id}" của tỉnh ${wanted.province} (${wanted.contentHash}); hãy cung cấp tệp bộ tiêu chí bổ sung đó để hiển thị tiêu chí của tỉnh`,
          en: `the record was decided with overlay "${wanted.id}" of province ${wanted.province} (${wanted.contentHash}); give that overlay file to show the province's criteria`,
        },
      },
    ],
  };
}
