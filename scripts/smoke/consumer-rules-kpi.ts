// A vendor's TypeScript file: must type-check against the packed @cdsx/rules and @cdsx/kpi under node16 and bundler.
import type { Assessment } from '@cdsx/criteria';
import { formatKpiValue, isWorkingDay, type KpiResult } from '@cdsx/kpi';
import { type DecisionRecord, type Finding, tryAssess } from '@cdsx/rules';

export function levelOf(a: Assessment): number | null {
  const r = tryAssess(a);
  if (!r.ok) return null;
  const record: DecisionRecord = r.value;
  const missing: Finding[] = record.findings.filter((f) => f.outcome === 'not_available');
  return missing.length >= 0 ? record.level.level : null;
}

export function show(k: KpiResult): string {
  return `${formatKpiValue(k)} ${isWorkingDay('2026-01-10') ? 'working Saturday' : ''}`;
}
