import { z } from 'zod';
import { DossierSchema, FeedbackCaseSchema, ProcedureSchema } from './schemas';

const BASE = 'https://unpkg.com/@cdsx/kpi/schema/';

const TITLES = {
  'dossier.json': 'Hồ sơ thủ tục hành chính / Administrative-procedure dossier',
  'procedure.json': 'Thủ tục hành chính, dịch vụ công trực tuyến / Procedure and online service',
  'feedback.json': 'Phản ánh, kiến nghị (PAKN) / Feedback case',
} as const;

/**
 * The JSON Schema files shipped in `@cdsx/kpi/schema/` (one record each, i.e. one NDJSON line),
 * generated from the zod schemas; a test keeps the committed files in step. Cross-field rules
 * (an online dossier needs `onlineMode`, a finished one `finishedAt`, dates in order, real dates)
 * are checked by the readers, not expressible here: the JSON Schema is the shape, the readers the law.
 */
export function buildJsonSchemas(): Record<keyof typeof TITLES, Record<string, unknown>> {
  const one = (name: keyof typeof TITLES, schema: z.ZodType) => {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
    return { $schema: json.$schema, $id: `${BASE}${name}`, title: TITLES[name], ...json };
  };
  return {
    'dossier.json': one('dossier.json', DossierSchema),
    'procedure.json': one('procedure.json', ProcedureSchema),
    'feedback.json': one('feedback.json', FeedbackCaseSchema),
  };
}
