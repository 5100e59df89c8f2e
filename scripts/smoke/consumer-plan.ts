// A vendor's TypeScript file: must type-check against the packed @cdsx/plan under node16 and bundler.
import type { PublishedEdition } from '@cdsx/criteria';
import { evaluatePlan, formatIssues, type Plan, type PlanEvaluation, validatePlan } from '@cdsx/plan';

export function evaluateText(json: unknown, edition: PublishedEdition): PlanEvaluation | string {
  const r = validatePlan(json, edition);
  if (!r.ok) return formatIssues(r.issues, 'en');
  const plan: Plan = r.value;
  return evaluatePlan(plan, { period: String(plan.year) }, { edition });
}
