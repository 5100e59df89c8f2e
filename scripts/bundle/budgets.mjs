#!/usr/bin/env node
// Bundle budgets: what a vendor's browser bundle pays for each way of using @cdsx/criteria and @cdsx/rules.
// Each file in consumers/ is bundled from the packages' built dist/ (their published exports) with esbuild
// (browser, ESM, minified, tree-shaken, split like an app build), then its initial chunks are gzipped at level 9 with node:zlib. A budget is exceeded when
// either the minified or the gzipped size passes its limit in budgets.json.
// Usage: node scripts/bundle/budgets.mjs [--json]   (build the packages first: pnpm turbo run build --filter=@cdsx/rules...)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const editionsDir = join(root, 'packages', 'criteria', 'src', 'editions');
const EDITION_TITLES = readdirSync(editionsDir)
  .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
  .map((f) => ({
    version: f.slice(0, -5),
    title: JSON.parse(readFileSync(join(editionsDir, f), 'utf8')).title.en,
  }));

/**
 * Bundle one consumer file with code splitting, as a browser app is built: what loads up front is the entry
 * chunk and the chunks it imports statically; `import()`ed chunks (edition bodies from loadEdition) load
 * later and are reported apart. Returns sizes in bytes and the modules in the initial chunks.
 */
export async function measureConsumer(file) {
  const r = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    splitting: true,
    outdir: join(root, 'node_modules', '.bundle-budgets'),
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
  });
  const outputs = r.metafile.outputs;
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  const initial = new Set();
  const visit = (k) => {
    if (initial.has(k)) return;
    initial.add(k);
    for (const i of outputs[k].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(entry);
  const contents = new Map(r.outputFiles.map((o) => [relative(root, o.path), o.contents]));
  let min = 0;
  let gzip = 0;
  let lazy = 0;
  for (const k of Object.keys(outputs)) {
    const code = contents.get(k);
    if (!code) continue;
    if (initial.has(k)) {
      min += code.length;
      gzip += gzipSync(code, { level: 9 }).length;
    } else lazy += code.length;
  }
  const inputs = [...initial].flatMap((k) => Object.keys(outputs[k].inputs));
  // Which edition bodies load up front: each edition's English title appears only in its body.
  const text = [...initial].map((k) => new TextDecoder().decode(contents.get(k))).join('\n');
  const editions = EDITION_TITLES.filter((e) => text.includes(e.title)).map((e) => e.version);
  return { min, gzip, lazy, inputs, editions };
}

export async function measureAll() {
  const budgets = JSON.parse(readFileSync(join(here, 'budgets.json'), 'utf8'));
  const rows = [];
  for (const [name, b] of Object.entries(budgets.consumers)) {
    const m = await measureConsumer(join(here, 'consumers', `${name}.mjs`));
    const { editions } = m;
    const zod = m.inputs.some((i) => i.includes('/zod/'));
    rows.push({
      name,
      ...m,
      budget: b,
      zod,
      ok: m.min <= b.minKb * 1024 && m.gzip <= b.gzipKb * 1024 && editions.length <= b.maxEditions,
      editions,
    });
  }
  return rows;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await measureAll();
  if (process.argv.includes('--json'))
    console.log(
      JSON.stringify(
        rows.map(({ inputs, ...r }) => r),
        null,
        2,
      ),
    );
  else
    for (const r of rows)
      console.log(
        `${r.ok ? 'ok  ' : 'OVER'} ${r.name.padEnd(16)} ${kb(r.min).padStart(9)} min (≤ ${r.budget.minKb} KB)  ${kb(r.gzip).padStart(8)} gzip (≤ ${r.budget.gzipKb} KB)  lazy ${kb(r.lazy)}  zod: ${r.zod ? 'yes' : 'no'}  editions: ${r.editions.length} (≤ ${r.budget.maxEditions})`,
      );
  const over = rows.filter((r) => !r.ok);
  if (over.length) {
    console.error(
      `bundle budget exceeded: ${over.map((r) => r.name).join(', ')} (see scripts/bundle/budgets.json)`,
    );
    process.exitCode = 1;
  }
}
