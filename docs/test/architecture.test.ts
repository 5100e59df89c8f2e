import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { latestArchitecture } from '@cdsx/architecture';
import { getEdition } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import { architecturePaths, blockSlug } from '../scripts/architecture.mjs';
import { checkPages, DOCS_ROOT } from '../scripts/generate.mjs';
import { LANGS } from '../scripts/render.mjs';

const read = (path: string) => readFile(join(DOCS_ROOT, path), 'utf8');
const arch = latestArchitecture.edition;

describe('generated architecture reference', () => {
  it('is committed and up to date (no stale, missing or orphan page)', async () => {
    const problems = await checkPages();
    expect(problems.filter((p) => p.path.includes('architecture'))).toEqual([]);
  });

  it.each(LANGS)('(%s) one page per block with every component, its name and its source', async (lang) => {
    for (const b of arch.blocks) {
      const page = await read(architecturePaths.block(lang, b.code));
      expect(page).toContain(latestArchitecture.contentHash);
      expect(page).toContain(arch.basis[lang]);
      for (const c of arch.components.filter((x) => x.block === b.code)) {
        expect(page, c.code).toMatch(
          new RegExp(`^\\| ${c.code} \\| ${c.name[lang].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'),
        );
      }
    }
    expect(new Set(arch.blocks.map((b) => blockSlug(b.code))).size).toBe(arch.blocks.length);
  });

  it('tier page gives the same ranges as the brief table (independent oracle)', async () => {
    const oracle = await readFile(join(DOCS_ROOT, '../packages/architecture/test/brief-tables.md'), 'utf8');
    const page = await read(architecturePaths.tiers('vi'));
    const strip = (s: string) => s.replace(/[A-ZĐƯ]+(?=\d)/gu, '').replace(/none|—|–(?!\d)/g, '-');
    for (const line of oracle.split('\n').filter((l) => /^\| [A-ZĐƯ]+ \|/u.test(l))) {
      const [code, ...cells] = line
        .split('|')
        .slice(1, -1)
        .map((s) => s.trim());
      const row = page.split('\n').find((l) => l.includes(` ${code}](`))!;
      const gen = row
        .split('|')
        .slice(2, -1)
        .map((s) => s.trim());
      expect(
        gen.map(strip).map((s) => s.replace(/ /g, '')),
        code,
      ).toEqual(cells.map(strip).map((s) => s.replace(/ /g, '')));
    }
  });

  it.each(LANGS)('(%s) principles with sources; area groups; trace of 0.3.0', async (lang) => {
    const pr = await read(architecturePaths.principles(lang));
    for (const p of arch.principles) {
      expect(pr).toContain(`## ${p.name[lang]}`);
      expect(pr).toContain(p.statement[lang]);
    }
    const ag = await read(architecturePaths.areaGroups(lang));
    for (const c of arch.components.filter((x) => x.tier === 'area_specific')) expect(ag).toContain(c.code);
    const trace = await read(architecturePaths.trace(lang));
    const e = getEdition('0.3.0');
    if (!e.ok) throw new Error('0.3.0');
    for (const c of e.value.edition.criteria)
      expect(trace).toContain(`| ${c.id} · ${c.title[lang]} | ${c.architecture!.join(', ')} |`);
    for (const u of e.value.edition.architecture!.unmeasured)
      expect(trace).toContain(`| ${u.code} | ${u.reason[lang]} |`);
  });
});
