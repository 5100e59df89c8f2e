#!/usr/bin/env node
// CI check: the pending changesets' bump for @cdsx/criteria must be at least the bump the catalog
// changes require (latest edition against the last released one, from packages/criteria/release-baseline.json).
// Run from the repo root after `pnpm build`: `node scripts/release/check-bump.mjs [--cwd <dir>]`.
// Exit 0 when declared ≥ required, 1 otherwise, with every change that needs more. See packages/criteria/RELEASING.md.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { declaredBump, evaluate, PACKAGE, readBaseline } from './lib.mjs';

async function loadReadChangesets() {
  const mod = await import('@changesets/read');
  return mod.default?.default ?? mod.default;
}

/**
 * @param {{ cwd: string, criteria: object, readChangesets?: (cwd: string) => Promise<object[]>, log?: (s: string) => void }} options
 * @returns {Promise<number>} the exit code
 */
export async function main({ cwd, criteria, readChangesets, log = console.log }) {
  const { formatIssues } = criteria;
  const baseline = readBaseline(cwd);
  if (!baseline.ok) {
    log(
      `check-bump: ${PACKAGE}: tệp mốc phát hành không hợp lệ / invalid release baseline\n${formatIssues(baseline.issues)}`,
    );
    return 1;
  }
  let changesets;
  try {
    changesets = await (readChangesets ?? (await loadReadChangesets()))(cwd);
  } catch (e) {
    log(
      formatIssues([
        {
          path: '.changeset',
          code: 'changeset_unreadable',
          message: {
            vi: `không đọc được changeset: ${e.message.split('\n')[0]}`,
            en: `cannot read the changesets: ${e.message.split('\n')[0]}`,
          },
        },
      ]),
    );
    return 1;
  }
  const declared = declaredBump(changesets, criteria.compareBumps);
  const result = evaluate({ baseline: baseline.value, criteria, declared });
  for (const line of result.lines) log(`check-bump: ${line}`);
  if (result.ok) {
    log(`check-bump: ok — ${PACKAGE}: declared ${result.declared} ≥ required ${result.required}`);
    return 0;
  }
  log(`check-bump: FAILED\n${formatIssues(result.issues)}`);
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--cwd');
  const cwd = resolve(at > 0 ? process.argv[at + 1] : process.cwd());
  // The package root and its editions entry (the root holds no edition bodies).
  const criteria = { ...(await import('@cdsx/criteria')), ...(await import('@cdsx/criteria/editions')) };
  process.exitCode = await main({ cwd, criteria });
}
