// Generated reference pages for the commune model's reference architecture (@cdsx/architecture): an overview,
// one page per block, the tier table, the area-group table, the principles that bind communes (each with its
// source) and how criteria editions trace to components. Pure: data in, { path → markdown } out; written and
// staleness-checked by generate.mjs with the criteria reference. Kept apart from render.mjs on purpose.
import { GENERATED_MARKER, LANGS } from './render.mjs';

const fileOf = (lang, path) => (lang === 'vi' ? path : `en/${path}`);
/** ASCII slug of a block code for file names: ƯDCQS → udcqs, ĐLHQ → dlhq. */
export const blockSlug = (code) =>
  code
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Đ/g, 'D')
    .toLowerCase();

export const architecturePaths = {
  index: (lang) => fileOf(lang, 'reference/architecture/index.md'),
  block: (lang, code) => fileOf(lang, `reference/architecture/${blockSlug(code)}.md`),
  tiers: (lang) => fileOf(lang, 'reference/architecture/tiers.md'),
  areaGroups: (lang) => fileOf(lang, 'reference/architecture/area-groups.md'),
  principles: (lang) => fileOf(lang, 'reference/architecture/principles.md'),
  trace: (lang) => fileOf(lang, 'reference/architecture/trace.md'),
};

const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

const T = {
  vi: {
    title: 'Kiến trúc tham chiếu',
    unverified: 'Căn cứ chưa kiểm chứng',
    basis: 'Căn cứ',
    hash: 'Mã băm nội dung',
    permalink: 'Đường dẫn cố định',
    layers: 'Bốn lớp',
    layer: 'Lớp',
    blocks: 'Khối',
    block: 'Khối',
    crossCutting: 'Thành phần xuyên suốt',
    scopeNational: 'quốc gia',
    scopeModel: 'riêng mô hình cấp xã',
    concerns: 'Nội dung',
    users: 'Người dùng',
    sources: 'Nguồn',
    verifiedNo: 'chưa đối chiếu văn bản chính thức',
    code: 'Mã',
    tier: 'Tầng',
    areaGroup: 'Nhóm địa bàn',
    name: 'Thành phần',
    owner: 'Chủ quản',
    note: 'Ghi chú',
    slot: 'ô mở rộng "…khác" (theo nhu cầu)',
    inferred: 'tên do dự án suy ra',
    measuredBy: 'Tiêu chí đo',
    unmeasured: 'cố ý không đo',
    tiersTitle: 'Bảng tầng trách nhiệm',
    areaTitle: 'Thành phần theo nhóm địa bàn',
    principlesTitle: 'Nguyên tắc ràng buộc cấp xã',
    traceTitle: 'Tiêu chí gắn với thành phần kiến trúc',
    none: '—',
    pages: 'Các trang',
    reason: 'Lý do',
    criterion: 'Tiêu chí',
    components: 'Thành phần',
    edition: 'Bộ tiêu chí',
  },
  en: {
    title: 'Reference architecture',
    unverified: 'Unverified basis',
    basis: 'Basis',
    hash: 'Content hash',
    permalink: 'Permalink',
    layers: 'Four layers',
    layer: 'Layer',
    blocks: 'Blocks',
    block: 'Block',
    crossCutting: 'Cross-cutting parts',
    scopeNational: 'national',
    scopeModel: 'commune model',
    concerns: 'Concerns',
    users: 'Users',
    sources: 'Sources',
    verifiedNo: 'not checked against the official text',
    code: 'Code',
    tier: 'Tier',
    areaGroup: 'Area group',
    name: 'Component',
    owner: 'Owner',
    note: 'Note',
    slot: 'open "…other" extension slot (by need)',
    inferred: 'name inferred by the project',
    measuredBy: 'Measured by',
    unmeasured: 'deliberately unmeasured',
    tiersTitle: 'Responsibility tiers',
    areaTitle: 'Components by area group',
    principlesTitle: 'Principles that bind communes',
    traceTitle: 'How criteria trace to architecture components',
    none: '—',
    pages: 'Pages',
    reason: 'Reason',
    criterion: 'Criterion',
    components: 'Components',
    edition: 'Criteria edition',
  },
};

const num = (code) => Number(/(\d+)$/.exec(code)?.[1] ?? 0);
const srcText = (arch, refs) =>
  refs
    .map((r) => {
      const s = arch.sources.find((x) => x.key === r.key);
      return `${r.key}${s ? ` (${s.document})` : ''}${r.article ? `, ${r.article}` : ''}`;
    })
    .join('; ');

/** Ranges of codes: [HTS1, HTS2, HTS3] → "HTS1–3". */
function ranges(codes) {
  if (!codes.length) return '—';
  const sorted = [...codes].sort((a, b) => num(a) - num(b));
  const prefix = sorted[0].replace(/\d+$/, '');
  return `${prefix}${num(sorted[0])}${sorted.length > 1 ? `–${num(sorted.at(-1))}` : ''}`;
}

function header(lang, title, published) {
  const t = T[lang];
  const a = published.edition;
  return [
    GENERATED_MARKER,
    '',
    `# ${title}`,
    '',
    `::: warning ${t.unverified}`,
    a.basis[lang],
    ':::',
    '',
    `${t.permalink}: \`@cdsx/architecture/editions/${a.version}\` · ${t.hash}: \`${published.contentHash}\``,
    '',
  ];
}

/**
 * Every architecture page: docs-relative path → markdown.
 * @param {{ architecture: { edition: any, contentHash: string }, editions: readonly { edition: any, contentHash: string }[] }} data
 */
export function renderArchitecturePages({ architecture, editions }) {
  const pages = new Map();
  const a = architecture.edition;
  const traced = editions.filter((e) => e.edition.architecture?.version === a.version);
  const byComponent = (edition) => {
    const m = new Map();
    for (const c of edition.criteria)
      for (const code of c.architecture ?? []) m.set(code, [...(m.get(code) ?? []), c.id]);
    return m;
  };
  for (const lang of LANGS) {
    const t = T[lang];
    const tierName = (id) => a.tiers.find((x) => x.id === id).name[lang];
    const groupName = (id) => a.areaGroups.find((x) => x.id === id).name[lang];
    const blockPageLink = (code) => `./${blockSlug(code)}.md`;

    // Overview.
    const idx = header(lang, `${t.title} — ${a.title[lang]}`, architecture);
    idx.push(`## ${t.layers}`, '', `| ${t.layer} | ${t.blocks} |`, '| --- | --- |');
    for (const l of [...a.layers].sort((x, y) => y.number - x.number))
      idx.push(
        `| ${l.number} · ${cell(l.name[lang])} | ${l.blocks
          .map((code) => {
            const b = a.blocks.find((x) => x.code === code);
            return `[${b.number} ${code} — ${cell(b.name[lang])}](${blockPageLink(code)})`;
          })
          .join('<br>')} |`,
      );
    idx.push(
      '',
      `## ${t.crossCutting}`,
      '',
      `| ${t.code} | ${t.crossCutting} | ${t.concerns} | ${t.sources} |`,
      '| --- | --- | --- | --- |',
    );
    for (const x of a.crossCutting)
      idx.push(
        `| ${x.code} | ${cell(x.name[lang])} (${x.scope === 'national' ? t.scopeNational : t.scopeModel})${x.description ? ` — ${cell(x.description[lang])}` : ''} | ${x.concerns.join(', ')} | ${cell(srcText(a, x.sources))} |`,
      );
    idx.push('', `## ${t.users}`, '', ...a.users.map((u) => `- ${u[lang]}`), '');
    idx.push(`## ${t.pages}`, '');
    idx.push(
      `- [${t.tiersTitle}](./tiers.md)`,
      `- [${t.areaTitle}](./area-groups.md)`,
      `- [${t.principlesTitle}](./principles.md)`,
      `- [${t.traceTitle}](./trace.md)`,
      '',
    );
    idx.push(`## ${t.sources}`, '', `| | ${t.sources} | ${t.basis} |`, '| --- | --- | --- |');
    for (const s of a.sources)
      idx.push(
        `| ${s.key} | ${cell(s.document)}${s.date ? `, ${s.date}` : ''} — ${cell(s.title[lang])} | ${cell(s.where)}; ${s.verified ? '' : t.verifiedNo} |`,
      );
    pages.set(architecturePaths.index(lang), `${idx.join('\n')}\n`);

    // One page per block.
    const latestTrace = traced.at(-1);
    const measured = latestTrace ? byComponent(latestTrace.edition) : new Map();
    const unmeasured = new Map(
      (latestTrace?.edition.architecture.unmeasured ?? []).map((u) => [u.code, u.reason]),
    );
    for (const b of a.blocks) {
      const layer = a.layers.find((l) => l.id === b.layer);
      const p = header(lang, `${b.number} ${b.code} — ${b.name[lang]}`, architecture);
      p.push(
        `${t.layer} ${layer.number} · ${layer.name[lang]} · ${t.concerns}: ${b.concerns.join(', ')} · ${t.sources}: ${srcText(a, b.sources)}`,
        '',
      );
      for (const tier of b.tiers) {
        p.push(`## ${tierName(tier)}`, '');
        p.push(
          `| ${t.code} | ${t.name} | ${t.areaGroup} | ${t.owner} | ${t.concerns} | ${t.measuredBy}${latestTrace ? ` (${latestTrace.edition.version})` : ''} | ${t.note} | ${t.sources} |`,
        );
        p.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
        for (const c of a.components
          .filter((x) => x.block === b.code && x.tier === tier)
          .sort((x, y) => num(x.code) - num(y.code))) {
          const notes = [
            c.extensionSlot ? t.slot : '',
            c.nameBasis === 'inferred' ? t.inferred : '',
            c.statusNote?.[lang] ?? '',
          ].filter(Boolean);
          const by = measured.get(c.code);
          const m = by
            ? by.join(', ')
            : unmeasured.has(c.code)
              ? `${t.unmeasured}: ${unmeasured.get(c.code)[lang]}`
              : t.none;
          p.push(
            `| ${c.code} | ${cell(c.name[lang])} | ${(c.areaGroups ?? []).map(groupName).join(', ') || t.none} | ${cell(c.owner?.[lang] ?? t.none)} | ${c.concerns.join(', ')} | ${cell(m)} | ${cell(notes.join(' · ') || t.none)} | ${cell(srcText(a, c.sources))} |`,
          );
        }
        p.push('');
      }
      pages.set(architecturePaths.block(lang, b.code), `${p.join('\n').trimEnd()}\n`);
    }

    // Tier table.
    const tp = header(lang, t.tiersTitle, architecture);
    for (const tier of a.tiers)
      tp.push(`- **${tier.name[lang]}** (\`${tier.id}\`): ${tier.description[lang]}`);
    tp.push(
      '',
      `| ${t.block} | ${a.tiers.map((x) => cell(x.name[lang])).join(' | ')} |`,
      `| --- |${a.tiers.map(() => ' --- |').join('')}`,
    );
    for (const b of a.blocks) {
      const cells = a.tiers.map((tier) => {
        const inTier = a.components.filter((c) => c.block === b.code && c.tier === tier.id);
        if (tier.id !== 'area_specific') return ranges(inTier.map((c) => c.code));
        if (!inTier.length) return '—';
        return a.areaGroups
          .map((g) => ranges(inTier.filter((c) => c.areaGroups?.includes(g.id)).map((c) => c.code)))
          .join(' / ');
      });
      tp.push(`| [${b.number} ${b.code}](./${blockSlug(b.code)}.md) | ${cells.join(' | ')} |`);
    }
    tp.push(
      '',
      `${t.areaGroup}: ${a.areaGroups.map((g) => g.name[lang]).join(' / ')}. ${t.sources}: S1 (${a.sources[0].document}), Phụ lục I mục 4.`,
    );
    pages.set(architecturePaths.tiers(lang), `${tp.join('\n')}\n`);

    // Area-group table.
    const ap = header(lang, t.areaTitle, architecture);
    for (const g of a.areaGroups)
      ap.push(`- **${g.name[lang]}** (\`${g.id}\`)${g.description ? `: ${g.description[lang]}` : ''}`);
    ap.push(
      '',
      `| ${t.block} | ${a.areaGroups.map((g) => cell(g.name[lang])).join(' | ')} |`,
      `| --- |${a.areaGroups.map(() => ' --- |').join('')}`,
    );
    for (const b of a.blocks.filter((x) => x.tiers.includes('area_specific'))) {
      const cells = a.areaGroups.map((g) =>
        a.components
          .filter((c) => c.block === b.code && c.areaGroups?.includes(g.id))
          .map((c) => `${c.code} ${cell(c.extensionSlot ? t.slot : c.name[lang])}`)
          .join('<br>'),
      );
      ap.push(`| [${b.code}](./${blockSlug(b.code)}.md) | ${cells.join(' | ')} |`);
    }
    pages.set(architecturePaths.areaGroups(lang), `${ap.join('\n')}\n`);

    // Principles.
    const pp = header(lang, t.principlesTitle, architecture);
    for (const pr of a.principles)
      pp.push(
        `## ${pr.name[lang]}`,
        '',
        pr.statement[lang],
        '',
        `${t.sources}: ${srcText(a, pr.sources)}`,
        '',
      );
    pages.set(architecturePaths.principles(lang), `${pp.join('\n').trimEnd()}\n`);

    // Trace.
    const rp = header(lang, t.traceTitle, architecture);
    rp.push(
      lang === 'vi'
        ? 'Từ phiên bản 0.3.0, mỗi tiêu chí của bộ tiêu chí nêu các thành phần kiến trúc mà nó đo (trường `architecture`, ví dụ `["HTS7"]`), và bộ tiêu chí khai báo phiên bản kiến trúc cùng mã băm của nó. `lintTrace` của `@cdsx/architecture` kiểm tra: mọi tiêu chí nêu ít nhất một mã có thật (không phải ô mở rộng); tiêu chí chỉ đo thành phần theo loại địa bàn thì chỉ áp dụng cho đúng nhóm địa bàn đó; mọi thành phần thiết yếu tại cấp xã có ít nhất một tiêu chí đo, hoặc được liệt kê là cố ý không đo kèm lý do. Hiện trạng kiến trúc của một xã (`cdsx architecture`) lấy từ kết quả các tiêu chí này ở mức thấp nhất mà tiêu chí áp dụng cho nhóm địa bàn của xã.'
        : "From edition 0.3.0 every criterion names the architecture components it measures (the `architecture` field, e.g. `[\"HTS7\"]`), and the edition declares the architecture version with its content hash. `lintTrace` of `@cdsx/architecture` checks that every criterion names at least one existing code (never an extension slot); that a criterion measuring only area-specific components applies only to their area group; and that every essential-at-commune component is measured by at least one criterion or listed as deliberately unmeasured with a reason. A commune's architecture (`cdsx architecture`) comes from these criteria's findings at the lowest level where each applies to the commune's area group.",
      '',
    );
    for (const p of traced) {
      const e = p.edition;
      const m = byComponent(e);
      rp.push(`## ${t.edition} ${e.version}`, '', `${t.hash}: \`${p.contentHash}\``, '');
      rp.push(`| ${t.code} | ${t.tier} | ${t.name} | ${t.measuredBy} |`, '| --- | --- | --- | --- |');
      for (const c of a.components.filter(
        (x) => !x.extensionSlot && (x.tier === 'commune_essential' || m.has(x.code)),
      ))
        rp.push(
          `| ${c.code} | ${cell(tierName(c.tier))} | ${cell(c.name[lang])} | ${cell(m.get(c.code)?.join(', ') ?? `${t.unmeasured}`)} |`,
        );
      for (const x of a.crossCutting.filter((x) => m.has(x.code)))
        rp.push(
          `| ${x.code} | ${cell(t.crossCutting)} | ${cell(x.name[lang])} | ${m.get(x.code).join(', ')} |`,
        );
      rp.push('', `| ${t.code} | ${t.reason} |`, '| --- | --- |');
      for (const u of e.architecture.unmeasured) rp.push(`| ${u.code} | ${cell(u.reason[lang])} |`);
      rp.push('', `| ${t.criterion} | ${t.components} |`, '| --- | --- |');
      for (const c of e.criteria)
        rp.push(`| ${c.id} · ${cell(c.title[lang])} | ${(c.architecture ?? []).join(', ')} |`);
      rp.push('');
    }
    pages.set(architecturePaths.trace(lang), `${rp.join('\n').trimEnd()}\n`);
  }
  return pages;
}
