import { z } from 'zod';
import { ArchitectureEditionSchema } from '../model';

const BASE = 'https://unpkg.com/@cdsx/architecture/schema/';

/**
 * The JSON Schema (draft 2020-12) files shipped in `@cdsx/architecture/schema/`, generated from the zod
 * schemas. Keys are file names; a snapshot test keeps the committed files in step.
 */
export function buildArchitectureJsonSchemas(): Record<string, Record<string, unknown>> {
  const json = z.toJSONSchema(ArchitectureEditionSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
  });
  return {
    'architecture.json': {
      $schema: json.$schema,
      $id: `${BASE}architecture.json`,
      title: 'Kiến trúc tham chiếu / reference architecture edition',
      ...json,
    },
  };
}
