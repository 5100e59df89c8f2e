import type { Assessment, Observation, ValidationIssue } from '@cdsx/criteria';
import { formatIssues } from '@cdsx/criteria';
import { communeByCode, fullName, provinceByCode } from '@cdsx/criteria/communes';
import type { Dossier } from '@cdsx/kpi';
import type { DecisionRecord } from '@cdsx/rules';
import { lazy, Suspense } from 'react';
import type { Edits, Source } from '../App';
import { useI18n } from '../i18n';
import { DimensionChart } from './DimensionChart';
import { Findings } from './Findings';
import { Gaps } from './Gaps';
import { KpiPanel } from './KpiPanel';
import { LevelCard } from './LevelCard';

/** Loaded on first use: the QĐ 766 scoring stays out of the initial bundle. */
const Score766Panel = lazy(() => import('./Score766Panel'));
// The architecture data (166 components) loads with the panel, not with the page.
const ArchitectureView = lazy(() => import('./ArchitectureView'));

/** One commune: its level, chart, gaps, KPIs and the findings table with what-if editing. */
export function CommuneView(props: {
  assessment: Assessment;
  source: Source;
  record: DecisionRecord;
  whatIfIssues: ValidationIssue[];
  edits: Edits;
  onEdit: (id: string, o: Observation | null) => void;
  onEditMany: (obs: Record<string, Observation>) => void;
  onReset: () => void;
  dossiers: { name: string; dossiers: Dossier[] } | null;
}) {
  const { t, lang } = useI18n();
  const { record } = props;
  const commune = communeByCode(record.commune.code);
  const province = provinceByCode(record.commune.provinceCode);
  const title = commune
    ? fullName(commune)
    : `${t.unitTypes[record.commune.unitType]} ${record.commune.name}`;
  const editCount = Object.keys(props.edits).length;
  return (
    <article className="commune" aria-labelledby="commune-title" data-testid="commune-view">
      <h2 id="commune-title">
        {title}
        {province && <span className="muted"> — {fullName(province)}</span>}
        <span className="muted code"> · {record.commune.code}</span>
      </h2>
      <LevelCard record={props.record} source={props.source} />
      <div className="grid2">
        <DimensionChart record={record} />
        <Gaps record={record} />
      </div>
      <Suspense fallback={null}>
        <ArchitectureView record={record} />
      </Suspense>
      <KpiPanel
        communeCode={record.commune.code}
        communeName={title}
        dossiers={props.dossiers}
        onApply={props.onEditMany}
      />
      <Suspense fallback={null}>
        <Score766Panel communeCode={record.commune.code} dossiers={props.dossiers} />
      </Suspense>
      <section className="whatif" aria-labelledby="findings-h">
        <h3 id="findings-h">{t.findings}</h3>
        <div className="whatif-bar" aria-live="polite">
          <span data-testid="whatif-count">{editCount > 0 ? t.whatIfCount(editCount) : ''}</span>
          <button type="button" onClick={props.onReset} disabled={editCount === 0} data-testid="whatif-reset">
            {t.resetWhatIf}
          </button>
        </div>
        {props.whatIfIssues.length > 0 && (
          <div className="notice error" role="alert" data-testid="whatif-error">
            <code>{formatIssues(props.whatIfIssues, lang)}</code>
          </div>
        )}
        <Findings record={record} assessment={props.assessment} edits={props.edits} onEdit={props.onEdit} />
      </section>
    </article>
  );
}
