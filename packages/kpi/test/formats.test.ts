import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas } from '../src/json-schema';
import { readDossiersCsv } from '../src/node';
import { readDossiers, readFeedbackCases, readProcedures } from '../src/readers';

const schemaDir = fileURLToPath(new URL('../schema/', import.meta.url));
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const sample = (name: string) => readFileSync(examples + name, 'utf8');
const lines = (name: string) =>
  sample(name)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

async function readAll<T>(reader: AsyncIterable<T> & { summary: { rejected: number; issues: unknown[] } }) {
  const out: T[] = [];
  for await (const r of reader) out.push(r);
  return { out, summary: reader.summary };
}

// Snapshot of the shipped JSON Schema. Regenerate with: UPDATE_SCHEMA=1 pnpm exec vitest run --project @cdsx/kpi test/formats.test.ts
describe('shipped JSON Schema', () => {
  for (const [name, schema] of Object.entries(buildJsonSchemas())) {
    it(`schema/${name} matches the zod schema`, () => {
      const text = `${JSON.stringify(schema, null, 2)}\n`;
      if (process.env.UPDATE_SCHEMA) {
        mkdirSync(schemaDir, { recursive: true });
        writeFileSync(schemaDir + name, text);
      }
      expect(existsSync(schemaDir + name), `missing schema/${name}`).toBe(true);
      expect(readFileSync(schemaDir + name, 'utf8')).toBe(text);
    });
  }
});

describe('sample files validate against the readers and the JSON Schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validator = (name: string) =>
    ajv.getSchema(`https://unpkg.com/@cdsx/kpi/schema/${name}`) ??
    ajv.compile(JSON.parse(readFileSync(schemaDir + name, 'utf8')) as Record<string, unknown>);

  const cases = [
    { file: 'dossiers.ndjson', schema: 'dossier.json', read: readDossiers, count: 4 },
    { file: 'procedures.ndjson', schema: 'procedure.json', read: readProcedures, count: 3 },
    { file: 'feedback.ndjson', schema: 'feedback.json', read: readFeedbackCases, count: 5 },
  ] as const;
  for (const c of cases) {
    it(`examples/${c.file}`, async () => {
      const records = lines(c.file);
      expect(records).toHaveLength(c.count);
      const { out, summary } = await readAll(c.read(sample(c.file)) as never);
      expect(summary.issues).toEqual([]);
      expect(out).toEqual(records); // nothing dropped, nothing coerced
      const validate = validator(c.schema);
      for (const r of records) expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it('examples/dossiers.csv reads to the same dossiers as dossiers.ndjson', async () => {
    const { out, summary } = await readAll(readDossiersCsv(sample('dossiers.csv')));
    expect(summary.issues).toEqual([]);
    expect(out).toEqual(lines('dossiers.ndjson'));
    const validate = validator('dossier.json');
    for (const r of out) expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the JSON Schema rejects what the readers reject for shape (oracle check)', () => {
    const validate = validator('feedback.json');
    const [good] = lines('feedback.ndjson');
    expect(validate({ ...good, outcome: 'done' })).toBe(false);
    expect(validate({ ...good, extra: 1 })).toBe(false);
    const { id: _id, ...noId } = good!;
    expect(validate(noId)).toBe(false);
  });
});
