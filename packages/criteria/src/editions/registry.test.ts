import { describe, expect, expectTypeOf, it } from 'vitest';
// @ts-expect-error the generator is plain JS
import { renderRegistry } from '../../scripts/gen-registry.mjs';
import { contentHashOf } from '../hash';
import * as root from '../index';
import { issueSegments, parsePath } from '../issues';
import { edition as latestBody } from '../latest';
import { validateAssessment } from '../validate';
import { published as p010 } from './0.1.0';
import { published as p020 } from './0.2.0';
import { EDITIONS, editionFor, getEdition, latestEdition } from './index';
import {
  type CriterionId,
  criterionIdsOf,
  EDITION_REGISTRY,
  LATEST_VERSION,
  loadEdition,
  loadedEditions,
  resolveEdition,
} from './registry';

const assessment = (catalogVersion: unknown) => ({
  commune: { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' },
  period: '2026',
  catalogVersion,
  observations: { 'HT.01': { value: 90, source: 'self_declared' } },
});

describe('the edition registry (no bodies in the package root)', () => {
  it('is up to date with the edition files (rerun scripts/gen-registry.mjs)', async () => {
    const { readFileSync } = await import('node:fs');
    const file = new URL('./registry.generated.ts', import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(renderRegistry());
  });

  it('knows each edition body: version, id, status, date, hash recomputed, ids in order', () => {
    expect(EDITION_REGISTRY.map((e) => e.version)).toEqual(EDITIONS.map((p) => p.edition.version));
    for (const [i, info] of EDITION_REGISTRY.entries()) {
      const body = EDITIONS[i]!.edition;
      expect(info).toMatchObject({ id: body.id, status: body.status, effectiveDate: body.effectiveDate });
      expect(info.contentHash).toBe(contentHashOf(body));
      expect(criterionIdsOf(info.version)).toEqual(body.criteria.map((c) => c.id));
      expect(info.module).toBe(`@cdsx/criteria/editions/${info.version}`);
    }
  });

  it('has one latest edition: the registry, @cdsx/criteria/latest and /editions agree', () => {
    // latest is the released edition (0.2.0); 0.3.0 is published at its permalink only (RELEASING.md §7).
    expect(EDITION_REGISTRY.map((e) => e.version)).toContain(LATEST_VERSION);
    expect(LATEST_VERSION).toBe('0.2.0');
    expect(latestBody.version).toBe(LATEST_VERSION);
    expect(latestEdition.edition).toBe(latestBody);
  });

  it('the root entry exports no edition body', () => {
    const bodies = new Set<unknown>(EDITIONS.flatMap((p) => [p, p.edition]));
    const values = Object.values(root);
    expect(values.filter((v) => bodies.has(v))).toEqual([]);
    expect(Object.keys(root)).not.toContain('EDITIONS');
    expect(Object.keys(root)).not.toContain('deepFreeze');
  });
});

describe('loadEdition', () => {
  it('loads the same frozen object as the permalink subpath, and "latest"', async () => {
    const r = await loadEdition('0.1.0');
    expect(r.ok && r.value).toBe(p010);
    const l = await loadEdition('latest');
    expect(l.ok && l.value).toBe(p020);
    expect(loadedEditions()).toEqual([p010, p020]);
  });

  it('reports an unknown version as a located bilingual issue instead of rejecting', async () => {
    const r = await loadEdition('9.9.9');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ path: 'catalogVersion', code: 'unknown_catalog_version' });
      expect(r.issues[0]!.message.vi).toContain('0.1.0, 0.2.0');
    }
  });
});

describe('resolveEdition: the edition a record names', () => {
  it('picks the named edition from a list, or from a decision record', () => {
    expect(resolveEdition(assessment('0.1.0'), EDITIONS)).toEqual({ ok: true, value: p010 });
    expect(resolveEdition({ catalog: { version: '0.2.0' } }, EDITIONS)).toEqual({ ok: true, value: p020 });
    expect(editionFor(assessment('0.2.0'))).toEqual({ ok: true, value: p020 });
    expect(getEdition('latest')).toEqual({ ok: true, value: p020 });
  });

  it('tells missing, unknown, not loaded and mismatched versions apart', () => {
    const code = (r: ReturnType<typeof resolveEdition>) => (r.ok ? 'ok' : r.issues.map((i) => i.code));
    expect(code(resolveEdition(assessment(undefined), EDITIONS))).toEqual(['required']);
    expect(code(resolveEdition(assessment('1.0.0'), EDITIONS))).toEqual(['unknown_catalog_version']);
    expect(code(resolveEdition(assessment('0.1.0'), [p020]))).toEqual(['edition_not_loaded']);
    expect(code(resolveEdition(assessment('0.1.0'), p020))).toEqual(['catalog_version_mismatch']);
    expect(code(resolveEdition(assessment('0.1.0'), p010.edition))).toBe('ok');
  });
});

describe('validateAssessment without an edition', () => {
  it('resolves the named edition like assess does, never a TypeError', async () => {
    await loadEdition('0.1.0');
    expect(() => validateAssessment(assessment('0.1.0'))).not.toThrow();
    expect(validateAssessment(assessment('0.1.0')).ok).toBe(true);
    expect(validateAssessment(assessment('0.1.0'), EDITIONS).ok).toBe(true);
    const unknown = validateAssessment(assessment('7.0.0'));
    expect(unknown.ok ? [] : unknown.issues.map((i) => i.code)).toEqual(['unknown_catalog_version']);
    const missing = validateAssessment({ ...assessment(undefined), period: 5 });
    expect(missing.ok ? [] : missing.issues.map((i) => `${i.path}:${i.code}`).sort()).toEqual([
      'catalogVersion:required',
      'period:invalid_type',
    ]);
  });
});

describe('issue paths as segments', () => {
  it('validators give segments that format back to the path', () => {
    const r = validateAssessment(
      {
        ...assessment('0.2.0'),
        observations: {
          'DV.01': { value: 180, source: 'computed' },
          'X.1': { value: 1, source: 'computed' },
        },
      },
      p020,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => [i.path, issueSegments(i)])).toEqual([
        ['observations["DV.01"].value', ['observations', 'DV.01', 'value']],
        ['observations["X.1"]', ['observations', 'X.1']],
      ]);
  });

  it('parsePath inverts formatPath, and re-prefixed paths are parsed instead of trusted', () => {
    expect(parsePath('criteria[3].requirements.urban["2"].threshold')).toEqual([
      'criteria',
      3,
      'requirements',
      'urban',
      '2',
      'threshold',
    ]);
    expect(parsePath('')).toEqual([]);
    expect(issueSegments({ path: 'overlays[0].province', segments: ['province'] })).toEqual([
      'overlays',
      0,
      'province',
    ]);
  });
});

describe('typed criterion ids (opt-in)', () => {
  it('are literal unions per edition', () => {
    expectTypeOf<'HT.01'>().toMatchTypeOf<CriterionId<'0.1.0'>>();
    expectTypeOf<'DV.10'>().toMatchTypeOf<CriterionId<typeof p020>>();
    expectTypeOf<'DV.10'>().not.toMatchTypeOf<CriterionId<typeof p010.edition>>();
    // @ts-expect-error a typo is a compile error
    const typo: CriterionId<'0.2.0'> = 'HT.1';
    const obs: root.TypedObservations<'0.2.0'> = { 'HT.01': { value: true, source: 'self_declared' } };
    expect([typo, Object.keys(obs)]).toEqual(['HT.1', ['HT.01']]);
  });
});
