import { formatNumber, parseJsonText } from '@cdsx/criteria';
import { communeByCode, provinceByCode } from '@cdsx/criteria/communes';
import type { FeedbackCase } from '@cdsx/kpi';
import type { Lever, ParsedUnit, RankedScore, UnitCounts, UnitScore } from '@cdsx/score766';
import type { CommandDef, Context } from '../command';
import { EXIT, formatLocated, InputError, type LocatedIssue, UsageError } from '../errors';
import { type Lang, t } from '../i18n';
import { STDIN } from '../io';
import type { Column, Section } from '../render/index';
import { duplicateIssue, openDossiers } from './dossiers';
import { str } from './shared';

type Score766 = typeof import('@cdsx/score766');

const GROUP_SHORT: Record<string, { vi: string; en: string }> = {
  transparency: t('Công khai', 'Transparency'),
  progress: t('Tiến độ', 'Progress'),
  onlineService: t('DVCTT', 'Online svc'),
  onlinePayment: t('Thanh toán', 'Payment'),
  digitisation: t('Số hóa', 'Digitisation'),
  satisfaction: t('Hài lòng', 'Satisfaction'),
};

const STATUS: Record<string, { vi: string; en: string }> = {
  official: t('chính thức', 'official'),
  operational: t('vận hành', 'operational'),
  'reverse-engineered': t('suy ngược', 'reverse-engineered'),
};

const num = (v: unknown, lang: Lang) =>
  v === null ? '—' : typeof v === 'number' ? formatNumber(v, lang) : String(v);

/** A unit's counts with its rejected inputs set to null (so a sum never includes a bad value). */
function effectiveCounts(u: ParsedUnit): UnitCounts {
  const c: UnitCounts = { ...u.counts, metrics: u.counts.metrics.map((m) => ({ ...m })) };
  for (const key of u.invalid.keys()) {
    if (key.startsWith('metric:')) {
      const m = c.metrics.find((x) => x.metricCode === key.slice(7));
      if (m) {
        m.numerator = null;
        m.denominator = null;
      }
    } else (c as Record<string, unknown>)[key] = null;
  }
  return c;
}

function unitName(s: UnitScore): string | null {
  if (s.unitName) return s.unitName;
  if (s.level === 'province') return provinceByCode(s.unitCode)?.name ?? null;
  const c = communeByCode(s.unitCode);
  return c ? c.name : null;
}

function scoreRows(ranked: readonly RankedScore[], lang: Lang) {
  return ranked.map(({ score: s, rank, of }) => {
    const row: Record<string, string | number | boolean | null> = {
      rank: `${rank}/${of}`,
      unitCode: s.unitCode,
      unitName: unitName(s),
      province: s.provinceCode,
      period: s.period,
      total: s.total.points,
      partial: s.total.partial,
    };
    for (const g of s.groups) row[g.id] = g.points;
    row.note = s.total.partial
      ? lang === 'vi'
        ? `chưa đủ: thiếu ${s.total.notAvailable.join(', ')} (tối đa có thể tính ${s.total.availableMax}); xếp hạng cùng đơn vị thiếu như nhau`
        : `partial: ${s.total.notAvailable.join(', ')} not available (scorable max ${s.total.availableMax}); ranked with units missing the same`
      : null;
    return row;
  });
}

function scoreColumns(s766: Score766): Column[] {
  return [
    { key: 'rank', header: t('Hạng (tỉnh)', 'Rank (province)') },
    { key: 'unitCode', header: t('Mã', 'Unit') },
    { key: 'unitName', header: t('Tên', 'Name'), display: (v) => (v === null ? '' : String(v)) },
    { key: 'province', header: t('Tỉnh', 'Province'), display: (v) => (v === null ? '' : String(v)) },
    { key: 'total', header: t('Tổng /100', 'Total /100'), align: 'right', display: num },
    ...s766.PORTAL_GROUPS.map(
      (g): Column => ({
        key: g.id,
        header: { vi: `${GROUP_SHORT[g.id]!.vi} /${g.max}`, en: `${GROUP_SHORT[g.id]!.en} /${g.max}` },
        align: 'right',
        display: num,
      }),
    ),
    { key: 'note', header: t('Ghi chú', 'Note'), display: (v) => (v === null ? '' : String(v)) },
  ];
}

function indicatorSection(s: UnitScore, lang: Lang): Section {
  return {
    title: t(`Chỉ số của ${s.unitCode} — kỳ ${s.period}`, `Indicators of ${s.unitCode} — period ${s.period}`),
    table: {
      columns: [
        { key: 'id', header: t('Mã', 'Id') },
        { key: 'name', header: t('Chỉ số', 'Indicator') },
        { key: 'status', header: t('Công thức', 'Formula') },
        { key: 'numerator', header: t('Tử số', 'Numerator'), align: 'right' },
        { key: 'denominator', header: t('Mẫu số', 'Denominator'), align: 'right' },
        {
          key: 'rate',
          header: t('Tỷ lệ', 'Rate'),
          align: 'right',
          display: (v, lang) => (v === null ? 'N/A' : `${formatNumber(v as number, lang)}%`),
        },
        { key: 'points', header: t('Điểm', 'Points'), align: 'right', display: num },
        { key: 'max', header: t('Tối đa', 'Max'), align: 'right' },
        { key: 'note', header: t('Ghi chú', 'Note'), display: (v) => (v === null ? '' : String(v)) },
      ],
      rows: s.indicators.map((i) => ({
        id: i.id,
        name: i.name[lang],
        status: STATUS[i.status]![lang],
        numerator: i.numerator,
        denominator: i.denominator,
        rate: i.rate,
        points: i.points,
        max: i.max,
        note: i.reason ? i.reason[lang] : null,
      })),
    },
  };
}

function whatIfSections(
  s766: Score766,
  unit: ParsedUnit,
  step: number,
  target: number | undefined,
  lang: Lang,
) {
  const gains = s766.gainsPerIndicator(unit, step);
  const sections: Section[] = [
    {
      title: t(
        `Giả định cho ${unit.counts.unitCode}: điểm tăng thêm khi thêm ${step} bản ghi "tốt" cho từng chỉ số`,
        `What-if for ${unit.counts.unitCode}: points gained by ${step} more "good" records, per indicator`,
      ),
      table: {
        columns: [
          { key: 'indicator', header: t('Mã', 'Id') },
          { key: 'name', header: t('Chỉ số', 'Indicator') },
          { key: 'moved', header: t('Thêm', 'Moved'), align: 'right' },
          { key: 'gain', header: t('Điểm tăng', 'Gain'), align: 'right', display: num },
          { key: 'toFull', header: t('Cần để đạt tối đa', 'Records to full'), align: 'right' },
        ],
        rows: gains.map((g: Lever & { delta: number; gain: number }) => ({
          indicator: g.indicator,
          name: g.name[lang],
          moved: `${g.delta} ${g.unit[lang]}`,
          gain: g.gain,
          toFull: g.recordsToFull,
        })),
      },
      ...(gains.length
        ? {}
        : {
            lines: [
              lang === 'vi'
                ? 'Mọi chỉ số có số liệu đã đạt điểm tối đa.'
                : 'Every indicator with data is at its maximum.',
            ],
          }),
    },
  ];
  let plan: ReturnType<Score766['cheapestMoves']> | undefined;
  if (target !== undefined) {
    plan = s766.cheapestMoves(unit, target);
    sections.push({
      title: t(
        `Cách ít bản ghi nhất để đạt ${target} điểm (hiện ${plan.before.total.points})`,
        `Fewest records to reach ${target} points (now ${plan.before.total.points})`,
      ),
      table: {
        columns: [
          { key: 'indicator', header: t('Mã', 'Id') },
          { key: 'name', header: t('Chỉ số', 'Indicator') },
          { key: 'delta', header: t('Thêm', 'Moved'), align: 'right' },
          { key: 'gain', header: t('Điểm tăng', 'Gain'), align: 'right', display: num },
        ],
        rows: plan.moves
          .filter((m) => m.delta > 0)
          .map((m) => {
            const def = s766.DEFAULT_PROFILE.profile.indicators.find((d) => d.id === m.indicator)!;
            return {
              indicator: m.indicator,
              name: def.name[lang],
              delta: `${m.delta} ${def.lever?.unit[lang] ?? ''}`.trim(),
              gain: plan!.perIndicator.find((p) => p.indicator === m.indicator)?.gain ?? 0,
            };
          }),
      },
      lines: [
        plan.reached
          ? lang === 'vi'
            ? `Sau khi thay đổi: ${plan.after.total.points} điểm (${plan.cost} bản ghi).`
            : `After the moves: ${plan.after.total.points} points (${plan.cost} records).`
          : lang === 'vi'
            ? `Không thể đạt ${target}: tối đa ${plan.after.total.points} với các chỉ số có số liệu.`
            : `${target} cannot be reached: at most ${plan.after.total.points} with the indicators that have data.`,
      ],
    });
  }
  return { sections, json: { unitCode: unit.counts.unitCode, step, gains, ...(plan ? { plan } : {}) } };
}

async function readFeedback(ctx: Context, file: string): Promise<FeedbackCase[]> {
  const kpi = await import('@cdsx/kpi');
  const name = file === '-' ? STDIN : file;
  const reader = kpi.readFeedbackCases(await ctx.openChunks(file));
  const cases: FeedbackCase[] = [];
  for await (const c of reader) cases.push(c);
  if (reader.summary.rejected || reader.summary.duplicates) {
    const issues: LocatedIssue[] = reader.summary.issues.map((issue) => ({ file: name, issue }));
    for (const d of reader.summary.duplicateRecords) issues.push({ file: name, issue: duplicateIssue(d) });
    throw new InputError(issues);
  }
  return cases;
}

/** `cdsx score766 <counts.json|dossiers.ndjson>` — the QĐ 766 scoreboard, ranking and what-if. */
export const score766Command: CommandDef = {
  path: ['score766'],
  args: '<counts.json|dossiers.ndjson|csv|->',
  summary: t(
    'chấm điểm Bộ chỉ số 766 (QĐ 766/QĐ-TTg) từ số liệu của Cổng hoặc từ hồ sơ; xếp hạng trong tỉnh; giả định',
    'score the QĐ 766 index from portal counts or dossiers; rank within a province; what-if',
  ),
  details: t(
    'Tệp .json là số liệu theo định dạng cdsx-score766-counts (tên trường như của Cổng DVCQG); tệp NDJSON/CSV là hồ sơ, ' +
      'được đếm qua @cdsx/kpi (cần --period). Mỗi điểm ghi rõ bộ công thức và mã băm. Chỉ số thiếu số liệu là "không có", ' +
      'nhóm và tổng được đánh dấu "chưa đủ" và không được xếp hạng. Mã thoát 1 khi đầu vào có lỗi (các đơn vị hợp lệ vẫn được chấm).',
    'A .json file holds counts in the cdsx-score766-counts format (field names as on the national portal); an NDJSON/CSV file holds ' +
      'dossiers, counted through @cdsx/kpi (needs --period). Every score names its formula profile and hash. An indicator without data is ' +
      '"not available", its group and the total are marked partial and not ranked. Exit code 1 when the input has problems (valid units are still scored).',
  ),
  positionals: [1, 1],
  options: {
    period: {
      type: 'string',
      value: '<2026|2026-Q1|2026-03>',
      help: t(
        'kỳ báo cáo (bắt buộc với hồ sơ; với số liệu: chỉ lấy kỳ này)',
        'reporting period (required for dossiers; for counts: keep this period only)',
      ),
    },
    by: {
      type: 'string',
      value: '<unit|province>',
      choices: ['unit', 'commune', 'province'],
      help: t('theo đơn vị (mặc định) hoặc cộng theo tỉnh', 'per unit (default) or summed per province'),
    },
    feedback: {
      type: 'string',
      value: '<file>',
      help: t(
        'phản ánh, kiến nghị (NDJSON) cho chỉ số 5.2, khi đọc hồ sơ',
        'feedback cases (NDJSON) for indicator 5.2, with dossiers',
      ),
    },
    'what-if': {
      type: 'string',
      value: '<unit code>',
      help: t('điểm tăng thêm theo từng chỉ số cho đơn vị này', 'points gained per indicator for this unit'),
    },
    target: {
      type: 'string',
      value: '<points>',
      help: t(
        'với --what-if: cách ít bản ghi nhất để đạt tổng điểm này',
        'with --what-if: the fewest records to reach this total',
      ),
    },
    step: {
      type: 'string',
      value: '<n>',
      help: t(
        'với --what-if: số bản ghi thêm cho mỗi chỉ số (mặc định 10)',
        'with --what-if: records moved per indicator (default 10)',
      ),
    },
  },
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html'],
  examples: [
    'cdsx score766 packages/score766/examples/counts.sample.json',
    'cdsx score766 packages/score766/examples/counts.sample.json --what-if 00004 --target 90',
    'cdsx score766 dossiers.ndjson --period 2026-Q1 --format csv --out score766.csv',
  ],
  async run(ctx) {
    const s766: Score766 = await import('@cdsx/score766');
    const { lang } = ctx;
    const file = ctx.positionals[0]!;
    const periodText = str(ctx, 'period');
    const byText = str(ctx, 'by');
    const byProvince = byText === 'province';
    const whatIfCode = str(ctx, 'what-if');
    const targetText = str(ctx, 'target');
    const stepText = str(ctx, 'step');
    const target = targetText === undefined ? undefined : Number(targetText);
    if (target !== undefined && !(Number.isFinite(target) && target >= 0 && target <= 100))
      throw new UsageError(
        t(
          `--target ${targetText}: cần một số từ 0 đến 100`,
          `--target ${targetText}: expected a number from 0 to 100`,
        ),
      );
    if (target !== undefined && whatIfCode === undefined)
      throw new UsageError(t('--target cần --what-if <mã đơn vị>', '--target needs --what-if <unit code>'));
    const step = stepText === undefined ? 10 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new UsageError(
        t(`--step ${stepText}: cần số nguyên ≥ 1`, `--step ${stepText}: expected a whole number ≥ 1`),
      );

    const isCounts = /\.json$/i.test(file);
    const issues: LocatedIssue[] = [];
    const lines: string[] = [];
    let units: ParsedUnit[];
    const name = file === '-' ? STDIN : file;
    if (isCounts) {
      const parsed = parseJsonText(await ctx.readText(file), name);
      if (!parsed.ok) throw new InputError(parsed.issues.map((issue) => ({ file: name, issue })));
      const r = s766.parseCounts(parsed.value);
      for (const issue of r.issues) issues.push({ file: name, issue });
      units = r.units;
      if (periodText !== undefined) {
        const other = units.filter((u) => u.counts.period !== periodText).length;
        units = units.filter((u) => u.counts.period === periodText);
        if (other)
          lines.push(
            lang === 'vi'
              ? `${other} đơn vị thuộc kỳ khác ${periodText} (không hiển thị).`
              : `${other} units of periods other than ${periodText} (not shown).`,
          );
      }
      if (r.rejected)
        lines.push(
          lang === 'vi'
            ? `${r.rejected} đơn vị không chấm được (xem lỗi bên dưới).`
            : `${r.rejected} unit${r.rejected === 1 ? '' : 's'} could not be scored (see the problems below).`,
        );
    } else {
      if (!periodText)
        throw new UsageError(
          t(
            'thiếu --period (ví dụ 2026-Q1) để đọc hồ sơ',
            'missing --period (e.g. 2026-Q1) to read dossiers',
          ),
        );
      const kpi = await import('@cdsx/kpi');
      if (!kpi.parsePeriod(periodText))
        throw new UsageError(
          t(
            `--period ${periodText}: cần năm, quý hoặc tháng (2026, 2026-Q1, 2026-03)`,
            `--period ${periodText}: expected a year, quarter or month (2026, 2026-Q1, 2026-03)`,
          ),
        );
      const feedbackFile = str(ctx, 'feedback');
      const feedback = feedbackFile ? await readFeedback(ctx, feedbackFile) : undefined;
      const { countsFromDossiers } = await import('@cdsx/score766/dossiers');
      const opened = await openDossiers(ctx, file);
      let counts: UnitCounts[];
      try {
        counts = await countsFromDossiers(opened.reader, {
          period: periodText,
          by: byProvince ? 'province' : 'commune',
          provinceOf: (c) => communeByCode(c)?.provinceCode,
          ...(feedback ? { feedback } : {}),
        });
      } finally {
        opened.finish();
      }
      const summary = opened.reader.summary;
      for (const issue of summary.issues) issues.push({ file: opened.name, issue });
      for (const d of summary.duplicateRecords) issues.push({ file: opened.name, issue: duplicateIssue(d) });
      lines.push(
        lang === 'vi'
          ? `Hồ sơ: ${summary.records} đọc, ${summary.accepted} nhận, ${summary.rejected} bị loại, ${summary.duplicates} trùng mã. Chỉ các chỉ số tính được từ hồ sơ có điểm; các chỉ số khác là "không có".`
          : `Dossiers: ${summary.records} read, ${summary.accepted} accepted, ${summary.rejected} rejected, ${summary.duplicates} duplicate ids. Only the indicators dossiers can give are scored; the others are "not available".`,
      );
      units = counts.map((c, index) => {
        const u = s766.unitFromCounts(c, index);
        if (!u.unit) throw new Error(`dossier path produced invalid counts for ${c.unitCode}`);
        return u.unit;
      });
    }

    if (byProvince && isCounts) {
      const groups = new Map<string, ParsedUnit[]>();
      for (const u of units) {
        const p = u.counts.provinceCode ?? communeByCode(u.counts.unitCode)?.provinceCode ?? 'unknown';
        const key = `${p}|${u.counts.period}`;
        groups.set(key, [...(groups.get(key) ?? []), u]);
      }
      units = [...groups.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([key, list], index) => {
          const p = key.split('|')[0]!;
          const sum = s766.sumCounts(list.map(effectiveCounts), p, { level: 'province', provinceCode: p });
          return s766.unitFromCounts(sum, index).unit!;
        });
      lines.push(
        lang === 'vi'
          ? 'Điểm tỉnh = chấm trên tổng số liệu của các đơn vị (cách cộng của cdsx, không phải điểm tỉnh do Cổng công bố).'
          : "Province score = scored on the summed counts of its units (cdsx's aggregation, not the province score the portal publishes).",
      );
    }

    const scores = units.map((u) => s766.scoreUnit(u));
    const ranked = s766.rankWithinProvince(scores);
    const rows = scoreRows(ranked, lang);
    const { id } = s766.DEFAULT_PROFILE.profile;
    const { contentHash } = s766.DEFAULT_PROFILE;
    const sections: Section[] = [
      {
        title: t(
          `Bộ chỉ số 766 — ${scores.length} đơn vị${periodText ? `, kỳ ${periodText}` : ''}`,
          `QĐ 766 index — ${scores.length} unit${scores.length === 1 ? '' : 's'}${periodText ? `, period ${periodText}` : ''}`,
        ),
        table: { columns: scoreColumns(s766), rows },
        ...(rows.length
          ? {}
          : { lines: [lang === 'vi' ? 'Không có đơn vị nào để chấm.' : 'No unit to score.'] }),
      },
    ];
    if (scores.length === 1) sections.push(indicatorSection(scores[0]!, lang));

    let whatIfJson: unknown;
    if (whatIfCode !== undefined) {
      const unit = units.find((u) => u.counts.unitCode === whatIfCode);
      if (!unit)
        throw new InputError([
          {
            file: name,
            issue: {
              path: '',
              code: 'unknown_unit',
              message: t(`không có đơn vị ${whatIfCode} trong dữ liệu`, `no unit ${whatIfCode} in the data`),
            },
          },
        ]);
      if (scores.length > 1) sections.push(indicatorSection(s766.scoreUnit(unit), lang));
      const w = whatIfSections(s766, unit, step, target, lang);
      sections.push(...w.sections);
      whatIfJson = w.json;
    }

    lines.unshift(
      lang === 'vi'
        ? `Bộ công thức ${id} (${contentHash}). Chỉ số "suy ngược": nhóm DVCTT và thanh toán trực tuyến.`
        : `Formula profile ${id} (${contentHash}). Reverse-engineered: the online-service and online-payment groups.`,
    );
    if (scores.some((s) => s.total.partial))
      lines.push(
        lang === 'vi'
          ? 'Điểm "chưa đủ" chỉ được xếp hạng với các đơn vị thiếu cùng chỉ số: thiếu số liệu không có nghĩa là 0 điểm.'
          : 'Partial scores are ranked only against units missing the same indicators: missing data is not 0 points.',
      );
    if (issues.length) lines.push(...formatLocated(issues, ctx.errLang).split('\n'));
    ctx.emit({
      sections,
      summary: lines,
      json: {
        profile: { id, contentHash },
        period: periodText ?? null,
        by: byProvince ? 'province' : 'unit',
        scores: ranked.map((r) => ({
          rank: r.rank,
          of: r.of,
          comparedWithout: r.comparedWithout,
          ...r.score,
        })),
        issues: issues.map((i) => i.issue),
        ...(whatIfJson ? { whatIf: whatIfJson } : {}),
      },
      ndjson: ranked.map((r) => ({ rank: r.rank, of: r.of, comparedWithout: r.comparedWithout, ...r.score })),
    });
    return issues.length ? EXIT.invalid : EXIT.ok;
  },
};
