import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas } from '../src/schema';

const dir = fileURLToPath(new URL('../schema/', import.meta.url));

// Snapshot of the shipped JSON Schema files. Regenerate with: UPDATE_SCHEMA=1 pnpm exec vitest run test/schema.test.ts
describe('shipped JSON Schema', () => {
  for (const [file, schema] of Object.entries(buildJsonSchemas())) {
    it(`schema/${file} matches the zod schema`, () => {
      const text = `${JSON.stringify(schema, null, 2)}\n`;
      if (process.env.UPDATE_SCHEMA) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(dir + file, text);
      }
      expect(existsSync(dir + file), `missing schema/${file}`).toBe(true);
      expect(readFileSync(dir + file, 'utf8')).toBe(text);
    });
  }
});

describe('every shipped fixture and overlay is valid under the shipped JSON Schemas (Ajv, draft 2020-12)', async () => {
  const { readdirSync } = await import('node:fs');
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const load = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
  const criteriaSchemas = fileURLToPath(new URL('../../criteria/schema/', import.meta.url));
  const fixtureSchema = ajv.compile(load(`${dir}fixture.json`));
  const overlaySchema = ajv.compile(load(`${dir}overlay.json`));
  const assessmentSchema = (version: string) => {
    const s = load(`${criteriaSchemas}assessment-${version}.json`);
    return ajv.getSchema(s.$id) ?? ajv.compile(s);
  };
  const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
  const files = readdirSync(root).flatMap((v) =>
    readdirSync(root + v)
      .filter((f) => f.endsWith('.json'))
      .map((f) => `${v}/${f}`),
  );

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)('%s', (file) => {
    const data = load(root + file);
    expect(fixtureSchema(data), JSON.stringify(fixtureSchema.errors)).toBe(true);
    const validate = assessmentSchema(data.assessment.catalogVersion);
    // Overlay criteria are outside the edition's schema: an assessment with an overlay may observe them.
    if (!data.overlays?.length) expect(validate(data.assessment), JSON.stringify(validate.errors)).toBe(true);
    for (const o of data.overlays ?? [])
      expect(overlaySchema(o), JSON.stringify(overlaySchema.errors)).toBe(true);
  });
});
