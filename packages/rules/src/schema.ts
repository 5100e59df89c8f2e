import { z } from 'zod';
import { FixtureSchema } from './fixtures';
import { OverlaySchema } from './overlay';

const BASE = 'https://unpkg.com/@cdsx/rules/schema/';

function toJsonSchema(schema: z.ZodType, file: string, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  return { $schema: json.$schema, $id: BASE + file, title, ...json };
}

/**
 * The JSON Schema files shipped in `@cdsx/rules/schema/`, generated from the zod schemas; a snapshot
 * test keeps the committed files in step.
 */
export function buildJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'overlay.json': toJsonSchema(
      OverlaySchema,
      'overlay.json',
      'Bộ tiêu chí bổ sung của tỉnh / province overlay',
    ),
    'fixture.json': toJsonSchema(FixtureSchema, 'fixture.json', 'Ca kiểm thử tuân thủ / conformance fixture'),
  };
}
