#!/usr/bin/env node
// Publishing smoke test: pack every published @cdsx package, install the tarballs into a fresh temporary
// project (as a vendor would), then require() every entry point from CommonJS, import() it from ESM,
// check both module systems expose the same API, and type-check consumer files under
// moduleResolution node16 and bundler. Run after `pnpm build`.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const pkgs = readdirSync(join(root, 'packages'))
  .map((dir) => ({
    dir: join(root, 'packages', dir),
    json: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
  }))
  .filter((p) => !p.json.private && existsSync(join(p.dir, 'dist')));
if (!pkgs.length) throw new Error('smoke: nothing built — run `pnpm build` first');

const work = mkdtempSync(join(tmpdir(), 'cdsx-smoke-'));
const packDir = join(work, 'tarballs');
const app = join(work, 'app');
try {
  const tarballs = pkgs.map((p) => {
    const out = run('pnpm', ['pack', '--pack-destination', packDir], p.dir).trim().split('\n').pop();
    return resolve(p.dir, out);
  });
  run('mkdir', ['-p', app]);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'vendor-app', private: true, version: '1.0.0' }),
  );
  const zod = JSON.parse(
    readFileSync(join(root, 'node_modules/.pnpm/node_modules/zod/package.json'), 'utf8'),
  ).version;
  console.log(`smoke: installing ${tarballs.length} tarballs + zod@${zod} into ${app}`);
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...tarballs,
      `zod@${zod}`,
      'typescript@5.9.3',
      '@types/node@20',
    ],
    app,
  );

  const entries = [];
  for (const p of pkgs) {
    for (const key of Object.keys(p.json.exports)) {
      if (key.includes('*') || key === './package.json') continue;
      entries.push(key === '.' ? p.json.name : `${p.json.name}/${key.slice(2)}`);
    }
  }
  // CommonJS and ESM must both load every entry and expose the same names.
  writeFileSync(
    join(app, 'check.cjs'),
    `const out = {};\nfor (const e of ${JSON.stringify(entries)}) out[e] = Object.keys(require(e)).sort();\nconsole.log(JSON.stringify(out));\n`,
  );
  writeFileSync(
    join(app, 'check.mjs'),
    `const out = {};\nfor (const e of ${JSON.stringify(entries)}) out[e] = Object.keys(await import(e)).filter((k) => k !== 'default' && k !== 'module.exports').sort();\nconsole.log(JSON.stringify(out));\n`,
  );
  const cjs = JSON.parse(run('node', ['check.cjs'], app));
  const esm = JSON.parse(run('node', ['check.mjs'], app));
  for (const e of entries) {
    if (!cjs[e]?.length) throw new Error(`smoke: require('${e}') exposes nothing`);
    if (JSON.stringify(cjs[e]) !== JSON.stringify(esm[e])) {
      throw new Error(`smoke: ${e} differs between CJS and ESM:\n  cjs ${cjs[e]}\n  esm ${esm[e]}`);
    }
    console.log(`smoke: ok  ${e}  (${cjs[e].length} exports, CJS = ESM)`);
  }

  // Behaviour through the packed packages, from both module systems.
  for (const file of readdirSync(join(root, 'scripts/smoke')).filter((f) => /\.(cjs|mjs)$/.test(f))) {
    copyFileSync(join(root, 'scripts/smoke', file), join(app, file));
    process.stdout.write(run('node', [file], app));
  }

  // Type-check consumer files under both resolutions vendors use.
  const consumers = readdirSync(join(root, 'scripts/smoke')).filter((f) => f.endsWith('.ts'));
  for (const f of consumers) copyFileSync(join(root, 'scripts/smoke', f), join(app, f));
  for (const [name, options] of [
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ]) {
    writeFileSync(
      join(app, `tsconfig.${name}.json`),
      JSON.stringify({
        compilerOptions: {
          ...options,
          strict: true,
          noEmit: true,
          target: 'es2022',
          types: ['node'],
          skipLibCheck: false,
        },
        files: consumers,
      }),
    );
    run(join(app, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${name}.json`], app);
    console.log(`smoke: ok  type-check of ${consumers.join(', ')} under moduleResolution ${name}`);
  }
  console.log('smoke: all packed packages install, load from CJS and ESM, and type-check');
} finally {
  if (keep) console.log(`smoke: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
