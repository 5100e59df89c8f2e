import { AREA_GROUPS } from '@cdsx/criteria';
import type { CommandDef } from '../command';
import { EXIT } from '../errors';
import { t } from '../i18n';
import type { Column } from '../render/index';
import { areaGroupName, dimensionName, editionArg, requirementCell } from './shared';

/** `cdsx catalog show <version>` — one edition's criteria with their requirements per area group × level. */
export const catalogShow: CommandDef = {
  path: ['catalog', 'show'],
  args: '<version>',
  summary: t('các tiêu chí của một phiên bản', "one edition's criteria"),
  details: t(
    'Mỗi ô yêu cầu: B = bắt buộc, M = mở rộng, kèm ngưỡng (ví dụ B≥90); – = không áp dụng. `latest` là phiên bản mới nhất.',
    'Each requirement cell: M = mandatory, E = extended, with the threshold (e.g. M≥90); – = not applicable. `latest` is the newest edition.',
  ),
  positionals: [1, 1],
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html'],
  examples: ['cdsx catalog show 0.1.0', 'cdsx catalog show latest --format csv --bom --out criteria.csv'],
  async run(ctx) {
    const { edition, contentHash } = await editionArg(ctx, ctx.positionals[0] ?? 'latest');
    const { lang } = ctx;
    const levels = edition.levels.map((l) => l.level).filter((l) => l > 0);
    const reqColumns: Column[] = AREA_GROUPS.flatMap((g) =>
      levels.map((l) => ({
        key: `${g}.${l}`,
        header: t(`${areaGroupName(edition, g, 'vi')} ${l}`, `${areaGroupName(edition, g, 'en')} ${l}`),
      })),
    );
    const rows = edition.criteria.map((c) => ({
      id: c.id,
      dimension: dimensionName(edition, c.dimension, lang),
      measure: c.measure,
      unit: c.unit ? c.unit[lang] : null,
      title: c.title[lang],
      ...Object.fromEntries(
        AREA_GROUPS.flatMap((g) => levels.map((l) => [`${g}.${l}`, requirementCell(c, g, l, lang)])),
      ),
    }));
    ctx.emit({
      title: `${edition.title[lang]} — ${edition.version} (${edition.status})`,
      sections: [
        {
          lines: [
            `${lang === 'vi' ? 'Hiệu lực' : 'Effective'}: ${edition.effectiveDate} · ${edition.issuingDocument.document} · ${contentHash}`,
            edition.basis[lang],
          ],
        },
        {
          table: {
            columns: [
              { key: 'id', header: t('Mã', 'Id') },
              { key: 'dimension', header: t('Nhóm', 'Dimension') },
              { key: 'measure', header: t('Đo bằng', 'Measure') },
              { key: 'unit', header: t('Đơn vị', 'Unit'), display: (v) => (v === null ? '' : String(v)) },
              ...reqColumns,
              { key: 'title', header: t('Tiêu chí', 'Criterion') },
            ],
            rows,
          },
        },
      ],
      summary: [
        lang === 'vi'
          ? `${edition.criteria.length} tiêu chí, ${levels.length} mức, ${AREA_GROUPS.length} nhóm địa bàn.`
          : `${edition.criteria.length} criteria, ${levels.length} levels, ${AREA_GROUPS.length} area groups.`,
      ],
      json: { contentHash, edition },
      ndjson: edition.criteria,
    });
    return EXIT.ok;
  },
};
