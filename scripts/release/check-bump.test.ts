import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as criteriaRoot from '@cdsx/criteria';
import * as criteriaEditions from '@cdsx/criteria/editions';
import { afterEach, describe, expect, it } from 'vitest';
import { clone } from '../../packages/criteria/test/make-edition';
import { main } from './check-bump.mjs';
import { readBaseline, writeBaseline } from './lib.mjs';

const root = resolve(__dirname, '../..');
const criteria = { ...criteriaRoot, ...criteriaEditions };
const [e010, e020] = [criteria.EDITIONS[0]!, criteria.EDITIONS[1]!];
const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A temporary copy of what the check reads: .changeset/config.json, the criteria package.json, a baseline. */
function repoCopy(baseline: unknown, changesets: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdsx-check-bump-'));
  temps.push(dir);
  mkdirSync(join(dir, '.changeset'));
  mkdirSync(join(dir, 'packages/criteria'), { recursive: true });
  cpSync(join(root, '.changeset/config.json'), join(dir, '.changeset/config.json'));
  cpSync(join(root, 'packages/criteria/package.json'), join(dir, 'packages/criteria/package.json'));
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  writeFileSync(join(dir, 'packages/criteria/release-baseline.json'), JSON.stringify(baseline));
  for (const [name, text] of Object.entries(changesets)) writeFileSync(join(dir, '.changeset', name), text);
  return dir;
}
const changeset = (bump: string, text = 'Edition 0.2.0.') =>
  `---\n"@cdsx/criteria": ${bump}\n---\n\n${text}\n`;
const released010 = {
  package: '@cdsx/criteria',
  version: '1.0.0',
  edition: { version: '0.1.0', contentHash: e010.contentHash },
};

async function run(dir: string, mod: object = criteria) {
  const out: string[] = [];
  const code = await main({ cwd: dir, criteria: mod, log: (s: string) => out.push(s) });
  return { code, out: out.join('\n') };
}

describe('check-bump', () => {
  it('fails an under-declared changeset (patch for a tightened threshold) and says which change needs which bump', async () => {
    const dir = repoCopy(released010, { 'edition-0-2-0.md': changeset('patch') });
    const { code, out } = await run(dir);
    expect(code).toBe(1);
    expect(out).toContain('required bump: major');
    expect(out).toContain('declared bump: patch — .changeset/edition-0-2-0.md (patch)');
    expect(out).toContain(
      'the changesets for @cdsx/criteria declare patch, but the catalog changes 0.1.0 → 0.2.0 require major',
    );
    expect(out).toContain(
      'criteria[22].requirements.urban["2"]: cần major: DV.04 (nhóm đô thị, mức 2): ngưỡng chặt hơn >= 90 → >= 95 / requires major: DV.04 (urban, level 2): threshold tightened >= 90 → >= 95',
    );
    expect(out).toContain('requires minor: extended criterion DV.10 added');
    // Patch-level changes are covered by the declared patch and not listed.
    expect(out).not.toMatch(/requires patch/);
  });

  it('passes a correctly declared changeset (major), taking the largest of several', async () => {
    const dir = repoCopy(released010, {
      'a.md': changeset('patch', 'Wording.'),
      'b.md': changeset('major'),
      'other.md': '---\n"@cdsx/kpi": minor\n---\n\nUnrelated.\n',
    });
    const { code, out } = await run(dir);
    expect(code).toBe(0);
    expect(out).toContain('ok — @cdsx/criteria: declared major ≥ required major');
  });

  it('fails when a catalog change comes without any changeset', async () => {
    const { code, out } = await run(repoCopy(released010, {}));
    expect(code).toBe(1);
    expect(out).toContain('declare none, but the catalog changes 0.1.0 → 0.2.0 require major');
  });

  it('accepts any bump for the first release (nothing released yet)', async () => {
    const dir = repoCopy(
      { package: '@cdsx/criteria', version: null, edition: null },
      { 'a.md': changeset('minor') },
    );
    const { code, out } = await run(dir);
    expect(code).toBe(0);
    expect(out).toContain('has never been released');
  });

  it('needs nothing when the latest edition is the released one', async () => {
    const dir = repoCopy(
      { ...released010, edition: { version: '0.2.0', contentHash: e020.contentHash } },
      {},
    );
    const { code, out } = await run(dir);
    expect(code).toBe(0);
    expect(out).toContain('declared none ≥ required none');
  });

  it('fails when a released edition was changed after its release', async () => {
    const dir = repoCopy(
      { ...released010, edition: { version: '0.1.0', contentHash: `sha256:${'a'.repeat(64)}` } },
      {},
    );
    const { code, out } = await run(dir);
    expect(code).toBe(1);
    expect(out).toContain('edition 0.1.0 changed after release');
  });

  it('requires only a patch for a text fix, and a minor changeset covers it', async () => {
    // A hypothetical 0.2.1 that only rewords a title, injected in place of the published editions.
    const fixed = clone(e020.edition);
    fixed.version = '0.2.1';
    fixed.criteria[0]!.title = { vi: 'Tiêu đề đã sửa', en: 'Corrected title' };
    const editions = [...criteria.EDITIONS, { edition: fixed, contentHash: criteria.contentHashOf(fixed) }];
    const mod = {
      ...criteria,
      EDITIONS: editions,
      latestEdition: editions.at(-1),
      crosswalkBetween: () => ({
        ok: true,
        value: { from: { version: '0.2.0' }, to: { version: '0.2.1' }, renamed: [], added: [], removed: [] },
      }),
    };
    const baseline = { ...released010, edition: { version: '0.2.0', contentHash: e020.contentHash } };
    const minor = await run(repoCopy(baseline, { 'a.md': changeset('minor') }), mod);
    expect(minor.code).toBe(0);
    expect(minor.out).toContain('required bump: minor'); // the new edition subpath is a minor change
    const patch = await run(repoCopy(baseline, { 'a.md': changeset('patch') }), mod);
    expect(patch.code).toBe(1);
    expect(patch.out).toContain('requires minor: new edition 0.2.1: new permalink subpath');
    expect(patch.out).not.toContain('Corrected');
  });

  it('reports an unreadable changeset or a broken baseline instead of crashing', async () => {
    const broken = await run(repoCopy(released010, { 'bad.md': '---\n\n## "@cdsx/criteria": minor\n' }));
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/cannot read the changesets: could not parse changeset/);
    const dir = repoCopy({ package: '@cdsx/criteria', version: 'one', edition: null, extra: 1 }, {});
    const r = readBaseline(dir);
    expect(r.ok ? [] : r.issues.map((i: { path: string }) => i.path)).toEqual([
      'packages/criteria/release-baseline.json: version',
      'packages/criteria/release-baseline.json: (root)',
    ]);
    expect((await run(dir)).out).toContain('invalid release baseline');
  });

  it('write-baseline records the package version and the latest edition, and the check then needs nothing', async () => {
    const dir = repoCopy({ package: '@cdsx/criteria', version: null, edition: null }, {});
    const value = writeBaseline(dir, criteria);
    const { version } = JSON.parse(readFileSync(join(root, 'packages/criteria/package.json'), 'utf8'));
    expect(value).toEqual({
      package: '@cdsx/criteria',
      version,
      edition: { version: '0.2.0', contentHash: e020.contentHash },
    });
    expect(readBaseline(dir)).toEqual({ ok: true, value });
    const { code, out } = await run(dir);
    expect(code).toBe(0);
    expect(out).toContain('declared none ≥ required none');
  });

  it('0.2.0 → 0.3.0 (the release that moves latest to the architecture-traced edition) requires major', async () => {
    const e030 = criteria.EDITIONS.find((e) => e.edition.version === '0.3.0')!;
    const released020 = {
      package: '@cdsx/criteria',
      version: '2.0.0',
      edition: { version: '0.2.0', contentHash: e020.contentHash },
    };
    // What the module looks like once latest points at 0.3.0 (RELEASING.md §7).
    const moved = { ...criteria, latestEdition: e030 };
    const minor = await run(
      repoCopy(released020, { 'edition-0-3-0.md': changeset('minor', 'Edition 0.3.0.') }),
      moved,
    );
    expect(minor.code).toBe(1);
    expect(minor.out).toContain(
      'the changesets for @cdsx/criteria declare minor, but the catalog changes 0.2.0 → 0.3.0 require major',
    );
    // New mandatory criteria for essential components are what makes it major.
    expect(minor.out).toContain('requires major: criterion DL.06 added as mandatory at');
    expect(minor.out).toContain('requires major: criterion NL.06 added as mandatory at');
    const major = await run(
      repoCopy(released020, { 'edition-0-3-0.md': changeset('major', 'Edition 0.3.0.') }),
      moved,
    );
    expect(major.code).toBe(0);
    expect(major.out).toContain('declared major ≥ required major');
    // The repository's own changeset for 0.3.0 declares enough for it.
    const name = 'criteria-edition-0-3-0.md';
    const own = await run(
      repoCopy(released020, { [name]: readFileSync(join(root, '.changeset', name), 'utf8') }),
      moved,
    );
    expect(own.code).toBe(0);
  });
});
