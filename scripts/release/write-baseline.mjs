#!/usr/bin/env node
// The version step's second half: after `changeset version`, record the released @cdsx/criteria version
// and its latest edition (version + content hash) in packages/criteria/release-baseline.json, the
// catalog the next release is compared with by check-bump.mjs. Run from the repo root after building
// @cdsx/criteria. See packages/criteria/RELEASING.md.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BASELINE_PATH, writeBaseline } from './lib.mjs';

export { writeBaseline };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--cwd');
  const cwd = resolve(at > 0 ? process.argv[at + 1] : process.cwd());
  const value = writeBaseline(cwd, await import('@cdsx/criteria/editions'));
  console.log(
    `write-baseline: ${BASELINE_PATH}: ${value.package}@${value.version}, edition ${value.edition.version} (${value.edition.contentHash})`,
  );
}
