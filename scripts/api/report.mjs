#!/usr/bin/env node
// API reports: one API Extractor report per entry point of each published package, checked in under
// packages/<name>/api/, so every change to the public surface shows up in review.
//   node scripts/api/report.mjs           compare the built declarations with the checked-in reports (pnpm check:api)
//   node scripts/api/report.mjs --update  rewrite the reports (pnpm api:update)
// Reads the ESM declaration files (dist/**/*.d.ts) that tsup writes: build the packages first.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKAGES = ['criteria', 'rules', 'kpi', 'forms', 'score766', 'architecture', 'plan'];
const update = process.argv.includes('--update');

/** Each `exports` subpath with its ESM declaration file: ['.', 'dist/index.d.ts'], ['./node', …]. */
function entryPoints(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  return Object.entries(pkg.exports)
    .filter(([, v]) => v && typeof v === 'object' && v.import?.types)
    .map(([sub, v]) => [sub, v.import.types.replace(/^\.\//, ''), pkg.name]);
}

const reportName = (sub) => (sub === '.' ? 'index' : sub.slice(2).replaceAll('/', '-'));

let failed = 0;
for (const name of PACKAGES) {
  const pkgDir = join(root, 'packages', name);
  const apiDir = join(pkgDir, 'api');
  const tmp = join(pkgDir, 'node_modules', '.api-extractor');
  mkdirSync(apiDir, { recursive: true });
  for (const [sub, types, pkgName] of entryPoints(pkgDir)) {
    const entry = join(pkgDir, types);
    if (!existsSync(entry)) {
      console.error(`${pkgName}${sub.slice(1)}: ${types} is missing — build the package first`);
      failed++;
      continue;
    }
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: pkgDir,
        mainEntryPointFilePath: entry,
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: 'es2022',
              module: 'esnext',
              moduleResolution: 'bundler',
              strict: true,
              skipLibCheck: true,
              lib: ['es2023', 'dom'],
              types: ['node'],
              typeRoots: [join(root, 'node_modules', '@types')],
            },
            files: [entry],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: `${reportName(sub)}.api.md`,
          reportFolder: apiDir,
          reportTempFolder: tmp,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          // The reports list the surface; doc-comment style is not what they guard.
          extractorMessageReporting: {
            default: { logLevel: 'none', addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
          compilerMessageReporting: { default: { logLevel: 'warning' } },
        },
      },
      configObjectFullPath: join(pkgDir, 'api-extractor.json'),
      packageJsonFullPath: join(pkgDir, 'package.json'),
    });
    const result = Extractor.invoke(config, {
      localBuild: update,
      showVerboseMessages: false,
      messageCallback: (m) => {
        if (m.logLevel === 'warning' || m.logLevel === 'error') {
          // Report differences are judged below, on the normalised text.
          if (String(m.messageId).startsWith('console-api-report')) {
            m.handled = true;
            return;
          }
          console.error(`${pkgName}${sub.slice(1)}: ${m.text}`);
        }
        m.handled = true;
      },
    });
    const label = `${pkgName}${sub === '.' ? '' : sub.slice(1)}`;
    const reportFile = join(apiDir, `${reportName(sub)}.api.md`);
    const fresh = join(tmp, `${reportName(sub)}.api.md`);
    let changed = result.apiReportChanged;
    if (existsSync(fresh) && existsSync(reportFile)) {
      // TypeScript prints the members of a zod enum's object type in type-creation order, which is not
      // stable between builds: compare (and store) the reports with such member runs sorted.
      const a = normalizeReport(readFileSync(reportFile, 'utf8'));
      const b = normalizeReport(readFileSync(fresh, 'utf8'));
      changed = a !== b;
      if (update) writeFileSync(reportFile, b);
    } else if (update && existsSync(reportFile)) {
      writeFileSync(reportFile, normalizeReport(readFileSync(reportFile, 'utf8')));
    }
    if (changed && !update) {
      if (existsSync(fresh))
        printFirstDifference(readFileSync(reportFile, 'utf8'), readFileSync(fresh, 'utf8'));
      console.error(
        `API changed: ${label} — review and run pnpm api:update (report: packages/${name}/api/${reportName(sub)}.api.md)`,
      );
      failed++;
    } else if (result.errorCount > 0 && !update) {
      console.error(`API report failed: ${label}`);
      failed++;
    } else console.log(`${update && changed ? 'updated' : 'ok     '} ${label}`);
  }
  rmSync(tmp, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;

/** Sort each run of consecutive enum-member lines (`    name: "name";`), the one unstable part of a report. */
function normalizeReport(text) {
  const lines = text.split('\n');
  const out = [];
  let run = [];
  // API Extractor writes CRLF line endings: the optional \r keeps the pattern matching them.
  const member = /^\s+("?)([\w-]+)\1: "\2";\r?$/;
  const flush = () => {
    out.push(...run.sort());
    run = [];
  };
  for (const line of lines) {
    if (member.test(line)) run.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}

/** Print where the checked-in and the fresh report first part, so a CI log shows what changed. */
function printFirstDifference(checkedIn, fresh) {
  const a = normalizeReport(checkedIn).split('\n');
  const b = normalizeReport(fresh).split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  const from = Math.max(0, (at < 0 ? a.length : at) - 2);
  console.error(`  first difference at line ${(at < 0 ? a.length : at) + 1}:`);
  for (const line of a.slice(from, from + 6)) console.error(`  - ${line.trimEnd()}`);
  for (const line of b.slice(from, from + 6)) console.error(`  + ${line.trimEnd()}`);
}
