import { formatIssues, formatNumber, parseJsonText, type ValidationIssue } from '@cdsx/criteria';
import type { Dossier } from '@cdsx/kpi';
import { cheapestMoves, levers, whatIf } from '@cdsx/score766';
import { useEffect, useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { type CommuneScore766, scoreFromCountsFile, scoreFromDossiers } from '../score766';

const TEXT = {
  vi: {
    title: 'Bộ chỉ số 766 (QĐ 766/QĐ-TTg)',
    hint: 'Nạp tệp hồ sơ (ở trên) hoặc tệp số liệu 766 (.json, định dạng cdsx-score766-counts) để chấm điểm xã đã chọn.',
    load: 'Tệp số liệu 766 (.json)',
    none: 'Không có số liệu 766 của xã này.',
    fromDossiers: 'Tính từ hồ sơ: chỉ các chỉ số hồ sơ cho phép; các chỉ số khác là "không có".',
    total: 'Tổng điểm',
    partial: (missing: string, max: number) => `chưa đủ — thiếu ${missing} (tối đa có thể tính ${max})`,
    group: 'Nhóm',
    points: 'Điểm',
    max: 'Tối đa',
    na: 'không có',
    whatIf: 'Giả định',
    indicator: 'Chỉ số',
    more: 'Thêm bản ghi "tốt"',
    gain: (g: number, total: number) => `+${formatNumber(g, 'vi')} điểm → tổng ${formatNumber(total, 'vi')}`,
    target: 'Tổng điểm mục tiêu',
    plan: 'Ít bản ghi nhất',
    unreachable: (max: number) => `không đạt được: tối đa ${formatNumber(max, 'vi')} với số liệu hiện có`,
    atMax: 'Mọi chỉ số có số liệu đã đạt tối đa.',
    profile: 'Bộ công thức',
  },
  en: {
    title: 'QĐ 766 score (QĐ 766/QĐ-TTg)',
    hint: 'Load a dossier file (above) or a 766 counts file (.json, cdsx-score766-counts format) to score the chosen commune.',
    load: '766 counts file (.json)',
    none: 'No 766 counts for this commune.',
    fromDossiers: 'From dossiers: only the indicators dossiers give; the others are "not available".',
    total: 'Total',
    partial: (missing: string, max: number) => `partial — ${missing} not available (scorable max ${max})`,
    group: 'Group',
    points: 'Points',
    max: 'Max',
    na: 'not available',
    whatIf: 'What-if',
    indicator: 'Indicator',
    more: 'More "good" records',
    gain: (g: number, total: number) =>
      `+${formatNumber(g, 'en')} points → total ${formatNumber(total, 'en')}`,
    target: 'Target total',
    plan: 'Fewest records',
    unreachable: (max: number) => `not reachable: at most ${formatNumber(max, 'en')} with the data there is`,
    atMax: 'Every indicator with data is at its maximum.',
    profile: 'Formula profile',
  },
} as const;

/** The QĐ 766 score of the chosen commune: groups as bars against their maxima, a table, and the what-if. */
export function Score766Panel(props: {
  communeCode: string;
  dossiers: { name: string; dossiers: Dossier[] } | null;
}) {
  const { l, lang } = useI18n();
  const tableLabel = lang === 'vi' ? 'Bảng điểm QĐ 766' : 'QĐ 766 score table';
  const x = TEXT[lang];
  const ids = useId();
  const [fromFile, setFromFile] = useState<{ name: string; json: unknown } | null>(null);
  const [fileIssues, setFileIssues] = useState<ValidationIssue[]>([]);
  const [fromDossiers, setFromDossiers] = useState<CommuneScore766 | null>(null);
  const dossiers = props.dossiers?.dossiers;
  useEffect(() => {
    setFromDossiers(null);
    if (!dossiers) return;
    let live = true;
    scoreFromDossiers(dossiers, props.communeCode).then((r) => {
      if (live) setFromDossiers(r);
    });
    return () => {
      live = false;
    };
  }, [dossiers, props.communeCode]);
  const counted = useMemo(
    () => (fromFile ? scoreFromCountsFile(fromFile.json, props.communeCode) : null),
    [fromFile, props.communeCode],
  );
  const data = counted?.result ?? fromDossiers;
  const issues = [...fileIssues, ...(counted?.issues ?? [])];

  const [indicator, setIndicator] = useState('');
  const [delta, setDelta] = useState(10);
  const [target, setTarget] = useState('');
  const available = data ? levers(data.unit) : [];
  const chosen = available.find((v) => v.indicator === indicator) ?? available[0];
  const moved =
    data && chosen
      ? whatIf(data.unit, [{ indicator: chosen.indicator, delta: Math.max(0, Math.floor(delta)) }])
      : null;
  const targetNumber = Number(target);
  const plan =
    data && target !== '' && Number.isFinite(targetNumber) && targetNumber >= 0 && targetNumber <= 100
      ? cheapestMoves(data.unit, targetNumber)
      : null;
  const nameOf = (id: string) => {
    const i = data?.score.indicators.find((v) => v.id === id);
    return i ? `${id} ${l(i.name)}` : id;
  };

  async function onFile(file: File | undefined) {
    setFileIssues([]);
    setFromFile(null);
    if (!file) return;
    const parsed = parseJsonText(await file.text(), file.name);
    if (!parsed.ok) setFileIssues(parsed.issues);
    else setFromFile({ name: file.name, json: parsed.value });
  }

  const s = data?.score;
  return (
    <section className="kpis score766" aria-labelledby={`${ids}-h`} data-testid="score766">
      <h3 id={`${ids}-h`}>{x.title}</h3>
      <label>
        {x.load}{' '}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => onFile(e.currentTarget.files?.[0])}
        />
      </label>
      {issues.length > 0 && (
        <div className="notice error" role="alert">
          <code>{formatIssues(issues, lang)}</code>
        </div>
      )}
      {!s ? (
        <p className="muted">{fromFile || dossiers ? x.none : x.hint}</p>
      ) : (
        <>
          <p>
            <strong>
              {x.total}: {formatNumber(s.total.points, lang)} / {s.total.max}
            </strong>{' '}
            · {s.period}
            {s.total.partial && (
              <span className="muted">
                {' '}
                · {x.partial(s.total.notAvailable.join(', '), s.total.availableMax)}
              </span>
            )}
          </p>
          {data.from === 'dossiers' && <p className="muted">{x.fromDossiers}</p>}
          <div className="chart">
            <ul className="dims" aria-hidden="true">
              {s.groups.map((g) => (
                <li key={g.id}>
                  <span className="dim-name">{l(g.name)}</span>
                  <span className="bar">
                    <span
                      className="fill"
                      style={{ width: g.points === null ? 0 : `${((g.points / g.max) * 100).toFixed(1)}%` }}
                    />
                  </span>
                  <span className="dim-count">
                    {g.points === null ? '—' : formatNumber(g.points, lang)}/{g.max}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section className="table-wrap" aria-label={tableLabel} tabIndex={0}>
            <table data-testid="score766-table">
              <thead>
                <tr>
                  <th scope="col">{x.group}</th>
                  <th scope="col">{x.points}</th>
                  <th scope="col">{x.max}</th>
                </tr>
              </thead>
              <tbody>
                {s.groups.map((g) => (
                  <tr key={g.id} data-group={g.id}>
                    <th scope="row">{l(g.name)}</th>
                    <td>
                      {g.points === null ? x.na : formatNumber(g.points, lang)}
                      {g.partial && g.points !== null && (
                        <span className="muted">
                          {' '}
                          ({x.partial(g.notAvailable.join(', '), g.availableMax)})
                        </span>
                      )}
                    </td>
                    <td>{g.max}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <p className="muted">
            {x.profile}: <code>{s.profile.id}</code>{' '}
            <code title={s.profile.contentHash}>{s.profile.contentHash.slice(0, 19)}…</code>
          </p>
          <h4>{x.whatIf}</h4>
          {available.length === 0 ? (
            <p className="muted">{x.atMax}</p>
          ) : (
            <div className="whatif-bar">
              <label>
                {x.indicator}{' '}
                <select
                  value={chosen?.indicator}
                  onChange={(e) => setIndicator(e.currentTarget.value)}
                  data-testid="score766-indicator"
                >
                  {available.map((v) => (
                    <option key={v.indicator} value={v.indicator}>
                      {nameOf(v.indicator)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {x.more}{' '}
                <input
                  type="number"
                  min={0}
                  step={1}
                  value={delta}
                  onChange={(e) => setDelta(Number(e.currentTarget.value) || 0)}
                  data-testid="score766-delta"
                />
              </label>
              <output aria-live="polite" data-testid="score766-gain">
                {moved ? x.gain(moved.gain, moved.after.total.points) : ''}
              </output>
            </div>
          )}
          <div className="whatif-bar">
            <label>
              {x.target}{' '}
              <input
                type="number"
                min={0}
                max={100}
                step={0.01}
                value={target}
                onChange={(e) => setTarget(e.currentTarget.value)}
              />
            </label>
            {plan && (
              <output aria-live="polite" data-testid="score766-plan">
                {plan.reached
                  ? `${x.plan}: ${plan.moves
                      .filter((m) => m.delta > 0)
                      .map((m) => `+${m.delta} ${nameOf(m.indicator)}`)
                      .join('; ')} → ${formatNumber(plan.after.total.points, lang)}`
                  : x.unreachable(plan.after.total.points)}
              </output>
            )}
          </div>
        </>
      )}
    </section>
  );
}

export default Score766Panel;
