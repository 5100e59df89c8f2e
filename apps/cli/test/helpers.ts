import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The built CLI: these tests run it as users do, as a separate Node process. */
export const CLI = fileURLToPath(new URL('../dist/cdsx.js', import.meta.url));
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const EXAMPLES = join(REPO, 'packages/criteria/examples');

if (!existsSync(CLI)) {
  throw new Error(
    `${CLI} is missing: run \`pnpm build\` (or \`pnpm --filter @cdsx/cli... run build\`) before the CLI tests`,
  );
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `cdsx <args>` with optional stdin, in `cwd`; colour and CI settings controlled. */
export function cdsx(
  args: readonly string[],
  options: { input?: string; cwd?: string; env?: Record<string, string> } = {},
): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Run a shell pipeline (`sh -c`), with `cdsx` standing for the built CLI. */
export function shell(script: string, cwd = REPO): Run {
  const r = spawnSync('sh', ['-c', script.replaceAll('cdsx ', `"${process.execPath}" "${CLI}" `)], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary directory removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdsx-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Stack-trace lines (`    at fn (file:1:2)`): a user error must never print one without --debug. */
export const STACK = /^\s+at .+:\d+:\d+\)?$/m;
