import { communeByCode, provinceByCode } from '@cdsx/criteria/communes';
import type { GroupResult, KpiId, KpiResult, RejectionSummary } from '@cdsx/kpi';
import type { CommandDef, Context } from '../command';
import { EXIT, formatLocated, InputError, type LocatedIssue, UsageError } from '../errors';
import { type Lang, t } from '../i18n';
import { STDIN } from '../io';
import type { Column, Section } from '../render/index';
import { duplicateIssue, openDossiers } from './dossiers';
import { str } from './shared';

type Kpi = typeof import('@cdsx/kpi');

/** How many rejected-record problems are listed (all are counted). */
const LISTED_ISSUES = 20;

function kpiRows(
  kpi: Kpi,
  label: Record<string, string | null>,
  results: Partial<Record<KpiId, KpiResult>>,
  lang: Lang,
) {
  return kpi.KPI_IDS.flatMap((id) => {
    const r = results[id];
    if (!r) return [];
    return [
      {
        ...label,
        kpi: id,
        name: kpi.KPI_DEFINITIONS[id].name[lang],
        value: r.value,
        shown: kpi.formatKpiValue(r, lang),
        numerator: r.numerator,
        denominator: r.denominator,
        target: r.target === null ? null : `${r.targets[0]!.comparison} ${r.target}%`,
        met: r.met,
        note: r.reason ? r.reason.message[lang] : null,
      },
    ];
  });
}

function metCell(lang: Lang) {
  return (v: unknown) =>
    v === null ? '—' : v ? (lang === 'vi' ? '✓ đạt' : '✓ met') : lang === 'vi' ? '✗ chưa đạt' : '✗ not met';
}

const KPI_COLUMNS = (lang: Lang): Column[] => [
  { key: 'name', header: t('Chỉ số', 'KPI') },
  { key: 'shown', header: t('Giá trị', 'Value'), align: 'right' },
  { key: 'numerator', header: t('Tử số', 'Numerator'), align: 'right' },
  { key: 'denominator', header: t('Mẫu số', 'Denominator'), align: 'right' },
  { key: 'target', header: t('Chỉ tiêu', 'Target'), display: (v) => (v === null ? '—' : String(v)) },
  { key: 'met', header: t('Kết quả', 'Result'), display: metCell(lang) },
  { key: 'note', header: t('Ghi chú', 'Note'), display: (v) => (v === null ? '' : String(v)) },
];

function rejectionLines(
  summary: RejectionSummary,
  name: string,
  lang: Lang,
  errLang: Lang | undefined,
): string[] {
  const lines = [
    lang === 'vi'
      ? `Bản ghi: ${summary.records} đọc, ${summary.accepted} nhận, ${summary.rejected} bị loại, ${summary.duplicates} trùng mã.`
      : `Records: ${summary.records} read, ${summary.accepted} accepted, ${summary.rejected} rejected, ${summary.duplicates} duplicate ids.`,
  ];
  const codes = Object.entries(summary.issuesByCode).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (codes.length)
    lines.push(
      `${lang === 'vi' ? 'Lỗi theo loại' : 'Problems by code'}: ${codes.map(([c, n]) => `${c} ${n}`).join(', ')}`,
    );
  const located: LocatedIssue[] = summary.issues
    .slice(0, LISTED_ISSUES)
    .map((issue) => ({ file: name, issue }));
  for (const d of summary.duplicateRecords.slice(0, Math.max(0, LISTED_ISSUES - located.length))) {
    located.push({ file: name, issue: duplicateIssue(d) });
  }
  if (located.length) lines.push(...formatLocated(located, errLang).split('\n'));
  const listed = located.length;
  const total = summary.issues.length + summary.duplicateRecords.length;
  if (summary.truncated || total > listed) {
    lines.push(
      lang === 'vi'
        ? `… chỉ liệt kê ${listed} lỗi đầu tiên.`
        : `… only the first ${listed} problems are listed.`,
    );
  }
  return lines;
}

async function readServices(ctx: Context, kpi: Kpi, file: string) {
  const name = file === '-' ? STDIN : file;
  const reader = kpi.readProcedures(await ctx.readText(file));
  const procedures = [];
  for await (const p of reader) procedures.push(p);
  if (reader.summary.rejected || reader.summary.duplicates) {
    const issues: LocatedIssue[] = reader.summary.issues.map((issue) => ({ file: name, issue }));
    for (const d of reader.summary.duplicateRecords) {
      issues.push({
        file: name,
        issue: {
          path: 'code',
          code: 'duplicate_id',
          ...(d.line !== undefined ? { line: d.line } : { record: d.record }),
          message: t(
            `mã thủ tục ${d.id} trùng với bản ghi #${d.firstRecord}`,
            `procedure code ${d.id} duplicates record #${d.firstRecord}`,
          ),
        },
      });
    }
    throw new InputError(issues);
  }
  return kpi.computeProcedureKpis(procedures);
}

/** `cdsx kpi <dossiers.ndjson|csv> --period 2026-Q1` — the KPI table with targets. */
export const kpiCommand: CommandDef = {
  path: ['kpi'],
  args: '<dossiers.ndjson|csv|->',
  summary: t(
    'tính các chỉ số KPI từ hồ sơ TTHC, so với chỉ tiêu',
    'compute the KPIs from dossiers, against their targets',
  ),
  details: t(
    'Đọc hồ sơ dạng NDJSON hoặc CSV (theo đuôi tệp), tính các chỉ số trong kỳ (giờ Việt Nam) và so với chỉ tiêu. ' +
      'Mẫu số bằng 0 cho "không có số liệu", không bao giờ 0%. Bản ghi lỗi được đếm và liệt kê ở cuối; ' +
      'mã thoát 1 khi có bản ghi bị loại (bảng vẫn được in, tính trên các bản ghi hợp lệ).',
    'Reads dossiers as NDJSON or CSV (by file extension), computes the KPIs for the period (Vietnam time) and checks their targets. ' +
      'A zero denominator gives "not available", never 0%. Rejected records are counted and listed at the end; ' +
      'exit code 1 when any record was rejected (the table is still printed, over the valid records).',
  ),
  positionals: [1, 1],
  options: {
    period: {
      type: 'string',
      value: '<2026|2026-Q1|2026-03>',
      help: t('kỳ báo cáo (bắt buộc)', 'reporting period (required)'),
    },
    by: {
      type: 'string',
      value: '<commune|province>',
      choices: ['commune', 'province'],
      help: t('nhóm theo xã hoặc tỉnh', 'group by commune or province'),
    },
    services: {
      type: 'string',
      value: '<file>',
      help: t(
        'danh sách thủ tục (NDJSON) cho các chỉ số theo thủ tục',
        'procedures list (NDJSON) for the per-procedure KPIs',
      ),
    },
  },
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html', 'xlsx'],
  examples: [
    'cdsx kpi dossiers.ndjson --period 2026-Q1',
    'cdsx kpi dossiers.csv --period 2026 --by province --format csv --bom --out kpi.csv',
  ],
  async run(ctx) {
    const kpi: Kpi = await import('@cdsx/kpi');
    const { lang } = ctx;
    const periodText = str(ctx, 'period');
    if (!periodText)
      throw new UsageError(t('thiếu --period (ví dụ 2026-Q1)', 'missing --period (e.g. 2026-Q1)'));
    const period = kpi.parsePeriod(periodText);
    if (!period) {
      throw new UsageError(
        t(
          `--period ${periodText}: cần năm, quý hoặc tháng (2026, 2026-Q1, 2026-03)`,
          `--period ${periodText}: expected a year, quarter or month (2026, 2026-Q1, 2026-03)`,
        ),
      );
    }
    const by = str(ctx, 'by') as 'commune' | 'province' | undefined;
    const servicesFile = str(ctx, 'services');
    const services = servicesFile ? await readServices(ctx, kpi, servicesFile) : undefined;

    const acc = kpi.dossierKpiAccumulator({
      period,
      ...(by ? { by: [by] } : {}),
      provinceOf: (c) => communeByCode(c)?.provinceCode,
    });
    const { reader, name, finish } = await openDossiers(ctx, ctx.positionals[0]!);
    try {
      for await (const d of reader) acc.add(d);
    } finally {
      finish();
    }
    const groups: GroupResult[] = acc.finish();
    const summary = reader.summary;

    const labelOf = (g: GroupResult): Record<string, string | null> => {
      if (by === 'commune') {
        const c = g.key.commune ? communeByCode(g.key.commune) : undefined;
        return { group: g.key.commune ?? null, groupName: c ? c.name : null };
      }
      if (by === 'province') {
        const p = g.key.province ? provinceByCode(g.key.province) : undefined;
        return {
          group: g.key.province ?? null,
          groupName: p ? p.name : lang === 'vi' ? 'không rõ' : 'unknown',
        };
      }
      return {};
    };
    const rows = groups.flatMap((g) => kpiRows(kpi, labelOf(g), g.kpis, lang));
    const groupColumns: Column[] = by
      ? [
          { key: 'group', header: by === 'commune' ? t('Mã xã', 'Commune') : t('Mã tỉnh', 'Province') },
          { key: 'groupName', header: t('Tên', 'Name'), display: (v) => (v === null ? '' : String(v)) },
        ]
      : [];
    const sections: Section[] = [
      {
        title: t(
          `Chỉ số hồ sơ — kỳ ${period.label} (${period.firstDay} → ${period.lastDay}, giờ Việt Nam)`,
          `Dossier KPIs — period ${period.label} (${period.firstDay} → ${period.lastDay}, Vietnam time)`,
        ),
        table: { columns: [...groupColumns, ...KPI_COLUMNS(lang)], rows },
        ...(rows.length
          ? {}
          : { lines: [lang === 'vi' ? 'Không có hồ sơ nào trong kỳ.' : 'No dossier in the period.'] }),
      },
    ];
    const serviceRows = services ? kpiRows(kpi, {}, services, lang) : [];
    if (services) {
      sections.push({
        title: t('Chỉ số theo thủ tục', 'Procedure KPIs'),
        table: { columns: KPI_COLUMNS(lang), rows: serviceRows },
      });
    }
    const lines = rejectionLines(summary, name, lang, ctx.errLang);
    if (acc.outsidePeriod) {
      lines.push(
        lang === 'vi'
          ? `${acc.outsidePeriod} hồ sơ hợp lệ tiếp nhận ngoài kỳ ${period.label} (không tính).`
          : `${acc.outsidePeriod} valid dossiers received outside ${period.label} (not counted).`,
      );
    }
    if (acc.unknownProvince) {
      lines.push(
        lang === 'vi'
          ? `${acc.unknownProvince} hồ sơ có mã xã không thuộc danh sách đơn vị hành chính (tỉnh "không rõ").`
          : `${acc.unknownProvince} dossiers with a commune code not in the commune list (province "unknown").`,
      );
    }
    ctx.emit({
      sections,
      summary: lines,
      json: {
        period: { label: period.label, firstDay: period.firstDay, lastDay: period.lastDay },
        by: by ?? null,
        groups,
        ...(services ? { services } : {}),
        records: { ...summary, outsidePeriod: acc.outsidePeriod, unknownProvince: acc.unknownProvince },
      },
      ndjson: [...rows, ...serviceRows.map((r) => ({ ...r, group: 'services' }))],
    });
    return summary.rejected + summary.duplicates > 0 ? EXIT.invalid : EXIT.ok;
  },
};
