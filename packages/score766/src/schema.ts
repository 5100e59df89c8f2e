import { z } from 'zod';
import { CountsFileSchema } from './input';

const BASE = 'https://unpkg.com/@cdsx/score766/schema/';

/**
 * The JSON Schema files shipped in `@cdsx/score766/schema/`, generated from the zod schemas; a
 * snapshot test keeps the committed files in step.
 */
export function buildJsonSchemas(): Record<string, Record<string, unknown>> {
  const json = z.toJSONSchema(CountsFileSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
  });
  return {
    'counts.json': {
      $schema: json.$schema,
      $id: `${BASE}counts.json`,
      title: 'Số liệu chỉ số 766 theo đơn vị / QĐ 766 counts per unit',
      ...json,
    },
  };
}
