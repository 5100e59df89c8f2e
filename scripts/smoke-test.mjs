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
  // The command line, packed like the libraries, installed into a fresh folder of its own with the
  // library tarballs (its @cdsx dependencies resolve to them, not to the workspace), run through npx
  // from a directory that is not the install folder's parent: paths resolve against the user's cwd.
  const cliDir = join(root, 'apps/cli');
  if (existsSync(join(cliDir, 'dist/cdsx.js'))) {
    const cliTarball = resolve(
      cliDir,
      run('pnpm', ['pack', '--pack-destination', packDir], cliDir).trim().split('\n').pop(),
    );
    const tool = join(work, 'tool');
    run('mkdir', ['-p', tool]);
    writeFileSync(
      join(tool, 'package.json'),
      JSON.stringify({ name: 'official', private: true, version: '1.0.0' }),
    );
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', cliTarball, ...tarballs], tool);
    const cdsx = (args, cwd = tool, input) =>
      execFileSync('npx', ['--no-install', 'cdsx', ...args], {
        cwd,
        encoding: 'utf8',
        input,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    const help = cdsx(['--help', '--lang', 'en']);
    if (!help.includes('cdsx assess')) throw new Error(`smoke: npx cdsx --help lists no commands:\n${help}`);
    const version = cdsx(['--version']).split('\n')[0];
    const cliVersion = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')).version;
    if (version !== `cdsx ${cliVersion}`) throw new Error(`smoke: cdsx --version printed ${version}`);
    // A user's own file, given relative to the directory the command runs in.
    const data = join(tool, 'data');
    run('mkdir', ['-p', data]);
    copyFileSync(
      join(root, 'packages/criteria/examples/valid/urban-ward-quarter.json'),
      join(data, 'xa.json'),
    );
    const decided = JSON.parse(
      execFileSync(join(tool, 'node_modules/.bin/cdsx'), ['assess', 'xa.json', '--format', 'json'], {
        cwd: data,
        encoding: 'utf8',
      }),
    );
    if (decided[0]?.commune?.code !== '25747') throw new Error('smoke: cdsx assess from the tarball failed');
    try {
      execFileSync(join(tool, 'node_modules/.bin/cdsx'), ['assess', 'missing.json'], {
        cwd: data,
        stdio: 'pipe',
      });
      throw new Error('smoke: a missing file did not fail');
    } catch (e) {
      const stderr = String(e.stderr ?? '');
      if (!stderr.includes(join(data, 'missing.json')))
        throw new Error(`smoke: missing file message: ${stderr}`);
    }
    // No workspace path at run time: the installed CLI resolves @cdsx/* inside the tool folder.
    const resolved = execFileSync(
      'node',
      [
        '-e',
        "console.log(require.resolve('@cdsx/rules', { paths: [require.resolve('@cdsx/cli/package.json')] }))",
      ],
      { cwd: tool, encoding: 'utf8' },
    ).trim();
    if (!resolved.startsWith(tool))
      throw new Error(`smoke: @cdsx/rules resolved outside the install: ${resolved}`);
    console.log(`smoke: ok  npx cdsx --help / --version (${version}) / assess from the packed @cdsx/cli`);
  }
  console.log('smoke: all packed packages install, load from CJS and ESM, and type-check');
} finally {
  if (keep) console.log(`smoke: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
