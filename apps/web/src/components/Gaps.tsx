import { formatRequirement, formatValue } from '@cdsx/criteria';
import type { DecisionRecord, GapItem } from '@cdsx/rules';
import { criteriaOf, useEdition } from '../edition';
import { useI18n } from '../i18n';

/** Closest extended candidates listed. */
const MAX_CANDIDATES = 6;

function GapRow({ gap }: { gap: GapItem }) {
  const { t, l, lang } = useI18n();
  const criterion = criteriaOf(useEdition()).get(gap.criterion);
  // The record's unit, the edition's scale labels; the distance is a plain amount of the unit.
  const terms = { unit: gap.unit, scale: criterion?.scale };
  return (
    <li className={`gap ${gap.outcome}`} data-criterion={gap.criterion}>
      <div>
        <strong>{gap.criterion}</strong> {criterion ? l(criterion.title) : ''}
      </div>
      <div className="gap-figures">
        {gap.outcome === 'not_available' ? (
          <span className="tag not_available">{t.outcome.not_available}</span>
        ) : (
          <span>
            {t.observed}: {formatValue(gap.observed, terms, lang)}
          </span>
        )}
        <span>
          {t.needed}: {formatRequirement(gap.comparison, gap.threshold, terms, lang)}
        </span>
        {gap.gap !== null && gap.gap > 0 && (
          <span>
            {t.missingBy}: {formatValue(gap.gap, { unit: gap.unit }, lang)}
          </span>
        )}
      </div>
      {criterion && (
        // Records reference remediation: it is the criterion's text in the edition.
        <p className="remediation">
          <span className="muted">{t.remediation}:</span> {l(criterion.remediation)}
        </p>
      )}
    </li>
  );
}

/** What stops the commune reaching the next level, mandatory first, then the extended share. */
export function Gaps({ record }: { record: DecisionRecord }) {
  const { t, l } = useI18n();
  const gaps = record.gaps;
  if (!gaps || !record.nextLevel) {
    return (
      <section className="gaps" aria-labelledby="gaps-h" data-testid="gaps">
        <h3 id="gaps-h">{t.topLevel}</h3>
        <p>{t.noGaps}</p>
      </section>
    );
  }
  const ext = gaps.extended;
  return (
    <section className="gaps" aria-labelledby="gaps-h" data-testid="gaps" data-next-level={gaps.level}>
      <h3 id="gaps-h">{t.gaps(`${gaps.level} — ${l(record.nextLevel.name)}`)}</h3>
      <h4>{t.mandatoryGaps}</h4>
      {gaps.mandatory.length === 0 ? (
        <p>{t.noMandatoryGaps}</p>
      ) : (
        <ul className="gap-list" data-testid="mandatory-gaps">
          {gaps.mandatory.map((g) => (
            <GapRow key={g.criterion} gap={g} />
          ))}
        </ul>
      )}
      <h4 data-testid="extended-summary">
        {t.extendedGaps(ext.met, ext.required, ext.applicable, ext.shortfall)}
      </h4>
      {ext.shortfall > 0 && ext.candidates.length > 0 && (
        <>
          <p className="muted">{t.closestExtended}</p>
          <ul className="gap-list">
            {ext.candidates.slice(0, MAX_CANDIDATES).map((g) => (
              <GapRow key={g.criterion} gap={g} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
