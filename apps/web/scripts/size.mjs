#!/usr/bin/env node
// Initial JavaScript of the built site, gzipped: the entry chunk named by dist/index.html and every chunk it
// imports statically (from Vite's manifest), each gzipped on its own with node:zlib at level 9 — what a browser
// downloads before the page can run. Lazy chunks (the province view, the CSV parser) are listed apart.
// Usage: node scripts/size.mjs [--json]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// Measured initial JS (gzip): 222.6 kB with two editions; 264.7 kB with three, while @cdsx/rules imported
// every edition body (the budget was raised to 275 kB then); 202.4 kB once @cdsx/rules stopped (issue 18):
// only the edition shown first (latest) loads up front, others are lazy chunks fetched by loadEdition, so a
// new edition no longer grows the initial JS.
export const BUDGET_KB = 250;

/** Sizes of the built site's initial JS and lazy chunks (bytes raw and gzipped). */
export function measure(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`${manifestPath} is missing: build with build.manifest = true`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entryScript = html.match(/<script[^>]+type="module"[^>]+src="([^"]+)"/)?.[1];
  if (!entryScript) throw new Error('no module script in dist/index.html');
  const entryFile = entryScript.replace(/^\.?\//, '');
  const entryKey = Object.keys(manifest).find((k) => manifest[k].file === entryFile);
  if (!entryKey) throw new Error(`${entryFile} is not in the manifest`);

  const initial = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  visit(entryKey);
  const lazy = new Set(
    Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => f.endsWith('.js') && !initial.has(f)),
  );
  const sizeOf = (file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const initialFiles = [...initial].sort().map(sizeOf);
  const lazyFiles = [...lazy].sort().map(sizeOf);
  const total = initialFiles.reduce((s, f) => s + f.gzip, 0);
  return { initial: initialFiles, lazy: lazyFiles, initialGzipKb: total / 1024, budgetKb: BUDGET_KB };
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const r = measure(dist);
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else {
    for (const f of r.initial) console.log(`initial  ${f.file}  ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
    for (const f of r.lazy) console.log(`lazy     ${f.file}  ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
    console.log(`initial JS (gzip): ${r.initialGzipKb.toFixed(1)} kB (budget ${r.budgetKb} kB)`);
  }
}
