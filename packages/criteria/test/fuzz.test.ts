/**
 * Property-based fuzz tests of @cdsx/criteria's entry points (issue 17). Fixed seed and bounded runs in the
 * normal test run; `pnpm fuzz` (CDSX_FUZZ=1) runs many more inputs and checks a per-input time budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAssessmentAcceptor } from '../src/acceptor';
import { EDITIONS } from '../src/editions/index';
import type { ValidationIssue } from '../src/issues';
import { parseJsonText } from '../src/json';
import { parseCatalogEdition, validateAssessment } from '../src/validate';

const FUZZ = process.env.CDSX_FUZZ === '1';
const RUNS = FUZZ ? 20_000 : 200;
// Generous: the CI machine is shared; the per-input budget is checked only under `pnpm fuzz`.
const TIMEOUT = FUZZ ? 3_600_000 : 120_000;
const SEED = Number(process.env.CDSX_FUZZ_SEED ?? 17);
const BUDGET_MS = 250;
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };

/** In `pnpm fuzz` only: no single input may take longer than the budget (no wall-clock checks in CI). */
function withinBudget<T>(f: () => T): T {
  if (!FUZZ) return f();
  const start = performance.now();
  const r = f();
  expect(performance.now() - start).toBeLessThan(BUDGET_MS);
  return r;
}

function expectLocatedAndBilingual(issues: readonly ValidationIssue[], fromText: boolean) {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(typeof i.path).toBe('string');
    expect(i.code).toMatch(/^[a-z_]+$/);
    expect(i.message.vi.trim()).not.toBe('');
    expect(i.message.en.trim()).not.toBe('');
    if (fromText && i.code !== 'more_issues') expect(i.line).toBeGreaterThanOrEqual(1);
  }
}

const pkg = join(__dirname, '..');
const ajv = new Ajv2020({ allErrors: false, strict: false });
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
function shippedSchema(file: string) {
  let v = compiled.get(file);
  if (!v) {
    v = ajv.compile(JSON.parse(readFileSync(join(pkg, 'schema', file), 'utf8')));
    compiled.set(file, v);
  }
  return v;
}

// Hostile leaves: impossible dates, odd offsets, whitespace-only and control-character text, huge numbers.
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '\u00a0',
    '\ufeff',
    '\t\n',
    'a\u0000b',
    'x\u001b[2J',
    '\u202Eevil',
    '2026-02-31',
    '2024-02-29',
    '2025-02-29',
    '2100-02-29',
    '2000-02-29',
    '0000-01-01',
    '2026-04-31',
    '2026-13-01',
    '__proto__',
    'constructor',
    'HT.01',
  ),
);
const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(1e300, -1e300, Number.MAX_VALUE, 0, -0, 100.0000001, 1e-320),
);
const hostileLeaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));

const valid = JSON.parse(
  readFileSync(join(pkg, 'examples/valid/rural-commune-quarter.json'), 'utf8'),
) as Record<string, unknown>;

type Path = Array<string | number>;
function paths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const out: Path[] = [prefix];
  for (const [k, v] of Object.entries(value))
    out.push(...paths(v, [...prefix, Array.isArray(value) ? Number(k) : k]));
  return out;
}
const validPaths = paths(valid);

function setAt(root: unknown, path: Path, leaf: unknown): unknown {
  const copy = structuredClone(root);
  if (path.length === 0) return leaf;
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path.at(-1)!] = leaf;
  return copy;
}

const mutated = fc
  .array(fc.tuple(fc.constantFrom(...validPaths), hostileLeaf), { minLength: 1, maxLength: 3 })
  .map((edits) =>
    edits.reduce<unknown>((acc, [p, leaf]) => {
      try {
        return setAt(acc, p, leaf);
      } catch {
        return acc;
      }
    }, valid),
  );

describe('parseJsonText fuzz', () => {
  it(
    'never throws; rejections are located and bilingual; no prototype pollution',
    () => {
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.json().map((j) => j.replace(/"a"/g, '"__proto__"')),
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.nat({ max: 3000 }).map((n) => `${'['.repeat(n)}${n % 2 ? ']'.repeat(n) : '}'}`),
        fc
          .tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 }))
          .map(([j, at, junk]) => j.slice(0, at % (j.length + 1)) + junk + j.slice(at % (j.length + 1))),
      );
      fc.assert(
        fc.property(text, (t) => {
          const r = withinBudget(() => parseJsonText(t, 'fuzz.json'));
          if (!r.ok) expectLocatedAndBilingual(r.issues, true);
          expect(Object.prototype).not.toHaveProperty('polluted');
          expect(({} as Record<string, unknown>).a).toBeUndefined();
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'agrees with JSON.parse on every valid, shallow, key-unique document',
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
          const text = JSON.stringify(v);
          const r = parseJsonText(text);
          const hasProto = /"__proto__"\s*:/.test(text);
          if (!hasProto) expect(r).toEqual({ ok: true, value: JSON.parse(text) });
        }),
        params,
      );
    },
    TIMEOUT,
  );
});

const EVIDENCE_CODES = new Set(['numerator_exceeds_denominator', 'zero_denominator', 'evidence_mismatch']);

for (const { edition } of EDITIONS) {
  describe(`assessment fuzz under edition ${edition.version}`, () => {
    const ajvValidate = shippedSchema(`assessment-${edition.version}.json`);
    const accepts = compileAssessmentAcceptor(edition);
    const base = { ...valid, catalogVersion: edition.version };

    it(
      'library = shipped JSON Schema (Ajv); acceptor true ⇒ library accepts unchanged; rejections located',
      () => {
        fc.assert(
          fc.property(mutated, (m) => {
            const input = { ...(m as object), catalogVersion: edition.version };
            const lib = withinBudget(() => validateAssessment(input, edition));
            const viaJson = JSON.parse(JSON.stringify(input));
            const libJson = validateAssessment(viaJson, edition);
            // Numerator/denominator agreement with the value is a cross-field rule JSON Schema cannot state:
            // an input the library rejects only for it is one the shipped schema accepts (documented).
            const expected = libJson.ok || libJson.issues.every((i) => EVIDENCE_CODES.has(i.code));
            expect(ajvValidate(viaJson), JSON.stringify(input)).toBe(expected);
            if (accepts(input)) {
              expect(lib.ok).toBe(true);
              if (lib.ok) expect(lib.value).toEqual(input);
            }
            if (!lib.ok) expectLocatedAndBilingual(lib.issues, false);
          }),
          params,
        );
        expect(accepts(base)).toBe(validateAssessment(base, edition).ok);
      },
      TIMEOUT,
    );
  });
}

describe('regressions found by the fuzz campaign (issue 17, items 9 and 11)', () => {
  const edition = EDITIONS.find((e) => e.edition.version === valid.catalogVersion)!.edition;
  const ajvValidate = shippedSchema(`assessment-${edition.version}.json`);
  const accepts = compileAssessmentAcceptor(edition);
  const firstId = Object.keys(valid.observations as object)[0]!;
  const verdicts = (input: unknown) => ({
    library: validateAssessment(input, edition).ok,
    acceptor: accepts(input),
    schema: ajvValidate(input) as boolean,
  });
  const refused = { library: false, acceptor: false, schema: false };

  it('refuses impossible dates and year 0000 everywhere, accepts real leap days', () => {
    for (const d of ['2026-02-31', '2026-04-31', '2025-02-29', '2100-02-29', '0000-01-01', '0000-02-29'])
      expect(verdicts(setAt(valid, ['observations', firstId, 'observedAt'], d)), d).toEqual(refused);
    for (const d of ['2024-02-29', '2000-02-29', '2026-12-31'])
      expect(verdicts(setAt(valid, ['observations', firstId, 'observedAt'], d)), d).toEqual({
        library: true,
        acceptor: true,
        schema: true,
      });
  });

  it('refuses whitespace-only names and control characters in names and notes everywhere', () => {
    for (const name of [' ', '\u00a0', '\t', 'Xã\u0000', 'Xã\u001b[31m', '\u202EXã'])
      expect(verdicts(setAt(valid, ['commune', 'name'], name)), JSON.stringify(name)).toEqual(refused);
    for (const note of ['\u0000', 'a\u001bb', '\u2066x'])
      expect(verdicts(setAt(valid, ['observations', firstId, 'note'], note)), JSON.stringify(note)).toEqual(
        refused,
      );
    const r = validateAssessment(setAt(valid, ['commune', 'name'], '  '), edition);
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toContainEqual(['commune.name', 'blank']);
  });

  it('refuses whitespace-only catalog texts in the library and the shipped catalog schema alike', () => {
    const catalogSchema = shippedSchema('catalog.json');
    const cat = JSON.parse(JSON.stringify(edition));
    cat.criteria[0].title.vi = '   ';
    expect(parseCatalogEdition(cat).ok).toBe(false);
    expect(catalogSchema(cat)).toBe(false);
    cat.criteria[0].title.vi = 'Hạ tầng \u001b';
    expect(parseCatalogEdition(cat).ok).toBe(false);
    expect(catalogSchema(cat)).toBe(false);
  });
});
