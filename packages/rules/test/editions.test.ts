// Which edition an assessment is decided under: the one passed, a list to pick from, or the editions loaded
// on demand with loadEdition. @cdsx/rules imports no edition body itself (see scripts/bundle: validate-assess).
// This file starts with no edition loaded: vitest runs each test file in its own module graph.
import { type CatalogEdition, contentHashOf, loadEdition, loadedEditions } from '@cdsx/criteria';
import { COMMUNES } from '@cdsx/criteria/communes';
import { published as v010 } from '@cdsx/criteria/editions/0.1.0';
import { published as v020 } from '@cdsx/criteria/editions/0.2.0';
import { published as v030 } from '@cdsx/criteria/editions/0.3.0';
import { describe, expect, it } from 'vitest';
import {
  assess,
  assessLevels,
  assessMany,
  assessWithEngine,
  runConformance,
  summarizeRecord,
  tryAssess,
  tryAssessMany,
} from '../src/index';
import { generateSyntheticAssessments } from '../src/synthetic/index';

const under = (edition: CatalogEdition, seed: number) =>
  generateSyntheticAssessments({ edition, communes: COMMUNES.slice(0, 12), seed });
const a010 = under(v010.edition, 3);
const a020 = under(v020.edition, 4);

describe('edition resolution', () => {
  it('without an edition, nothing loaded: a located bilingual issue that says how to load it', () => {
    expect(loadedEditions()).toEqual([]);
    const r = tryAssess(a020[0]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ path: 'catalogVersion', code: 'edition_not_loaded' });
    expect(r.issues[0]!.message.vi).toContain("loadEdition('0.2.0')");
    expect(r.issues[0]!.message.en).toContain('@cdsx/criteria/editions/0.2.0');
    // Structural problems are reported beside it, not hidden by it.
    const bad = tryAssess({ ...a020[0], period: 7 });
    expect(!bad.ok && bad.issues.map((i) => i.path).sort()).toEqual(['catalogVersion', 'period']);
    expect(() => assess(a020[0])).toThrow(/not loaded/);
  });

  it('an edition passed explicitly works with nothing loaded, and must be the version named', () => {
    const r = assess(a020[0], { edition: v020 });
    expect(r.catalog).toEqual({ id: v020.edition.id, version: '0.2.0', contentHash: v020.contentHash });
    const other = tryAssess(a010[0], { edition: v020 });
    expect(!other.ok && other.issues.map((i) => i.code)).toContain('catalog_version_mismatch');
    expect(loadedEditions()).toEqual([]);
  });

  it('a list picks each assessment’s edition by its catalogVersion', () => {
    const mixed = [a010[0], a020[0], a010[1]];
    const records = assessMany(mixed, { edition: [v010, v020] });
    expect(records.map((r) => r.catalog.version)).toEqual(['0.1.0', '0.2.0', '0.1.0']);
    // The same records as deciding each under its own edition.
    expect(JSON.stringify(records[1])).toBe(JSON.stringify(assess(a020[0], { edition: v020 })));
    // A published version missing from the list is not loaded; an unknown one is unknown.
    const missing = tryAssessMany([a020[0]], { edition: [v010] });
    expect(!missing.ok && missing.issues[0]).toMatchObject({ code: 'edition_not_loaded', record: 1 });
    const unknown = tryAssess({ ...a020[0], catalogVersion: '9.9.9' }, { edition: [v010, v020] });
    expect(!unknown.ok && unknown.issues.map((i) => i.code)).toContain('unknown_catalog_version');
  });

  it('a bare (unfrozen) edition is copied at the boundary: mutating it afterwards gives no stale decision', () => {
    const bare = structuredClone(v020.edition) as CatalogEdition;
    const first = assess(a020[0], { edition: bare });
    expect(first.catalog.contentHash).toBe(v020.contentHash);
    expect(Object.isFrozen(bare)).toBe(false); // the caller's object is left as it was
    // Mutate the caller's object after first use: rename every level.
    for (const l of bare.levels) (l.name as { en: string }).en = `changed ${l.level}`;
    const fresh = structuredClone(bare);
    const second = assess(a020[0], { edition: bare });
    expect(second.catalog.contentHash).toBe(contentHashOf(fresh));
    expect(second.catalog.contentHash).not.toBe(v020.contentHash);
    expect(second.level.name.en).toBe(`changed ${first.level.level}`);
    expect(JSON.stringify(second)).toBe(JSON.stringify(assess(a020[0], { edition: fresh })));
  });

  it('the async paths load the named edition on demand; then the sync paths find it too', async () => {
    const engine = await assessWithEngine(a010[2]);
    expect(loadedEditions().map((p) => p.edition.version)).toEqual(['0.1.0']);
    expect(JSON.stringify(assess(a010[2]))).toBe(JSON.stringify(engine));
    expect(JSON.stringify(assess(a010[2], { edition: v010 }))).toBe(JSON.stringify(engine));
    // 0.2.0 is still not loaded: the sync path says so rather than guessing another edition.
    expect(tryAssess(a020[1]).ok).toBe(false);
    const loaded = await loadEdition(a020[1]!.catalogVersion);
    expect(loaded.ok).toBe(true);
    expect(assessLevels(a020).level).toEqual(assessLevels(a020, { edition: v020 }).level);
    // runConformance's default implementation loads each fixture's edition too (0.3.0: not loaded yet).
    const a030 = under(v030.edition, 5)[0]!;
    const report = await runConformance([
      {
        name: 'x',
        description: 'x',
        assessment: a030 as unknown as Record<string, unknown>,
        expected: summarizeRecord(assess(a030, { edition: v030 })),
      },
    ]);
    expect(report.failed).toBe(0);
    expect(loadedEditions().map((p) => p.edition.version)).toEqual(['0.1.0', '0.2.0', '0.3.0']);
  });
});
