import type { DecisionRecord } from '@cdsx/rules';
import type { Source } from '../App';
import { useEdition } from '../edition';
import { useI18n } from '../i18n';

/** The level reached, whether it is provisional, and what it was decided under. */
export function LevelCard({ record, source }: { record: DecisionRecord; source: Source }) {
  const { t, l } = useI18n();
  const EDITION = useEdition();
  const areaGroup = EDITION.areaGroups.find((g) => g.id === record.areaGroup);
  const possible = EDITION.levels.find((x) => x.level === record.possibleLevel);
  return (
    <section
      className="level-card"
      aria-labelledby="level-h"
      data-testid="level-card"
      data-level={record.level.level}
    >
      <div className="level-main">
        <h3 id="level-h">{t.level}</h3>
        <p className={`level-badge level-${record.level.level}`} data-testid="level">
          <span className="level-num">{record.level.level}</span>
          <span className="level-name">{l(record.level.name)}</span>
        </p>
        {record.provisional ? (
          <div className="provisional" data-testid="provisional">
            <strong>{t.provisional}.</strong>{' '}
            {t.provisionalDetail(
              possible ? `${possible.level} — ${l(possible.name)}` : String(record.possibleLevel),
            )}{' '}
            {/* The ids are many (45 for a new commune): counted, listed on request. */}
            <details className="missing" data-testid="missing-criteria">
              <summary>{t.missingList(record.missingCriteria.length)}</summary>
              <p className="ids">{record.missingCriteria.join(', ')}</p>
            </details>
          </div>
        ) : (
          <p className="muted">{t.final}</p>
        )}
        <p>
          {t.nextLevel}:{' '}
          {record.nextLevel
            ? `${t.levelN(record.nextLevel.level)} — ${l(record.nextLevel.name)}`
            : t.topLevel}
        </p>
      </div>
      <dl className="facts">
        <dt>{t.areaGroup}</dt>
        <dd>{areaGroup ? l(areaGroup.name) : record.areaGroup}</dd>
        <dt>{t.period}</dt>
        <dd>{record.period}</dd>
        <dt>{t.source}</dt>
        <dd data-testid="source">
          {source.kind === 'file' ? t.sourceFile(source.name) : t.sourceSynthetic}
          {record.synthetic && <span className="tag synthetic">SYNTHETIC</span>}
        </dd>
        <dt className="visually-hidden">{t.editionLabel}</dt>
        <dd className="edition" data-testid="edition">
          {t.edition(l(EDITION.title), record.catalog.version, t.status[EDITION.status] ?? EDITION.status)}
          <br />
          <code title={record.catalog.contentHash}>{record.catalog.contentHash.slice(0, 19)}…</code>
        </dd>
      </dl>
    </section>
  );
}
