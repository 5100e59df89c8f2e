import { provinceByCode } from '@cdsx/criteria/communes';
import { type ImpactCounts, tryImpactReport } from '@cdsx/rules';
import type { CommandDef, Context } from '../command';
import { EXIT, InputError } from '../errors';
import { t } from '../i18n';
import { readRecordInputs } from '../inputs';
import { locateIssues } from '../records';
import { areaGroupName, editionArg, levelLabel, SYNTHETIC_LABEL } from './shared';

const COUNT_COLUMNS = [
  { key: 'communes', header: t('Số xã', 'Communes'), align: 'right' as const },
  { key: 'up', header: t('Lên mức', 'Up'), align: 'right' as const },
  { key: 'down', header: t('Xuống mức', 'Down'), align: 'right' as const },
  { key: 'unchanged', header: t('Giữ nguyên', 'Unchanged'), align: 'right' as const },
];
const counts = (c: ImpactCounts) => ({
  communes: c.communes,
  up: c.up,
  down: c.down,
  unchanged: c.unchanged,
});

/** `cdsx catalog impact <a> <b> [assessments]` — whose level a new edition changes (impactReport of @cdsx/rules). */
export const catalogImpact: CommandDef = {
  path: ['catalog', 'impact'],
  args: '<a> <b> [assessments]',
  summary: t('tác động của phiên bản mới tới mức của các xã', 'how a new edition changes communes’ levels'),
  details: t(
    'Đánh giá cùng một bộ dữ liệu theo hai phiên bản (a: đang áp dụng, b: phiên bản mới) và cho biết bao nhiêu xã lên, xuống mức, ' +
      'theo nhóm địa bàn và tỉnh, vì tiêu chí nào. Mặc định dùng bộ dữ liệu mô phỏng toàn quốc; có thể truyền tệp hoặc thư mục đánh giá (JSON/NDJSON, - là đầu vào chuẩn).',
    'Decides one set of assessments under two editions (a: in force, b: new) and reports how many communes move up or down, ' +
      'by area group and province, and because of which criteria. Uses the nationwide synthetic dataset unless given an assessment file or directory (JSON/NDJSON, - for stdin).',
  ),
  positionals: [2, 3],
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html'],
  examples: [
    'cdsx catalog impact 0.1.0 0.2.0',
    'cdsx catalog impact 0.1.0 latest assessments.ndjson --format md',
    'cdsx catalog impact latest drafts/2027.json',
  ],
  async run(ctx: Context) {
    // Either side may be a draft edition file (validated and linted first): preview a draft's impact.
    const from = await editionArg(ctx, ctx.positionals[0]!);
    const to = await editionArg(ctx, ctx.positionals[1]!);
    const spec = ctx.positionals[2];
    const records = spec ? await readRecordInputs(ctx, spec) : undefined;
    const r = tryImpactReport({ from, to, ...(records ? { assessments: records.map((x) => x.value) } : {}) });
    if (!r.ok) throw new InputError(locateIssues(records, r.issues));
    const report = r.value;
    const lang = ctx.lang;
    const edition = to.edition;
    const province = (code: string) => provinceByCode(code)?.name ?? code;
    const moved = report.byProvince.filter((p) => p.up || p.down);
    ctx.emit({
      title: `${report.from.version} → ${report.to.version}`,
      sections: [
        ...(report.synthetic ? [{ title: SYNTHETIC_LABEL, tone: 'warn' as const, lines: [] }] : []),
        {
          title: t('Theo nhóm địa bàn', 'By area group'),
          table: {
            columns: [{ key: 'group', header: t('Nhóm địa bàn', 'Area group') }, ...COUNT_COLUMNS],
            rows: [
              { group: lang === 'vi' ? 'Tổng' : 'Total', ...counts(report.totals) },
              ...report.byAreaGroup.map((g) => ({
                group: areaGroupName(edition, g.areaGroup, lang),
                ...counts(g),
              })),
            ],
          },
        },
        {
          title: t('Tỉnh có xã đổi mức', 'Provinces with communes changing level'),
          table: {
            columns: [{ key: 'province', header: t('Tỉnh', 'Province') }, ...COUNT_COLUMNS],
            rows: moved.map((p) => ({
              province: `${p.provinceCode} ${province(p.provinceCode)}`,
              ...counts(p),
            })),
          },
        },
        {
          title: t('Số xã theo mức', 'Communes per level'),
          table: {
            columns: [
              { key: 'level', header: t('Mức', 'Level') },
              {
                key: 'from',
                header: t(`Theo ${report.from.version}`, `Under ${report.from.version}`),
                align: 'right',
              },
              {
                key: 'to',
                header: t(`Theo ${report.to.version}`, `Under ${report.to.version}`),
                align: 'right',
              },
            ],
            rows: report.levels.map((l) => ({
              level: levelLabel(edition, l.level, lang),
              from: l.from,
              to: l.to,
            })),
          },
        },
        {
          title: t('Tiêu chí gây thay đổi', 'Criteria behind the changes'),
          table: {
            columns: [
              { key: 'criterion', header: t('Tiêu chí', 'Criterion') },
              { key: 'up', header: t('Lên mức', 'Up'), align: 'right' },
              { key: 'down', header: t('Xuống mức', 'Down'), align: 'right' },
            ],
            rows: report.criteria.map((c) => ({ criterion: c.criterion, up: c.up, down: c.down })),
          },
        },
        {
          title: t('Các xã đổi mức', 'Communes changing level'),
          table: {
            columns: [
              { key: 'code', header: t('Mã', 'Code') },
              { key: 'commune', header: t('Xã', 'Commune') },
              { key: 'province', header: t('Tỉnh', 'Province') },
              { key: 'change', header: t('Mức', 'Level') },
              { key: 'causes', header: t('Vì', 'Because of') },
            ],
            rows: report.changes.map((c) => ({
              code: c.commune.code,
              commune: c.commune.name,
              province: province(c.commune.provinceCode),
              change: `${c.from} → ${c.to}`,
              causes: c.causes
                .map((k) => `${k.criterion}@${k.level} ${k.from?.outcome ?? '—'} → ${k.to?.outcome ?? '—'}`)
                .join('; '),
            })),
          },
        },
      ],
      summary: [
        lang === 'vi'
          ? `${report.totals.communes} xã: ${report.totals.up} lên mức, ${report.totals.down} xuống mức.` +
            (report.retarget.notAvailableInTo.length
              ? ` Chưa có số liệu theo ${report.to.version}: ${report.retarget.notAvailableInTo.join(', ')}.`
              : '')
          : `${report.totals.communes} communes: ${report.totals.up} up, ${report.totals.down} down.` +
            (report.retarget.notAvailableInTo.length
              ? ` Not available under ${report.to.version}: ${report.retarget.notAvailableInTo.join(', ')}.`
              : ''),
      ],
      json: report,
      ndjson: report.changes,
    });
    return EXIT.ok;
  },
};
