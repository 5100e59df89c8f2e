import { z } from 'zod';
import { EDITIONS } from '../editions/index';
import { AssessmentSchema, CatalogEditionSchema, CommuneProfileSchema } from '../model';
import { assessmentSchemaFor } from '../validate';

const BASE = 'https://unpkg.com/@cdsx/criteria/schema/';

function toJsonSchema(schema: z.ZodType, file: string, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  return { $schema: json.$schema, $id: BASE + file, title, ...json };
}

/**
 * The JSON Schema (draft 2020-12) files shipped in `@cdsx/criteria/schema/`, generated from the zod schemas.
 * Keys are file names. A snapshot test keeps the committed files in step with this output.
 */
export function buildJsonSchemas(): Record<string, Record<string, unknown>> {
  const files: Record<string, Record<string, unknown>> = {
    'catalog.json': toJsonSchema(
      CatalogEditionSchema,
      'catalog.json',
      'Bộ tiêu chí / criteria catalog edition',
    ),
    'assessment.json': toJsonSchema(
      AssessmentSchema,
      'assessment.json',
      'Đánh giá / assessment (any edition)',
    ),
    'commune-profile.json': toJsonSchema(
      CommuneProfileSchema,
      'commune-profile.json',
      'Hồ sơ đơn vị cấp xã / commune profile',
    ),
  };
  for (const { edition } of EDITIONS) {
    const file = `assessment-${edition.version}.json`;
    files[file] = toJsonSchema(
      assessmentSchemaFor(edition),
      file,
      `Đánh giá theo bộ tiêu chí ${edition.version} / assessment under edition ${edition.version}`,
    );
  }
  return files;
}
