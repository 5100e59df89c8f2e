import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EDITIONS } from '@cdsx/criteria/editions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPages, DOCS_ROOT, expectedPages, siteData } from '../scripts/generate.mjs';
import {
  criterionAnchor,
  GENERATED_MARKER,
  kpiAnchor,
  LANGS,
  paths,
  renderPages,
} from '../scripts/render.mjs';

const read = (path: string) => readFile(join(DOCS_ROOT, path), 'utf8');

/** The section of a dimension page that documents one criterion (from its heading to the next). */
function sectionOf(page: string, id: string): string | undefined {
  const start = page.indexOf(`\n## ${id} · `);
  if (start < 0) return undefined;
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

describe('generated criteria reference', () => {
  it.each(EDITIONS.flatMap((p) => LANGS.map((lang) => [p.edition.version, lang, p] as const)))(
    'edition %s (%s): every criterion has its committed entry with all its data',
    async (version, lang, published) => {
      const { edition, contentHash } = published;
      const editionPage = await read(paths.edition(lang, version));
      expect(editionPage).toContain(contentHash);
      expect(editionPage).toContain(edition.title[lang]);
      expect(editionPage).toContain(edition.basis[lang]);
      expect(editionPage).toContain(`@cdsx/criteria/editions/${version}`);
      for (const level of edition.levels) expect(editionPage).toContain(level.name[lang]);

      const missing: string[] = [];
      for (const c of edition.criteria) {
        const page = await read(paths.dimension(lang, version, c.dimension));
        const section = sectionOf(page, c.id);
        if (!section) {
          missing.push(c.id);
          continue;
        }
        expect(section, c.id).toContain(`{#${criterionAnchor(c.id)}}`);
        expect(section, c.id).toContain(c.title[lang]);
        expect(section, c.id).toContain(c.description[lang]);
        expect(section, c.id).toContain(c.evidence[lang]);
        expect(section, c.id).toContain(c.remediation[lang]);
        if (c.thresholdBasis) expect(section, c.id).toContain(c.thresholdBasis[lang]);
        for (const s of c.sources) expect(section, c.id).toContain(s.document);
        for (const p of c.scale ?? []) expect(section, c.id).toContain(p.label[lang]);
        for (const g of edition.areaGroups) expect(section, c.id).toContain(`| ${g.name[lang]} |`);
        // The edition page indexes it too, linking to the entry.
        expect(editionPage, c.id).toContain(`(./${c.dimension}.md#${criterionAnchor(c.id)})`);
      }
      expect(missing).toEqual([]);
    },
  );

  it('writes one requirement cell per area group × level, with the threshold of the data', () => {
    const pages = expectedPages();
    const published = EDITIONS.at(-1)!;
    const c = published.edition.criteria.find((x) => x.measure === 'percentage')!;
    const section = sectionOf(
      pages.get(paths.dimension('en', published.edition.version, c.dimension))!,
      c.id,
    )!;
    const levels = published.edition.levels.filter((l) => l.level > 0).sort((a, b) => a.level - b.level);
    for (const g of published.edition.areaGroups) {
      const row = section.split('\n').find((line) => line.startsWith(`| ${g.name.en} |`))!;
      const cells = row.split(' | ').slice(1);
      expect(cells).toHaveLength(levels.length);
      levels.forEach((l, i) => {
        const r = c.requirements[g.id][String(l.level)];
        if (!r || r.kind === 'not_applicable') expect(cells[i]).toContain('not applicable');
        else expect(cells[i]).toContain(`${r.threshold}%`);
      });
    }
  });

  it('lists what changed in each edition against the previous one', async () => {
    const { changes } = siteData();
    expect(Object.keys(changes)).toEqual(EDITIONS.slice(1).map((p) => p.edition.version));
    for (const [version, { changes: list }] of Object.entries(changes))
      for (const lang of LANGS) {
        const page = await read(paths.edition(lang, version));
        for (const c of list) expect(page, version).toContain(c.text[lang].replace(/\|/g, '\\|'));
      }
  });

  it('documents every KPI and every official calendar decision, in both languages', async () => {
    const { kpi, calendar } = siteData();
    for (const lang of LANGS) {
      const kpiPage = await read(paths.kpis(lang));
      for (const id of kpi.ids) {
        expect(kpiPage, id).toContain(`{#${kpiAnchor(id)}}`);
        expect(kpiPage, id).toContain(kpi.definitions[id].numerator[lang]);
        expect(kpiPage, id).toContain(kpi.definitions[id].denominator[lang]);
        for (const t of kpi.targets[id] ?? []) expect(kpiPage, id).toContain(t.citation.document);
      }
      const calendarPage = await read(paths.calendar(lang));
      for (const d of calendar.decisions) {
        expect(calendarPage).toContain(d.source.document);
        expect(calendarPage).toContain(d.summary[lang]);
      }
      for (const h of calendar.holidays) expect(calendarPage).toContain(h.name[lang]);
    }
  });
});

describe('stale check', () => {
  it('the committed pages are byte-identical to what the data gives (run `pnpm --filter @cdsx/docs generate`)', async () => {
    expect(await checkPages()).toEqual([]);
  });

  it('renders deterministically', () => {
    const a = renderPages(siteData());
    const b = renderPages(siteData());
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of a) expect(b.get(k), k).toBe(v);
    for (const [k, v] of a) expect(v.includes(GENERATED_MARKER), k).toBe(true);
  });

  describe('on a copy of the site', () => {
    let root: string;
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'cdsx-docs-'));
      for (const dir of ['reference', 'kpi', 'en'])
        await cp(join(DOCS_ROOT, dir), join(root, dir), { recursive: true });
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    it('reports a stale page, a missing page and an orphaned generated page', async () => {
      const pages = expectedPages();
      expect(await checkPages(root, pages)).toEqual([]);
      const version = EDITIONS.at(-1)!.edition.version;
      const edited = paths.dimension('vi', version, 'services');
      await writeFile(
        join(root, edited),
        (await readFile(join(root, edited), 'utf8')).replace('## DV.01', '## DV.1'),
      );
      await rm(join(root, paths.calendar('en')));
      await writeFile(join(root, 'reference', 'old.md'), `${GENERATED_MARKER}\n# gone\n`);
      await writeFile(join(root, 'reference', 'hand-written.md'), '# not generated\n');
      expect(await checkPages(root, pages)).toEqual([
        { path: paths.calendar('en'), problem: 'missing' },
        { path: edited, problem: 'stale' },
        { path: 'reference/old.md', problem: 'orphan' },
      ]);
    });

    it('reports a criterion added to the data but not yet generated', async () => {
      const [first, ...rest] = EDITIONS.at(-1)!.edition.criteria;
      const extra = { ...first!, id: 'HT.99', title: { vi: 'Tiêu chí mới', en: 'New criterion' } };
      const latest = EDITIONS.at(-1)!;
      const data = siteData();
      const changed = renderPages({
        ...data,
        editions: [
          ...EDITIONS.slice(0, -1),
          { ...latest, edition: { ...latest.edition, criteria: [first!, extra, ...rest] } },
        ],
      });
      const problems = await checkPages(DOCS_ROOT, changed);
      expect(problems).toContainEqual({
        path: paths.dimension('vi', latest.edition.version, first!.dimension),
        problem: 'stale',
      });
      expect(problems).toContainEqual({
        path: paths.edition('en', latest.edition.version),
        problem: 'stale',
      });
    });
  });
});
