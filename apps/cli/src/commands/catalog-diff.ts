import * as criteria from '@cdsx/criteria';
import { type CatalogEdition, getEdition, type LocalizedText, parseCatalogEdition } from '@cdsx/criteria';
import type { CommandDef, Context } from '../command';
import { EXIT, InputError, UsageError } from '../errors';
import { t } from '../i18n';
import { readJsonDocument } from '../inputs';
import { isDirectory } from '../io';
import { locate } from '../records';

/** The part of the @cdsx/criteria release API this command uses (looked up at run time, see below). */
interface Change {
  type: string;
  path: string;
  criterion?: string;
  areaGroup?: string;
  level?: number;
}
interface DiffApi {
  diffCatalogs(a: CatalogEdition, b: CatalogEdition): { changes: Change[] };
  describeChange(c: Change): LocalizedText;
  requiredBump?(d: { changes: Change[] }): { bump: string };
}

/**
 * The diff itself is `diffCatalogs` of @cdsx/criteria (release work landing in parallel); until that
 * package exports it, this command says so and exits 2 instead of diffing by itself.
 */
function diffApi(): DiffApi | undefined {
  const api = criteria as unknown as Partial<DiffApi>;
  return typeof api.diffCatalogs === 'function' && typeof api.describeChange === 'function'
    ? (api as DiffApi)
    : undefined;
}

/** A published version (`0.1.0`, `latest`) or a catalog edition JSON file. */
async function editionArg(ctx: Context, arg: string): Promise<CatalogEdition> {
  const published = getEdition(arg);
  if (published.ok) return published.value.edition;
  if (!/\.json$/i.test(arg) && !isDirectory(ctx.cwd, arg) && arg !== '-') {
    throw new UsageError(published.issues[0]!.message);
  }
  const doc = await readJsonDocument(ctx, arg);
  const r = parseCatalogEdition(doc.value);
  if (!r.ok) throw new InputError(r.issues.map((i) => locate(doc, i)));
  return r.value;
}

/** `cdsx catalog diff <a> <b>` — what changed between two editions. */
export const catalogDiff: CommandDef = {
  path: ['catalog', 'diff'],
  args: '<a> <b>',
  summary: t('so sánh hai phiên bản bộ tiêu chí', 'what changed between two editions'),
  details: t(
    'Mỗi phiên bản là số phiên bản đã phát hành (0.1.0, latest) hoặc một tệp JSON bộ tiêu chí. ' +
      'Liệt kê tiêu chí thêm/bỏ, thay đổi yêu cầu và ngưỡng theo nhóm địa bàn × mức.',
    'Each edition is a published version (0.1.0, latest) or a catalog edition JSON file. ' +
      'Lists criteria added/removed and requirement and threshold changes per area group × level.',
  ),
  positionals: [2, 2],
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html'],
  examples: ['cdsx catalog diff 0.1.0 latest', 'cdsx catalog diff 0.1.0 draft-0.2.0.json --format md'],
  async run(ctx) {
    const api = diffApi();
    if (!api) {
      throw new UsageError(
        t(
          'catalog diff chưa dùng được: @cdsx/criteria chưa có diffCatalogs',
          'catalog diff is not available yet: @cdsx/criteria does not export diffCatalogs',
        ),
      );
    }
    const a = await editionArg(ctx, ctx.positionals[0]!);
    const b = await editionArg(ctx, ctx.positionals[1]!);
    const diff = api.diffCatalogs(a, b);
    const rows = diff.changes.map((c) => ({
      type: c.type,
      criterion: c.criterion ?? null,
      areaGroup: c.areaGroup ?? null,
      level: c.level ?? null,
      change: api.describeChange(c)[ctx.lang],
      path: c.path,
    }));
    const bump = api.requiredBump?.(diff).bump;
    const dash = (v: unknown) => (v === null ? '' : String(v));
    ctx.emit({
      title: `${a.version} → ${b.version}`,
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
          ? `${rows.length} thay đổi${bump ? `; mức tăng phiên bản tối thiểu: ${bump}` : ''}.`
          : `${rows.length} changes${bump ? `; smallest version bump required: ${bump}` : ''}.`,
      ],
      json: diff,
      ndjson: diff.changes,
    });
    return EXIT.ok;
  },
};
