import {
  type CatalogEdition,
  type Crosswalk,
  describeChange,
  parseCrosswalk,
  requiredBump,
  tryDiffCatalogs,
} from '@cdsx/criteria';
import { crosswalkBetween } from '@cdsx/criteria/editions';
import type { CommandDef, Context } from '../command';
import { EXIT, InputError } from '../errors';
import { t } from '../i18n';
import { readJsonDocument } from '../inputs';
import { locate } from '../records';
import { editionArg, str } from './shared';

/** The crosswalk: `--crosswalk <file>`, else the published one between two published editions, else none. */
async function crosswalkFor(
  ctx: Context,
  a: { edition: CatalogEdition; published: boolean },
  b: { edition: CatalogEdition; published: boolean },
): Promise<Crosswalk | undefined> {
  const file = str(ctx, 'crosswalk');
  if (file) {
    const doc = await readJsonDocument(ctx, file);
    const r = parseCrosswalk(doc.value);
    if (!r.ok) throw new InputError(r.issues.map((i) => locate(doc, i)));
    return r.value;
  }
  if (!a.published || !b.published) return undefined;
  const r = crosswalkBetween(a.edition.version, b.edition.version);
  return r.ok ? r.value : undefined;
}

/** `cdsx catalog diff <a> <b>` — what changed between two editions (the diff of @cdsx/criteria). */
export const catalogDiff: CommandDef = {
  path: ['catalog', 'diff'],
  args: '<a> <b>',
  summary: t('so sánh hai phiên bản bộ tiêu chí', 'what changed between two editions'),
  details: t(
    'Mỗi phiên bản là số phiên bản đã phát hành (0.1.0, latest) hoặc một tệp JSON bộ tiêu chí. Liệt kê tiêu chí thêm/bỏ/đổi mã, ' +
      'thay đổi loại yêu cầu và ngưỡng theo nhóm địa bàn × mức, tỷ lệ tiêu chí mở rộng, và mức tăng phiên bản tối thiểu. ' +
      'Giữa hai phiên bản đã phát hành, bảng đối chiếu mã đi kèm @cdsx/criteria được dùng.',
    'Each edition is a published version (0.1.0, latest) or a catalog edition JSON file. Lists criteria added, removed and renamed, ' +
      'requirement kind and threshold changes per area group × level, extended quotas, and the smallest version bump required. ' +
      'Between two published editions the crosswalk shipped with @cdsx/criteria is used.',
  ),
  positionals: [2, 2],
  options: {
    crosswalk: {
      type: 'string',
      value: '<file>',
      help: t('bảng đối chiếu mã tiêu chí (JSON)', 'criterion id crosswalk (JSON)'),
    },
  },
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html'],
  examples: [
    'cdsx catalog diff 0.1.0 0.2.0',
    'cdsx catalog diff 0.2.0 draft-0.3.0.json --crosswalk 0.2.0-to-0.3.0.json --format md',
  ],
  async run(ctx) {
    const a = await editionArg(ctx, ctx.positionals[0]!);
    const b = await editionArg(ctx, ctx.positionals[1]!);
    const crosswalk = await crosswalkFor(ctx, a, b);
    const r = tryDiffCatalogs(a.edition, b.edition, crosswalk);
    if (!r.ok) throw new InputError(r.issues.map((issue) => ({ file: str(ctx, 'crosswalk'), issue })));
    const diff = r.value;
    const bump = requiredBump(diff);
    const rows = diff.changes.map((c) => ({
      type: c.type,
      criterion: 'criterion' in c && c.criterion !== undefined ? c.criterion : null,
      areaGroup: 'areaGroup' in c ? c.areaGroup : null,
      level: 'level' in c ? c.level : null,
      change: describeChange(c)[ctx.lang],
    }));
    const dash = (v: unknown) => (v === null ? '' : String(v));
    ctx.emit({
      title: `${a.edition.version} → ${b.edition.version}`,
      sections: [
        {
          table: {
            columns: [
              { key: 'type', header: t('Loại', 'Type') },
              { key: 'criterion', header: t('Tiêu chí', 'Criterion'), display: dash },
              { key: 'areaGroup', header: t('Nhóm địa bàn', 'Area group'), display: dash },
              { key: 'level', header: t('Mức', 'Level'), align: 'right', display: dash },
              { key: 'change', header: t('Thay đổi', 'Change') },
            ],
            rows,
          },
        },
      ],
      summary: [
        ctx.lang === 'vi'
          ? `${rows.length} thay đổi; mức tăng phiên bản tối thiểu: ${bump.bump}.`
          : `${rows.length} changes; smallest version bump required: ${bump.bump}.`,
      ],
      json: { ...diff, requiredBump: bump.bump },
      ndjson: diff.changes,
    });
    return EXIT.ok;
  },
};
