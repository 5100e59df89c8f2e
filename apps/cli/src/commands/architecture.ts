import {
  type ArchitectureView,
  architectureTextAlternative,
  architectureView,
  getArchitecture,
  renderArchitectureSvg,
  STATUS_NAMES,
  STATUS_STYLE,
} from '@cdsx/architecture';
import { EDITIONS, getEdition } from '@cdsx/criteria/editions';
import { tryAssess } from '@cdsx/rules';
import type { CommandDef } from '../command';
import { EXIT, InputError } from '../errors';
import { t } from '../i18n';
import { readJsonDocument } from '../inputs';
import { locate } from '../records';
import { areaGroupName, SYNTHETIC_LABEL } from './shared';

const TIER_NAMES = {
  central: t('Trung ương', 'Centre'),
  provincial: t('Tỉnh', 'Province'),
  commune_essential: t('Thiết yếu tại xã', 'Essential at commune'),
  area_specific: t('Theo địa bàn', 'By area group'),
} as const;

/** `cdsx architecture <assessment>` — the commune's architecture: each component's status, and a diagram in html. */
export const architectureCommand: CommandDef = {
  path: ['architecture'],
  args: '<assessment>',
  summary: t(
    'kiến trúc chuyển đổi số của một xã theo kiến trúc tham chiếu',
    "a commune's architecture against the reference architecture",
  ),
  details: t(
    'Xếp mức đánh giá (bộ tiêu chí phải gắn với kiến trúc tham chiếu, từ phiên bản 0.3.0) rồi cho biết từng thành phần của kiến trúc: ' +
      'đã có, còn thiếu, chưa có số liệu, cấp trên cung cấp, hoặc không áp dụng cho nhóm địa bàn. --format html kèm sơ đồ bốn lớp (SVG có mô tả văn bản). ' +
      'Kiến trúc tham chiếu dựng từ bản trích QĐ 1425/QĐ-TTg, chưa kiểm chứng.',
    'Decides the assessment (its edition must trace to the reference architecture, from 0.3.0), then gives each component of the architecture as ' +
      'in place, missing, not available, provided by an upper level, or not applicable to the area group. --format html adds the four-layer diagram (an SVG with a text alternative). ' +
      'The reference architecture is built from an extraction of Decision 1425/QĐ-TTg, unverified.',
  ),
  positionals: [1, 1],
  formats: ['table', 'json', 'md', 'html', 'csv'],
  examples: [
    'cdsx architecture packages/architecture/examples/rural-commune-0.3.0.json',
    'cdsx architecture assessment.json --format html --out architecture.html',
  ],
  async run(ctx) {
    const { lang } = ctx;
    const doc = await readJsonDocument(ctx, ctx.positionals[0]!);
    const decided = tryAssess(doc.value, { edition: EDITIONS });
    if (!decided.ok) throw new InputError(decided.issues.map((i) => locate(doc, i)));
    const record = decided.value;
    const catalog = getEdition(record.catalog.version);
    if (!catalog.ok) throw new InputError(catalog.issues.map((i) => locate(doc, i)));
    const ref = catalog.value.edition.architecture;
    const arch = ref ? getArchitecture(ref.version) : undefined;
    if (!ref || !arch?.ok)
      throw new InputError([
        locate(doc, {
          path: 'catalogVersion',
          code: 'no_architecture',
          message: {
            vi: `bộ tiêu chí ${record.catalog.version} không gắn tiêu chí với kiến trúc tham chiếu; dùng phiên bản 0.3.0 trở lên`,
            en: `edition ${record.catalog.version} does not trace its criteria to the reference architecture; use 0.3.0 or later`,
          },
        }),
      ]);
    const r = architectureView({ record, catalog: catalog.value, architecture: arch.value });
    if (!r.ok) throw new InputError(r.issues.map((i) => locate(doc, i)));
    const view: ArchitectureView = r.value;
    const architecture = arch.value;
    const blocks = new Map(architecture.edition.blocks.map((b) => [b.code, b]));
    const rows = view.components.map((c) => ({
      code: c.code,
      block: `${blocks.get(c.block)?.number ?? ''} ${c.block}`,
      tier: TIER_NAMES[c.tier][lang],
      status: `${STATUS_STYLE[c.status].symbol} ${STATUS_NAMES[c.status][lang]}`,
      criteria: c.criteria.length
        ? c.criteria.map((x) => `${x.id}@${x.level} ${x.outcome}`).join(', ')
        : (c.reason?.[lang] ?? ''),
      name: c.name[lang],
    }));
    const counts = (Object.keys(view.counts) as Array<keyof typeof view.counts>)
      .map((s) => `${STATUS_NAMES[s][lang]}: ${view.counts[s]}`)
      .join(', ');
    ctx.emit({
      title:
        lang === 'vi'
          ? `Kiến trúc của ${view.commune.name} (${view.commune.code}) — kỳ ${view.period}`
          : `Architecture of ${view.commune.name} (${view.commune.code}) — period ${view.period}`,
      sections: [
        ...(view.synthetic ? [{ title: SYNTHETIC_LABEL, tone: 'warn' as const, lines: [] }] : []),
        {
          lines: [
            lang === 'vi'
              ? `Nhóm địa bàn: ${areaGroupName(catalog.value.edition, view.areaGroup, lang)} · bộ tiêu chí ${view.catalog.version} (${view.catalog.contentHash}) · kiến trúc tham chiếu ${view.architecture.version} (${view.architecture.contentHash}), căn cứ chưa kiểm chứng`
              : `Area group: ${areaGroupName(catalog.value.edition, view.areaGroup, lang)} · criteria edition ${view.catalog.version} (${view.catalog.contentHash}) · reference architecture ${view.architecture.version} (${view.architecture.contentHash}), unverified basis`,
          ],
        },
        ...(ctx.format === 'html' ? [{ rawHtml: renderArchitectureSvg(view, architecture, { lang }) }] : []),
        {
          table: {
            columns: [
              { key: 'code', header: t('Mã', 'Code') },
              { key: 'block', header: t('Khối', 'Block') },
              { key: 'tier', header: t('Tầng', 'Tier') },
              { key: 'status', header: t('Hiện trạng', 'Status') },
              { key: 'criteria', header: t('Căn cứ', 'Basis') },
              { key: 'name', header: t('Thành phần', 'Component') },
            ],
            rows,
          },
        },
      ],
      summary: [
        `${view.components.length} ${lang === 'vi' ? 'thành phần' : 'components'} — ${counts}.`,
        ...(ctx.format === 'md'
          ? [architectureTextAlternative(view, architecture, lang).split('\n')[0]!]
          : []),
      ],
      json: view,
    });
    return EXIT.ok;
  },
};
