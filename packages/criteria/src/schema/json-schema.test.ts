import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { EDITIONS, getEdition } from '../editions/index';
import { parseCommuneProfile, validateAssessment } from '../validate';
import { buildJsonSchemas } from './json-schema';

const pkg = join(__dirname, '../..');
const BASE = 'https://unpkg.com/@cdsx/criteria/schema/';
const schemas = buildJsonSchemas();

describe('shipped JSON Schema files', () => {
  // `vitest -u` regenerates the files; in review a schema change shows up as a diff of schema/*.json.
  for (const [file, schema] of Object.entries(schemas)) {
    it(`schema/${file} is up to date with the zod schemas`, async () => {
      await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(join(pkg, 'schema', file));
    });
  }

  it('ships exactly the generated files', () => {
    const shipped = readdirSync(join(pkg, 'schema'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(shipped).toEqual(Object.keys(schemas).sort());
  });
});

function loadSchema(file: string) {
  return JSON.parse(readFileSync(join(pkg, 'schema', file), 'utf8'));
}

describe('zod and an independent JSON Schema validator (Ajv, draft 2020-12) agree', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const examplesDir = join(pkg, 'examples');
  const examples = ['valid', 'invalid'].flatMap((kind) =>
    (existsSync(join(examplesDir, kind)) ? readdirSync(join(examplesDir, kind)) : [])
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({
        kind,
        file: `${kind}/${f}`,
        data: JSON.parse(readFileSync(join(examplesDir, kind, f), 'utf8')),
      })),
  );

  it('has valid and invalid examples to compare', () => {
    expect(examples.filter((e) => e.kind === 'valid').length).toBeGreaterThanOrEqual(4);
    expect(examples.filter((e) => e.kind === 'invalid').length).toBeGreaterThanOrEqual(8);
  });

  // Every example is checked under every edition: under the edition it names (or every edition when it names
  // none or an unknown one) zod and Ajv must both give the expected verdict; carried to another edition (its
  // catalogVersion rewritten) they must still agree with each other. So each edition's schema meets every example.
  const verdicts = (edition: (typeof EDITIONS)[number]['edition'], data: unknown) => {
    const file = `assessment-${edition.version}.json`;
    const validateEdition = ajv.getSchema(BASE + file) ?? ajv.compile(loadSchema(file));
    return { zodOk: validateAssessment(data, edition).ok, ajvOk: validateEdition(data) as boolean };
  };
  for (const { edition } of EDITIONS) {
    const own = (ex: (typeof examples)[number]) =>
      (getEdition(ex.data?.catalogVersion ?? '').ok ? ex.data.catalogVersion : edition.version) ===
      edition.version;
    for (const ex of examples) {
      it(`${ex.file}: same verdict under edition ${edition.version}`, { timeout: 60_000 }, () => {
        if (own(ex)) {
          expect(verdicts(edition, ex.data)).toEqual({
            zodOk: ex.kind === 'valid',
            ajvOk: ex.kind === 'valid',
          });
        } else {
          const carried = { ...ex.data, catalogVersion: edition.version };
          const v = verdicts(edition, carried);
          expect(v.ajvOk, 'Ajv agrees with zod').toBe(v.zodOk);
        }
      });
    }
    it(`edition ${edition.version}: the examples exercise both verdicts`, { timeout: 60_000 }, () => {
      const oks = examples.map((ex) =>
        own(ex)
          ? verdicts(edition, ex.data).zodOk
          : verdicts(edition, { ...ex.data, catalogVersion: edition.version }).zodOk,
      );
      expect(oks).toContain(true);
      expect(oks).toContain(false);
    });
  }

  it('the generic assessment schema accepts every valid example', () => {
    const validate = ajv.compile(loadSchema('assessment.json'));
    for (const ex of examples.filter((e) => e.kind === 'valid'))
      expect(validate(ex.data), ex.file).toBe(true);
  });

  it('the catalog schema accepts every shipped edition, and the profile schema agrees with zod', () => {
    const validateCatalog = ajv.compile(loadSchema('catalog.json'));
    for (const { edition } of EDITIONS)
      expect(validateCatalog(edition), JSON.stringify(validateCatalog.errors)).toBe(true);
    const validateProfile = ajv.compile(loadSchema('commune-profile.json'));
    for (const p of [
      { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' },
      { code: '0004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' },
      { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'quan' },
      { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'xa', areaGroup: 'remote' },
      { code: '00004', name: '', provinceCode: '01', unitType: 'xa' },
    ]) {
      expect(validateProfile(p)).toBe(parseCommuneProfile(p).ok);
    }
  });
});
