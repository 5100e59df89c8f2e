import { resolve } from 'node:path';
import { communeByCode, provinceByCode } from '@cdsx/criteria/communes';
import type { GroupResult, KpiId, KpiResult, RejectionSummary } from '@cdsx/kpi';
import type { CommandDef, Context } from '../command';
import { EXIT, formatLocated, InputError, type LocatedIssue, UsageError } from '../errors';
import { type Lang, t } from '../i18n';
import { readJsonDocument } from '../inputs';
import { STDIN } from '../io';
import { locate } from '../records';
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
  const reader = kpi.readProcedures(await ctx.openChunks(file));
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

const provinceOf = (c: string) => communeByCode(c)?.provinceCode;

function emptySummary(): RejectionSummary {
  return {
    records: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    issuesByCode: {},
    issues: [],
    duplicateRecords: [],
    truncated: false,
  };
}

/**
 * `--feedback <file>`: feedback cases (PAKN) through @cdsx/kpi's reader (every record validated, bad
 * ones reported, good ones counted) and accumulator, grouped like the dossiers.
 */
async function readFeedback(
  ctx: Context,
  kpi: Kpi,
  file: string,
  options: import('@cdsx/kpi').GroupOptions,
): Promise<{ groups: GroupResult[]; summary: RejectionSummary; name: string; outsidePeriod: number }> {
  const name = file === '-' ? STDIN : file;
  const reader = kpi.readFeedbackCases(await ctx.openChunks(file));
  const acc = kpi.feedbackKpiAccumulator(options);
  for await (const c of reader) acc.add(c);
  let groups = acc.finish();
  // No case in the period: @cdsx/kpi's rule (the requested group, "nothing to judge") applies.
  if (groups.length === 0) groups = await kpi.computeFeedbackKpis([], options);
  return { groups, summary: reader.summary, name, outsidePeriod: acc.outsidePeriod };
}

/**
 * `--engine duckdb|postgres`: the same KPIs as SQL (one definition, @cdsx/kpi's dossierKpiSql).
 * The SQL engines count rows; they do not validate each record like the js engine, so the summary
 * says so (records read = counted, nothing rejected), and a table is read through `--map`.
 */
async function runSql(
  ctx: Context,
  engine: 'duckdb' | 'postgres',
  file: string | undefined,
  period: string,
  by: Dimension[],
): Promise<{ groups: GroupResult[]; summary: RejectionSummary; name: string }> {
  const kpi: Kpi = await import('@cdsx/kpi');
  const node = await import('@cdsx/kpi/node');
  const { COMMUNES } = await import('@cdsx/criteria/communes');
  const dims = by;
  const communes = by.includes('province')
    ? COMMUNES.map((c) => ({ code: c.code, provinceCode: c.provinceCode }))
    : undefined;
  const mapFile = str(ctx, 'map');
  let columns: import('@cdsx/kpi').ColumnMapping | undefined;
  if (mapFile) {
    // JSON syntax errors and mapping errors (checked by @cdsx/kpi) are located at the mapping file's line.
    const doc = await readJsonDocument(ctx, mapFile);
    const r = kpi.parseColumnMapping(doc.value);
    if (!r.ok) throw new InputError(r.issues.map((issue) => locate(doc, issue)));
    columns = r.value;
  }
  let counts: import('@cdsx/kpi').KpiCounts[];
  let name: string;
  try {
    if (engine === 'duckdb') {
      if (file === '-' || /\.csv$/i.test(file ?? ''))
        throw new UsageError(
          t('--engine duckdb đọc tệp NDJSON hoặc Parquet', '--engine duckdb reads an NDJSON or Parquet file'),
        );
      name = file!;
      counts = await node.dossierKpiCountsDuckDB({
        file: resolve(ctx.cwd, file!),
        by: dims,
        period,
        ...(communes ? { communes } : {}),
        ...(columns ? { columns } : {}),
      });
    } else {
      const db = str(ctx, 'db');
      const table = str(ctx, 'table');
      if (!db || !table)
        throw new UsageError(
          t('--engine postgres cần --db và --table', '--engine postgres needs --db and --table'),
        );
      if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(table))
        throw new UsageError(
          t(`--table ${table}: tên bảng không hợp lệ`, `--table ${table}: not a table name`),
        );
      name = table;
      counts = await node.dossierKpiCountsPostgres({
        connectionString: db,
        table,
        by: dims,
        period,
        ...(communes ? { communes } : {}),
        ...(columns ? { columns } : {}),
      });
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const message = (e as Error).message ?? String(e);
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND')
      throw new UsageError(
        t(
          `--engine ${engine} cần gói ${engine === 'duckdb' ? '@duckdb/node-api' : 'pg'} (npm install)`,
          `--engine ${engine} needs the ${engine === 'duckdb' ? '@duckdb/node-api' : 'pg'} package (npm install)`,
        ),
      );
    throw new InputError([
      {
        file: file ?? str(ctx, 'table') ?? '',
        issue: {
          path: '',
          code: 'sql_failed',
          message: t(`truy vấn SQL thất bại: ${message}`, `the SQL query failed: ${message}`),
        },
      },
    ]);
  }
  const groups = kpi.groupsFromCounts(counts, dims);
  const total = counts.reduce((n, c) => n + (c.counts.onTimeRate?.[1] ?? 0), 0);
  const summary: RejectionSummary = {
    records: total,
    accepted: total,
    rejected: 0,
    duplicates: 0,
    issuesByCode: {},
    issues: [],
    duplicateRecords: [],
    truncated: false,
  };
  return { groups, summary, name };
}

const DIMENSIONS = ['commune', 'province', 'year', 'quarter', 'month'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const name = (v: unknown) => (v === null ? '' : String(v));
const GROUP_COLUMNS: Record<Dimension, Column[]> = {
  commune: [
    { key: 'commune', header: t('Mã xã', 'Commune') },
    { key: 'communeName', header: t('Tên xã', 'Commune name'), display: name },
  ],
  province: [
    { key: 'province', header: t('Mã tỉnh', 'Province') },
    { key: 'provinceName', header: t('Tên tỉnh', 'Province name'), display: name },
  ],
  year: [{ key: 'period', header: t('Năm', 'Year') }],
  quarter: [{ key: 'period', header: t('Quý', 'Quarter') }],
  month: [{ key: 'period', header: t('Tháng', 'Month') }],
};

/** `--by commune,quarter`: the grouping dimensions, each once, in the order given. */
function groupDimensions(spec: string | undefined): Dimension[] {
  if (!spec) return [];
  const dims = spec.split(',').map((d) => d.trim());
  const periods = dims.filter((d) => d === 'year' || d === 'quarter' || d === 'month');
  for (const d of dims) {
    if (
      !(DIMENSIONS as readonly string[]).includes(d) ||
      dims.indexOf(d) !== dims.lastIndexOf(d) ||
      (periods.length > 1 && (periods as string[]).includes(d))
    ) {
      throw new UsageError(
        t(
          `--by ${spec}: "${d}" không dùng được; chọn một hoặc nhiều trong ${DIMENSIONS.join(', ')}, cách nhau bằng dấu phẩy (ví dụ commune,quarter)`,
          `--by ${spec}: "${d}" is not usable; pick one or more of ${DIMENSIONS.join(', ')}, separated by commas (e.g. commune,quarter)`,
        ),
      );
    }
  }
  return dims as Dimension[];
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
  positionals: [0, 1],
  options: {
    engine: {
      type: 'string',
      value: '<js|duckdb|postgres>',
      choices: ['js', 'duckdb', 'postgres'],
      help: t(
        'bộ tính: js (mặc định, kiểm tra từng bản ghi), duckdb (SQL trên tệp NDJSON/Parquet), postgres (SQL trong CSDL của bạn)',
        'executor: js (default, validates every record), duckdb (SQL over an NDJSON/Parquet file), postgres (SQL inside your database)',
      ),
    },
    db: {
      type: 'string',
      value: '<postgres-url>',
      help: t(
        'chuỗi kết nối PostgreSQL (--engine postgres)',
        'PostgreSQL connection string (--engine postgres)',
      ),
    },
    table: {
      type: 'string',
      value: '<name>',
      help: t('bảng hồ sơ (--engine postgres)', 'dossier table (--engine postgres)'),
    },
    map: {
      type: 'string',
      value: '<mapping.json>',
      help: t(
        'ánh xạ cột của bảng hồ sơ (JSON: trường → tên cột hoặc {"sql": "…"})',
        'column mapping of the dossier table (JSON: field → column name or {"sql": "…"})',
      ),
    },
    period: {
      type: 'string',
      value: '<2026|2026-Q1|2026-03>',
      help: t('kỳ báo cáo (bắt buộc)', 'reporting period (required)'),
    },
    by: {
      type: 'string',
      value: '<commune|province|year|quarter|month>[,…]',
      help: t(
        'nhóm theo xã, tỉnh, năm, quý hoặc tháng; kết hợp bằng dấu phẩy, ví dụ commune,quarter',
        'group by commune, province, year, quarter or month; combine with commas, e.g. commune,quarter',
      ),
    },
    services: {
      type: 'string',
      value: '<file>',
      help: t(
        'danh sách thủ tục (NDJSON) cho các chỉ số theo thủ tục',
        'procedures list (NDJSON) for the per-procedure KPIs',
      ),
    },
    feedback: {
      type: 'string',
      value: '<feedback.ndjson>',
      help: t(
        'phản ánh, kiến nghị (PAKN, NDJSON) cho tỷ lệ PAKN xử lý đúng hạn, cùng kỳ và cách nhóm',
        'feedback cases (PAKN, NDJSON) for the feedback on-time rate, same period and grouping',
      ),
    },
  },
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html', 'xlsx'],
  examples: [
    'cdsx kpi dossiers.ndjson --period 2026-Q1',
    'cdsx kpi dossiers.csv --period 2026 --by province --format csv --bom --out kpi.csv',
    'cdsx kpi big.ndjson --period 2026-Q1 --by commune --engine duckdb',
    'cdsx kpi --engine postgres --db postgresql:///cdsx --table ho_so --map mapping.json --period 2026-Q1',
    'cdsx kpi dossiers.ndjson --period 2026 --by commune,quarter',
    'cdsx kpi --feedback feedback.ndjson --period 2026-03 --by commune',
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
    const by = groupDimensions(str(ctx, 'by'));
    const servicesFile = str(ctx, 'services');
    const services = servicesFile ? await readServices(ctx, kpi, servicesFile) : undefined;

    const engine = (str(ctx, 'engine') ?? 'js') as 'js' | 'duckdb' | 'postgres';
    const file = ctx.positionals[0];
    const feedbackFile = str(ctx, 'feedback');
    const feedback = feedbackFile
      ? await readFeedback(ctx, kpi, feedbackFile, { period, by, provinceOf })
      : undefined;
    // `cdsx kpi --feedback f.ndjson` alone: the feedback KPIs without dossiers.
    const dossiersGiven = !(feedback && file === undefined && engine === 'js');
    if (dossiersGiven && (engine === 'postgres' ? file !== undefined : file === undefined))
      throw new UsageError(
        engine === 'postgres'
          ? t(
              '--engine postgres đọc bảng (--db, --table), không đọc tệp',
              '--engine postgres reads a table (--db, --table), not a file',
            )
          : t('thiếu tệp hồ sơ', 'missing the dossier file'),
      );
    let groups: GroupResult[];
    let summary: RejectionSummary;
    let outsidePeriod = 0;
    let unknownProvince = 0;
    let name = file ?? '';
    if (!dossiersGiven) {
      groups = [];
      summary = emptySummary();
    } else if (engine === 'js') {
      const acc = kpi.dossierKpiAccumulator({
        period,
        ...(by.length ? { by } : {}),
        provinceOf,
      });
      const opened = await openDossiers(ctx, file!);
      name = opened.name;
      try {
        for await (const d of opened.reader) acc.add(d);
      } finally {
        opened.finish();
      }
      groups = acc.finish();
      summary = opened.reader.summary;
      outsidePeriod = acc.outsidePeriod;
      unknownProvince = acc.unknownProvince;
    } else {
      const sqlRun = await runSql(ctx, engine, file, period.label, by);
      groups = sqlRun.groups;
      summary = sqlRun.summary;
      name = sqlRun.name;
      unknownProvince = groups
        .filter((g) => g.key.province === 'unknown')
        .reduce((n, g) => n + (g.kpis.onTimeRate?.denominator ?? 0), 0);
    }

    const labelOf = (g: GroupResult): Record<string, string | null> => {
      const label: Record<string, string | null> = {};
      for (const dim of by) {
        // The period dimensions (year, quarter, month) share the group key's `period`.
        const key = (dim === 'commune' || dim === 'province' ? g.key[dim] : g.key.period) ?? null;
        label[dim === 'commune' || dim === 'province' ? dim : 'period'] = key;
        if (dim === 'commune') label.communeName = key ? (communeByCode(key)?.name ?? null) : null;
        if (dim === 'province') {
          const p = key ? provinceByCode(key) : undefined;
          label.provinceName = p ? p.name : lang === 'vi' ? 'không rõ' : 'unknown';
        }
      }
      return label;
    };
    const rows = groups.flatMap((g) => kpiRows(kpi, labelOf(g), g.kpis, lang));
    // Feedback rows join the same table, grouped the same way.
    if (feedback) rows.push(...feedback.groups.flatMap((g) => kpiRows(kpi, labelOf(g), g.kpis, lang)));
    const groupColumns: Column[] = by.flatMap((dim) => GROUP_COLUMNS[dim]);
    const sections: Section[] = [
      {
        title: feedback
          ? t(
              `Chỉ số ${dossiersGiven ? 'hồ sơ và ' : ''}phản ánh, kiến nghị — kỳ ${period.label} (${period.firstDay} → ${period.lastDay}, giờ Việt Nam)`,
              `${dossiersGiven ? 'Dossier and feedback' : 'Feedback'} KPIs — period ${period.label} (${period.firstDay} → ${period.lastDay}, Vietnam time)`,
            )
          : t(
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
    const lines = dossiersGiven ? rejectionLines(summary, name, lang, ctx.errLang) : [];
    if (feedback) {
      const [first, ...rest] = rejectionLines(feedback.summary, feedback.name, lang, ctx.errLang);
      lines.push(`${lang === 'vi' ? 'PAKN' : 'Feedback'} (${feedback.name}) — ${first}`, ...rest);
      if (feedback.outsidePeriod)
        lines.push(
          lang === 'vi'
            ? `${feedback.outsidePeriod} PAKN hợp lệ tiếp nhận ngoài kỳ ${period.label} (không tính).`
            : `${feedback.outsidePeriod} valid feedback cases received outside ${period.label} (not counted).`,
        );
    }
    if (engine !== 'js')
      lines.push(
        lang === 'vi'
          ? `Bộ tính ${engine}: SQL đếm các hồ sơ tiếp nhận trong kỳ, không kiểm tra từng bản ghi; dùng --engine js để có báo cáo lỗi theo dòng.`
          : `Engine ${engine}: the SQL counts the dossiers received in the period and does not validate each record; use --engine js for located error reports.`,
      );
    if (outsidePeriod) {
      lines.push(
        lang === 'vi'
          ? `${outsidePeriod} hồ sơ hợp lệ tiếp nhận ngoài kỳ ${period.label} (không tính).`
          : `${outsidePeriod} valid dossiers received outside ${period.label} (not counted).`,
      );
    }
    if (unknownProvince) {
      lines.push(
        lang === 'vi'
          ? `${unknownProvince} hồ sơ có mã xã không thuộc danh sách đơn vị hành chính (tỉnh "không rõ").`
          : `${unknownProvince} dossiers with a commune code not in the commune list (province "unknown").`,
      );
    }
    ctx.emit({
      sections,
      summary: lines,
      json: {
        period: { label: period.label, firstDay: period.firstDay, lastDay: period.lastDay },
        by: by.length ? by.join(',') : null,
        groups,
        ...(services ? { services } : {}),
        ...(feedback
          ? {
              feedback: {
                groups: feedback.groups,
                records: { ...feedback.summary, outsidePeriod: feedback.outsidePeriod },
              },
            }
          : {}),
        records: { ...summary, outsidePeriod, unknownProvince },
        engine,
      },
      ndjson: [...rows, ...serviceRows.map((r) => ({ ...r, group: 'services' }))],
    });
    const bad =
      summary.rejected +
      summary.duplicates +
      (feedback ? feedback.summary.rejected + feedback.summary.duplicates : 0);
    return bad > 0 ? EXIT.invalid : EXIT.ok;
  },
};
