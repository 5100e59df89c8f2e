import { formatPath } from './issues';
import { compareThresholds } from './levels';
import {
  type ApplicableRequirement,
  AREA_GROUPS,
  type AreaGroup,
  type CatalogEdition,
  type Comparison,
  type Criterion,
  DIMENSIONS,
  type Requirement,
} from './model';
import type { LocalizedText } from './text';

/** The checks {@link lintCatalog} runs; each has a test with a crafted broken catalog. */
export const LINT_RULES = [
  'duplicate-id',
  'missing-requirement',
  'unknown-level',
  'non-monotone-level',
  'remote-stricter-than-urban',
  'unit-measure-mismatch',
  'threshold-type-mismatch',
  'mixed-comparison',
  'missing-citation',
  'missing-text',
  'level-definitions',
  'level-rule-parameters',
  'empty-dimension',
  'architecture-trace',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

/** One problem found by {@link lintCatalog}. */
export interface LintProblem {
  rule: LintRule;
  /** Location in the edition, e.g. `criteria[4].requirements.remote["2"].threshold`. */
  path: string;
  /** The criterion concerned, when there is one. */
  criterion?: string;
  message: LocalizedText;
}

const KIND_RANK: Record<Requirement['kind'], number> = { not_applicable: 0, extended: 1, mandatory: 2 };

/** Whether `b` asks more than `a` under the same comparison ({@link compareThresholds}). */
const asksMore = (a: ApplicableRequirement, b: ApplicableRequirement): boolean =>
  compareThresholds(a.comparison, a.threshold, b.threshold) === 1;

function hasText(t: LocalizedText | undefined | null): boolean {
  return (
    !!t && typeof t.vi === 'string' && t.vi.trim() !== '' && typeof t.en === 'string' && t.en.trim() !== ''
  );
}

/**
 * Check a catalog edition for the mistakes a maintainer can make and a schema cannot see: duplicate ids,
 * a missing area group × level requirement, thresholds that ask less at a higher level, a remote
 * requirement stricter than the urban one, unit vs measure mismatches, missing citations or vi/en text.
 * Returns every problem found (an empty array for a clean edition); never throws on malformed criteria.
 *
 * @example
 * const problems = lintCatalog(edition);
 * for (const p of problems) console.log(`${p.rule} ${p.path}: ${p.message.en}`);
 */
export function lintCatalog(catalog: CatalogEdition): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (rule: LintRule, path: PropertyKey[], message: LocalizedText, criterion?: string) =>
    problems.push({ rule, path: formatPath(path), message, ...(criterion ? { criterion } : {}) });

  // Level definitions: 0..n, contiguous, each named.
  const levels = (catalog.levels ?? []).map((l) => l.level);
  const sorted = [...levels].sort((a, b) => a - b);
  if (sorted.some((l, i) => l !== i)) {
    add('level-definitions', ['levels'], {
      vi: `các mức phải là 0, 1, 2, … liên tiếp, không trùng; hiện có: ${levels.join(', ')}`,
      en: `levels must be 0, 1, 2, … contiguous without duplicates; found: ${levels.join(', ')}`,
    });
  }
  (catalog.levels ?? []).forEach((l, i) => {
    if (!hasText(l.name)) add('missing-text', ['levels', i, 'name'], missingText('tên mức', 'level name'));
  });
  const levelKeys = sorted.filter((l) => l > 0).map(String);

  // Level rule parameters: one share per level ≥ 1, nothing for unknown levels.
  const shares = catalog.levelRule?.extendedSharePercent ?? {};
  for (const key of levelKeys) {
    const share = shares[key];
    if (share === undefined || !(share >= 0 && share <= 100)) {
      add('level-rule-parameters', ['levelRule', 'extendedSharePercent', key], {
        vi: `thiếu hoặc sai tỷ lệ tiêu chí mở rộng cho mức ${key} (cần 0–100)`,
        en: `missing or invalid extended-criteria share for level ${key} (expected 0–100)`,
      });
    }
  }
  for (const key of Object.keys(shares)) {
    if (!levelKeys.includes(key)) {
      add('level-rule-parameters', ['levelRule', 'extendedSharePercent', key], {
        vi: `mức ${key} không được định nghĩa trong levels`,
        en: `level ${key} is not defined in levels`,
      });
    }
  }

  // Vocabulary texts.
  for (const list of ['areaGroups', 'dimensions', 'pillars'] as const) {
    (catalog[list] ?? []).forEach((entry, i) => {
      if (!hasText(entry.name)) add('missing-text', [list, i, 'name'], missingText('tên', 'name'));
    });
  }
  for (const field of ['title', 'basis'] as const) {
    if (!hasText(catalog[field])) add('missing-text', [field], missingText(field, field));
  }
  if (!catalog.sources?.length) {
    add('missing-citation', ['sources'], {
      vi: 'bộ tiêu chí phải nêu nguồn',
      en: 'the edition must cite its sources',
    });
  }

  const seen = new Map<string, number>();
  const criteria = catalog.criteria ?? [];
  criteria.forEach((c, i) => {
    const at = (...p: PropertyKey[]) => ['criteria', i, ...p];
    const first = seen.get(c.id);
    if (first !== undefined) {
      add(
        'duplicate-id',
        at('id'),
        {
          vi: `mã tiêu chí ${c.id} trùng với criteria[${first}]`,
          en: `criterion id ${c.id} duplicates criteria[${first}]`,
        },
        c.id,
      );
    } else seen.set(c.id, i);

    for (const field of ['title', 'description', 'evidence', 'remediation'] as const) {
      if (!hasText(c[field])) add('missing-text', at(field), missingText(field, field), c.id);
    }
    if (!c.sources?.length) {
      add(
        'missing-citation',
        at('sources'),
        { vi: `${c.id} không nêu nguồn`, en: `${c.id} cites no source` },
        c.id,
      );
    } else {
      c.sources.forEach((s, j) => {
        if (!s.document?.trim() || !s.date) {
          add(
            'missing-citation',
            at('sources', j),
            { vi: 'nguồn thiếu số văn bản hoặc ngày', en: 'citation lacks a document number or date' },
            c.id,
          );
        }
      });
    }
    lintMeasure(c, at, add);
    lintRequirements(c, levelKeys, at, add);
  });

  for (const d of DIMENSIONS) {
    if (!criteria.some((c) => c.dimension === d)) {
      add('empty-dimension', ['criteria'], {
        vi: `nhóm ${d} không có tiêu chí nào`,
        en: `dimension ${d} has no criterion`,
      });
    }
  }
  // Architecture trace (kiến trúc tham chiếu): an edition that declares an architecture traces every
  // criterion to at least one component; traces without a declared architecture cannot be checked.
  // Whether the codes exist is checked against the architecture itself (`lintTrace` in @cdsx/architecture).
  (catalog.criteria ?? []).forEach((c, i) => {
    const codes = c.architecture ?? [];
    if (catalog.architecture && codes.length === 0)
      add(
        'architecture-trace',
        ['criteria', i, 'architecture'],
        {
          vi: `bộ tiêu chí khai báo kiến trúc ${catalog.architecture.version}: tiêu chí phải nêu ít nhất một mã thành phần mà nó đo`,
          en: `the edition declares architecture ${catalog.architecture.version}: the criterion must name at least one component code it measures`,
        },
        c.id,
      );
    if (!catalog.architecture && codes.length > 0)
      add(
        'architecture-trace',
        ['criteria', i, 'architecture'],
        {
          vi: 'tiêu chí nêu mã thành phần kiến trúc nhưng bộ tiêu chí không khai báo kiến trúc tham chiếu',
          en: 'the criterion names architecture components but the edition declares no reference architecture',
        },
        c.id,
      );
  });
  return problems;
}

type Add = (rule: LintRule, path: PropertyKey[], message: LocalizedText, criterion?: string) => void;

function missingText(vi: string, en: string): LocalizedText {
  return {
    vi: `thiếu nội dung tiếng Việt hoặc tiếng Anh: ${vi}`,
    en: `missing Vietnamese or English text: ${en}`,
  };
}

function lintMeasure(c: Criterion, at: (...p: PropertyKey[]) => PropertyKey[], add: Add) {
  const mismatch = (vi: string, en: string, field = 'unit') =>
    add('unit-measure-mismatch', at(field), { vi: `${c.id}: ${vi}`, en: `${c.id}: ${en}` }, c.id);
  switch (c.measure) {
    case 'percentage':
      if (c.unit?.vi !== '%' || c.unit?.en !== '%')
        mismatch('tiêu chí tỷ lệ phải có đơn vị "%"', 'a percentage criterion must have the unit "%"');
      break;
    case 'number':
      if (!hasText(c.unit))
        mismatch('tiêu chí dạng số phải có đơn vị', 'a number criterion must have a unit');
      else if (c.unit?.vi === '%')
        mismatch('đơn vị "%" chỉ dùng cho tiêu chí tỷ lệ', 'the unit "%" is for percentage criteria');
      break;
    case 'boolean':
    case 'ordinal':
      if (c.unit !== null)
        mismatch(
          `tiêu chí ${c.measure} không có đơn vị (unit: null)`,
          `a ${c.measure} criterion has no unit (unit: null)`,
        );
      break;
  }
  if (c.measure === 'ordinal' && !(c.scale && c.scale.length >= 2)) {
    mismatch(
      'tiêu chí thứ bậc cần thang (scale) có ít nhất 2 mức',
      'an ordinal criterion needs a scale of at least 2 points',
      'scale',
    );
  }
  if (c.measure !== 'ordinal' && c.scale !== undefined) {
    mismatch('chỉ tiêu chí thứ bậc mới có thang (scale)', 'only ordinal criteria have a scale', 'scale');
  }
}

function lintRequirements(
  c: Criterion,
  levelKeys: string[],
  at: (...p: PropertyKey[]) => PropertyKey[],
  add: Add,
) {
  const comparisons = new Set<Comparison>();
  const matrix = (c.requirements ?? {}) as Partial<Record<AreaGroup, Record<string, Requirement>>>;
  for (const group of AREA_GROUPS) {
    const reqs = matrix[group] ?? {};
    for (const key of Object.keys(reqs)) {
      if (!levelKeys.includes(key)) {
        add(
          'unknown-level',
          at('requirements', group, key),
          {
            vi: `${c.id}: mức ${key} không được định nghĩa`,
            en: `${c.id}: level ${key} is not defined`,
          },
          c.id,
        );
      }
    }
    let previous: { key: string; req: Requirement } | undefined;
    for (const key of levelKeys) {
      const req = reqs[key];
      if (!req) {
        add(
          'missing-requirement',
          at('requirements', group, key),
          {
            vi: `${c.id}: thiếu yêu cầu cho nhóm ${group}, mức ${key}`,
            en: `${c.id}: no requirement for area group ${group}, level ${key}`,
          },
          c.id,
        );
        continue;
      }
      if (req.kind !== 'not_applicable') {
        comparisons.add(req.comparison);
        lintThresholdType(c, req, at('requirements', group, key, 'threshold'), add);
      }
      if (previous) {
        const p = previous.req;
        const weaker =
          KIND_RANK[req.kind] < KIND_RANK[p.kind] ||
          (req.kind !== 'not_applicable' &&
            p.kind !== 'not_applicable' &&
            req.comparison === p.comparison &&
            asksMore(req, p));
        if (weaker) {
          add(
            'non-monotone-level',
            at('requirements', group, key),
            {
              vi: `${c.id}: nhóm ${group} mức ${key} yêu cầu thấp hơn mức ${previous.key}`,
              en: `${c.id}: area group ${group} asks less at level ${key} than at level ${previous.key}`,
            },
            c.id,
          );
        }
      }
      previous = { key, req };
    }
  }
  for (const key of levelKeys) {
    const urban = matrix.urban?.[key];
    const remote = matrix.remote?.[key];
    if (!urban || !remote) continue;
    // A criterion that does not apply to urban communes at all at this level (an area-specific component of
    // another group, e.g. satellite links for remote communes) asks nothing of urban ones: not comparable.
    const stricter =
      (urban.kind !== 'not_applicable' && KIND_RANK[remote.kind] > KIND_RANK[urban.kind]) ||
      (remote.kind !== 'not_applicable' &&
        urban.kind !== 'not_applicable' &&
        remote.comparison === urban.comparison &&
        asksMore(urban, remote));
    if (stricter) {
      add(
        'remote-stricter-than-urban',
        at('requirements', 'remote', key),
        {
          vi: `${c.id}: mức ${key}, nhóm miền núi/biên giới/hải đảo bị yêu cầu cao hơn nhóm đô thị`,
          en: `${c.id}: level ${key} asks more of the remote group than of the urban group`,
        },
        c.id,
      );
    }
  }
  if (comparisons.size > 1) {
    add(
      'mixed-comparison',
      at('requirements'),
      {
        vi: `${c.id}: các yêu cầu dùng nhiều phép so sánh khác nhau (${[...comparisons].join(' ')})`,
        en: `${c.id}: requirements mix comparisons (${[...comparisons].join(' ')})`,
      },
      c.id,
    );
  }
}

function lintThresholdType(c: Criterion, req: ApplicableRequirement, path: PropertyKey[], add: Add) {
  const bad = (vi: string, en: string) =>
    add('threshold-type-mismatch', path, { vi: `${c.id}: ${vi}`, en: `${c.id}: ${en}` }, c.id);
  const t = req.threshold;
  switch (c.measure) {
    case 'boolean':
      if (typeof t !== 'boolean' || req.comparison !== '=')
        bad(
          'tiêu chí đúng/sai cần "= true" hoặc "= false"',
          'a boolean criterion needs "= true" or "= false"',
        );
      break;
    case 'percentage':
      if (typeof t !== 'number' || t < 0 || t > 100)
        bad(
          `ngưỡng tỷ lệ phải trong 0–100, nhận được ${String(t)}`,
          `a percentage threshold must be within 0–100, got ${String(t)}`,
        );
      break;
    case 'number':
      if (typeof t !== 'number' || !Number.isFinite(t))
        bad(`ngưỡng phải là số, nhận được ${String(t)}`, `the threshold must be a number, got ${String(t)}`);
      break;
    case 'ordinal':
      if (typeof t !== 'number' || !(c.scale ?? []).some((p) => p.value === t))
        bad(`ngưỡng ${String(t)} không thuộc thang`, `threshold ${String(t)} is not on the scale`);
      break;
  }
}
