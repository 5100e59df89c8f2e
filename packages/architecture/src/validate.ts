import type { ParseResult } from '@cdsx/criteria';
import { fromZodError } from '@cdsx/criteria/internal';
import { type ArchitectureEdition, ArchitectureEditionSchema } from './model';

/**
 * Validate an architecture edition's structure (use {@link lintArchitecture} for the semantic checks).
 *
 * @example
 * const r = parseArchitectureEdition(JSON.parse(text));
 * if (!r.ok) console.error(formatIssues(r.issues));
 */
export function parseArchitectureEdition(input: unknown): ParseResult<ArchitectureEdition> {
  const r = ArchitectureEditionSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: fromZodError(r.error) };
}
