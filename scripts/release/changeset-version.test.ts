import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import readChangesetsModule from '@changesets/read';
import { afterAll, describe, expect, it } from 'vitest';

// `changeset version` (the installed CLI) on a temporary copy of the repo's release-relevant files:
// the resulting versions and CHANGELOG entries must follow the pending changesets.
const root = resolve(__dirname, '../..');
const readChangesets = ((readChangesetsModule as { default?: unknown }).default ?? readChangesetsModule) as (
  cwd: string,
) => Promise<Array<{ id: string; summary: string; releases: Array<{ name: string; type: string }> }>>;

const RANK = ['patch', 'minor', 'major'];
/** semver increment, as changesets applies it (a major from 0.x goes to 1.0.0). */
function inc(version: string, bump: string): string {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

const workspaceDirs = ['packages', 'apps']
  .flatMap((d) => readdirSync(join(root, d)).map((x) => `${d}/${x}`))
  .concat('docs')
  .filter((d) => existsSync(join(root, d, 'package.json')));

const tmp = mkdtempSync(join(tmpdir(), 'cdsx-changeset-version-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('changeset version on a copy of the repo', async () => {
  for (const f of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, f), join(tmp, f));
  cpSync(join(root, '.changeset'), join(tmp, '.changeset'), { recursive: true });
  for (const d of workspaceDirs) {
    mkdirSync(join(tmp, d), { recursive: true });
    cpSync(join(root, d, 'package.json'), join(tmp, d, 'package.json'));
  }
  symlinkSync(join(root, 'node_modules'), join(tmp, 'node_modules'), 'dir');
  // A known edition changeset, so the major-bump and changelog checks run whatever is pending in the repo
  // (they used to switch themselves off once the release that consumed the real one was cut).
  writeFileSync(
    join(tmp, '.changeset', 'zz-test-edition-major.md'),
    "---\n'@cdsx/criteria': major\n---\n\nTest edition changeset: criteria edition `9.9.9`.\n",
  );

  const pending = await readChangesets(tmp);
  const before = new Map(
    workspaceDirs.map((d) => {
      const pkg = JSON.parse(readFileSync(join(tmp, d, 'package.json'), 'utf8'));
      return [pkg.name as string, { dir: d, version: pkg.version as string }];
    }),
  );
  const bumpOf = new Map<string, string>();
  for (const cs of pending)
    for (const r of cs.releases)
      if (RANK.indexOf(r.type) > RANK.indexOf(bumpOf.get(r.name) ?? '')) bumpOf.set(r.name, r.type);

  execFileSync(join(root, 'node_modules/.bin/changeset'), ['version'], { cwd: tmp, stdio: 'pipe' });
  const versionAfter = (name: string) =>
    JSON.parse(readFileSync(join(tmp, before.get(name)!.dir, 'package.json'), 'utf8')).version as string;

  it('consumes every pending changeset', () => {
    expect(
      readdirSync(join(tmp, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md'),
    ).toEqual([]);
  });

  it('bumps each package by the largest bump its changesets declare', () => {
    expect(bumpOf.size).toBeGreaterThan(0);
    for (const [name, bump] of bumpOf)
      expect(versionAfter(name), name).toBe(inc(before.get(name)!.version, bump));
  });

  it('takes @cdsx/criteria to the next major with an edition changeset', () => {
    expect(pending.some((c) => c.id === 'zz-test-edition-major')).toBe(true);
    expect(bumpOf.get('@cdsx/criteria')).toBe('major');
    expect(versionAfter('@cdsx/criteria')).toBe(inc(before.get('@cdsx/criteria')!.version, 'major'));
  });

  it('writes each @cdsx/criteria changeset under the right heading of the new version', () => {
    const mine = pending.filter((c) => c.releases.some((r) => r.name === '@cdsx/criteria'));
    expect(mine.length).toBeGreaterThan(0);
    const log = readFileSync(join(tmp, 'packages/criteria/CHANGELOG.md'), 'utf8');
    const version = versionAfter('@cdsx/criteria');
    expect(log.startsWith(`# @cdsx/criteria\n\n## ${version}\n`)).toBe(true);
    const section = log.split(/^## /m)[1]!;
    const headings = { major: '### Major Changes', minor: '### Minor Changes', patch: '### Patch Changes' };
    for (const cs of mine) {
      const type = cs.releases.find((r) => r.name === '@cdsx/criteria')!.type as keyof typeof headings;
      const block = section.split(/^(?=### )/m).find((b) => b.startsWith(headings[type]))!;
      expect(block, `${cs.id} under ${headings[type]}`).toContain(`- ${cs.summary.split('\n')[0]}`);
    }
    if (pending.some((c) => c.id === 'criteria-edition-0-2-0'))
      expect(section).toMatch(
        /### Major Changes\n\n- Criteria edition `0\.2\.0`[\s\S]*DV\.04[\s\S]*\d[\d,]* communes go from level 2/,
      );
  });
});
