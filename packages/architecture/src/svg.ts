import type { Lang } from '@cdsx/criteria';
import type { PublishedArchitecture } from './model';
import { type ArchitectureView, COMPONENT_STATUSES, type ComponentStatus, STATUS_NAMES } from './view';

/** Colour and symbol per status: the symbol repeats the colour's meaning for readers who cannot tell colours apart. */
export const STATUS_STYLE: Readonly<Record<ComponentStatus, { fill: string; text: string; symbol: string }>> =
  Object.freeze({
    in_place: { fill: '#1a7f37', text: '#ffffff', symbol: '✓' },
    missing: { fill: '#cf222e', text: '#ffffff', symbol: '✗' },
    not_available: { fill: '#9a6700', text: '#ffffff', symbol: '?' },
    upper_level: { fill: '#0969da', text: '#ffffff', symbol: '↑' },
    not_applicable: { fill: '#eaeef2', text: '#424a53', symbol: '–' },
  });

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The text alternative of a commune's architecture diagram: a summary line, then each layer and block with
 * its components and their statuses. Use it beside the SVG (the SVG's `<desc>` carries the summary and this
 * text) so that a screen reader or a plain-text report conveys everything the colours do.
 */
export function architectureTextAlternative(
  view: ArchitectureView,
  architecture: PublishedArchitecture,
  lang: Lang = 'vi',
): string {
  const arch = architecture.edition;
  const lines = [summaryLine(view, lang)];
  for (const layer of [...arch.layers].sort((a, b) => b.number - a.number)) {
    lines.push(`${lang === 'vi' ? 'Lớp' : 'Layer'} ${layer.number} – ${layer.name[lang]}`);
    for (const code of layer.blocks) {
      const block = arch.blocks.find((b) => b.code === code)!;
      const items = view.components
        .filter((c) => c.block === code)
        .map((c) => `${c.code} ${STATUS_NAMES[c.status][lang].toLowerCase()}`);
      lines.push(`  ${block.number} ${block.name[lang]} (${code}): ${items.join('; ')}`);
    }
  }
  const cc = arch.crossCutting.filter((x) => x.scope === 'commune_model').map((x) => x.name[lang]);
  lines.push(`${lang === 'vi' ? 'Xuyên suốt các lớp' : 'Across all layers'}: ${cc.join('; ')}`);
  return lines.join('\n');
}

function summaryLine(view: ArchitectureView, lang: Lang): string {
  const counts = COMPONENT_STATUSES.map((s) => `${STATUS_NAMES[s][lang]}: ${view.counts[s]}`).join(', ');
  return lang === 'vi'
    ? `Kiến trúc của ${view.commune.name} (${view.commune.code}), kỳ ${view.period}, kiến trúc tham chiếu ${view.architecture.version} (căn cứ chưa kiểm chứng), bộ tiêu chí ${view.catalog.version}. ${counts}.`
    : `Architecture of ${view.commune.name} (${view.commune.code}), period ${view.period}, reference architecture ${view.architecture.version} (unverified basis), criteria edition ${view.catalog.version}. ${counts}.`;
}

/**
 * Render a commune's architecture as a self-contained, accessible SVG string: the four layers (layer 4 on top),
 * each block with its components as chips coloured by status and marked with a status symbol, the two
 * cross-cutting parts of the model beside the layers, and a legend. `role="img"` with `<title>` and `<desc>`
 * (the full text alternative); every chip has its own `<title>`. No external resources, no scripts.
 * Deterministic: the same view gives the same bytes.
 *
 * @example
 * const svg = renderArchitectureSvg(view, latestArchitecture, { lang: 'vi' });
 */
export function renderArchitectureSvg(
  view: ArchitectureView,
  architecture: PublishedArchitecture,
  options: { lang?: Lang; idPrefix?: string } = {},
): string {
  const lang = options.lang ?? 'vi';
  const id = options.idPrefix ?? 'cdsx-arch';
  const arch = architecture.edition;
  const W = 1200;
  const left = 16;
  const sideW = 150;
  const layerW = W - left * 2 - sideW - 12;
  const chipW = 56;
  const chipH = 20;
  const gap = 4;
  const headerH = 34;
  const out: string[] = [];
  let y = 64;
  const layers = [...arch.layers].sort((a, b) => b.number - a.number);
  const body: string[] = [];
  for (const layer of layers) {
    const n = layer.blocks.length;
    const blockW = Math.floor((layerW - 24 - (n - 1) * 8) / n);
    const perRow = Math.max(1, Math.floor((blockW - 12 + gap) / (chipW + gap)));
    const rows = layer.blocks.map((code) =>
      Math.ceil(view.components.filter((c) => c.block === code).length / perRow),
    );
    const layerH = 26 + headerH + Math.max(1, ...rows) * (chipH + gap) + 10;
    body.push(
      `<g role="group" aria-label="${esc(`${lang === 'vi' ? 'Lớp' : 'Layer'} ${layer.number}: ${layer.name[lang]}`)}">`,
      `<rect x="${left}" y="${y}" width="${layerW}" height="${layerH}" rx="6" fill="#f6f8fa" stroke="#8c959f"/>`,
      `<text x="${left + 10}" y="${y + 18}" font-size="13" font-weight="bold" fill="#1f2328">${esc(`${lang === 'vi' ? 'Lớp' : 'Layer'} ${layer.number} – ${layer.name[lang]}`)}</text>`,
    );
    layer.blocks.forEach((code, bi) => {
      const block = arch.blocks.find((b) => b.code === code)!;
      const bx = left + 12 + bi * (blockW + 8);
      const by = y + 26;
      const bh = layerH - 26 - 8;
      body.push(
        `<g role="group" aria-label="${esc(`${block.number} ${block.name[lang]} (${code})`)}">`,
        `<rect x="${bx}" y="${by}" width="${blockW}" height="${bh}" rx="4" fill="#ffffff" stroke="#d0d7de"/>`,
        `<text x="${bx + 6}" y="${by + 14}" font-size="11" font-weight="bold" fill="#1f2328">${esc(`${block.number} ${code}`)}</text>`,
        `<text x="${bx + 6}" y="${by + 27}" font-size="9" fill="#424a53">${esc(truncate(block.name[lang], Math.floor(blockW / 5.2)))}</text>`,
      );
      view.components
        .filter((c) => c.block === code)
        .forEach((c, k) => {
          const cx = bx + 6 + (k % perRow) * (chipW + gap);
          const cy = by + headerH + Math.floor(k / perRow) * (chipH + gap);
          const st = STATUS_STYLE[c.status];
          body.push(
            `<g><title>${esc(`${c.code} – ${c.name[lang]}: ${STATUS_NAMES[c.status][lang]}`)}</title>`,
            `<rect x="${cx}" y="${cy}" width="${chipW}" height="${chipH}" rx="3" fill="${st.fill}"/>`,
            `<text x="${cx + 4}" y="${cy + 14}" font-size="10" fill="${st.text}">${esc(`${st.symbol} ${c.code}`)}</text></g>`,
          );
        });
      body.push('</g>');
    });
    body.push('</g>');
    y += layerH + 8;
  }
  // Cross-cutting parts of the model, drawn beside all layers.
  const parts = arch.crossCutting.filter((x) => x.scope === 'commune_model');
  const sx = left + layerW + 12;
  const sh = y - 8 - 64;
  const each = Math.floor((sh - (parts.length - 1) * 8) / Math.max(1, parts.length));
  parts.forEach((p, i) => {
    const py = 64 + i * (each + 8);
    body.push(
      `<g role="group" aria-label="${esc(`${lang === 'vi' ? 'Xuyên suốt' : 'Cross-cutting'}: ${p.name[lang]}`)}">`,
      `<rect x="${sx}" y="${py}" width="${sideW}" height="${each}" rx="6" fill="#fbefff" stroke="#8250df"/>`,
      `<text x="${sx + sideW / 2}" y="${py + each / 2}" font-size="12" text-anchor="middle" fill="#512a97">${esc(p.name[lang])}</text>`,
      '</g>',
    );
  });
  // Legend.
  const ly = y + 6;
  const legend = COMPONENT_STATUSES.map((s, i) => {
    const lx = left + i * 230;
    const st = STATUS_STYLE[s];
    return `<rect x="${lx}" y="${ly}" width="18" height="18" rx="3" fill="${st.fill}" stroke="#8c959f"/><text x="${lx + 5}" y="${ly + 13}" font-size="11" fill="${st.text}">${st.symbol}</text><text x="${lx + 24}" y="${ly + 13}" font-size="11" fill="#1f2328">${esc(`${STATUS_NAMES[s][lang]} (${view.counts[s]})`)}</text>`;
  });
  const H = ly + 32;
  const title =
    lang === 'vi'
      ? `Kiến trúc chuyển đổi số của ${view.commune.name} — kỳ ${view.period}`
      : `Digital-transformation architecture of ${view.commune.name} — period ${view.period}`;
  const sub =
    lang === 'vi'
      ? `Kiến trúc tham chiếu ${view.architecture.version} (căn cứ chưa kiểm chứng) · bộ tiêu chí ${view.catalog.version}${view.synthetic ? ' · DỮ LIỆU GIẢ LẬP' : ''}`
      : `Reference architecture ${view.architecture.version} (unverified basis) · criteria edition ${view.catalog.version}${view.synthetic ? ' · SYNTHETIC DATA' : ''}`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" lang="${lang}">`,
    `<title id="${id}-title">${esc(title)}</title>`,
    `<desc id="${id}-desc">${esc(architectureTextAlternative(view, architecture, lang))}</desc>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${left}" y="26" font-size="17" font-weight="bold" fill="#1f2328">${esc(title)}</text>`,
    `<text x="${left}" y="46" font-size="11" fill="#424a53">${esc(sub)}</text>`,
    ...body,
    ...legend,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, Math.max(1, n - 1))}…`;
}
