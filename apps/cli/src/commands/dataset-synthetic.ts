import { COMMUNES, communesOfProvince, provinceByCode } from '@cdsx/criteria/communes';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';
import type { CommandDef } from '../command';
import { EXIT, UsageError } from '../errors';
import { t } from '../i18n';
import { CATALOG_OPTION, editionFrom, str } from './shared';

/** `cdsx dataset synthetic` — the nationwide synthetic assessments as NDJSON. */
export const datasetSynthetic: CommandDef = {
  path: ['dataset', 'synthetic'],
  summary: t(
    'xuất bộ đánh giá mô phỏng (synthetic) của mọi xã, dạng NDJSON',
    'write the synthetic assessments of every commune as NDJSON',
  ),
  details: t(
    'Dữ liệu sinh tự động, có tính quyết định (cùng phiên bản cho cùng kết quả), mỗi bản ghi có "synthetic": true — không phải số liệu thật. ' +
      'Danh sách 3.321 đơn vị cấp xã là danh sách thật.',
    'Generated, deterministic data (the same version gives the same bytes); every record has "synthetic": true — not real figures. ' +
      'The list of 3,321 communes is the real one.',
  ),
  positionals: [0, 0],
  options: {
    province: {
      type: 'string',
      value: '<code>',
      help: t('chỉ các xã của tỉnh này (mã 2 chữ số)', "only this province's communes (2-digit code)"),
    },
    catalog: CATALOG_OPTION,
  },
  formats: ['ndjson'],
  examples: [
    'cdsx dataset synthetic | cdsx assess - --format json',
    'cdsx dataset synthetic --province 01 --out hanoi.ndjson',
  ],
  run(ctx) {
    const { edition } = editionFrom(str(ctx, 'catalog'));
    const province = str(ctx, 'province');
    if (province !== undefined && !provinceByCode(province)) {
      throw new UsageError(
        t(
          `--province ${province}: không có tỉnh với mã này`,
          `--province ${province}: no province has this code`,
        ),
      );
    }
    const communes = province ? communesOfProvince(province) : COMMUNES;
    const assessments = generateSyntheticAssessments({ edition, communes });
    for (const a of assessments) ctx.write(`${JSON.stringify(a)}\n`);
    ctx.note(
      ctx.lang === 'vi'
        ? `${assessments.length} đánh giá DỮ LIỆU MÔ PHỎNG (synthetic), bộ tiêu chí ${edition.version}\n`
        : `${assessments.length} SYNTHETIC assessments, catalog ${edition.version}\n`,
    );
    return EXIT.ok;
  },
};
