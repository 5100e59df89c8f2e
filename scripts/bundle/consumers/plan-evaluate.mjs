// A plan dashboard: validate a plan and evaluate it on data the page already holds (no edition body up front).
import { evaluatePlan, validatePlan } from '@cdsx/plan';

export const check = (json, edition) => validatePlan(json, edition);
export const evaluate = (plan, data, edition) => evaluatePlan(plan, data, { edition });
