import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas, formatIssues, type Plan, validatePlan } from '../src/index';
import { EDITION, plan, target } from './helpers';

const issuesOf = (input: unknown) => {
  const r = validatePlan(input, EDITION);
  if (r.ok) throw new Error('expected the plan to be rejected');
  return r.issues;
};
const codes = (input: unknown) => issuesOf(input).map((i) => `${i.path} ${i.code}`);

describe('validatePlan: computable indicators', () => {
  it('accepts a plan whose targets can all be computed', () => {
    const p = plan({}, [
      target({ id: 'A', indicator: { kind: 'kpi', kpi: 'fullProcessOnlineRate' }, value: 80 }),
      target({ id: 'B', indicator: { kind: 'share_at_level', level: 2 }, value: 30 }),
      target({ id: 'C', indicator: { kind: 'share_meeting', criterion: 'DV.01', level: 1 }, value: 50 }),
      target({ id: 'D', indicator: { kind: 'score766_group', group: 'satisfaction' }, value: 15 }),
      target({ id: 'E', indicator: { kind: 'score766_total' }, value: 80, nationalTarget: undefined }),
    ]);
    const r = validatePlan(p, EDITION);
    expect(r.ok).toBe(true);
  });

  it('rejects an unknown KPI id, located, in Vietnamese and English', () => {
    const issues = issuesOf(plan({}, [target({ indicator: { kind: 'kpi', kpi: 'onlineRate' }, value: 80 })]));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('targets[0].indicator.kpi');
    expect(issues[0]!.code).toBe('unknown_kpi');
    expect(issues[0]!.message.vi).toContain('không có chỉ số KPI "onlineRate"');
    expect(issues[0]!.message.en).toContain('no KPI "onlineRate"; known ids: fullProcessOnlineRate');
    expect(formatIssues(issues, 'en')).toMatch(/^targets\[0\]\.indicator\.kpi: no KPI "onlineRate"/);
  });

  it('rejects a criterion that is not in the named edition (DV.10 is in 0.2.0, XX.99 is in none)', () => {
    const p = (criterion: string) =>
      plan({ owner: { level: 'commune', code: '03445' } }, [
        target({ indicator: { kind: 'criterion_met', criterion, level: 1 }, comparison: '=', value: true }),
      ]);
    expect(validatePlan(p('DV.10'), EDITION).ok).toBe(true);
    expect(codes(p('XX.99'))).toEqual(['targets[0].indicator.criterion unknown_criterion']);
    expect(issuesOf(p('XX.99'))[0]!.message.en).toBe(
      `criterion "XX.99" is not in catalog ${EDITION.edition.id} 0.2.0`,
    );
  });

  it('rejects an aggregate on a commune plan and a single-commune indicator on a province plan', () => {
    expect(
      codes(
        plan({ owner: { level: 'commune', code: '03445' } }, [
          target({ indicator: { kind: 'share_at_level', level: 1 }, value: 50 }),
        ]),
      ),
    ).toEqual(['targets[0].indicator.kind aggregate_on_commune_plan']);
    expect(
      codes(plan({}, [target({ indicator: { kind: 'criterion_value', criterion: 'HT.04' }, value: 80 })])),
    ).toEqual(['targets[0].indicator.kind commune_indicator_on_province_plan']);
  });

  it('rejects an unknown level, QĐ 766 group, national target, owner and catalog version', () => {
    expect(codes(plan({}, [target({ indicator: { kind: 'share_at_level', level: 7 }, value: 50 })]))).toEqual(
      ['targets[0].indicator.level unknown_level'],
    );
    expect(
      codes(plan({}, [target({ indicator: { kind: 'score766_group', group: 'speed' }, value: 5 })])),
    ).toEqual(['targets[0].indicator.group unknown_score766_group']);
    expect(
      codes(
        plan({}, [
          target({ indicator: { kind: 'kpi', kpi: 'onTimeRate' }, value: 90, nationalTarget: 'NT2099.x' }),
        ]),
      ),
    ).toEqual(['targets[0].nationalTarget unknown_national_target']);
    expect(
      codes(
        plan({ owner: { level: 'province', code: '99' } }, [
          target({ indicator: { kind: 'kpi', kpi: 'onTimeRate' }, value: 90 }),
        ]),
      ),
    ).toEqual(['owner.code unknown_owner']);
    expect(
      codes(
        plan({ catalogVersion: '9.9.9' }, [
          target({ indicator: { kind: 'kpi', kpi: 'onTimeRate' }, value: 90 }),
        ]),
      ),
    ).toEqual(['catalogVersion unknown_catalog_version']);
  });

  it('rejects malformed targets: wrong value type or range, bad comparison, duplicate id, baseline year', () => {
    const c = { owner: { level: 'commune' as const, code: '03445' } };
    expect(
      codes(
        plan(c, [
          target({ id: 'A', indicator: { kind: 'kpi', kpi: 'onTimeRate' }, value: 120 }),
          target({ id: 'A', indicator: { kind: 'criterion_met', criterion: 'DV.01', level: 1 }, value: 1 }),
          target({
            id: 'B',
            indicator: { kind: 'criterion_value', criterion: 'HT.06' },
            comparison: '>=',
            value: true,
          }),
          target({
            id: 'C',
            indicator: { kind: 'kpi', kpi: 'onTimeRate' },
            value: 90,
            baseline: { year: 2026, value: 'high' as never },
          }),
        ]),
      ),
    ).toEqual(['targets[3].baseline.value invalid_union']);
    // A schema error (baseline value "high") stops the semantic checks; fixed, the rest are all reported.
    const issues = issuesOf(
      plan(c, [
        target({ id: 'A', indicator: { kind: 'kpi', kpi: 'onTimeRate' }, value: 120 }),
        target({ id: 'A', indicator: { kind: 'criterion_met', criterion: 'DV.01', level: 1 }, value: 1 }),
        target({ id: 'B', indicator: { kind: 'criterion_value', criterion: 'HT.06' }, value: true }),
        target({
          id: 'C',
          indicator: { kind: 'kpi', kpi: 'onTimeRate' },
          value: 90,
          baseline: { year: 2026, value: 80 },
        }),
      ]),
    );
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'targets[1].id duplicate_target',
      'targets[0].value value_out_of_range',
      'targets[1].value value_type_mismatch',
      'targets[1].comparison comparison_not_allowed',
      'targets[2].comparison comparison_not_allowed',
      'targets[3].baseline.year baseline_year',
    ]);
    expect(issues[1]!.message).toEqual({
      vi: '120 ngoài khoảng 0–100 (phần trăm)',
      en: '120 is outside 0–100 (percent)',
    });
    expect(issues[5]!.message.vi).toBe('năm cơ sở 2026 phải trước năm kế hoạch 2026');
  });

  it('reports schema errors located by path (unknown indicator kind, missing source, extra key)', () => {
    const bad = plan({}, [target({ indicator: { kind: 'kpi', kpi: 'onTimeRate' }, value: 90 })]) as Record<
      string,
      unknown
    > & { targets: Array<Record<string, unknown>> };
    bad.targets[0]!.indicator = { kind: 'vibes' };
    delete bad.targets[0]!.source;
    bad.colour = 'red';
    const issues = issuesOf(bad);
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('targets[0].indicator.kind');
    expect(paths).toContain('targets[0].source');
    expect(issues.find((i) => i.code === 'unrecognized_keys')?.message.en).toContain('colour');
    for (const i of issues) {
      expect(i.message.vi.length).toBeGreaterThan(0);
      expect(i.message.en.length).toBeGreaterThan(0);
    }
  });

  it('an issued plan needs its issuing document', () => {
    expect(
      codes(
        plan({ status: 'issued' }, [target({ indicator: { kind: 'kpi', kpi: 'onTimeRate' }, value: 90 })]),
      ),
    ).toEqual(['issuingDocument missing_issuing_document']);
  });

  it('the shipped examples validate', () => {
    for (const name of ['province-plan.example.json', 'commune-plan.example.json']) {
      const doc = JSON.parse(
        readFileSync(fileURLToPath(new URL(`../examples/${name}`, import.meta.url)), 'utf8'),
      ) as Plan;
      const r = validatePlan(doc, EDITION);
      expect(r.ok ? [] : formatIssues(r.issues, 'en')).toEqual([]);
      expect(doc.example).toBe(true);
      expect(doc.issuingDocument?.document).toMatch(/^VÍ DỤ/);
    }
  });
});

const dir = fileURLToPath(new URL('../schema/', import.meta.url));

// Regenerate with: UPDATE_SCHEMA=1 pnpm --filter @cdsx/plan exec vitest run test/validate.test.ts
describe('shipped JSON Schema', () => {
  for (const [name, schema] of Object.entries(buildJsonSchemas())) {
    it(`schema/${name} matches the zod schema`, () => {
      const text = `${JSON.stringify(schema, null, 2)}\n`;
      if (process.env.UPDATE_SCHEMA) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(dir + name, text);
      }
      expect(existsSync(dir + name), `missing schema/${name}`).toBe(true);
      expect(readFileSync(dir + name, 'utf8')).toBe(text);
    });
  }
});
