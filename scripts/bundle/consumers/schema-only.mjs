// A vendor who only wants one zod schema to check an assessment's shape.
import { AssessmentSchema } from '@cdsx/criteria';

export const check = (input) => AssessmentSchema.safeParse(input).success;
