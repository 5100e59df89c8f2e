#!/usr/bin/env node
// The only writer of the generated reference pages. Reads the BUILT packages (@cdsx/criteria, @cdsx/kpi),
// renders every page (./render.mjs) and writes them — or, with --check, fails when any committed page
// differs from what the data gives, is missing, or is an orphan (a generated page no longer produced).
//
//   node scripts/generate.mjs          write the pages
//   node scripts/generate.mjs --check  verify only (CI, `build`)
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { latestArchitecture } from '@cdsx/architecture';
import { describeChange, diffCatalogs } from '@cdsx/criteria';
import { crosswalkBetween, EDITIONS, latestEdition } from '@cdsx/criteria/editions';
import {
  CALENDAR_RULE_SOURCES,
  KPI_DEFINITIONS,
  KPI_IDS,
  KPI_TARGETS,
  OFFICIAL_CALENDAR_DECISIONS,
  STATUTORY_HOLIDAYS,
  vietnamCalendar,
} from '@cdsx/kpi';
import { renderArchitecturePages } from './architecture.mjs';
import { GENERATED_MARKER, renderPages } from './render.mjs';

export const DOCS_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What changed in each edition against the one before it (`diffCatalogs`, with the published crosswalk when
 * there is one), described by `describeChange`: version → { from, changes }.
 */
export function editionChanges(editions = EDITIONS) {
  /** @type {Record<string, { from: string, changes: { criterion: string | null, text: { vi: string, en: string } }[] }>} */
  const out = {};
  for (let i = 1; i < editions.length; i++) {
    const a = editions[i - 1].edition;
    const b = editions[i].edition;
    const crosswalk = crosswalkBetween(a.version, b.version);
    const diff = diffCatalogs(a, b, crosswalk.ok ? crosswalk.value : undefined);
    out[b.version] = {
      from: a.version,
      changes: diff.changes
        .filter((c) => c.type !== 'edition_added')
        .map((c) => ({ criterion: c.criterion ?? null, text: describeChange(c) })),
    };
  }
  return out;
}

/** The data the generated pages are made from, straight from the packages' exports. */
export function siteData() {
  return {
    editions: EDITIONS,
    latest: latestEdition,
    changes: editionChanges(EDITIONS),
    kpi: { ids: KPI_IDS, definitions: KPI_DEFINITIONS, targets: KPI_TARGETS },
    calendar: {
      holidays: STATUTORY_HOLIDAYS,
      ruleSources: CALENDAR_RULE_SOURCES,
      decisions: OFFICIAL_CALENDAR_DECISIONS,
      daysOff: (year) => vietnamCalendar.daysOff(year),
      workingWeekendDays: (year) => vietnamCalendar.workingWeekendDays(year),
    },
  };
}

/** Every page the data gives: docs-relative path → markdown. */
export function expectedPages() {
  const pages = renderPages(siteData());
  for (const [path, text] of renderArchitecturePages({
    architecture: latestArchitecture,
    editions: EDITIONS,
  }))
    pages.set(path, text);
  return pages;
}

/** Markdown files under the docs root (not node_modules, not .vitepress), as docs-relative posix paths. */
export async function markdownFiles(root = DOCS_ROOT) {
  const out = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.md')) out.push(relative(root, full).split(sep).join('/'));
    }
  }
  await walk(root);
  return out.sort();
}

/** Compare the committed pages with the data: stale, missing and orphaned generated pages. */
export async function checkPages(root = DOCS_ROOT, pages = expectedPages()) {
  const problems = [];
  for (const [path, text] of pages) {
    let actual;
    try {
      actual = await readFile(join(root, path), 'utf8');
    } catch {
      problems.push({ path, problem: 'missing' });
      continue;
    }
    if (actual !== text) problems.push({ path, problem: 'stale' });
  }
  for (const path of await markdownFiles(root)) {
    if (pages.has(path)) continue;
    const text = await readFile(join(root, path), 'utf8');
    if (text.includes(GENERATED_MARKER)) problems.push({ path, problem: 'orphan' });
  }
  return problems;
}

/** Write every page; remove generated pages the data no longer gives. Returns the paths written. */
export async function writePages(root = DOCS_ROOT, pages = expectedPages()) {
  for (const { path, problem } of await checkPages(root, pages)) {
    if (problem === 'orphan') await rm(join(root, path));
  }
  const written = [];
  for (const [path, text] of pages) {
    const file = join(root, path);
    let current = null;
    try {
      current = await readFile(file, 'utf8');
    } catch {}
    if (current === text) continue;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    written.push(path);
  }
  return written;
}

async function main(argv) {
  if (argv.includes('--check')) {
    const problems = await checkPages();
    if (problems.length) {
      console.error(
        'Các trang tài liệu sinh tự động không khớp dữ liệu / generated docs pages do not match the data:\n' +
          problems.map((p) => `  ${p.path}: ${p.problem}`).join('\n') +
          '\nChạy / run: pnpm --filter @cdsx/docs generate',
      );
      process.exitCode = 1;
      return;
    }
    console.log(`docs: ${expectedPages().size} generated pages up to date`);
    return;
  }
  const written = await writePages();
  console.log(
    `docs: ${written.length} page(s) written${written.length ? `:\n  ${written.join('\n  ')}` : ''}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main(process.argv.slice(2));
