import { describe, expect, it } from 'vitest';
import { makeEdition } from '../test/make-edition';
import { getEdition, latestEdition } from './editions/index';
import { formatIssues } from './issues';
import { parseJsonText } from './json';
import { parseCatalogEdition, parseCommuneProfile, validateAssessment } from './validate';

const edition = makeEdition();
const valid = () => ({
  commune: { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' },
  period: '2026-Q1',
  catalogVersion: '9.0.0',
  observations: {
    'T.01': { value: 75, unit: '%', source: 'self_declared' },
    'T.20': { value: true, source: 'self_declared', evidence: { reference: 'QĐ 12/QĐ-UBND' } },
    'T.21': { value: 2, source: 'national_platform', observedAt: '2026-03-31' },
  },
});

function issuesOf(input: unknown) {
  const r = validateAssessment(input, edition);
  if (r.ok) throw new Error('expected invalid');
  return r.issues;
}

describe('validateAssessment', () => {
  it('accepts a valid assessment and returns typed data', () => {
    const r = validateAssessment(valid(), edition);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.observations['T.01']!.value).toBe(75);
  });

  it('reports an out-of-range percentage with its path, in Vietnamese and English', () => {
    const a = valid();
    a.observations['T.01'].value = 180;
    const [issue, ...rest] = issuesOf(a);
    expect(rest).toEqual([]);
    expect(issue!.path).toBe('observations["T.01"].value');
    expect(issue!.message.en).toBe('T.01: expected a percentage 0–100, got 180');
    expect(issue!.message.vi).toBe('T.01: cần tỷ lệ phần trăm 0–100, nhận được 180');
  });

  it('reports NaN and Infinity as wrong values, never accepts them', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const a = valid();
      a.observations['T.01'].value = bad;
      const issues = issuesOf(a);
      expect(issues.some((i) => i.path === 'observations["T.01"].value')).toBe(true);
      expect(formatIssues(issues)).toMatch(Number.isNaN(bad) ? /NaN/ : /Infinity|number/);
    }
  });

  it('reports wrong types at their path', () => {
    const a = valid() as Record<string, unknown> & ReturnType<typeof valid>;
    (a.observations['T.20'] as { value: unknown }).value = 'yes';
    (a.commune as { code: unknown }).code = 4;
    const issues = issuesOf(a);
    expect(issues.map((i) => i.path).sort()).toEqual(['commune.code', 'observations["T.20"].value']);
    expect(issues.find((i) => i.path === 'commune.code')!.message.en).toBe('expected string, got 4');
  });

  it('reports unknown criterion ids (and allows them on request)', () => {
    const a = valid() as ReturnType<typeof valid> & { observations: Record<string, unknown> };
    a.observations['ZZ.99'] = { value: 1, source: 'self_declared' };
    const issues = issuesOf(a);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'observations["ZZ.99"]', code: 'unknown_criterion' });
    expect(validateAssessment(a, edition, { unknownCriteria: 'allow' }).ok).toBe(true);
  });

  it('reports a value off the ordinal scale and a unit that disagrees with the criterion', () => {
    const a = valid();
    a.observations['T.21'].value = 7;
    a.observations['T.01'].unit = 'km';
    const issues = issuesOf(a);
    expect(issues.find((i) => i.path === 'observations["T.21"].value')!.message.en).toBe(
      'T.21: expected a value on the scale (0, 1, 2), got 7',
    );
    expect(issues.find((i) => i.path === 'observations["T.01"].unit')!.message.en).toBe(
      'T.01: the unit must be "%"',
    );
    const b = valid();
    (b.observations['T.20'] as Record<string, unknown>).unit = '%';
    expect(issuesOf(b)[0]!.message.en).toBe('T.20: a boolean criterion takes no unit; remove the unit field');
  });

  it('reports a catalog version that does not match the edition', () => {
    const a = { ...valid(), catalogVersion: '0.0.9' };
    expect(issuesOf(a)).toMatchObject([{ path: 'catalogVersion', code: 'catalog_version_mismatch' }]);
  });

  it('reports missing and unsupported fields', () => {
    const { period: _p, ...rest } = valid();
    expect(issuesOf(rest)).toMatchObject([{ path: 'period', code: 'required' }]);
    expect(issuesOf({ ...valid(), extra: 1 })).toMatchObject([{ code: 'unrecognized_keys' }]);
  });

  it('never lets __proto__ keys through or pollute prototypes', () => {
    const text =
      '{"commune":{"code":"00004","name":"Ba Đình","provinceCode":"01","unitType":"phuong"},"period":"2026-Q1","catalogVersion":"9.0.0","observations":{"__proto__":{"value":1,"source":"self_declared","polluted":true}},"__proto__":{"polluted":true}}';
    // parseJsonText refuses the keys outright (issue 17); the library must hold on parsed objects too.
    const parsed = parseJsonText(text);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.code)).toEqual(['forbidden_key', 'forbidden_key']);
    const issues = issuesOf(JSON.parse(text));
    expect(issues.some((i) => i.path === '' && i.code === 'unrecognized_keys')).toBe(true);
    expect(issues.some((i) => i.path.startsWith('observations'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('handles inputs that are not objects at all without throwing', () => {
    for (const input of [null, undefined, 42, 'text', [], { observations: 'x' }]) {
      const r = validateAssessment(input, edition);
      expect(r.ok).toBe(false);
    }
  });
});

describe('parseJsonText', () => {
  it('locates malformed JSON by line and column, bilingually', () => {
    const r = parseJsonText('{\n  "a": 1,\n  "b": \n}', 'x.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'malformed_json', line: 4, column: 1 });
    expect(r.issues[0]!.message.en).toMatch(/^x\.json: malformed JSON at line 4, column 1: value expected/);
    expect(r.issues[0]!.message.vi).toMatch(/dòng 4, cột 1/);
  });

  it('reports empty input and trailing garbage', () => {
    expect(parseJsonText('').ok).toBe(false);
    expect(parseJsonText('{} x').ok).toBe(false);
    expect(parseJsonText('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('getEdition', () => {
  it('rejects an unknown catalog version with a bilingual message listing the known ones', () => {
    const r = getEdition('9.9.9');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.code).toBe('unknown_catalog_version');
    expect(r.issues[0]!.message.en).toMatch(/unknown catalog version "9.9.9"; available: 0\.1\.0/);
  });
  it('finds an edition by version and "latest"', () => {
    expect(getEdition('0.1.0').ok).toBe(true);
    expect(getEdition('latest').ok).toBe(true);
  });
});

describe('parseCommuneProfile', () => {
  it('defaults the area group from the unit type and keeps an override', () => {
    const base = { code: '00004', name: 'Ba Đình', provinceCode: '01' };
    const pick = (x: unknown) => {
      const r = parseCommuneProfile(x);
      return r.ok ? r.value.areaGroup : null;
    };
    expect(pick({ ...base, unitType: 'phuong' })).toBe('urban');
    expect(pick({ ...base, unitType: 'xa' })).toBe('rural');
    expect(pick({ ...base, unitType: 'dac_khu' })).toBe('remote');
    expect(pick({ ...base, unitType: 'xa', areaGroup: 'remote' })).toBe('remote');
    expect(parseCommuneProfile({ ...base, code: '4', unitType: 'xa' }).ok).toBe(false);
  });
});

describe('parseCatalogEdition', () => {
  it('accepts a well-formed edition and rejects a broken one with paths', () => {
    expect(parseCatalogEdition(makeEdition()).ok).toBe(true);
    const e = makeEdition() as unknown as { criteria: Array<Record<string, unknown>> };
    e.criteria[2]!.measure = 'percent';
    const r = parseCatalogEdition(e);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toBe('criteria[2].measure');
  });
});

describe('parseCatalogEdition and __proto__ keys (issue 17, item 10)', () => {
  it('refuses a catalog whose requirement map holds an own __proto__ key, located', () => {
    const cat = JSON.parse(JSON.stringify(latestEdition.edition));
    const group = Object.keys(cat.criteria[0].requirements)[0]!;
    const text = JSON.stringify(cat).replace(
      `"${group}":{`,
      `"${group}":{"__proto__":{"kind":"not_applicable"},`,
    );
    const r = parseCatalogEdition(JSON.parse(text));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        expect.objectContaining({
          code: 'forbidden_key',
          path: `criteria[0].requirements.${group}.__proto__`,
        }),
      ]);
    expect(parseCatalogEdition(JSON.parse(JSON.stringify(latestEdition.edition))).ok).toBe(true);
  });
});

describe('ids that look like identifiers (issue 17, item 12)', () => {
  it('reports an id like constructor once, under one path', () => {
    const input = {
      ...valid(),
      observations: {
        constructor: { value: 1, source: 'self_declared' },
        toString: { value: 1, source: 'self_declared' },
      },
    };
    const r = validateAssessment(input, edition);
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([
      ['observations.constructor', 'invalid_criterion_id'],
      ['observations.toString', 'invalid_criterion_id'],
    ]);
  });
});
