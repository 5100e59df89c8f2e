import type { CatalogEdition, Criterion, LocalizedText } from '@cdsx/criteria';
import type { DecisionRecord, SummaryRecord } from './record';

/**
 * The criterion a record's finding or gap refers to, looked up in the edition the record names (pass the
 * edition with the record's overlay applied — see {@link applyOverlay} — to find a province's criteria).
 * `undefined` when the edition is not the record's (different version) or does not define the id.
 *
 * @example
 * const c = criterionOf(record, 'DV.01', getEdition(record.catalog.version).value.edition);
 * c?.title.vi;
 */
export function criterionOf(
  record: Pick<DecisionRecord, 'catalog'>,
  criterionId: string,
  edition: CatalogEdition,
): Criterion | undefined {
  if (edition.version !== record.catalog.version || edition.id !== record.catalog.id) return undefined;
  return edition.criteria.find((c) => c.id === criterionId);
}

/**
 * Việc cần làm — what to do about a criterion of a record: the text inlined in the record
 * (`remediation: 'inline'`) or else the criterion's remediation in the record's edition (see
 * {@link criterionOf}). `undefined` when neither knows the criterion.
 *
 * @example
 * for (const g of record.gaps?.mandatory ?? []) console.log(g.criterion, remediationOf(record, g.criterion, edition)?.vi);
 */
export function remediationOf(
  record: Pick<DecisionRecord | SummaryRecord, 'catalog' | 'remediation'>,
  criterionId: string,
  edition: CatalogEdition,
): LocalizedText | undefined {
  return record.remediation?.[criterionId] ?? criterionOf(record, criterionId, edition)?.remediation;
}
