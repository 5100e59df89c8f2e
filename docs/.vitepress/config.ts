import { EDITIONS, latestEdition } from '@cdsx/criteria/editions';
import { defineConfig } from 'vitepress';
import { sidebarFor } from '../scripts/render.mjs';

// Vietnamese is the root locale, English lives under /en/. Everything is local: no remote fonts,
// no hosted search (the built-in local search index is built with the site).
export default defineConfig({
  title: 'cdsx',
  description: 'Mô hình chuyển đổi số cấp xã — bộ tiêu chí, quy tắc xếp mức và KPI dưới dạng phần mềm',
  cleanUrls: true,
  lastUpdated: false,
  srcExclude: ['examples/**', 'test/**', 'scripts/**', 'README.md'],
  head: [['meta', { name: 'theme-color', content: '#1e6b52' }]],
  markdown: { lineNumbers: false },
  themeConfig: {
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
  locales: {
    root: {
      label: 'Tiếng Việt',
      lang: 'vi',
      themeConfig: {
        nav: [
          { text: 'Hướng dẫn', link: '/guide/getting-started' },
          { text: 'Bộ tiêu chí', link: '/reference/' },
          { text: 'Kiến trúc', link: '/reference/architecture/' },
          { text: 'KPI', link: '/kpi/' },
        ],
        sidebar: sidebarFor(EDITIONS, 'vi', latestEdition),
        outline: { label: 'Trên trang này', level: [2, 3] },
        docFooter: { prev: 'Trang trước', next: 'Trang sau' },
        langMenuLabel: 'Ngôn ngữ',
        returnToTopLabel: 'Về đầu trang',
        sidebarMenuLabel: 'Mục lục',
        darkModeSwitchLabel: 'Giao diện',
      },
    },
    en: {
      label: 'English',
      lang: 'en',
      link: '/en/',
      themeConfig: {
        nav: [
          { text: 'Guide', link: '/en/guide/getting-started' },
          { text: 'Criteria', link: '/en/reference/' },
          { text: 'Architecture', link: '/en/reference/architecture/' },
          { text: 'KPIs', link: '/en/kpi/' },
        ],
        sidebar: sidebarFor(EDITIONS, 'en', latestEdition),
      },
    },
  },
});
