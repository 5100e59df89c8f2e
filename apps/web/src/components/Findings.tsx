import {
  type Assessment,
  type Criterion,
  formatRequirement,
  type Lang,
  type Observation,
  type ValidationIssue,
} from '@cdsx/criteria';
import type { DecisionRecord, Finding } from '@cdsx/rules';
import { useEffect, useMemo, useState } from 'react';
import type { Edits } from '../App';
import { useEdition } from '../edition';
import { useI18n } from '../i18n';

/** An edited observation: the value typed in, marked self-declared for the what-if. */
function observation(value: number | boolean, previous: Observation | undefined): Observation {
  return { ...(previous ?? { source: 'self_declared' }), value, note: 'what-if' };
}

/** A number as the user types it in the page's language: `99,5` in Vietnamese, `99.5` in English. */
function shownNumber(value: number | null, lang: Lang): string {
  if (value === null) return '';
  const s = String(value);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** The number typed (decimal comma or point; no thousands separators), `null` for empty, NaN when not a number. */
function parseTyped(text: string): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return null;
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

/**
 * Number input that commits every number as it is typed (the decision refuses out-of-range ones, which are
 * then marked here); empty means "no data". Text that is not a number is marked and not committed.
 */
function NumberEditor(props: {
  criterion: Criterion;
  value: number | null;
  label: string;
  /** Why the committed value was refused, if it was. */
  error: string | null;
  onChange: (value: number | null) => void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(shownNumber(props.value, lang));
  // Follow changes made elsewhere (reset, KPIs applied, language) without fighting the user's typing.
  useEffect(() => {
    setText((current) => (parseTyped(current) === props.value ? current : shownNumber(props.value, lang)));
  }, [props.value, lang]);
  const parsed = parseTyped(text);
  const notNumber = parsed !== null && Number.isNaN(parsed);
  const error = notNumber ? t.notANumber : props.error;
  const errorId = `err-${props.criterion.id}`;
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        aria-label={props.label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={`edit-${props.criterion.id}`}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const n = parseTyped(next);
          if (n === null || !Number.isNaN(n)) props.onChange(n);
        }}
      />
      {error && (
        <span id={errorId} className="cell-error" data-testid={`invalid-${props.criterion.id}`}>
          {error}
        </span>
      )}
    </>
  );
}

function ValueEditor(props: {
  criterion: Criterion;
  observation: Observation | undefined;
  invalid: readonly ValidationIssue[] | undefined;
  onEdit: (o: Observation | null) => void;
}) {
  const { t, l, lang } = useI18n();
  const { criterion, observation: o } = props;
  const label = `${t.editValue(criterion.id)} — ${l(criterion.title)}`;
  const commit = (value: number | boolean | null) =>
    props.onEdit(value === null ? null : observation(value, o));
  if (criterion.measure === 'boolean') {
    return (
      <select
        aria-label={label}
        data-testid={`edit-${criterion.id}`}
        value={o === undefined ? '' : String(o.value)}
        onChange={(e) => commit(e.target.value === '' ? null : e.target.value === 'true')}
      >
        <option value="">{t.noData}</option>
        <option value="true">{t.yes}</option>
        <option value="false">{t.no}</option>
      </select>
    );
  }
  if (criterion.measure === 'ordinal' && criterion.scale) {
    return (
      <select
        aria-label={label}
        data-testid={`edit-${criterion.id}`}
        value={o === undefined ? '' : String(o.value)}
        onChange={(e) => commit(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t.noData}</option>
        {criterion.scale.map((p) => (
          <option key={p.value} value={p.value}>
            {p.value} — {l(p.label)}
          </option>
        ))}
      </select>
    );
  }
  const value = o === undefined || typeof o.value !== 'number' ? null : o.value;
  return (
    <span className="number-edit">
      <NumberEditor
        criterion={criterion}
        value={value}
        label={label}
        error={
          props.invalid?.length ? t.invalidValue(props.invalid.map((i) => i.message[lang]).join('; ')) : null
        }
        onChange={commit}
      />
      {criterion.unit && <span className="unit">{l(criterion.unit)}</span>}
    </span>
  );
}

function OutcomeCell({ finding, criterion }: { finding: Finding | undefined; criterion: Criterion }) {
  const { t, lang } = useI18n();
  if (!finding) return <td />;
  const requirement =
    finding.comparison !== null && finding.threshold !== null
      ? formatRequirement(finding.comparison, finding.threshold, criterion, lang)
      : '';
  return (
    <td
      className={`outcome ${finding.outcome}`}
      data-outcome={finding.outcome}
      data-kind={finding.kind ?? ''}
      data-label={t.levelN(finding.level)}
    >
      <span className="outcome-label">{t.outcome[finding.outcome]}</span>
      {finding.kind && (
        <span className="requirement">
          {t.kind[finding.kind]} {requirement}
        </span>
      )}
    </td>
  );
}

/** One row per criterion: its value (editable), and its outcome at each level. */
export function Findings(props: {
  record: DecisionRecord;
  assessment: Assessment;
  edits: Edits;
  invalid: Readonly<Record<string, ValidationIssue[]>>;
  onEdit: (id: string, o: Observation | null) => void;
}) {
  const { t, l } = useI18n();
  const EDITION = useEdition();
  const levels = props.record.levels.map((x) => x.level);
  const byCriterion = useMemo(() => {
    const m = new Map<string, Map<number, Finding>>();
    for (const f of props.record.findings) {
      const row = m.get(f.criterion) ?? new Map<number, Finding>();
      m.set(f.criterion, row);
      row.set(f.level, f);
    }
    return m;
  }, [props.record]);
  const dimensionName = (id: string) => {
    const d = EDITION.dimensions.find((x) => x.id === id);
    return d ? l(d.name) : id;
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={t.tableOf(t.findings)} tabIndex={0}>
      <table className="findings sticky-head" data-testid="findings">
        <thead>
          <tr>
            <th scope="col">{t.criterion}</th>
            <th scope="col">{t.value}</th>
            {levels.map((n) => (
              <th scope="col" key={n}>
                {t.levelN(n)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {EDITION.criteria.map((c, i) => {
            const row = byCriterion.get(c.id);
            const edited = c.id in props.edits;
            const newDimension = i === 0 || EDITION.criteria[i - 1]!.dimension !== c.dimension;
            return [
              newDimension && (
                <tr key={`dim-${c.dimension}`} className="dimension-row">
                  <th scope="colgroup" colSpan={2 + levels.length}>
                    {dimensionName(c.dimension)}
                  </th>
                </tr>
              ),
              <tr key={c.id} data-criterion={c.id} className={edited ? 'edited' : undefined}>
                <th scope="row">
                  <span className="crit-id">{c.id}</span> {l(c.title)}
                  {edited && <span className="tag edited">{t.edited}</span>}
                </th>
                <td>
                  <ValueEditor
                    criterion={c}
                    observation={props.assessment.observations[c.id]}
                    invalid={props.invalid[c.id]}
                    onEdit={(o) => props.onEdit(c.id, o)}
                  />
                </td>
                {levels.map((n) => (
                  <OutcomeCell key={n} finding={row?.get(n)} criterion={c} />
                ))}
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </section>
  );
}
