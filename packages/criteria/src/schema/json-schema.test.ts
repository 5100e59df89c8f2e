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

  for (const { edition } of EDITIONS) {
    for (const ex of examples) {
      it(`${ex.file}: same verdict under edition ${edition.version}`, () => {
        const target = getEdition(ex.data?.catalogVersion ?? '').ok
          ? ex.data.catalogVersion
          : edition.version;
        if (target !== edition.version) return;
        const file = `assessment-${edition.version}.json`;
        const validateEdition = ajv.getSchema(BASE + file) ?? ajv.compile(loadSchema(file));
        const zodOk = validateAssessment(ex.data, edition).ok;
        const ajvOk = validateEdition(ex.data) as boolean;
        expect({ zodOk, ajvOk }).toEqual({ zodOk: ex.kind === 'valid', ajvOk: ex.kind === 'valid' });
      });
    }
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
