// @ts-check
// Pure rendering of the generated documentation pages. Given the catalog editions and the KPI and
// calendar data, returns every generated page as { path → markdown }. No I/O, no clock, no locale:
// the same data always gives byte-identical pages. One module per page kind under ./render/:
// reference.mjs (editions, dimensions), kpi.mjs (KPIs, calendar); common.mjs holds the Markdown helpers
// and paths, text.mjs the interface text.

import { LANGS, localePrefix, paths } from './render/common.mjs';
import { renderCalendarPage, renderKpiPage } from './render/kpi.mjs';
import { renderDimensionPage, renderEditionPage, renderReferenceIndex } from './render/reference.mjs';
import { T } from './render/text.mjs';

export {
  criterionAnchor,
  GENERATED_MARKER,
  kpiAnchor,
  LANGS,
  localePrefix,
  paths,
  urlOf,
} from './render/common.mjs';

/** @typedef {import('@cdsx/criteria').Lang} Lang */
/** @typedef {import('./render/reference.mjs').Published} Published */

// ─── The whole generated site ────────────────────────────────────────────────────────────────────

/**
 * Render every generated page.
 *
 * @param {object} data
 * @param {readonly Published[]} data.editions  oldest first (`EDITIONS`)
 * @param {Published} [data.latest]  the edition `@cdsx/criteria/latest` resolves to (default: the newest)
 * @param {Record<string, import('./render/reference.mjs').EditionChanges>} [data.changes]
 *   per version, what changed against the previous edition
 * @param {import('./render/kpi.mjs').KpiData} data.kpi
 * @param {import('./render/kpi.mjs').CalendarData} data.calendar
 * @returns {Map<string, string>} docs-relative path → markdown, sorted by path
 */
export function renderPages({ editions, latest = editions.at(-1), changes = {}, kpi, calendar }) {
  // `latest` is the edition `@cdsx/criteria/latest` resolves to: an edition can be published at its permalink
  // before it becomes latest (RELEASING.md §7).
  /** @type {Map<string, string>} */
  const pages = new Map();
  for (const lang of LANGS) {
    pages.set(paths.referenceIndex(lang), renderReferenceIndex(editions, lang, latest));
    editions.forEach((published) => {
      const v = published.edition.version;
      pages.set(paths.edition(lang, v), renderEditionPage(published, published === latest, changes[v], lang));
      for (const dim of published.edition.dimensions)
        pages.set(paths.dimension(lang, v, dim.id), renderDimensionPage(published, dim, lang));
    });
    pages.set(paths.kpis(lang), renderKpiPage(kpi, editions, lang, latest));
    pages.set(paths.calendar(lang), renderCalendarPage(calendar, lang));
  }
  return new Map([...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ─── Sidebar (used by .vitepress/config.ts) ──────────────────────────────────────────────────────

const NAV = {
  vi: {
    guide: 'Hướng dẫn',
    start: 'Bắt đầu',
    concepts: 'Khái niệm',
    forms: 'Phiếu tự đánh giá, báo cáo',
    plan: 'Kế hoạch chuyển đổi số',
    releasing: 'Phát hành phiên bản mới',
    jre: 'Luật với json-rules-engine',
    kpi: 'KPI và lịch',
  },
  en: {
    guide: 'Guide',
    start: 'Getting started',
    concepts: 'Concepts',
    forms: 'Self-assessment forms, report',
    plan: 'Digital-transformation plans',
    releasing: 'Releasing an edition',
    jre: 'Rules with json-rules-engine',
    kpi: 'KPIs and calendar',
  },
};

/** The sidebar of one locale: guide pages, then every edition (newest first) with its dimensions, then KPIs. */
/**
 * @param {readonly Published[]} editions
 * @param {Lang} lang
 * @param {Published | undefined} latest
 */
export function sidebarFor(editions, lang, latest = editions.at(-1)) {
  const t = T[lang];
  const n = NAV[lang];
  const p = localePrefix(lang);
  return [
    {
      text: n.guide,
      items: [
        { text: n.start, link: `${p}/guide/getting-started` },
        { text: n.concepts, link: `${p}/guide/concepts` },
        { text: n.forms, link: `${p}/guide/forms` },
        { text: n.plan, link: `${p}/guide/plan` },
        { text: n.jre, link: `${p}/guide/json-rules-engine` },
        { text: n.releasing, link: `${p}/guide/releasing` },
      ],
    },
    {
      text: t.reference,
      items: [
        { text: t.editions, link: `${p}/reference/` },
        ...[...editions].reverse().map((pub) => ({
          text: `${t.edition} ${pub.edition.version}${pub === latest ? ` (${t.latest})` : ''}`,
          collapsed: pub !== latest,
          items: [
            { text: t.overview, link: `${p}/reference/${pub.edition.version}/` },
            ...pub.edition.dimensions.map((d) => ({
              text: d.name[lang],
              link: `${p}/reference/${pub.edition.version}/${d.id}`,
            })),
          ],
        })),
      ],
    },
    {
      text: n.kpi,
      items: [
        { text: t.kpiTitle, link: `${p}/kpi/` },
        { text: t.calendarTitle, link: `${p}/kpi/calendar` },
        { text: lang === 'vi' ? 'KPI bằng SQL' : 'KPIs as SQL', link: `${p}/kpi/sql` },
        { text: lang === 'vi' ? 'Định dạng dữ liệu đầu vào' : 'Input formats', link: `${p}/kpi/formats` },
        { text: t.score766Title, link: `${p}/kpi/score766` },
      ],
    },
  ];
}
