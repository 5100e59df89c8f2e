import { EDITIONS, latestEdition } from '@cdsx/criteria/editions';
import type { CommandDef } from '../command';
import { EXIT } from '../errors';
import { t } from '../i18n';

/** `cdsx catalog list` — the published editions, oldest first. */
export const catalogList: CommandDef = {
  path: ['catalog', 'list'],
  summary: t('liệt kê các phiên bản bộ tiêu chí', 'list the catalog editions'),
  positionals: [0, 0],
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html'],
  run(ctx) {
    const rows = EDITIONS.map(({ edition, contentHash }) => ({
      version: edition.version,
      latest: edition === latestEdition.edition,
      id: edition.id,
      status: edition.status,
      effectiveDate: edition.effectiveDate,
      criteria: edition.criteria.length,
      title: edition.title[ctx.lang],
      contentHash,
    }));
    ctx.emit({
      title: t('Các phiên bản bộ tiêu chí', 'Catalog editions'),
      sections: [
        {
          table: {
            columns: [
              { key: 'version', header: t('Phiên bản', 'Version') },
              { key: 'latest', header: t('Mới nhất', 'Latest'), display: (v) => (v ? '*' : '') },
              { key: 'status', header: t('Trạng thái', 'Status') },
              { key: 'effectiveDate', header: t('Hiệu lực', 'Effective') },
              { key: 'criteria', header: t('Số tiêu chí', 'Criteria'), align: 'right' },
              { key: 'title', header: t('Tên', 'Title') },
              { key: 'contentHash', header: t('Mã băm nội dung', 'Content hash') },
            ],
            rows,
          },
        },
      ],
      json: rows,
    });
    return EXIT.ok;
  },
};
