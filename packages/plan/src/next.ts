import type { PlanEvaluation } from './evaluate';
import { NATIONAL_TARGETS, type NationalTarget, nationalTargetsFor } from './national';
import { PLAN_FORMAT, type Plan, type Target } from './schema';

/** Options of {@link nextYearPlan}. */
export interface NextYearOptions {
  /** National targets to propose from (default: {@link NATIONAL_TARGETS}). */
  nationalTargets?: readonly NationalTarget[];
}

/** The strictest of several targets on the same indicator (highest for `>=`, lowest for `<=`). */
function strictest(list: readonly NationalTarget[]): NationalTarget {
  return [...list].sort((a, b) => {
    if (a.comparison === '<=' && b.comparison === '<=') return a.value - b.value || (a.id < b.id ? -1 : 1);
    return b.value - a.value || (a.id < b.id ? -1 : 1);
  })[0]!;
}

/**
 * The next year's plan skeleton (a `draft`): the same targets with `baseline` = this year's actual (`null`
 * when it was not available), and, for each national target that applies next year and is measured by a KPI
 * the plan has no target on, a proposed target (`proposal: true`) with the national value and its source line.
 * The skeleton validates with {@link validatePlan}; the plan's authors then set the values and adopt or drop
 * the proposals.
 */
export function nextYearPlan(plan: Plan, evaluation: PlanEvaluation, options: NextYearOptions = {}): Plan {
  if (evaluation.plan.year !== plan.year || evaluation.plan.owner.code !== plan.owner.code) {
    throw new RangeError(
      `evaluation of ${evaluation.plan.owner.code} ${evaluation.plan.year} given for plan ${plan.owner.code} ${plan.year}`,
    );
  }
  const year = plan.year + 1;
  const actual = new Map(evaluation.targets.map((t) => [t.id, t]));
  // Keys in the schema's order, so the skeleton is byte-identical to its own validated form.
  const targets: Target[] = plan.targets.map((t) => ({
    id: t.id,
    group: t.group,
    ...(t.title ? { title: t.title } : {}),
    indicator: t.indicator,
    comparison: t.comparison,
    value: t.value,
    baseline: { year: plan.year, value: actual.get(t.id)?.actual ?? null },
    ...(t.nationalTarget ? { nationalTarget: t.nationalTarget } : {}),
    ...(t.proposal ? { proposal: true as const } : {}),
    source: t.source,
  }));
  const covered = new Set<string>();
  for (const t of plan.targets) {
    if (t.indicator.kind === 'kpi') covered.add(t.indicator.kpi);
  }
  const table = options.nationalTargets ?? NATIONAL_TARGETS;
  const applicable = nationalTargetsFor(year).filter((n) => table.includes(n));
  const byKpi = new Map<string, NationalTarget[]>();
  for (const n of applicable) {
    if (n.kpi === null || covered.has(n.kpi)) continue;
    byKpi.set(n.kpi, [...(byKpi.get(n.kpi) ?? []), n]);
  }
  const ids = new Set(targets.map((t) => t.id));
  for (const kpi of [...byKpi.keys()].sort()) {
    const n = strictest(byKpi.get(kpi)!);
    let id = `DX.${n.id}`;
    for (let k = 2; ids.has(id); k++) id = `DX.${n.id}-${k}`;
    ids.add(id);
    targets.push({
      id,
      group: 'digital_government',
      title: n.title,
      indicator: { kind: 'kpi', kpi },
      comparison: n.comparison,
      value: n.value,
      nationalTarget: n.id,
      proposal: true,
      source: `${n.source.document}${n.source.article ? ` ${n.source.article}` : ''}: ${n.source.line}`,
    });
  }
  const next: Plan = {
    format: PLAN_FORMAT,
    status: 'draft',
    ...(plan.example ? { example: true } : {}),
    owner: plan.owner,
    year,
    catalogVersion: plan.catalogVersion,
    targets,
  };
  return next;
}
