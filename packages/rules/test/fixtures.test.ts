import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDITIONS } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import {
  assessWithEngine,
  fixtureCoverage,
  formatConformanceReport,
  loadFixtures,
  runConformance,
} from '../src/index';
import { readFixturesDirectory, runFixturesDirectory, shippedFixturesDir } from '../src/node';
import { generateFixtures } from './helpers/fixture-gen';

// Regenerate with: UPDATE_FIXTURES=1 pnpm exec vitest run test/fixtures.test.ts (then biome format).
describe.each(EDITIONS.map((p) => [p.edition.version, p] as const))(
  'conformance fixtures of edition %s',
  (version, published) => {
    const dir = shippedFixturesDir(version);
    const generated = generateFixtures(published);
    if (process.env.UPDATE_FIXTURES) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const f of generated) writeFileSync(join(dir, f.name), `${JSON.stringify(f.data, null, 2)}\n`);
    }

    it('are shipped and in step with the generator', () => {
      for (const f of generated) {
        const file = join(dir, f.name);
        expect(existsSync(file), `missing fixtures/${version}/${f.name}`).toBe(true);
        expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(f.data);
      }
    });

    it('pass on the fast path and on json-rules-engine', async () => {
      const fixtures = readFixturesDirectory(dir);
      if (!fixtures.ok) throw new Error(JSON.stringify(fixtures.issues));
      const fast = await runConformance(fixtures.value);
      expect(formatConformanceReport(fast)).toBe(
        `Kiểm thử tuân thủ / conformance: ${fast.total}/${fast.total} đạt/passed, 0 không đạt/failed`,
      );
      const engine = await runConformance(fixtures.value, { assess: (a, o) => assessWithEngine(a, o) });
      expect(engine.failed).toBe(0);
      // Every level of the edition is the expected level of some fixture.
      expect(new Set(fixtures.value.map((f) => f.expected.level)).size).toBe(published.edition.levels.length);
    });

    it('cover every criterion × area group × level both met and not met (coverage gate)', () => {
      const fixtures = readFixturesDirectory(dir);
      if (!fixtures.ok) throw new Error(JSON.stringify(fixtures.issues));
      const coverage = fixtureCoverage(published.edition, fixtures.value);
      expect({ neverMet: coverage.neverMet, neverNotMet: coverage.neverNotMet }).toEqual({
        neverMet: [],
        neverNotMet: [],
      });
      expect(coverage.complete).toBe(true);
    });
  },
);

describe('conformance runner', () => {
  const published = EDITIONS[0]!;
  const sample = generateFixtures(published).slice(0, 3);

  it('reports differences when an implementation disagrees', async () => {
    const loaded = loadFixtures(sample);
    if (!loaded.ok) throw new Error('fixtures');
    const wrong = await runConformance(loaded.value, {
      assess: () => ({ level: 3, unmet: [], notAvailable: ['HT.01'] }),
    });
    expect(wrong.failed).toBe(3);
    expect(wrong.results[0]!.differences.map((d) => d.field)).toEqual(['level', 'unmet', 'notAvailable']);
    expect(formatConformanceReport(wrong)).toMatch(/mức\/level: cần\/expected 0, nhận\/got 3/);
  });

  it('rejects malformed fixtures with located issues', () => {
    const r = loadFixtures([
      { name: 'bad.json', data: { description: 'x', assessment: {}, expected: { level: -1, unmet: [] } } },
    ]);
    expect(r.ok || r.issues.map((i) => i.path)).toEqual([
      '["bad.json"].expected.level',
      '["bad.json"].expected.notAvailable',
    ]);
  });

  it('reports an invalid assessment in a fixture as a failure with its issues', async () => {
    const r = await runConformance([
      {
        name: 'x.json',
        description: 'bad',
        assessment: { commune: {} },
        expected: { level: 0, unmet: [], notAvailable: [] },
      },
    ]);
    expect(r.results[0]).toMatchObject({ pass: false, differences: [{ field: 'error' }] });
    expect(r.results[0]!.issues!.length).toBeGreaterThan(0);
  });

  it('reads a directory with malformed JSON and reports line and column', async () => {
    const tmp = join(shippedFixturesDir(), '..', 'node_modules', '.tmp-fixtures');
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'broken.json'), '{\n  "description": "x",\n  oops\n}\n');
    const { report, issues, text } = await runFixturesDirectory(tmp);
    rmSync(tmp, { recursive: true, force: true });
    expect(report.total).toBe(0);
    expect(issues[0]).toMatchObject({ path: 'broken.json', code: 'malformed_json', line: 3 });
    expect(text).toMatch(/broken\.json/);
  });
});
