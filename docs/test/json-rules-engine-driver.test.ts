import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { areaGroupOf } from '@cdsx/criteria';
import { getEdition, latestEdition } from '@cdsx/criteria/editions';
import { applyOverlay, assess, RULES_CONTRACT, toJsonRulesEngineRules } from '@cdsx/rules';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { decide } from '../examples/json-rules-engine-driver.mjs';
import { DOCS_ROOT } from '../scripts/generate.mjs';

const FIXTURES = join(DOCS_ROOT, '..', 'packages', 'rules', 'fixtures');
const fixtures = readdirSync(FIXTURES).flatMap((version) =>
  readdirSync(join(FIXTURES, version))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      name: `${version}/${f}`,
      data: JSON.parse(readFileSync(join(FIXTURES, version, f), 'utf8')),
    })),
);

describe('reference driver: stock json-rules-engine on the exported rules', () => {
  it('finds the shipped fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(50);
  });

  it.each(fixtures)('$name: same level, possible level and every outcome as assess', async ({ data }) => {
    const { assessment } = data;
    const published = getEdition(assessment.catalogVersion);
    if (!published.ok) throw new Error(JSON.stringify(published.issues));
    const overlay = (data.overlays ?? []).find(
      (o: { province: string }) => o.province === assessment.commune.provinceCode,
    );
    const applied = overlay
      ? applyOverlay(published.value.edition, published.value.contentHash, overlay)
      : null;
    if (applied && !applied.ok) throw new Error(JSON.stringify(applied.issues));
    const edition = applied ? applied.value.edition : published.value.edition;
    // What `cdsx rules export` prints, through JSON, as a vendor receives it.
    const rules = JSON.parse(
      JSON.stringify(toJsonRulesEngineRules(edition, areaGroupOf(assessment.commune))),
    );
    const observations = Object.fromEntries(
      Object.entries(assessment.observations as Record<string, { value: number | boolean }>).map(
        ([id, o]) => [id, o.value],
      ),
    );
    const driven = await decide(rules, observations);
    const record = assess(assessment, { edition: published.value, overlays: data.overlays ?? [] });
    expect(driven.level).toBe(record.level.level);
    expect(driven.level).toBe(data.expected.level);
    expect(driven.possibleLevel).toBe(record.possibleLevel);
    const expectedOutcomes = Object.fromEntries(
      record.findings.filter((f) => f.kind !== null).map((f) => [`${f.criterion}@${f.level}`, f.outcome]),
    );
    expect(driven.outcomes).toEqual(expectedOutcomes);
  });

  it('documents itself: every level rule carries the contract; one pass without it fails as described', async () => {
    const { edition } = latestEdition;
    const rules = toJsonRulesEngineRules(edition, 'rural');
    const levelRules = rules.filter((r) => r.event.type === 'level');
    expect(levelRules.length).toBeGreaterThan(0);
    for (const r of levelRules) expect(r.event.params).toMatchObject({ contract: RULES_CONTRACT });
    await expect(new Engine(rules).run({})).rejects.toThrow(/Undefined fact/);
  });
});
