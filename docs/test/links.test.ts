import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EDITIONS } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import { DOCS_ROOT, markdownFiles } from '../scripts/generate.mjs';
import { anchorsOf, checkLinks, linksOf, resolvePage, slugify } from '../scripts/links.mjs';
import { LANGS, sidebarFor } from '../scripts/render.mjs';

type SidebarItem = { link?: string; items?: SidebarItem[] };
const sidebarLinks = (items: SidebarItem[]): string[] =>
  items.flatMap((i) => [...(i.link ? [i.link] : []), ...sidebarLinks(i.items ?? [])]);

describe('internal links', () => {
  it('every internal link of every page reaches an existing page and anchor', async () => {
    const files = await markdownFiles();
    expect(files.length).toBeGreaterThan(20);
    expect(checkLinks(DOCS_ROOT, files)).toEqual([]);
  });

  it('every sidebar link reaches a page, in both locales', () => {
    for (const lang of LANGS) {
      const links = sidebarLinks(sidebarFor(EDITIONS, lang));
      expect(links.length).toBeGreaterThan(10);
      for (const link of links) {
        expect(resolvePage(DOCS_ROOT, 'index.md', link), link).not.toBeNull();
        if (lang === 'en') expect(link.startsWith('/en/'), link).toBe(true);
      }
    }
  });

  it('every Vietnamese page has its English page and the other way round', async () => {
    const files = await markdownFiles();
    const en = new Set(files.filter((f) => f.startsWith('en/')).map((f) => f.slice(3)));
    const vi = new Set(files.filter((f) => !f.startsWith('en/')));
    expect([...vi].filter((f) => !en.has(f))).toEqual([]);
    expect([...en].filter((f) => !vi.has(f))).toEqual([]);
  });
});

describe('link checker', () => {
  it('finds links in text, frontmatter and code snippets, and skips code blocks', () => {
    const md =
      '---\nhero:\n  actions:\n    - link: /guide/x\n---\n[a](./b.md#c) `[no](x.md)`\n```\n[no](y.md)\n```\n<<< @/examples/a.mjs{js}\n';
    expect(linksOf(md)).toEqual(['./b.md#c', '/guide/x', '@/examples/a.mjs']);
  });

  it('computes anchors like VitePress', () => {
    expect(slugify('Nhóm địa bàn')).toBe('nhom-đia-ban');
    expect(slugify('The decision record')).toBe('the-decision-record');
    expect([...anchorsOf('## A heading {#custom}\n## Plain `code` title\n')]).toEqual([
      'custom',
      'plain-code-title',
    ]);
  });

  it('reports missing pages, anchors and snippet files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cdsx-links-'));
    try {
      await mkdir(join(root, 'guide'));
      await writeFile(join(root, 'index.md'), '# Home\n');
      await writeFile(
        join(root, 'guide', 'a.md'),
        '# A {#top}\n[ok](../index.md) [ok](/guide/a#top) [ok](#top) [ext](https://example.org/x)\n' +
          '[bad](./b.md) [bad](/guide/a#nowhere) [bad](/en/) \n<<< @/examples/none.mjs\n',
      );
      expect(checkLinks(root, ['index.md', 'guide/a.md'])).toEqual([
        { file: 'guide/a.md', link: './b.md', problem: 'missing page' },
        { file: 'guide/a.md', link: '/guide/a#nowhere', problem: 'missing anchor' },
        { file: 'guide/a.md', link: '/en/', problem: 'missing page' },
        { file: 'guide/a.md', link: '@/examples/none.mjs', problem: 'missing file' },
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
