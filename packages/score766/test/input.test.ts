import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas, formatIssues, parseCounts, scoreUnit, type UnitCounts } from '../src/index';

const sampleText = readFileSync(
  fileURLToPath(new URL('../examples/counts.sample.json', import.meta.url)),
  'utf8',
);
const sample = JSON.parse(sampleText) as { units: UnitCounts[] };
const file = (units: unknown[]) => ({ format: 'cdsx-score766-counts', version: 1, units });
const good = () => structuredClone(sample.units[0]) as Record<string, unknown> & UnitCounts;

describe('parseCounts', () => {
  it('reads the sample with no issue', () => {
    const r = parseCounts(JSON.parse(sampleText));
    expect(r.issues).toEqual([]);
    expect(r.units.map((u) => u.counts.unitCode)).toEqual(['00004', '00008', '00025']);
    expect(r.rejected).toBe(0);
  });

  it('missing metric: located error, that indicator not available, the rest scored', () => {
    const u = good();
    u.metrics = u.metrics.filter((m) => m.metricCode !== 'DOSSIER_SYNC');
    const r = parseCounts(file([u]));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ path: 'units[0].metrics', code: 'missing_metric', record: 1 });
    expect(r.issues[0]?.message.vi).toContain('thiếu chỉ số DOSSIER_SYNC');
    expect(r.issues[0]?.message.en).toContain('metric DOSSIER_SYNC is missing');
    const s = scoreUnit(r.units[0]!);
    expect(s.indicators.find((i) => i.id === '1.4')).toMatchObject({
      outcome: 'not_available',
      points: null,
    });
    expect(s.total).toMatchObject({ partial: true, points: 87.81 - 5.75, notAvailable: ['1.4'] });
  });

  it('numerator above denominator: located, that indicator not available', () => {
    const u = good();
    const m = u.metrics.find((x) => x.metricCode === 'SO_HOA_GIAY_TO_GIAI_QUYET')!;
    m.numerator = 1300;
    u.totalOnTime = 1300;
    const r = parseCounts(file([u]));
    const at = u.metrics.indexOf(m);
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      [`units[0].metrics[${at}].numerator`, 'numerator_above_denominator'],
      ['units[0].totalOnTime', 'numerator_above_denominator'],
    ]);
    expect(r.issues[0]?.message.en).toBe(
      'SO_HOA_GIAY_TO_GIAI_QUYET: numerator 1300 is greater than denominator 1200',
    );
    const s = scoreUnit(r.units[0]!);
    expect(s.total.notAvailable).toEqual(['2.1', '4.2']);
  });

  it('negative count and wrong type: located, not coerced, the unit still scored', () => {
    const u = good();
    u.totalFeeFormality = -3;
    (u.metrics[0] as { denominator: unknown }).denominator = '12';
    const r = parseCounts(file([u]));
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['units[0].totalFeeFormality', 'out_of_range'],
      ['units[0].metrics[0].denominator', 'invalid_type'],
    ]);
    expect(r.issues[0]?.message).toEqual({
      vi: expect.stringContaining('0'),
      en: expect.stringContaining('0'),
    });
    const s = scoreUnit(r.units[0]!);
    expect(s.total.notAvailable).toEqual(['1.1', '3.5', '3.5b']);
  });

  it('unknown metric code: located, listed with the known codes, not scored', () => {
    const u = good();
    u.metrics.push({ metricCode: 'DOSIER_SYNC' as never, numerator: 1, denominator: 2 });
    const r = parseCounts(file([u]));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      path: `units[0].metrics[${u.metrics.length - 1}].metricCode`,
      code: 'unknown_metric',
    });
    expect(r.issues[0]?.message.en).toContain('"DOSIER_SYNC" is not one of');
    expect(scoreUnit(r.units[0]!).total).toMatchObject({ partial: false, points: 87.81 });
  });

  it('duplicate unit: the second is rejected and located, the first kept', () => {
    const r = parseCounts(file([good(), sample.units[1], good()]));
    expect(r.units.map((u) => u.index)).toEqual([0, 1]);
    expect(r.rejected).toBe(1);
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'units[2].unitCode', code: 'duplicate_unit', record: 3 }),
    ]);
    expect(r.issues[0]?.message.vi).toContain('trùng với units[0]');
  });

  it('one structurally bad unit never hides the good ones', () => {
    const r = parseCounts(file([42, { unitCode: 'x' }, sample.units[1]]));
    expect(r.units.map((u) => u.counts.unitCode)).toEqual(['00008']);
    expect(r.rejected).toBe(2);
    expect(r.issues.some((i) => i.path === 'units[0]')).toBe(true);
    expect(r.issues.some((i) => i.path === 'units[1].period' && i.code === 'required')).toBe(true);
    // Rendered with the shared bilingual formatter.
    expect(formatIssues(r.issues)).toContain('units[1].period');
  });

  it('inconsistent on-time totals are reported and 2.1 is not available', () => {
    const u = good();
    u.totalOverdue = 40;
    const r = parseCounts(file([u]));
    expect(r.issues.map((i) => i.code)).toEqual(['inconsistent_totals']);
    expect(scoreUnit(r.units[0]!).total.notAvailable).toEqual(['2.1']);
  });

  it('a missing count field is an error; an explicit null is just not available', () => {
    const u = good();
    delete (u as Record<string, unknown>).authorityCount;
    const r = parseCounts(file([u]));
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([['units[0].authorityCount', 'required']]);
    const v = good();
    v.authorityCount = null;
    const r2 = parseCounts(file([v]));
    expect(r2.issues).toEqual([]);
    expect(scoreUnit(r2.units[0]!).total.notAvailable).toEqual(['3.1']);
  });

  it('does not modify the input', () => {
    const input = file([good()]);
    const before = JSON.stringify(input);
    parseCounts(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

const dir = fileURLToPath(new URL('../schema/', import.meta.url));

// Snapshot of the shipped JSON Schema. Regenerate with: UPDATE_SCHEMA=1 pnpm exec vitest run --project @cdsx/score766
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
