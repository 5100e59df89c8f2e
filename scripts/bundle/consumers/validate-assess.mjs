// Validate and assess under one pinned edition (the permalink subpath), the usual browser use.
import { validateAssessment } from '@cdsx/criteria';
import { published } from '@cdsx/criteria/editions/0.2.0';
import { assess } from '@cdsx/rules';

export function decide(input) {
  const r = validateAssessment(input, published.edition);
  return r.ok ? assess(r.value, { edition: published }) : r.issues;
}
