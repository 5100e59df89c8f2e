import type { Assessment, Observation, ValidationIssue } from '@cdsx/criteria';
import { communeByCode, fullName, provinceByCode } from '@cdsx/criteria/communes';
import type { Dossier } from '@cdsx/kpi';
import type { DecisionRecord } from '@cdsx/rules';
import { useContext } from 'react';
import type { Edits, Source } from '../App';
import { EditionContext } from '../edition';
import { useI18n } from '../i18n';
import { LazyPart } from './Boundary';
import { DimensionChart } from './DimensionChart';
import { Findings } from './Findings';
import { Gaps } from './Gaps';
import { IssueList } from './IssueList';
import { KpiPanel } from './KpiPanel';
import { LevelCard } from './LevelCard';
import { LevelSummary } from './LevelSummary';

// Loaded on first use: the QĐ 766 scoring and the architecture data (166 components) stay out of the
// initial bundle; each sits behind an error boundary with a retry.
const loadScore766 = () => import('./Score766Panel');
const loadArchitecture = () => import('./ArchitectureView');
const loadReport = () => import('./ReportPanel');

/** One commune: its level, chart, gaps, KPIs and the findings table with what-if editing. */
export function CommuneView(props: {
  assessment: Assessment;
  source: Source;
  record: DecisionRecord;
  whatIfIssues: ValidationIssue[];
  /** What-if values the validator refused, by criterion: left out of the decision. */
  invalid: Readonly<Record<string, ValidationIssue[]>>;
  edits: Edits;
  onEdit: (id: string, o: Observation | null) => void;
  onEditMany: (obs: Record<string, Observation>) => void;
  onReset: () => void;
  dossiers: { name: string; dossiers: Dossier[] } | null;
}) {
  const { t } = useI18n();
  const { record } = props;
  const edition = useContext(EditionContext);
  const commune = communeByCode(record.commune.code);
  const province = provinceByCode(record.commune.provinceCode);
  const title = commune
    ? fullName(commune)
    : `${t.unitTypes[record.commune.unitType]} ${record.commune.name}`;
  const editCount = Object.keys(props.edits).length;
  const invalidCount = Object.keys(props.invalid).length;
  return (
    <article className="commune" aria-labelledby="commune-title" data-testid="commune-view">
      <h2 id="commune-title" tabIndex={-1}>
        {title}
        {province && <span className="muted"> — {fullName(province)}</span>}
        <span className="muted code"> · {record.commune.code}</span>
      </h2>
      <LevelSummary record={record} edits={editCount} invalid={invalidCount} />
      <LevelCard record={props.record} source={props.source} />
      <div className="grid2">
        <DimensionChart record={record} />
        <Gaps record={record} />
      </div>
      <LazyPart load={loadReport} what={t.partReport} props={{ record, edition }} />
      <LazyPart load={loadArchitecture} what={t.partArchitecture} props={{ record }} />
      <KpiPanel
        communeCode={record.commune.code}
        communeName={title}
        dossiers={props.dossiers}
        onApply={props.onEditMany}
      />
      <LazyPart
        load={loadScore766}
        what={t.partScore766}
        props={{ communeCode: record.commune.code, dossiers: props.dossiers }}
      />
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
            <IssueList issues={props.whatIfIssues} />
          </div>
        )}
        <Findings
          record={record}
          assessment={props.assessment}
          edits={props.edits}
          invalid={props.invalid}
          onEdit={props.onEdit}
        />
      </section>
    </article>
  );
}
