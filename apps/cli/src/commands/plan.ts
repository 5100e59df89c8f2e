import { formatNumber, type PublishedEdition } from '@cdsx/criteria';
import { communeByCode, communesOfProvince, fullName, provinceByCode } from '@cdsx/criteria/communes';
import type { KpiId, KpiResult } from '@cdsx/kpi';
import type { EvaluationData, Plan, PlanEvaluation, TargetEvaluation, TargetGroup } from '@cdsx/plan';
import type { DecisionRecord } from '@cdsx/rules';
import type { CommandDef, Context, OptionDef } from '../command';
import { EXIT, fileError, formatLocated, InputError, type LocatedIssue, UsageError } from '../errors';
import { type Lang, t } from '../i18n';
import { readJsonDocument, streamRecordInputs } from '../inputs';
import { locate } from '../records';
import type { Report, Section } from '../render/index';
import { assessStream, invalidLine } from './assess';
import { duplicateIssue, openDossiers } from './dossiers';
import { SYNTHETIC_LABEL, str } from './shared';

type PlanModule = typeof import('@cdsx/plan');

/** The plan file, validated against the editions this release ships; problems located in the file. */
async function readPlan(
  ctx: Context,
  file: string,
): Promise<{ plan: Plan; edition: PublishedEdition; p: PlanModule }> {
  const p = await import('@cdsx/plan');
  const { EDITIONS } = await import('@cdsx/criteria/editions');
  const doc = await readJsonDocument(ctx, file);
  const r = p.validatePlan(doc.value, EDITIONS);
  if (!r.ok) throw new InputError(r.issues.map((i) => locate(doc, i)));
  return { plan: r.value, edition: p.editionOf(r.value.catalogVersion, EDITIONS)!, p };
}

function ownerName(plan: Plan): string {
  const u =
    plan.owner.level === 'province' ? provinceByCode(plan.owner.code) : communeByCode(plan.owner.code);
  return u ? fullName(u) : (plan.owner.name ?? plan.owner.code);
}

const DATA_OPTIONS: Record<string, OptionDef> = {
  assessments: {
    type: 'string',
    value: '<file|dir|->',
    help: t(
      'đánh giá tự đánh giá của các xã (JSON/NDJSON) — cho chỉ tiêu tiêu chí, mức và tỷ lệ xã',
      "the communes' assessments (JSON/NDJSON) — for criterion, level and commune-share targets",
    ),
  },
  dossiers: {
    type: 'string',
    value: '<file>',
    help: t('hồ sơ TTHC (NDJSON/CSV) — cho chỉ tiêu KPI', 'dossiers (NDJSON/CSV) — for KPI targets'),
  },
  counts: {
    type: 'string',
    value: '<counts.json>',
    help: t(
      'số liệu Bộ chỉ số 766 (định dạng cdsx-score766-counts) — cho chỉ tiêu điểm 766',
      'QĐ 766 counts (cdsx-score766-counts) — for QĐ 766 score targets',
    ),
  },
  previous: {
    type: 'string',
    value: '<evaluation.json>',
    help: t(
      'bản đánh giá năm trước (cdsx plan evaluate --format json) để so sánh với năm trước',
      "the previous year's evaluation (cdsx plan evaluate --format json), for the comparison with the previous year",
    ),
  },
  synthetic: {
    type: 'boolean',
    help: t(
      'dùng DỮ LIỆU MÔ PHỎNG (synthetic) của năm kế hoạch và năm trước thay cho số liệu thật (minh họa)',
      'use SYNTHETIC data for the plan year and the year before instead of real data (illustration)',
    ),
  },
};

/** The communes a plan's data covers: the province's, or the one commune. */
function ownerCommunes(plan: Plan) {
  if (plan.owner.level === 'province') return communesOfProvince(plan.owner.code);
  const c = communeByCode(plan.owner.code);
  return c ? [c] : [];
}

/** Synthetic data of the plan's owner for one year: assessments → decision records, dossiers → KPIs and QĐ 766. */
async function syntheticData(plan: Plan, edition: PublishedEdition, year: number): Promise<EvaluationData> {
  const { generateSyntheticAssessments } = await import('@cdsx/rules/synthetic');
  const { assess } = await import('@cdsx/rules');
  const { generateDossiers } = await import('@cdsx/kpi/testing');
  const { computeDossierKpis } = await import('@cdsx/kpi');
  const { countsFromDossiers } = await import('@cdsx/score766/dossiers');
  const { scoreUnit, unitFromCounts } = await import('@cdsx/score766');
  const communes = ownerCommunes(plan);
  const period = String(year);
  const records = generateSyntheticAssessments({
    edition: edition.edition,
    communes,
    period,
    seed: year,
  }).map((a) => assess(a, { edition }));
  const dossiers = [
    ...generateDossiers({
      seed: year,
      count: 200 * communes.length,
      year,
      communes: communes.map((c) => ({ code: c.code, provinceCode: c.provinceCode })),
    }),
  ];
  const by = plan.owner.level;
  const [group] = await computeDossierKpis(dossiers, { period, by: [by] });
  const [counts] = await countsFromDossiers(dossiers, { period, by });
  const unit = counts ? unitFromCounts(counts, 0).unit : undefined;
  return {
    period,
    records,
    ...(group ? { kpis: group.kpis } : {}),
    ...(unit ? { score766: scoreUnit(unit) } : {}),
    synthetic: true,
  };
}

interface Gathered {
  data: EvaluationData;
  previous?: PlanEvaluation;
  issues: LocatedIssue[];
  lines: string[];
}

/** The year's data named on the command line (or synthetic), with every problem located. */
async function gather(ctx: Context, plan: Plan, edition: PublishedEdition, p: PlanModule): Promise<Gathered> {
  const { lang } = ctx;
  const period = String(plan.year);
  const issues: LocatedIssue[] = [];
  const lines: string[] = [];
  const assessments = str(ctx, 'assessments');
  const dossiers = str(ctx, 'dossiers');
  const countsFile = str(ctx, 'counts');
  const previousFile = str(ctx, 'previous');
  if (ctx.values.synthetic === true) {
    if (assessments || dossiers || countsFile || previousFile)
      throw new UsageError(
        t(
          '--synthetic không dùng chung với --assessments, --dossiers, --counts, --previous',
          '--synthetic cannot be combined with --assessments, --dossiers, --counts, --previous',
        ),
      );
    const before = await syntheticData(plan, edition, plan.year - 1);
    const previous = p.evaluatePlan(plan, before, { edition });
    return { data: await syntheticData(plan, edition, plan.year), previous, issues, lines };
  }
  const data: EvaluationData = { period };
  if (assessments) {
    const owned = new Set(ownerCommunes(plan).map((c) => c.code));
    const records: DecisionRecord[] = [];
    let others = 0;
    const { read, invalid } = await assessStream(streamRecordInputs(ctx, assessments), {
      assess: { edition },
      allowUnlisted: false,
      onRecord(r) {
        if (owned.has(r.commune.code)) records.push(r);
        else others++;
      },
      onInvalid(i) {
        issues.push(...i);
      },
      onWarning(i) {
        issues.push(...i);
      },
    });
    data.records = records;
    if (invalid) lines.push(invalidLine(invalid, read, lang));
    if (others)
      lines.push(
        lang === 'vi'
          ? `${others} đánh giá của xã ngoài ${ownerName(plan)}: không dùng.`
          : `${others} assessments of communes outside ${ownerName(plan)}: not used.`,
      );
  }
  if (dossiers) {
    const { computeDossierKpis } = await import('@cdsx/kpi');
    const opened = await openDossiers(ctx, dossiers);
    let groups: Awaited<ReturnType<typeof computeDossierKpis>>;
    try {
      groups = await computeDossierKpis(opened.reader, {
        period,
        by: [plan.owner.level],
        provinceOf: (c) => communeByCode(c)?.provinceCode,
      });
    } finally {
      opened.finish();
    }
    const s = opened.reader.summary;
    for (const issue of s.issues) issues.push({ file: opened.name, issue });
    for (const d of s.duplicateRecords) issues.push({ file: opened.name, issue: duplicateIssue(d) });
    const own = groups.find(
      (g) => (plan.owner.level === 'province' ? g.key.province : g.key.commune) === plan.owner.code,
    );
    data.kpis = (own?.kpis ?? {}) as Partial<Record<KpiId, KpiResult>>;
    lines.push(
      lang === 'vi'
        ? `Hồ sơ: ${s.records} đọc, ${s.accepted} nhận, ${s.rejected} bị loại; kỳ ${period}, ${own ? 'có' : 'không có'} hồ sơ của ${ownerName(plan)}.`
        : `Dossiers: ${s.records} read, ${s.accepted} accepted, ${s.rejected} rejected; period ${period}, ${own ? 'with' : 'no'} dossiers of ${ownerName(plan)}.`,
    );
  }
  if (countsFile) {
    const s766 = await import('@cdsx/score766');
    const doc = await readJsonDocument(ctx, countsFile);
    const r = s766.parseCounts(doc.value);
    for (const issue of r.issues) issues.push(locate(doc, issue));
    const unit = r.units.find((u) => u.counts.unitCode === plan.owner.code && u.counts.period === period);
    if (unit) data.score766 = s766.scoreUnit(unit);
    else
      lines.push(
        lang === 'vi'
          ? `${countsFile}: không có số liệu 766 của ${plan.owner.code} kỳ ${period}.`
          : `${countsFile}: no QĐ 766 counts of ${plan.owner.code} for period ${period}.`,
      );
  }
  let previous: PlanEvaluation | undefined;
  if (previousFile) {
    const doc = await readJsonDocument(ctx, previousFile);
    const v = doc.value as Partial<PlanEvaluation> | null;
    if (
      !v ||
      v.format !== p.EVALUATION_FORMAT ||
      !Array.isArray(v.targets) ||
      !v.plan ||
      typeof v.period !== 'string'
    )
      throw fileError(
        doc.file,
        'not_an_evaluation',
        t(
          `không phải bản đánh giá kế hoạch (${p.EVALUATION_FORMAT})`,
          `not a plan evaluation (${p.EVALUATION_FORMAT})`,
        ),
      );
    if (v.plan.owner?.code !== plan.owner.code)
      throw fileError(
        doc.file,
        'other_owner',
        t(
          `bản đánh giá của ${v.plan.owner?.code}, không phải của ${plan.owner.code}`,
          `the evaluation is of ${v.plan.owner?.code}, not of ${plan.owner.code}`,
        ),
      );
    previous = v as PlanEvaluation;
  }
  return { data, ...(previous ? { previous } : {}), issues, lines };
}

const fmtGap = (e: TargetEvaluation, edition: PublishedEdition, lang: Lang, p: PlanModule) =>
  e.gap === null
    ? '—'
    : e.gap === 0
      ? '0'
      : p.formatIndicatorValue(e.indicator, e.gap, edition.edition, lang);

function actualText(e: TargetEvaluation, edition: PublishedEdition, lang: Lang, p: PlanModule): string {
  if (e.actual === null && e.range) {
    const [lo, hi] = e.range;
    return `${p.formatIndicatorValue(e.indicator, lo, edition.edition, lang)}–${p.formatIndicatorValue(e.indicator, hi, edition.edition, lang)}`;
  }
  return p.formatIndicatorValue(e.indicator, e.actual, edition.edition, lang);
}

/** A target as written in a plan: `>= 60%`, or the bare value for `=`. */
function targetText(
  x: Pick<TargetEvaluation, 'comparison' | 'indicator'>,
  value: number | boolean,
  edition: PublishedEdition,
  lang: Lang,
  p: PlanModule,
): string {
  return `${x.comparison === '=' ? '' : `${x.comparison} `}${p.formatIndicatorValue(x.indicator, value, edition.edition, lang)}`;
}

function titleOf(
  e: { title?: { vi: string; en: string }; indicator: TargetEvaluation['indicator'] },
  edition: PublishedEdition,
  lang: Lang,
  p: PlanModule,
) {
  return e.title?.[lang] ?? p.indicatorLabel(e.indicator, edition.edition, lang);
}

/** The evaluation as a report in the order of seed 002 §I.1. */
export function evaluationReport(
  ev: PlanEvaluation,
  plan: Plan,
  edition: PublishedEdition,
  lang: Lang,
  p: PlanModule,
): Report {
  const vi = lang === 'vi';
  const sections: Section[] = [];
  if (ev.data.synthetic) sections.push({ title: SYNTHETIC_LABEL, tone: 'warn', lines: [] });
  if (ev.plan.example)
    sections.push({
      title: t(
        'VÍ DỤ — kế hoạch minh họa, không phải văn bản thật',
        'EXAMPLE — an illustrative plan, not a real document',
      ),
      tone: 'warn',
      lines: [],
    });
  const { summary } = ev;
  sections.push({
    title: t('Tổng hợp', 'Summary'),
    lines: [
      vi
        ? `${summary.targets} chỉ tiêu: ${summary.met} đạt, ${summary.notMet} chưa đạt, ${summary.notAvailable} không có số liệu.`
        : `${summary.targets} targets: ${summary.met} met, ${summary.notMet} not met, ${summary.notAvailable} not available.`,
    ],
  });
  const groups = p.TARGET_GROUPS.filter((g) => ev.targets.some((x) => x.group === g));
  groups.forEach((g: TargetGroup, i) => {
    const list = ev.targets.filter((x) => x.group === g);
    sections.push({
      title: vi
        ? `1.${i + 1}. Kết quả thực hiện — ${p.TARGET_GROUP_NAMES[g].vi}`
        : `1.${i + 1}. Results — ${p.TARGET_GROUP_NAMES[g].en}`,
      table: {
        columns: [
          { key: 'id', header: t('Mã', 'Id') },
          { key: 'target', header: t('Chỉ tiêu', 'Target') },
          { key: 'plan', header: t('Kế hoạch', 'Plan'), align: 'right' },
          { key: 'actual', header: t('Thực hiện', 'Actual'), align: 'right' },
          { key: 'status', header: t('Đánh giá', 'Status') },
          { key: 'gap', header: t('Còn thiếu', 'Gap'), align: 'right' },
          { key: 'note', header: t('Ghi chú', 'Note'), display: (v) => (v === null ? '' : String(v)) },
        ],
        rows: list.map((x) => ({
          id: x.id,
          target: `${titleOf(x, edition, lang, p)}${x.proposal ? (vi ? ' (đề xuất)' : ' (proposed)') : ''}`,
          plan: targetText(x, x.target, edition, lang, p),
          actual: actualText(x, edition, lang, p),
          status: p.statusLabel(x.status, lang),
          gap: fmtGap(x, edition, lang, p),
          note: x.reason ? x.reason[lang] : null,
        })),
      },
    });
  });
  sections.push({
    title: t('2. So sánh với năm trước', '2. Compared with the previous year'),
    table: {
      columns: [
        { key: 'id', header: t('Mã', 'Id') },
        { key: 'target', header: t('Chỉ tiêu', 'Target') },
        { key: 'previous', header: t('Năm trước', 'Previous year'), align: 'right' },
        { key: 'from', header: t('Nguồn', 'From') },
        { key: 'actual', header: t('Năm nay', 'This year'), align: 'right' },
        { key: 'change', header: t('Thay đổi', 'Change'), align: 'right' },
        { key: 'trend', header: t('Xu hướng', 'Trend') },
      ],
      rows: ev.targets.map((x) => ({
        id: x.id,
        target: titleOf(x, edition, lang, p),
        previous: x.previous
          ? p.formatIndicatorValue(x.indicator, x.previous.value, edition.edition, lang)
          : '—',
        from: x.previous
          ? x.previous.from === 'baseline'
            ? vi
              ? `cơ sở ${x.previous.year ?? ''} (kế hoạch)`
              : `baseline ${x.previous.year ?? ''} (plan)`
            : vi
              ? `đánh giá ${x.previous.year ?? ''}`
              : `evaluation ${x.previous.year ?? ''}`
          : '—',
        actual: actualText(x, edition, lang, p),
        change: x.change === null ? '—' : `${x.change > 0 ? '+' : ''}${formatNumber(x.change, lang)}`,
        trend: p.trendLabel(x.trend, lang),
      })),
    },
  });
  const national = ev.targets.filter((x) => x.national);
  sections.push({
    title: t('3. So sánh với chỉ tiêu quốc gia', '3. Compared with the national targets'),
    ...(national.length
      ? {
          table: {
            columns: [
              { key: 'id', header: t('Mã', 'Id') },
              { key: 'national', header: t('Chỉ tiêu quốc gia', 'National target') },
              { key: 'value', header: t('Mức quốc gia', 'National level'), align: 'right' },
              { key: 'plan', header: t('Kế hoạch', 'Plan'), align: 'right' },
              { key: 'actual', header: t('Thực hiện', 'Actual'), align: 'right' },
              { key: 'status', header: t('So với quốc gia', 'Against national') },
              { key: 'source', header: t('Nguồn', 'Source') },
            ],
            rows: national.map((x) => {
              const n = x.national!;
              return {
                id: x.id,
                national: n.id,
                value: `${n.comparison} ${n.value}%`,
                plan: targetText(x, x.target, edition, lang, p),
                actual: actualText(x, edition, lang, p),
                status: p.statusLabel(n.status, lang),
                source: `${n.source.document}${n.source.article ? ` ${n.source.article}` : ''}: “${n.source.line}”`,
              };
            }),
          },
        }
      : {
          lines: [
            vi
              ? 'Không chỉ tiêu nào ghi chỉ tiêu quốc gia mà nó thực hiện (trường nationalTarget).'
              : 'No target names the national target it derives from (field nationalTarget).',
          ],
        }),
  });
  for (const x of ev.targets.filter(
    (y) => y.aggregate && (y.aggregate.holdingBack.length || y.aggregate.unknown.length),
  )) {
    const a = x.aggregate!;
    const valueText = (v: number | boolean | null) =>
      x.indicator.kind === 'share_meeting'
        ? p.formatIndicatorValue(
            { kind: 'criterion_value', criterion: x.indicator.criterion },
            v,
            edition.edition,
            lang,
          )
        : v === null
          ? '—'
          : String(v);
    sections.push({
      title: vi
        ? `4. Xã kéo chỉ tiêu ${x.id} xuống (${a.holdingBack.length} chưa đạt, ${a.unknown.length} chưa xác định / ${a.communes} xã)`
        : `4. Communes holding ${x.id} back (${a.holdingBack.length} not meeting it, ${a.unknown.length} unknown, of ${a.communes})`,
      table: {
        columns: [
          { key: 'code', header: t('Mã xã', 'Commune') },
          { key: 'name', header: t('Tên', 'Name') },
          { key: 'state', header: t('Tình trạng', 'State') },
          {
            key: 'value',
            header: x.indicator.kind === 'share_at_level' ? t('Mức', 'Level') : t('Giá trị', 'Value'),
            align: 'right',
          },
          { key: 'reason', header: t('Ghi chú', 'Note'), display: (v) => (v === null ? '' : String(v)) },
        ],
        rows: [
          ...a.holdingBack.map((c) => ({
            code: c.code,
            name: c.name,
            state: vi ? 'chưa đạt' : 'not meeting',
            value: valueText(c.value),
            reason: c.reason ? c.reason[lang] : null,
          })),
          ...a.unknown.map((c) => ({
            code: c.code,
            name: c.name,
            state: vi ? 'chưa xác định' : 'unknown',
            value: valueText(c.value),
            reason: c.reason ? c.reason[lang] : null,
          })),
        ],
      },
    });
  }
  const basis = [
    vi
      ? `Kế hoạch: ${ownerName(plan)} năm ${ev.plan.year}${ev.plan.issuingDocument ? `, ${ev.plan.issuingDocument.document} ngày ${ev.plan.issuingDocument.date}` : ''} · ${ev.plan.contentHash}`
      : `Plan: ${ownerName(plan)} ${ev.plan.year}${ev.plan.issuingDocument ? `, ${ev.plan.issuingDocument.document} of ${ev.plan.issuingDocument.date}` : ''} · ${ev.plan.contentHash}`,
    vi
      ? `Bộ tiêu chí: ${ev.catalog.id} ${ev.catalog.version} · ${ev.catalog.contentHash}   Kỳ số liệu: ${ev.period}`
      : `Catalog: ${ev.catalog.id} ${ev.catalog.version} · ${ev.catalog.contentHash}   Data period: ${ev.period}`,
    vi
      ? `Số liệu: ${ev.data.records} bản ghi đánh giá xã; KPI hồ sơ: ${ev.data.kpis ? 'có' : 'không'}; điểm 766: ${ev.data.score766 ? `${ev.data.score766.profile.id}` : 'không'}${ev.previous ? `; năm trước: đánh giá kỳ ${ev.previous.period}` : ''}.`
      : `Data: ${ev.data.records} commune decision records; dossier KPIs: ${ev.data.kpis ? 'yes' : 'no'}; QĐ 766 score: ${ev.data.score766 ? `${ev.data.score766.profile.id}` : 'no'}${ev.previous ? `; previous year: evaluation of ${ev.previous.period}` : ''}.`,
  ];
  sections.push({ title: t('Căn cứ', 'Basis'), lines: basis });
  return {
    title: vi
      ? `Đánh giá kết quả thực hiện kế hoạch chuyển đổi số năm ${ev.plan.year} — ${ownerName(plan)} (${plan.owner.code})`
      : `Evaluation of the ${ev.plan.year} digital-transformation plan — ${ownerName(plan)} (${plan.owner.code})`,
    sections,
    json: ev,
  };
}

/** `cdsx plan validate <plan.json>` */
export const planValidate: CommandDef = {
  path: ['plan', 'validate'],
  args: '<plan.json|->',
  summary: t(
    'kiểm tra kế hoạch chuyển đổi số: mọi chỉ tiêu phải tính được (KPI, tiêu chí, mức, điểm 766, tỷ lệ xã)',
    'check a digital-transformation plan: every target must be computable (KPI, criterion, level, QĐ 766 score, commune share)',
  ),
  details: t(
    'Tệp kế hoạch theo định dạng cdsx-plan/1 (JSON Schema: @cdsx/plan/schema/plan.json). Chỉ tiêu không tính được ' +
      '(mã KPI lạ, tiêu chí không có trong bộ tiêu chí đã ghi, tỷ lệ xã trong kế hoạch của một xã, …) là lỗi, ghi rõ dòng, cột, đường dẫn. Mã thoát 1 khi có lỗi.',
    'A plan file in the cdsx-plan/1 format (JSON Schema: @cdsx/plan/schema/plan.json). A target that cannot be computed ' +
      "(unknown KPI id, criterion not in the plan's catalog edition, a commune share in a commune's plan, …) is an error, located by line, column and path. Exit code 1 on errors.",
  ),
  positionals: [1, 1],
  formats: ['table', 'json', 'md', 'html', 'xlsx'],
  examples: ['cdsx plan validate packages/plan/examples/province-plan.example.json'],
  async run(ctx) {
    const file = ctx.positionals[0]!;
    const { plan, edition, p } = await readPlan(ctx, file);
    const { lang } = ctx;
    const vi = lang === 'vi';
    ctx.emit({
      title: vi
        ? `Kế hoạch hợp lệ: ${ownerName(plan)} năm ${plan.year} — ${plan.targets.length} chỉ tiêu, tất cả tính được`
        : `Valid plan: ${ownerName(plan)} ${plan.year} — ${plan.targets.length} targets, all computable`,
      sections: [
        {
          table: {
            columns: [
              { key: 'id', header: t('Mã', 'Id') },
              { key: 'group', header: t('Nhóm', 'Group') },
              { key: 'indicator', header: t('Đo bằng', 'Measured by') },
              { key: 'plan', header: t('Kế hoạch', 'Plan'), align: 'right' },
              {
                key: 'national',
                header: t('Chỉ tiêu quốc gia', 'National target'),
                display: (v) => (v === null ? '' : String(v)),
              },
            ],
            rows: plan.targets.map((x) => ({
              id: x.id,
              group: p.TARGET_GROUP_NAMES[x.group][lang],
              indicator: p.indicatorLabel(x.indicator, edition.edition, lang),
              plan: targetText(x, x.value, edition, lang, p),
              national: x.nationalTarget ?? null,
            })),
          },
        },
      ],
      summary: [
        vi
          ? `Bộ tiêu chí ${edition.edition.version} · ${edition.contentHash}; kế hoạch ${p.planHash(plan)}`
          : `Catalog ${edition.edition.version} · ${edition.contentHash}; plan ${p.planHash(plan)}`,
      ],
      json: {
        valid: true,
        plan: {
          owner: plan.owner,
          year: plan.year,
          contentHash: p.planHash(plan),
          targets: plan.targets.length,
        },
        catalog: { version: edition.edition.version, contentHash: edition.contentHash },
      },
    });
    return EXIT.ok;
  },
};

/** `cdsx plan evaluate <plan.json>` */
export const planEvaluate: CommandDef = {
  path: ['plan', 'evaluate'],
  args: '<plan.json|->',
  summary: t(
    'đánh giá kết quả thực hiện kế hoạch: từng chỉ tiêu so với kế hoạch, năm trước và chỉ tiêu quốc gia',
    'evaluate a plan: each target against the plan, the previous year and the national targets',
  ),
  details: t(
    'Báo cáo theo cấu trúc mục I.1 của hướng dẫn xây dựng kế hoạch 2026: kết quả theo nhóm chỉ tiêu, so với năm trước, ' +
      'so với chỉ tiêu quốc gia; với chỉ tiêu tỷ lệ xã: các xã kéo chỉ tiêu xuống. Thiếu số liệu là "không có số liệu", không bao giờ là 0. ' +
      'Bản ghi (--format json) ghi mã băm của kế hoạch, bộ tiêu chí và kỳ số liệu, và có tính quyết định.',
    'The report follows §I.1 of the 2026 plan guideline: results by target group, compared with the previous year, with the ' +
      'national targets; for commune-share targets, the communes holding them back. Missing data is "not available", never 0. ' +
      'The record (--format json) names the plan, catalog and data period hashes, and is deterministic.',
  ),
  positionals: [1, 1],
  options: DATA_OPTIONS,
  formats: ['table', 'json', 'md', 'html', 'xlsx'],
  examples: [
    'cdsx plan evaluate packages/plan/examples/province-plan.example.json --synthetic',
    'cdsx plan evaluate plan.json --assessments communes.ndjson --dossiers dossiers.ndjson --previous eval-2025.json',
  ],
  async run(ctx) {
    const { plan, edition, p } = await readPlan(ctx, ctx.positionals[0]!);
    const g = await gather(ctx, plan, edition, p);
    const ev = p.evaluatePlan(plan, g.data, { edition, ...(g.previous ? { previous: g.previous } : {}) });
    const report = evaluationReport(ev, plan, edition, ctx.lang, p);
    const issues = [...g.issues, ...ev.issues.map((issue) => ({ issue }))];
    report.summary = [...g.lines, ...(issues.length ? formatLocated(issues, ctx.errLang).split('\n') : [])];
    ctx.emit(report);
    return g.issues.length ? EXIT.invalid : EXIT.ok;
  },
};

/** `cdsx plan next <plan.json>` */
export const planNext: CommandDef = {
  path: ['plan', 'next'],
  args: '<plan.json|->',
  summary: t(
    'khung kế hoạch năm sau: số liệu năm nay làm cơ sở, đề xuất chỉ tiêu quốc gia còn thiếu',
    "next year's plan skeleton: this year's actuals as baselines, missing national targets proposed",
  ),
  details: t(
    'Đánh giá kế hoạch trên số liệu (như cdsx plan evaluate, hoặc --evaluation <tệp>), rồi viết kế hoạch năm sau (bản nháp, cdsx-plan/1): ' +
      'giá trị năm nay làm "baseline"; chỉ tiêu quốc gia áp dụng năm sau mà kế hoạch chưa có được thêm với "proposal": true. Mặc định in JSON.',
    "Evaluates the plan on the data (as cdsx plan evaluate, or --evaluation <file>), then writes next year's plan (a draft, cdsx-plan/1): " +
      'this year\'s values as "baseline"; the national targets of next year the plan lacks are added with "proposal": true. Prints JSON by default.',
  ),
  positionals: [1, 1],
  options: {
    ...DATA_OPTIONS,
    evaluation: {
      type: 'string',
      value: '<evaluation.json>',
      help: t(
        'bản đánh giá năm nay (cdsx plan evaluate --format json) thay cho số liệu',
        "this year's evaluation (cdsx plan evaluate --format json) instead of data",
      ),
    },
  },
  formats: ['json', 'table', 'md', 'html', 'xlsx'],
  examples: [
    'cdsx plan next packages/plan/examples/province-plan.example.json --synthetic --out plan-2027.json',
    'cdsx plan next plan.json --evaluation eval-2026.json',
  ],
  async run(ctx) {
    const { plan, edition, p } = await readPlan(ctx, ctx.positionals[0]!);
    const { lang } = ctx;
    const vi = lang === 'vi';
    let ev: PlanEvaluation;
    let issues: LocatedIssue[] = [];
    const evalFile = str(ctx, 'evaluation');
    if (evalFile) {
      const doc = await readJsonDocument(ctx, evalFile);
      const v = doc.value as Partial<PlanEvaluation> | null;
      if (!v || v.format !== p.EVALUATION_FORMAT || !Array.isArray(v.targets) || !v.plan)
        throw fileError(
          doc.file,
          'not_an_evaluation',
          t(
            `không phải bản đánh giá kế hoạch (${p.EVALUATION_FORMAT})`,
            `not a plan evaluation (${p.EVALUATION_FORMAT})`,
          ),
        );
      if (v.plan.contentHash !== p.planHash(plan))
        throw fileError(
          doc.file,
          'other_plan',
          t(
            `bản đánh giá của kế hoạch ${v.plan.contentHash}, không phải kế hoạch này (${p.planHash(plan)})`,
            `the evaluation is of plan ${v.plan.contentHash}, not of this plan (${p.planHash(plan)})`,
          ),
        );
      ev = v as PlanEvaluation;
    } else {
      const g = await gather(ctx, plan, edition, p);
      ev = p.evaluatePlan(plan, g.data, { edition, ...(g.previous ? { previous: g.previous } : {}) });
      issues = g.issues;
    }
    const next = p.nextYearPlan(plan, ev);
    // The skeleton must itself be a valid plan.
    const check = p.validatePlan(next, edition);
    if (!check.ok) throw new Error(`next-year skeleton failed validation: ${JSON.stringify(check.issues)}`);
    const proposals = next.targets.filter((x) => x.proposal).length;
    ctx.emit({
      title: vi
        ? `Khung kế hoạch năm ${next.year} — ${ownerName(plan)} (bản nháp; ${proposals} chỉ tiêu đề xuất từ chỉ tiêu quốc gia)`
        : `Plan skeleton ${next.year} — ${ownerName(plan)} (draft; ${proposals} targets proposed from national targets)`,
      sections: [
        {
          table: {
            columns: [
              { key: 'id', header: t('Mã', 'Id') },
              { key: 'target', header: t('Chỉ tiêu', 'Target') },
              { key: 'baseline', header: t(`Cơ sở ${plan.year}`, `Baseline ${plan.year}`), align: 'right' },
              { key: 'plan', header: t('Kế hoạch (cần xác định)', 'Plan (to set)'), align: 'right' },
              {
                key: 'proposal',
                header: t('Đề xuất', 'Proposed'),
                display: (v) => (v === null ? '' : String(v)),
              },
            ],
            rows: next.targets.map((x) => ({
              id: x.id,
              target: x.title?.[lang] ?? p.indicatorLabel(x.indicator, edition.edition, lang),
              baseline: x.baseline
                ? p.formatIndicatorValue(x.indicator, x.baseline.value, edition.edition, lang)
                : '—',
              plan: targetText(x, x.value, edition, lang, p),
              proposal: x.proposal ? (x.nationalTarget ?? '') : null,
            })),
          },
        },
      ],
      summary: issues.length ? formatLocated(issues, ctx.errLang).split('\n') : [],
      json: next,
    });
    return issues.length ? EXIT.invalid : EXIT.ok;
  },
};
