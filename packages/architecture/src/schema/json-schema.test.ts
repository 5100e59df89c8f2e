import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURES } from '../editions/index';
import { buildArchitectureJsonSchemas } from './json-schema';

const schemas = buildArchitectureJsonSchemas();

describe('shipped JSON Schema', () => {
  // `vitest -u` regenerates the file; a schema change shows up as a diff of schema/architecture.json.
  it('schema/architecture.json is up to date with the zod schema', async () => {
    await expect(`${JSON.stringify(schemas['architecture.json'], null, 2)}\n`).toMatchFileSnapshot(
      join(__dirname, '../../schema/architecture.json'),
    );
  });

  it('an independent validator (Ajv, draft 2020-12) accepts every edition and rejects a broken one', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schemas['architecture.json']!);
    for (const { edition } of ARCHITECTURES)
      expect(validate(edition), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(ARCHITECTURES[0]!.edition) as unknown as {
      components: { tier: string }[];
    };
    broken.components[0]!.tier = 'national';
    expect(validate(broken)).toBe(false);
  });
});
