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
