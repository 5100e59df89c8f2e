import type { PublishedEdition } from '@cdsx/criteria';
import { communesOfProvince } from '@cdsx/criteria/communes';
import { getEdition } from '@cdsx/criteria/editions';
import { kpiResult } from '@cdsx/kpi';
import type { DecisionRecord, Finding } from '@cdsx/rules';
import type { Plan, Target } from '../src/index';

export const EDITION: PublishedEdition = (() => {
  const r = getEdition('0.2.0');
  if (!r.ok) throw new Error('edition 0.2.0 missing');
  return r.value;
})();

/** Lai Châu: the province with the fewest communes (38). */
export const PROVINCE = '12';
export const COMMUNES = communesOfProvince(PROVINCE);

export function target(over: Partial<Target> & Pick<Target, 'indicator' | 'value'>): Target {
  return { id: 'T1', group: 'digital_government', comparison: '>=', source: 'test line 1', ...over };
}

export function plan(over: Partial<Plan> = {}, targets: Target[] = []): Plan {
  return {
    format: 'cdsx-plan/1',
    status: 'draft',
    owner: { level: 'province', code: PROVINCE },
    year: 2026,
    catalogVersion: '0.2.0',
    targets,
    ...over,
  };
}

/**
 * A hand-made decision record: only the fields a plan evaluation reads are meaningful. `findings` lists
 * `[criterion, level, outcome, observed]`.
 */
export function record(
  code: string,
  level: number,
  options: {
    possibleLevel?: number;
    provinceCode?: string;
    period?: string;
    version?: string;
    findings?: Array<[string, number, Finding['outcome'], number | boolean | null]>;
  } = {},
): DecisionRecord {
  const possibleLevel = options.possibleLevel ?? level;
  return {
    recordVersion: 2,
    catalog: {
      id: EDITION.edition.id,
      version: options.version ?? '0.2.0',
      contentHash: EDITION.contentHash,
    },
    commune: { code, name: code, provinceCode: options.provinceCode ?? PROVINCE, unitType: 'xa' },
    period: options.period ?? '2026',
    level: { level, name: { vi: '', en: '' } },
    possibleLevel,
    provisional: possibleLevel !== level,
    synthetic: false,
    findings: (options.findings ?? []).map(([criterion, lvl, outcome, observed]) => ({
      criterion,
      level: lvl,
      kind: 'mandatory',
      outcome,
      observed,
      comparison: '>=',
      threshold: 0,
      gap: null,
    })),
  } as unknown as DecisionRecord;
}

export const kpis = (values: Record<string, [number, number]>) =>
  Object.fromEntries(Object.entries(values).map(([id, [n, d]]) => [id, kpiResult(id as never, n, d)]));
