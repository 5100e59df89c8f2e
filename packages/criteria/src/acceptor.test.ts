import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileAssessmentAcceptor } from './acceptor';
import { EDITIONS } from './editions/index';
import { canonicalJson } from './hash';
import type { CatalogEdition } from './model';
import { validateAssessment } from './validate';

/** Small seeded PRNG (mulberry32) so failures reproduce. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIRD: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  0.5,
  100,
  100.01,
  180,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  ' padded ',
  'x',
  '00004',
  '2026-Q1',
  '2026-13',
  '2026-02-30',
  '%',
  'self_declared',
  'remote',
  'phuong',
  [],
  {},
  { value: 1, source: 'self_declared' },
];

function validFor(edition: CatalogEdition, random: () => number) {
  const observations: Record<string, unknown> = {};
  for (const c of edition.criteria) {
    if (random() < 0.2) continue;
    const pick = (xs: unknown[]) => xs[Math.floor(random() * xs.length)];
    const value =
      c.measure === 'boolean'
        ? random() < 0.5
        : c.measure === 'percentage'
          ? pick([0, 100, 50.5, 99.99])
          : c.measure === 'number'
            ? pick([0, 1, 250])
            : pick((c.scale ?? []).map((p) => p.value));
    const o: Record<string, unknown> = {
      value,
      source: pick(['self_declared', 'computed', 'national_platform']),
    };
    if (c.unit && random() < 0.3) o.unit = c.unit.vi;
    // A percentage's fraction agrees with its value (value/100); other measures carry any fraction n ≤ d.
    if (random() < 0.2)
      o.evidence =
        c.measure === 'percentage' && typeof value === 'number'
          ? { reference: 'QĐ 1/QĐ-UBND', numerator: value, denominator: 100 }
          : { reference: 'QĐ 1/QĐ-UBND', numerator: 3, denominator: 4 };
    if (random() < 0.2) o.observedAt = '2026-03-31';
    observations[c.id] = o;
  }
  return {
    commune: { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' },
    period: '2026-Q1',
    catalogVersion: edition.version,
    observations,
  } as Record<string, unknown>;
}

/** Apply one random mutation somewhere in the object tree. */
function mutate(input: Record<string, unknown>, random: () => number): void {
  const paths: Array<[Record<string, unknown>, string]> = [];
  const walk = (o: Record<string, unknown>) => {
    for (const k of Object.keys(o)) {
      paths.push([o, k]);
      const v = o[k];
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>);
    }
  };
  walk(input);
  const [obj, key] = paths[Math.floor(random() * paths.length)]!;
  const r = random();
  if (r < 0.15) delete obj[key];
  else if (r < 0.25) obj[random() < 0.5 ? 'extra' : '__proto__'] = 1;
  else if (r < 0.3)
    (input.observations as Record<string, unknown>)[random() < 0.5 ? 'ZZ.99' : 'not an id'] = {
      value: 1,
      source: 'computed',
    };
  else obj[key] = WEIRD[Math.floor(random() * WEIRD.length)];
}

function agrees(edition: CatalogEdition, input: unknown, unknownCriteria: 'error' | 'allow') {
  const acceptor = compileAssessmentAcceptor(edition, { unknownCriteria });
  const accepts = acceptor(input);
  // Asked to read the observations too: the same verdict, and when it accepts, the values by criterion index
  // and the unknown ids exactly as read independently from the input's own keys.
  const values = new Array<unknown>(edition.criteria.length).fill(undefined);
  const unknown: string[] = [];
  expect(acceptor(input, values, unknown)).toBe(accepts);
  if (accepts) {
    const obs = (input as { observations: Record<string, { value: unknown }> }).observations;
    const ids = new Set(edition.criteria.map((c) => c.id));
    expect(values).toEqual(
      edition.criteria.map((c) => (Object.hasOwn(obs, c.id) ? obs[c.id]!.value : undefined)),
    );
    expect(unknown).toEqual(Object.keys(obs).filter((id) => !ids.has(id)));
  }
  const r = validateAssessment(input, edition, { unknownCriteria });
  // Accepting means: zod accepts it and returns the same data (nothing trimmed; key order aside).
  const zodAcceptsUnchanged = r.ok && canonicalJson(r.value) === canonicalJson(input);
  return { accepts, zodAcceptsUnchanged };
}

describe.each(EDITIONS.map((p) => [p.edition.version, p.edition] as const))(
  'compileAssessmentAcceptor (edition %s)',
  (_v, edition) => {
    it('agrees with validateAssessment on the shipped examples', () => {
      const dir = join(__dirname, '../examples');
      for (const kind of ['valid', 'invalid']) {
        for (const f of readdirSync(join(dir, kind))) {
          const data = JSON.parse(readFileSync(join(dir, kind, f), 'utf8'));
          if (data.catalogVersion !== edition.version) data.catalogVersion = edition.version;
          const { accepts, zodAcceptsUnchanged } = agrees(edition, data, 'error');
          expect(accepts, `${kind}/${f}`).toBe(zodAcceptsUnchanged);
        }
      }
    });

    it('says false (validateAssessment decides) for keys inherited through another prototype', () => {
      const accepts = compileAssessmentAcceptor(edition, { unknownCriteria: 'allow' });
      const plain = validFor(edition, rng(7));
      expect(accepts(plain)).toBe(true);
      const obs = plain.observations as Record<string, unknown>;
      // Observations whose prototype carries one more observation.
      const inherited = Object.assign(Object.create({ 'ZZ.99': { value: 1, source: 'computed' } }), obs);
      expect(accepts({ ...plain, observations: inherited })).toBe(false);
      // One observation inheriting an unknown key.
      const [id] = Object.keys(obs);
      const odd = Object.assign(Object.create({ extra: 1 }), obs[id!]);
      expect(accepts({ ...plain, observations: { ...obs, [id!]: odd } })).toBe(false);
      // A null-prototype observations object is read like a plain one.
      expect(accepts({ ...plain, observations: Object.assign(Object.create(null), obs) })).toBe(true);
    });

    it('agrees with validateAssessment on 4,000 random valid and mutated assessments', () => {
      const random = rng(20261122);
      let accepted = 0;
      for (let i = 0; i < 4000; i++) {
        const input = validFor(edition, random);
        const mutations = i % 4 === 0 ? 0 : 1 + Math.floor(random() * 2);
        for (let m = 0; m < mutations; m++) mutate(input, random);
        for (const mode of ['error', 'allow'] as const) {
          const { accepts, zodAcceptsUnchanged } = agrees(edition, input, mode);
          if (accepts !== zodAcceptsUnchanged) {
            throw new Error(
              `disagreement (${mode}) on ${JSON.stringify(input)}: acceptor ${accepts}, zod ${zodAcceptsUnchanged}`,
            );
          }
          if (accepts) accepted++;
        }
      }
      // Both outcomes must be well represented, or the test proves little.
      expect(accepted).toBeGreaterThan(1500);
      expect(accepted).toBeLessThan(6500);
    }, 120_000);
  },
);
