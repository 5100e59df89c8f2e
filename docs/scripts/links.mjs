// Internal link checker for the docs' markdown: every link to a page of this site (relative or absolute,
// with or without an anchor) must reach an existing page, and its anchor an existing heading.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** VitePress's heading slug (@mdit-vue/shared `slugify`), for headings without an explicit `{#id}`. */
export function slugify(text) {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036F]/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: VitePress strips control characters too
      .replace(/[\u0000-\u001f]/g, '')
      .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^(\d)/, '_$1')
      .toLowerCase()
  );
}

const stripFences = (md) => md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
const stripCode = (md) => stripFences(md).replace(/`[^`\n]*`/g, '``');

/** Anchors a page offers: explicit `{#id}` on headings, else the slug of the heading text. */
export function anchorsOf(markdown) {
  const anchors = new Set();
  for (const line of stripFences(markdown).split('\n')) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    const explicit = /\{#([^}\s]+)\}\s*$/.exec(m[1]);
    if (explicit) anchors.add(explicit[1]);
    else anchors.add(slugify(m[1].replace(/`/g, '')));
  }
  return anchors;
}

/** Every link target in a markdown page: `[text](target)`, frontmatter `link:` values, `<<< @/file` snippets. */
export function linksOf(markdown) {
  const links = [];
  const body = stripCode(markdown);
  for (const m of body.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) links.push(m[1]);
  const fm = /^---\n([\s\S]*?)\n---/.exec(markdown);
  if (fm) for (const m of fm[1].matchAll(/^\s*(?:-\s+)?link:\s*(\S+)\s*$/gm)) links.push(m[1]);
  for (const m of markdown.matchAll(/^<<<\s+@\/([^\s{#]+)/gm)) links.push(`@/${m[1]}`);
  return links;
}

const isExternal = (href) => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');

/** The markdown file a site path resolves to (`/kpi/` → `kpi/index.md`), or null. */
export function resolvePage(root, fromFile, pathPart) {
  const base = pathPart.startsWith('/') ? join(root, pathPart) : join(root, dirname(fromFile), pathPart);
  const rel = relative(root, normalize(base));
  if (rel.startsWith('..')) return null;
  const p = rel
    .split(sep)
    .join('/')
    .replace(/\.html$/, '');
  const candidates =
    pathPart.endsWith('/') || p === ''
      ? [`${p}/index.md`.replace(/^\//, '')]
      : p.endsWith('.md')
        ? [p]
        : [`${p}.md`, `${p}/index.md`];
  return candidates.find((c) => existsSync(join(root, c))) ?? null;
}

/**
 * Check the internal links of the given pages. Returns one problem per broken link:
 * `{ file, link, problem }` with problem `missing page`, `missing file` or `missing anchor`.
 */
export function checkLinks(root, files) {
  const problems = [];
  const anchorCache = new Map();
  const anchors = (file) => {
    if (!anchorCache.has(file)) anchorCache.set(file, anchorsOf(readFileSync(join(root, file), 'utf8')));
    return anchorCache.get(file);
  };
  for (const file of files) {
    for (const link of linksOf(readFileSync(join(root, file), 'utf8'))) {
      if (isExternal(link)) continue;
      if (link.startsWith('@/')) {
        if (!existsSync(join(root, link.slice(2)))) problems.push({ file, link, problem: 'missing file' });
        continue;
      }
      const [pathPart, anchor] = link.split('#', 2);
      const target = pathPart === '' ? file : resolvePage(root, file, pathPart);
      if (!target) {
        problems.push({ file, link, problem: 'missing page' });
        continue;
      }
      if (anchor && !anchors(target).has(decodeURIComponent(anchor)))
        problems.push({ file, link, problem: 'missing anchor' });
    }
  }
  return problems;
}
