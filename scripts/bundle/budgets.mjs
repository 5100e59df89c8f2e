#!/usr/bin/env node
// Bundle budgets: what a vendor's browser bundle pays for each way of using @cdsx/criteria and @cdsx/rules.
// Each file in consumers/ is bundled from the packages' built dist/ (their published exports) with esbuild
// (browser, ESM, minified, tree-shaken), then gzipped at level 9 with node:zlib. A budget is exceeded when
// either the minified or the gzipped size passes its limit in budgets.json.
// Usage: node scripts/bundle/budgets.mjs [--json]   (build the packages first: pnpm turbo run build --filter=@cdsx/rules...)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** Bundle one consumer file; returns its minified and gzipped sizes in bytes and the inputs it pulled in. */
export async function measureConsumer(file) {
  const r = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    // The workspace packages resolve through the root's node_modules links to their published exports.

    absWorkingDir: root,
  });
  const code = r.outputFiles[0].contents;
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    inputs: Object.keys(r.metafile.inputs),
  };
}

export async function measureAll() {
  const budgets = JSON.parse(readFileSync(join(here, 'budgets.json'), 'utf8'));
  const rows = [];
  for (const [name, b] of Object.entries(budgets.consumers)) {
    const m = await measureConsumer(join(here, 'consumers', `${name}.mjs`));
    const editions = m.inputs.filter((i) => /editions\/\d+\.\d+\.\d+\.json$|dist\/editions\//.test(i));
    const zod = m.inputs.some((i) => i.includes('/zod/'));
    rows.push({
      name,
      ...m,
      budget: b,
      zod,
      ok: m.min <= b.minKb * 1024 && m.gzip <= b.gzipKb * 1024,
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
        `${r.ok ? 'ok  ' : 'OVER'} ${r.name.padEnd(16)} ${kb(r.min).padStart(9)} min (≤ ${r.budget.minKb} KB)  ${kb(r.gzip).padStart(8)} gzip (≤ ${r.budget.gzipKb} KB)  zod: ${r.zod ? 'yes' : 'no'}`,
      );
  const over = rows.filter((r) => !r.ok);
  if (over.length) {
    console.error(
      `bundle budget exceeded: ${over.map((r) => r.name).join(', ')} (see scripts/bundle/budgets.json)`,
    );
    process.exitCode = 1;
  }
}
