import { AREA_GROUPS, type AreaGroup, DIMENSIONS, type LocalizedText } from '@cdsx/criteria';
import { type ArchitectureEdition, COMPONENT_CODE, type Component, TIERS, type Tier } from './model';
import { formatPath } from './path';

/** The checks {@link lintArchitecture} runs; each has a test with a crafted broken architecture. */
export const ARCHITECTURE_LINT_RULES = [
  'duplicate-code',
  'code-format',
  'unknown-reference',
  'block-tiers',
  'tier-order',
  'extension-slot',
  'area-groups',
  'concern-coverage',
] as const;
export type ArchitectureLintRule = (typeof ARCHITECTURE_LINT_RULES)[number];

/** One problem found by {@link lintArchitecture}. */
export interface ArchitectureLintProblem {
  rule: ArchitectureLintRule;
  /** Location in the edition, e.g. `components[12].areaGroups`. */
  path: string;
  /** The component, block or concern concerned. */
  code?: string;
  message: LocalizedText;
}

/** A tier cell: the components of one block in one tier (and, for `area_specific`, one area group). */
export function cellKey(c: Pick<Component, 'block' | 'tier' | 'areaGroups'>): string {
  return c.tier === 'area_specific'
    ? `${c.block}/${c.tier}/${c.areaGroups?.[0] ?? '?'}`
    : `${c.block}/${c.tier}`;
}

/** The number of a component code (`HTS14` → 14), or NaN. */
export function codeNumber(code: string): number {
  const m = COMPONENT_CODE.exec(code);
  return m ? Number(m[2]) : Number.NaN;
}

const TIER_RANK: Record<Tier, number> = { central: 0, provincial: 1, commune_essential: 2, area_specific: 3 };
const GROUP_RANK: Record<AreaGroup, number> = { urban: 0, rural: 1, remote: 2 };
const rank = (c: Component) =>
  TIER_RANK[c.tier] * 10 + (c.tier === 'area_specific' ? GROUP_RANK[c.areaGroups?.[0] ?? 'urban'] : 0);

/**
 * Check an architecture edition for what its schema cannot see: duplicate codes, codes that do not match
 * their block or skip numbers, references to unknown blocks or sources, a block missing one of its tiers
 * (or an area group of its area tier), tiers out of order, a tier cell whose last code is not its
 * "…khác" extension slot (or a slot elsewhere), area groups on the wrong tier, and a concern of the model
 * that no component carries and no cross-cutting part takes.
 *
 * @example
 * for (const p of lintArchitecture(edition)) console.log(`${p.rule} ${p.path}: ${p.message.en}`);
 */
export function lintArchitecture(arch: ArchitectureEdition): ArchitectureLintProblem[] {
  const problems: ArchitectureLintProblem[] = [];
  const add = (rule: ArchitectureLintRule, path: PropertyKey[], message: LocalizedText, code?: string) => {
    problems.push({ rule, path: formatPath(path), message, ...(code ? { code } : {}) });
  };

  const sourceKeys = new Set(arch.sources.map((s) => s.key));
  const blocks = new Map(arch.blocks.map((b) => [b.code, b]));
  const refs = (items: { key: string }[], path: PropertyKey[], code: string) => {
    items.forEach((r, i) => {
      if (!sourceKeys.has(r.key))
        add(
          'unknown-reference',
          [...path, 'sources', i, 'key'],
          {
            vi: `nguồn ${r.key} không có trong danh sách nguồn`,
            en: `source ${r.key} is not in the source list`,
          },
          code,
        );
    });
  };

  // Codes unique across components and cross-cutting parts.
  const seen = new Map<string, string>();
  const claim = (code: string, path: PropertyKey[]) => {
    const at = formatPath(path);
    const first = seen.get(code);
    if (first)
      add(
        'duplicate-code',
        path,
        { vi: `mã ${code} trùng với ${first}`, en: `code ${code} duplicates ${first}` },
        code,
      );
    else seen.set(code, at);
  };
  arch.components.forEach((c, i) => {
    claim(c.code, ['components', i, 'code']);
  });
  arch.crossCutting.forEach((x, i) => {
    claim(x.code, ['crossCutting', i, 'code']);
  });
  arch.blocks.forEach((b, i) => {
    if (arch.blocks.findIndex((o) => o.code === b.code) !== i)
      add(
        'duplicate-code',
        ['blocks', i, 'code'],
        { vi: `khối ${b.code} trùng`, en: `block ${b.code} is duplicated` },
        b.code,
      );
    refs(b.sources, ['blocks', i], b.code);
  });
  arch.crossCutting.forEach((x, i) => {
    refs(x.sources, ['crossCutting', i], x.code);
  });
  arch.principles.forEach((p, i) => {
    refs(p.sources, ['principles', i], p.id);
  });

  // Layers: each block drawn in exactly one layer, the one the block names.
  const drawnIn = new Map<string, string>();
  arch.layers.forEach((l, li) => {
    l.blocks.forEach((code, bi) => {
      const b = blocks.get(code);
      if (!b)
        add(
          'unknown-reference',
          ['layers', li, 'blocks', bi],
          { vi: `khối ${code} không tồn tại`, en: `unknown block ${code}` },
          code,
        );
      else if (b.layer !== l.id || drawnIn.has(code))
        add(
          'unknown-reference',
          ['layers', li, 'blocks', bi],
          {
            vi: `khối ${code} thuộc lớp ${b.layer}, không phải ${l.id}`,
            en: `block ${code} belongs to layer ${b.layer}, not ${l.id}`,
          },
          code,
        );
      drawnIn.set(code, l.id);
    });
  });
  arch.blocks.forEach((b, i) => {
    if (!drawnIn.has(b.code))
      add(
        'unknown-reference',
        ['blocks', i, 'layer'],
        { vi: `khối ${b.code} không nằm trong lớp nào`, en: `block ${b.code} is in no layer` },
        b.code,
      );
  });

  // Per component: block, code format, area groups.
  const byBlock = new Map<string, { c: Component; i: number }[]>();
  arch.components.forEach((c, i) => {
    refs(c.sources, ['components', i], c.code);
    const b = blocks.get(c.block);
    if (!b) {
      add(
        'unknown-reference',
        ['components', i, 'block'],
        { vi: `khối ${c.block} không tồn tại`, en: `unknown block ${c.block}` },
        c.code,
      );
      return;
    }
    const m = COMPONENT_CODE.exec(c.code);
    if (!m || m[1] !== c.block)
      add(
        'code-format',
        ['components', i, 'code'],
        {
          vi: `mã ${c.code} phải bắt đầu bằng mã khối ${c.block}`,
          en: `code ${c.code} must start with its block code ${c.block}`,
        },
        c.code,
      );
    if (!b.tiers.includes(c.tier))
      add(
        'block-tiers',
        ['components', i, 'tier'],
        { vi: `khối ${b.code} không có tầng ${c.tier}`, en: `block ${b.code} has no ${c.tier} tier` },
        c.code,
      );
    const groups = c.areaGroups ?? [];
    if (c.tier === 'area_specific' ? groups.length !== 1 : groups.length > 0)
      add(
        'area-groups',
        ['components', i, 'areaGroups'],
        c.tier === 'area_specific'
          ? {
              vi: 'thành phần theo loại địa bàn phải thuộc đúng một nhóm địa bàn',
              en: 'an area-specific component belongs to exactly one area group',
            }
          : {
              vi: 'chỉ thành phần theo loại địa bàn mới có nhóm địa bàn',
              en: 'only area-specific components have area groups',
            },
        c.code,
      );
    const list = byBlock.get(c.block) ?? [];
    list.push({ c, i });
    byBlock.set(c.block, list);
  });

  for (const [bi, b] of arch.blocks.entries()) {
    const list = (byBlock.get(b.code) ?? [])
      .slice()
      .sort((x, y) => codeNumber(x.c.code) - codeNumber(y.c.code));
    // Numbers 1..N without gaps, in tier order.
    list.forEach(({ c, i }, k) => {
      if (codeNumber(c.code) !== k + 1)
        add(
          'code-format',
          ['components', i, 'code'],
          {
            vi: `khối ${b.code}: cần mã số ${k + 1}, gặp ${c.code} (mã phải liên tiếp từ 1)`,
            en: `block ${b.code}: expected number ${k + 1}, found ${c.code} (codes run from 1 without gaps)`,
          },
          c.code,
        );
      const prev = list[k - 1];
      if (prev && rank(prev.c) > rank(c))
        add(
          'tier-order',
          ['components', i, 'tier'],
          {
            vi: `${c.code} (${cellKey(c)}) đứng sau ${prev.c.code} (${cellKey(prev.c)}): sai thứ tự tầng`,
            en: `${c.code} (${cellKey(c)}) comes after ${prev.c.code} (${cellKey(prev.c)}): tiers out of order`,
          },
          c.code,
        );
    });
    // Every declared tier (and every area group of the area tier) has a component to deploy and ends with a slot.
    const cells = b.tiers.flatMap((t) =>
      t === 'area_specific' ? AREA_GROUPS.map((g) => `${b.code}/${t}/${g}`) : [`${b.code}/${t}`],
    );
    for (const cell of cells) {
      const inCell = list.filter(({ c }) => cellKey(c) === cell);
      if (!inCell.some(({ c }) => !c.extensionSlot))
        add(
          'block-tiers',
          ['blocks', bi, 'tiers'],
          {
            vi: `${cell}: tầng không có thành phần nào (ngoài ô mở rộng)`,
            en: `${cell}: the tier has no component (besides its extension slot)`,
          },
          b.code,
        );
      const last = inCell[inCell.length - 1];
      if (last && !last.c.extensionSlot)
        add(
          'extension-slot',
          ['components', last.i, 'extensionSlot'],
          {
            vi: `${cell}: mã cuối ${last.c.code} phải là ô mở rộng "…khác" (extensionSlot: true)`,
            en: `${cell}: its last code ${last.c.code} must be the "…other" extension slot (extensionSlot: true)`,
          },
          last.c.code,
        );
      inCell.slice(0, -1).forEach(({ c, i }) => {
        if (c.extensionSlot)
          add(
            'extension-slot',
            ['components', i, 'extensionSlot'],
            {
              vi: `${cell}: ô mở rộng ${c.code} phải là mã cuối của tầng`,
              en: `${cell}: extension slot ${c.code} must be the tier's last code`,
            },
            c.code,
          );
      });
    }
  }

  // Every concern of the model: carried by a (deployable) component or left to a cross-cutting part.
  DIMENSIONS.forEach((d) => {
    const byComponent = arch.components.some((c) => !c.extensionSlot && c.concerns.includes(d));
    const byPart = arch.crossCutting.some((x) => x.concerns.includes(d));
    if (!byComponent && !byPart)
      add(
        'concern-coverage',
        ['crossCutting'],
        {
          vi: `nội dung "${d}" không thuộc thành phần nào và không được giao cho phần xuyên suốt nào`,
          en: `concern "${d}" is carried by no component and left to no cross-cutting part`,
        },
        d,
      );
  });
  return problems;
}

export { TIERS };
