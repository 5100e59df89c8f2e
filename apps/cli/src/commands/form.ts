import { AREA_GROUPS, type AreaGroup, type Assessment, validateAssessment } from '@cdsx/criteria';
import { communeByCode } from '@cdsx/criteria/communes';
import { FIRST_ROW, formCriteria, generateForm, readForm, SHEETS } from '@cdsx/forms';
import type { CommandDef } from '../command';
import { EXIT, formatLocated, InputError, UsageError } from '../errors';
import { t } from '../i18n';
import { readJsonDocument } from '../inputs';
import { locate } from '../records';
import { CATALOG_OPTION, editionArg, editionFrom, str } from './shared';

const AREA_GROUP_OPTION = {
  type: 'string' as const,
  value: '<urban|rural|remote>',
  choices: AREA_GROUPS,
  help: t(
    'nhóm địa bàn: urban (đô thị), rural (nông thôn), remote (miền núi, biên giới, hải đảo)',
    'area group: urban, rural, remote (mountain, border, island)',
  ),
};

/** `cdsx form generate` — an Excel self-assessment form for an edition and area group. */
export const formGenerate: CommandDef = {
  path: ['form', 'generate'],
  summary: t('tạo phiếu tự đánh giá Excel (.xlsx)', 'make an Excel self-assessment form (.xlsx)'),
  details: t(
    'Một dòng cho mỗi tiêu chí áp dụng cho nhóm địa bàn: mã, lĩnh vực, tên tiếng Việt và tiếng Anh, cách đo, yêu cầu từng mức, ' +
      'ô nhập có kiểm tra dữ liệu, tử số/mẫu số cho tỷ lệ, minh chứng, ghi chú; trang hướng dẫn; trang đơn vị; trang ẩn ghi bộ tiêu chí. ' +
      'Với --commune, thông tin đơn vị được điền sẵn (nhóm địa bàn mặc định theo loại đơn vị); với --previous, giá trị kỳ trước hiện bên cạnh ô nhập.',
    'One row per criterion that applies to the area group: id, dimension, Vietnamese and English title, measure, the requirement per level, ' +
      'a validated input cell, numerator/denominator for rates, evidence, note; an instructions sheet; a unit sheet; a hidden sheet naming the edition. ' +
      'With --commune the unit is pre-filled (area group defaults from the unit type); with --previous last period’s values are shown beside the input cells.',
  ),
  positionals: [0, 0],
  options: {
    catalog: CATALOG_OPTION,
    'area-group': AREA_GROUP_OPTION,
    commune: {
      type: 'string',
      value: '<code>',
      help: t('mã xã (5 chữ số) để điền sẵn', 'commune code (5 digits) to pre-fill'),
    },
    period: { type: 'string', value: '<period>', help: t('kỳ đánh giá để điền sẵn', 'period to pre-fill') },
    previous: {
      type: 'string',
      value: '<assessment.json>',
      help: t('đánh giá kỳ trước (hiện để tham khảo)', 'last period’s assessment (shown for reference)'),
    },
  },
  formats: ['xlsx'],
  examples: [
    'cdsx form generate --area-group rural --out phieu-nong-thon.xlsx',
    'cdsx form generate --commune 03445 --area-group remote --period 2026 --out muong-te-2026.xlsx',
    'cdsx form generate --catalog ./draft.json --area-group rural --out phieu-du-thao.xlsx',
  ],
  async run(ctx) {
    // A published version or a draft edition file (validated and linted first).
    const published = await editionArg(ctx, str(ctx, 'catalog') ?? 'latest');
    const code = str(ctx, 'commune');
    const unit = code === undefined ? undefined : communeByCode(code);
    if (code !== undefined && !unit)
      throw new UsageError(
        t(
          `--commune ${code}: không có đơn vị cấp xã với mã này`,
          `--commune ${code}: no commune has this code`,
        ),
      );
    const group = (str(ctx, 'area-group') as AreaGroup | undefined) ?? unit?.areaGroup;
    if (!group)
      throw new UsageError(t('cần --area-group (hoặc --commune)', 'give --area-group (or --commune)'));
    let previous: Assessment | undefined;
    const prevFile = str(ctx, 'previous');
    if (prevFile !== undefined) {
      const doc = await readJsonDocument(ctx, prevFile);
      const version = (doc.value as { catalogVersion?: unknown } | null)?.catalogVersion;
      const r = validateAssessment(
        doc.value,
        !published.published && version === published.edition.version
          ? published.edition
          : editionFrom(typeof version === 'string' ? version : undefined).edition,
      );
      if (!r.ok) throw new InputError(r.issues.map((i) => locate(doc, i)));
      previous = r.value;
    }
    const commune = unit
      ? { code: unit.code, name: unit.name, provinceCode: unit.provinceCode, unitType: unit.unitType }
      : undefined;
    const period = str(ctx, 'period');
    const bytes = await generateForm({
      edition: published,
      areaGroup: group,
      ...(commune ? { commune } : {}),
      ...(period ? { period } : {}),
      ...(previous ? { previous } : {}),
    });
    ctx.writeBytes(bytes);
    const rows = formCriteria(published.edition, group).length;
    ctx.note(
      `${
        ctx.lang === 'vi'
          ? `Phiếu ${published.edition.version} · ${group}: ${rows} tiêu chí (trang "${SHEETS.criteria}", dòng ${FIRST_ROW}–${FIRST_ROW + rows - 1}).`
          : `Form ${published.edition.version} · ${group}: ${rows} criteria (sheet "${SHEETS.criteria}", rows ${FIRST_ROW}–${FIRST_ROW + rows - 1}).`
      }\n`,
    );
    return EXIT.ok;
  },
};

/** `cdsx form read` — a filled form back into an assessment (JSON). */
export const formRead: CommandDef = {
  path: ['form', 'read'],
  args: '<form.xlsx>',
  summary: t(
    'đọc phiếu tự đánh giá đã điền thành đánh giá (JSON)',
    'read a filled form into an assessment (JSON)',
  ),
  details: t(
    'Mọi lỗi được chỉ rõ trang và ô (ví dụ Tiêu chí!J14) cùng mã tiêu chí. Giá trị viết khác nhưng rõ nghĩa (co, có, TRUE, 82,5) được chấp nhận kèm cảnh báo. ' +
      'Phiếu để trống là một đánh giá hợp lệ chưa có số liệu (kết quả tạm tính).',
    'Every problem is located by sheet and cell (e.g. Tiêu chí!J14) with the criterion id. Unambiguous variants (co, có, TRUE, 82,5) are accepted with a warning. ' +
      'An empty form is a valid assessment with no data (a provisional result).',
  ),
  positionals: [1, 1],
  options: {
    catalog: {
      ...CATALOG_OPTION,
      help: t(
        'bộ tiêu chí phiếu phải thuộc về (mặc định: bộ ghi trong phiếu)',
        'edition the form must belong to (default: the one it names)',
      ),
    },
    'area-group': {
      ...AREA_GROUP_OPTION,
      help: t('nhóm địa bàn phiếu phải thuộc về', 'area group the form must be for'),
    },
  },
  formats: ['json'],
  examples: [
    'cdsx form read muong-te-2026.xlsx --out danh-gia.json',
    'cdsx form read phieu.xlsx | cdsx assess -',
    'cdsx form read phieu-du-thao.xlsx --catalog ./draft.json',
  ],
  async run(ctx) {
    const file = ctx.positionals[0]!;
    const catalog = str(ctx, 'catalog');
    const group = str(ctx, 'area-group') as AreaGroup | undefined;
    // `--catalog ./draft.json`: a form made from a draft edition is read against that draft.
    const expected = catalog ? await editionArg(ctx, catalog) : undefined;
    const r = await readForm(ctx.readBytes(file), {
      ...(expected ? { expectVersion: expected.edition.version } : {}),
      ...(expected && !expected.published ? { editions: [expected] } : {}),
      ...(group ? { expectAreaGroup: group } : {}),
    });
    if (!r.ok) throw new InputError(r.issues.map((issue) => ({ file, issue })));
    if (r.value.warnings.length)
      ctx.note(
        `${formatLocated(
          r.value.warnings.map((issue) => ({ file, issue })),
          ctx.errLang,
        )}\n`,
      );
    const n = Object.keys(r.value.assessment.observations).length;
    const total = formCriteria(r.value.edition.edition, r.value.areaGroup).length;
    ctx.emit({
      sections: [],
      json: r.value.assessment,
      summary: [
        ctx.lang === 'vi'
          ? `${file}: ${n}/${total} tiêu chí có số liệu, ${r.value.warnings.length} cảnh báo.`
          : `${file}: ${n} of ${total} criteria with data, ${r.value.warnings.length} warnings.`,
      ],
    });
    return EXIT.ok;
  },
};
