import {
  AREA_GROUPS,
  type AreaGroup,
  type CatalogEdition,
  type Comparison,
  type Criterion,
  extendedQuota,
  type LevelDefinition,
  sortedLevels,
} from '@cdsx/criteria';
import { OPERATOR_OF, OPERATORS } from './operators';

/** A leaf condition of a compiled rule: one flat fact compared with one value (no `path`, no priority). */
export interface JsonFactCondition {
  /** The criterion id (or level fact) — kept in `name` because json-rules-engine drops custom properties. */
  name: string;
  fact: string;
  operator: string;
  value: number | boolean;
}

/** A condition tree as json-rules-engine reads it (`all` / `any` / `not`), without priorities. */
export type JsonCondition =
  | JsonFactCondition
  | { all: JsonCondition[] }
  | { any: JsonCondition[] }
  | { not: JsonCondition };

/** The rule deciding one criterion × level requirement for one area group. */
export interface RequirementRuleJson {
  /** `<criterion id>@<level>`, e.g. `DV.01@2`. */
  name: string;
  conditions: { all: JsonCondition[] };
  event: {
    type: 'requirement';
    params: {
      criterion: string;
      level: number;
      areaGroup: AreaGroup;
      kind: 'mandatory' | 'extended';
      comparison: Comparison;
      threshold: number | boolean;
    };
  };
}

/** The rule deciding that a level is reached, over the per-level counts of the requirement rules. */
export interface LevelRuleJson {
  /** `level@<level>`, e.g. `level@2`. */
  name: string;
  conditions: { all: JsonCondition[] };
  event: {
    type: 'level';
    params: {
      level: number;
      areaGroup: AreaGroup;
      /** How to run the rules with stock json-rules-engine (the two passes and derived facts): {@link RULES_CONTRACT}. */
      contract: string;
      /** Per level up to this one: applicable mandatory and extended requirements, extended required. */
      levels: Array<{
        level: number;
        mandatory: number;
        extended: number;
        extendedRequired: number;
        extendedSharePercent: number;
      }>;
    };
  };
}

/** A compiled rule: plain JSON that `new Engine(rules)` from json-rules-engine accepts as is. */
export type RuleJson = RequirementRuleJson | LevelRuleJson;

/**
 * The contract of the exported rules, carried in every level rule (`event.params.contract`) so an exported
 * file explains itself. A consumer with stock json-rules-engine runs two passes; see the reference driver in
 * the docs (docs/examples/json-rules-engine-driver.mjs).
 */
export const RULES_CONTRACT =
  'Two passes. Pass 1: run the rules with event.type "requirement" on the facts {criterion id: observed value} ' +
  'with allowUndefinedFacts: true; a requirement whose fact is undefined is not_available (never met), ' +
  'otherwise met when the rule succeeds and not_met when it fails. Pass 2: run the rules with event.type ' +
  '"level" on the derived facts, for every level k: mandatoryNotMet@k = number of requirement rules with ' +
  'params.level k and params.kind "mandatory" that are not_met or not_available; extendedMet@k = number of ' +
  'requirement rules with params.level k and params.kind "extended" that are met. The level reached is the ' +
  'highest params.level among the level events, 0 (chưa đạt / not yet) when there is none. The possible ' +
  'level (if missing data were met) is pass 2 with not_available counted as met.';

/** Fact holding the number of mandatory requirements of a level that are not met (missing data included). */
export const mandatoryNotMetFact = (level: number): string => `mandatoryNotMet@${level}`;
/** Fact holding the number of extended requirements of a level that are met. */
export const extendedMetFact = (level: number): string => `extendedMet@${level}`;

/**
 * Extended criteria required at a level: ceil(share% × applicable extended / 100); 0 when none apply.
 *
 * @deprecated The formula lives in `@cdsx/criteria` as `extendedQuota`; this is that function, kept so
 * existing imports keep working.
 */
export const extendedRequired: (sharePercent: number, applicable: number) => number = extendedQuota;

/** The maturity levels above the base level (chưa đạt), ascending, and the base level. */
export function rankedLevels(edition: CatalogEdition): { base: LevelDefinition; ranked: LevelDefinition[] } {
  const [base, ...ranked] = sortedLevels(edition) as [LevelDefinition, ...LevelDefinition[]];
  return { base, ranked };
}

/**
 * Compile a catalog edition into plain json-rules-engine rules for one area group: one rule per
 * criterion × level with an applicable requirement (`DV.01@2`), then one rule per level (`level@2`).
 * A level rule reads two facts per level up to its own — `mandatoryNotMet@k` must equal 0 and
 * `extendedMet@k` must reach ceil(share × applicable extended / 100) — with the share taken from
 * `edition.levelRule.extendedSharePercent`. Facts are flat (the criterion id is the fact id; the
 * observed value its value), so no JSONPath is needed; no condition has a priority.
 *
 * The output is inspectable and exportable: `JSON.stringify` it, or load it into any json-rules-engine 7 —
 * in two passes ({@link RULES_CONTRACT}, repeated in every level rule): the requirement rules on the
 * observations, then the level rules on the derived per-level counts. `new Engine(rules).run(observations)`
 * in one pass cannot work (the level rules read derived facts, and a missing observation must be not
 * available rather than an error). A tested reference driver: docs/examples/json-rules-engine-driver.mjs.
 *
 * @example
 * ```ts
 * import { Engine } from 'json-rules-engine';
 * const rules = toJsonRulesEngineRules(edition, 'rural');
 * const engine = new Engine(rules.filter((r) => r.event.type === 'requirement'), { allowUndefinedFacts: true });
 * const { results, failureResults } = await engine.run({ 'DV.01': 72 });
 * ```
 */
export function toJsonRulesEngineRules(edition: CatalogEdition, areaGroup: AreaGroup): RuleJson[] {
  const { ranked } = rankedLevels(edition);
  const requirementRules: RequirementRuleJson[] = [];
  const counts = ranked.map(() => ({ mandatory: 0, extended: 0 }));
  for (const criterion of edition.criteria) {
    ranked.forEach((def, li) => {
      const req = criterion.requirements[areaGroup][String(def.level)];
      if (!req || req.kind === 'not_applicable') return;
      counts[li]![req.kind] += 1;
      requirementRules.push({
        name: `${criterion.id}@${def.level}`,
        conditions: {
          all: [
            {
              name: criterion.id,
              fact: criterion.id,
              operator: OPERATOR_OF[req.comparison],
              value: req.threshold,
            },
          ],
        },
        event: {
          type: 'requirement',
          params: {
            criterion: criterion.id,
            level: def.level,
            areaGroup,
            kind: req.kind,
            comparison: req.comparison,
            threshold: req.threshold,
          },
        },
      });
    });
  }
  const perLevel = ranked.map((def, li) => {
    const share = edition.levelRule.extendedSharePercent[String(def.level)];
    if (share === undefined) {
      throw new TypeError(
        `edition ${edition.version}: levelRule.extendedSharePercent has no entry for level ${def.level}`,
      );
    }
    const c = counts[li]!;
    return {
      level: def.level,
      mandatory: c.mandatory,
      extended: c.extended,
      extendedRequired: extendedQuota(share, c.extended),
      extendedSharePercent: share,
    };
  });
  const levelRules: LevelRuleJson[] = ranked.map((def, li) => {
    const upTo = perLevel.slice(0, li + 1);
    return {
      name: `level@${def.level}`,
      conditions: {
        all: upTo.flatMap((p) => [
          {
            name: mandatoryNotMetFact(p.level),
            fact: mandatoryNotMetFact(p.level),
            operator: 'equal',
            value: 0,
          },
          {
            name: extendedMetFact(p.level),
            fact: extendedMetFact(p.level),
            operator: 'greaterThanInclusive',
            value: p.extendedRequired,
          },
        ]),
      },
      event: {
        type: 'level',
        params: {
          level: def.level,
          areaGroup,
          contract: RULES_CONTRACT,
          levels: upTo.map((p) => ({ ...p })),
        },
      },
    };
  });
  return [...requirementRules, ...levelRules];
}

// ─── The synchronous fast path, generated from the same rule JSON ──────────────────────────────

/** Fact values by slot (criterion index, or level-fact index); `undefined` when not available. */
export type FactValues = ArrayLike<unknown>;
type Predicate = (values: FactValues) => boolean;

/**
 * Compile a json-rules-engine condition tree into a synchronous predicate with the engine's semantics
 * (same operators, same fact-value validators). Facts are resolved to slots once, at compile time.
 */
export function compileCondition(condition: JsonCondition, slotOf: (fact: string) => number): Predicate {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, slotOf));
    if (parts.length === 1) return parts[0]!;
    // Predicates are pure, so stopping at the first false gives the engine's result.
    return (v) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i]!(v)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, slotOf));
    if (parts.length === 1) return parts[0]!;
    return (v) => {
      for (let i = 0; i < parts.length; i++) if (parts[i]!(v)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, slotOf);
    return (v) => !inner(v);
  }
  const op = OPERATORS[condition.operator];
  if (!op) throw new TypeError(`unsupported operator ${JSON.stringify(condition.operator)}`);
  const slot = slotOf(condition.fact);
  const { value } = condition;
  const { evaluate, validate } = op;
  // Specialised leaves for the operators the catalog compiles to (same results as validate + evaluate:
  // for a number fact the engine's validator only rejects NaN, and NaN fails every comparison anyway).
  // The comparison itself is `compareLeaf`, which the columnar batch calls inline: one home for both.
  const leaf = leafOf(condition, condition.fact);
  if (leaf) {
    const code = leaf.op;
    return (v) => {
      const x = v[slot];
      return compareLeaf(code, value, x) ?? (validate(x) && evaluate(x, value));
    };
  }
  return (v) => {
    const x = v[slot];
    return validate(x) && evaluate(x, value);
  };
}

/** Every fact a condition tree reads. */
export function factsOf(condition: JsonCondition): string[] {
  if ('all' in condition) return condition.all.flatMap(factsOf);
  if ('any' in condition) return condition.any.flatMap(factsOf);
  if ('not' in condition) return factsOf(condition.not);
  return [condition.fact];
}

/** One requirement rule, ready for both paths. */
export interface CompiledRequirement {
  readonly rule: RequirementRuleJson;
  readonly criterion: Criterion;
  readonly criterionIndex: number;
  readonly levelIndex: number;
  /** Whether the requirement is mandatory (bắt buộc) rather than extended (mở rộng). */
  readonly mandatory: boolean;
  /** Slots (criterion indexes) of the facts the rule reads: all must be present for an outcome other than not available. */
  readonly slots: Int32Array;
  readonly test: Predicate;
  /**
   * When the rule is one comparison of its own criterion with a constant — as the catalog compiles every
   * requirement — that comparison, for callers that decide many records column by column without a call per
   * requirement; `null` otherwise. Same results as `test` (see {@link compareLeaf}).
   */
  readonly leaf: Leaf | null;
}

/** `Leaf.op` codes: `equal` (any value), `greaterThanInclusive`, `lessThanInclusive` (a number threshold). */
export const LEAF_EQUAL = 1;
export const LEAF_AT_LEAST = 2;
export const LEAF_AT_MOST = 3;

/** A requirement that is one comparison of its criterion with a constant (see `CompiledRequirement.leaf`). */
export interface Leaf {
  readonly op: typeof LEAF_EQUAL | typeof LEAF_AT_LEAST | typeof LEAF_AT_MOST;
  readonly value: unknown;
}

/** The single comparison of `fact` a condition tree is (`all`/`any` of one leaf included), else `null`. */
export function leafOf(condition: JsonCondition, fact: string): Leaf | null {
  if ('all' in condition) return condition.all.length === 1 ? leafOf(condition.all[0]!, fact) : null;
  if ('any' in condition) return condition.any.length === 1 ? leafOf(condition.any[0]!, fact) : null;
  if ('not' in condition || condition.fact !== fact) return null;
  switch (condition.operator) {
    case 'equal':
      return { op: LEAF_EQUAL, value: condition.value };
    case 'greaterThanInclusive':
      return typeof condition.value === 'number' ? { op: LEAF_AT_LEAST, value: condition.value } : null;
    case 'lessThanInclusive':
      return typeof condition.value === 'number' ? { op: LEAF_AT_MOST, value: condition.value } : null;
    default:
      return null;
  }
}

/**
 * Whether observed value `x` (present) meets a leaf, or `undefined` when only the full predicate can say (a
 * value that is not a number for an ordering comparison) — the specialised leaves of {@link compileCondition}.
 */
export function compareLeaf(op: number, threshold: unknown, x: unknown): boolean | undefined {
  if (op === LEAF_EQUAL) return x === threshold;
  if (typeof x !== 'number') return undefined;
  return op === LEAF_AT_LEAST ? x >= (threshold as number) : x <= (threshold as number);
}

/** One level rule, ready for both paths. */
export interface CompiledLevel {
  readonly rule: LevelRuleJson;
  readonly level: number;
  readonly test: Predicate;
}

/** The rules of one edition (with any overlay applied) for one area group, compiled once. */
export interface RuleSet {
  readonly areaGroup: AreaGroup;
  readonly rules: readonly RuleJson[];
  readonly requirements: readonly CompiledRequirement[];
  readonly levels: readonly CompiledLevel[];
  /** Per level index: required extended count and the applicable counts (from the level rules). */
  readonly perLevel: ReadonlyArray<LevelRuleJson['event']['params']['levels'][number]>;
  /** For each criterion (catalog order) × ranked level: the requirement index, or -1 when not applicable. */
  readonly slots: readonly Int32Array[];
}

/** Compile the rules of all area groups of an edition. */
export function compileRuleSets(edition: CatalogEdition): Record<AreaGroup, RuleSet> {
  const { ranked } = rankedLevels(edition);
  const criterionIndex = new Map(edition.criteria.map((c, i) => [c.id, i]));
  const levelIndex = new Map(ranked.map((l, i) => [l.level, i]));
  const criterionSlot = (fact: string) => {
    const i = criterionIndex.get(fact);
    if (i === undefined) throw new TypeError(`rule reads an unknown fact ${JSON.stringify(fact)}`);
    return i;
  };
  // Level facts: mandatoryNotMet@L at 2·i, extendedMet@L at 2·i + 1 (i = index of level L).
  const levelSlots = new Map(
    ranked.flatMap((l, i) => [
      [mandatoryNotMetFact(l.level), 2 * i] as const,
      [extendedMetFact(l.level), 2 * i + 1] as const,
    ]),
  );
  const levelSlot = (fact: string) => {
    const i = levelSlots.get(fact);
    if (i === undefined) throw new TypeError(`level rule reads an unknown fact ${JSON.stringify(fact)}`);
    return i;
  };
  const out = {} as Record<AreaGroup, RuleSet>;
  for (const group of AREA_GROUPS) {
    const rules = toJsonRulesEngineRules(edition, group);
    const requirements: CompiledRequirement[] = [];
    const levels: CompiledLevel[] = [];
    const slots = edition.criteria.map(() => new Int32Array(ranked.length).fill(-1));
    for (const rule of rules) {
      if (rule.event.type === 'requirement') {
        const req = rule as RequirementRuleJson;
        const p = req.event.params;
        const ci = criterionIndex.get(p.criterion)!;
        const li = levelIndex.get(p.level)!;
        slots[ci]![li] = requirements.length;
        requirements.push({
          rule: req,
          criterion: edition.criteria[ci]!,
          criterionIndex: ci,
          levelIndex: li,
          mandatory: p.kind === 'mandatory',
          slots: Int32Array.from(factsOf(req.conditions), criterionSlot),
          test: compileCondition(req.conditions, criterionSlot),
          leaf: leafOf(req.conditions, p.criterion),
        });
      } else {
        const lr = rule as LevelRuleJson;
        levels.push({
          rule: lr,
          level: lr.event.params.level,
          test: compileCondition(lr.conditions, levelSlot),
        });
      }
    }
    const top = levels[levels.length - 1];
    const perLevel = top ? top.rule.event.params.levels : [];
    out[group] = { areaGroup: group, rules, requirements, levels, perLevel, slots };
  }
  return out;
}
