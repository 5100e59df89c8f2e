import {
  AREA_GROUPS,
  type AreaGroup,
  type CatalogEdition,
  type Criterion,
  type LocalizedText,
} from '@cdsx/criteria';
import type { ArchitectureEdition, Component, PublishedArchitecture } from './model';
import { formatPath } from './path';

/** The checks {@link lintTrace} runs; each has a test with a crafted broken edition. */
export const TRACE_LINT_RULES = [
  'trace-architecture-mismatch',
  'trace-missing',
  'trace-unknown-code',
  'trace-extension-slot',
  'trace-area-scope',
  'essential-unmeasured',
  'unmeasured-contradiction',
] as const;
export type TraceLintRule = (typeof TRACE_LINT_RULES)[number];

export interface TraceLintProblem {
  rule: TraceLintRule;
  path: string;
  /** The criterion or component concerned. */
  code?: string;
  message: LocalizedText;
}

/** Essential-at-commune components a commune deploys (extension slots excluded). */
export function essentialComponents(arch: ArchitectureEdition): Component[] {
  return arch.components.filter((c) => c.tier === 'commune_essential' && !c.extensionSlot);
}

/** For each component or cross-cutting code, the criteria of the edition that trace to it. */
export function criteriaByComponent(catalog: CatalogEdition): Map<string, Criterion[]> {
  const out = new Map<string, Criterion[]>();
  for (const c of catalog.criteria)
    for (const code of c.architecture ?? []) {
      const list = out.get(code) ?? [];
      list.push(c);
      out.set(code, list);
    }
  return out;
}

/** Whether a criterion applies to an area group at any level (some requirement is not `not_applicable`). */
export function appliesTo(c: Criterion, group: AreaGroup): boolean {
  return Object.values(c.requirements[group] ?? {}).some((r) => r.kind !== 'not_applicable');
}

/**
 * Check a criteria edition's trace to the reference architecture it declares: the declaration names this
 * architecture (id, version, hash); every criterion names at least one existing component or cross-cutting
 * code, never an open extension slot; a criterion that measures only area-specific components does not apply
 * to an area group none of them belongs to; every essential-at-commune component is measured by at least one
 * criterion or listed in `architecture.unmeasured` with a reason — and not both.
 *
 * @example
 * const problems = lintTrace(getEdition('0.3.0').value.edition, latestArchitecture);
 */
export function lintTrace(catalog: CatalogEdition, architecture: PublishedArchitecture): TraceLintProblem[] {
  const problems: TraceLintProblem[] = [];
  const add = (rule: TraceLintRule, path: PropertyKey[], message: LocalizedText, code?: string) => {
    problems.push({ rule, path: formatPath(path), message, ...(code ? { code } : {}) });
  };
  const arch = architecture.edition;
  const ref = catalog.architecture;
  if (!ref) {
    add('trace-missing', ['architecture'], {
      vi: 'bộ tiêu chí không khai báo kiến trúc tham chiếu',
      en: 'the edition declares no reference architecture',
    });
    return problems;
  }
  if (ref.id !== arch.id || ref.version !== arch.version || ref.contentHash !== architecture.contentHash)
    add('trace-architecture-mismatch', ['architecture'], {
      vi: `bộ tiêu chí khai báo kiến trúc ${ref.id}@${ref.version} (${ref.contentHash}), không phải ${arch.id}@${arch.version} (${architecture.contentHash})`,
      en: `the edition declares architecture ${ref.id}@${ref.version} (${ref.contentHash}), not ${arch.id}@${arch.version} (${architecture.contentHash})`,
    });

  const components = new Map(arch.components.map((c) => [c.code, c]));
  const parts = new Set(arch.crossCutting.map((x) => x.code));
  catalog.criteria.forEach((c, i) => {
    const codes = c.architecture ?? [];
    if (codes.length === 0)
      add(
        'trace-missing',
        ['criteria', i, 'architecture'],
        { vi: 'tiêu chí không nêu mã thành phần nào', en: 'the criterion names no component code' },
        c.id,
      );
    codes.forEach((code, k) => {
      const comp = components.get(code);
      if (!comp && !parts.has(code))
        add(
          'trace-unknown-code',
          ['criteria', i, 'architecture', k],
          {
            vi: `mã ${code} không có trong kiến trúc ${arch.version}`,
            en: `code ${code} is not in architecture ${arch.version}`,
          },
          c.id,
        );
      else if (comp?.extensionSlot)
        add(
          'trace-extension-slot',
          ['criteria', i, 'architecture', k],
          {
            vi: `${code} là ô mở rộng "…khác", không phải thành phần để đo`,
            en: `${code} is an open "…other" extension slot, not a component to measure`,
          },
          c.id,
        );
    });
    const traced = codes.map((code) => components.get(code)).filter((x): x is Component => !!x);
    if (
      traced.length === codes.length &&
      traced.length > 0 &&
      traced.every((t) => t.tier === 'area_specific')
    ) {
      const groups = new Set(traced.flatMap((t) => t.areaGroups ?? []));
      for (const g of AREA_GROUPS)
        if (!groups.has(g) && appliesTo(c, g))
          add(
            'trace-area-scope',
            ['criteria', i, 'requirements', g],
            {
              vi: `tiêu chí chỉ đo thành phần theo loại địa bàn (${codes.join(', ')}) nên không được áp dụng cho nhóm ${g}`,
              en: `the criterion measures only area-specific components (${codes.join(', ')}), so it must not apply to the ${g} group`,
            },
            c.id,
          );
    }
  });

  const measured = criteriaByComponent(catalog);
  const unmeasured = new Map(ref.unmeasured.map((u, i) => [u.code, i]));
  for (const comp of essentialComponents(arch)) {
    const by = measured.get(comp.code) ?? [];
    if (by.length === 0 && !unmeasured.has(comp.code))
      add(
        'essential-unmeasured',
        ['architecture', 'unmeasured'],
        {
          vi: `thành phần thiết yếu ${comp.code} không có tiêu chí nào đo và không được liệt kê là cố ý không đo`,
          en: `essential component ${comp.code} is measured by no criterion and not listed as deliberately unmeasured`,
        },
        comp.code,
      );
  }
  ref.unmeasured.forEach((u, i) => {
    const comp = components.get(u.code);
    if (comp?.tier !== 'commune_essential' || comp.extensionSlot)
      add(
        'unmeasured-contradiction',
        ['architecture', 'unmeasured', i, 'code'],
        {
          vi: `${u.code} không phải thành phần thiết yếu của kiến trúc`,
          en: `${u.code} is not an essential component of the architecture`,
        },
        u.code,
      );
    else if ((measured.get(u.code) ?? []).length > 0)
      add(
        'unmeasured-contradiction',
        ['architecture', 'unmeasured', i, 'code'],
        {
          vi: `${u.code} được liệt kê là không đo nhưng có tiêu chí đo: ${measured
            .get(u.code)!
            .map((c) => c.id)
            .join(', ')}`,
          en: `${u.code} is listed as unmeasured but criteria measure it: ${measured
            .get(u.code)!
            .map((c) => c.id)
            .join(', ')}`,
        },
        u.code,
      );
  });
  return problems;
}
