import { CdsxValidationError } from '@cdsx/criteria';
import type { EngineResult, Engine as EngineType, RuleProperties } from 'json-rules-engine';
import type { RuleSet } from './compile';
import { type AssessOptions, loadNamedEditions, type Prepared, preparer } from './context';
import {
  buildRecord,
  type CatalogContext,
  type DecisionRecord,
  factsObject,
  levelFactsObject,
  levelValuesOf,
  MET,
  NOT_AVAILABLE,
  NOT_MET,
  valuesOf,
} from './record';

type EngineCtor = new (
  rules?: RuleProperties[],
  options?: ConstructorParameters<typeof EngineType>[1],
) => EngineType;
let engineCtor: Promise<EngineCtor> | undefined;
/** json-rules-engine is loaded on first use, so the fast path never pulls it into a bundle. */
function loadEngine(): Promise<EngineCtor> {
  engineCtor ??= import('json-rules-engine').then((m) => {
    const mod = m as unknown as { Engine?: EngineCtor; default?: { Engine?: EngineCtor } };
    return (mod.Engine ?? mod.default?.Engine) as EngineCtor;
  });
  return engineCtor;
}

/** Plain property access: facts are flat, so no JSONPath (and none of jsonpath-plus) is ever evaluated. */
function plainPath(value: object, path: string): unknown {
  let v: unknown = value;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Run rules on a fresh engine — never shared, since an engine's run status is engine-wide. */
async function run(
  Engine: EngineCtor,
  rules: readonly object[],
  facts: Record<string, unknown>,
): Promise<EngineResult> {
  const engine = new Engine(rules as RuleProperties[], {
    allowUndefinedFacts: true,
    pathResolver: plainPath,
  });
  return engine.run({ ...facts });
}

interface LeafResult {
  factResult?: unknown;
  all?: LeafResult[];
  any?: LeafResult[];
  not?: LeafResult;
}
function anyFactMissing(c: LeafResult): boolean {
  if (c.all) return c.all.some(anyFactMissing);
  if (c.any) return c.any.some(anyFactMissing);
  if (c.not) return anyFactMissing(c.not);
  return c.factResult === undefined;
}

async function decideLevel(
  Engine: EngineCtor,
  ctx: CatalogContext,
  ruleSet: RuleSet,
  facts: Record<string, unknown>,
): Promise<number> {
  const { events } = await run(
    Engine,
    ruleSet.levels.map((l) => l.rule),
    facts,
  );
  let level = ctx.base.level;
  for (const e of events) {
    const l = (e.params as { level: number }).level;
    if (l > level) level = l;
  }
  return level;
}

async function decideWithEngine(
  { ctx, ruleSet, assessment }: Prepared,
  options: AssessOptions,
): Promise<DecisionRecord> {
  const Engine = await loadEngine();
  const unknown: string[] = [];
  const values = valuesOf(ctx, assessment, unknown);
  const facts = factsObject(ctx, values);
  const index = new Map(ruleSet.requirements.map((r, i) => [r.rule.name, i]));
  const result = await run(
    Engine,
    ruleSet.requirements.map((r) => r.rule),
    facts,
  );
  const outcomes = new Uint8Array(ruleSet.requirements.length).fill(255);
  for (const r of [...result.results, ...result.failureResults]) {
    const i = index.get(r.name);
    if (i === undefined) throw new Error(`json-rules-engine returned an unknown rule ${r.name}`);
    outcomes[i] = anyFactMissing(r.conditions as LeafResult) ? NOT_AVAILABLE : r.result ? MET : NOT_MET;
  }
  if (outcomes.includes(255)) throw new Error('json-rules-engine left a rule unevaluated');
  const counts = (optimistic: boolean) =>
    levelFactsObject(ruleSet, levelValuesOf(ruleSet, outcomes, optimistic));
  const level = await decideLevel(Engine, ctx, ruleSet, counts(false));
  const possible = await decideLevel(Engine, ctx, ruleSet, counts(true));
  const recordOptions = {
    detail: options.detail ?? 'full',
    inlineRemediation: options.remediation === 'inline',
  } as const;
  return buildRecord(
    ctx,
    ruleSet,
    assessment,
    values,
    outcomes,
    level,
    possible,
    unknown,
    recordOptions,
  ) as DecisionRecord;
}

/**
 * The reference semantics: decide an assessment by running the compiled rule JSON through
 * json-rules-engine (one fresh `Engine` per run, flat facts, plain path resolver, no priorities).
 * About 1 ms per assessment and asynchronous — use {@link assess} / {@link assessMany} for speed;
 * the two give identical records (a differential test checks it on random inputs). Without
 * `options.edition`, the published edition the assessment names is loaded on demand (`loadEdition`).
 *
 * @example
 * const reference = await assessWithEngine(input);
 * assert.deepStrictEqual(reference, assess(input));
 */
export async function assessWithEngine(
  assessment: unknown,
  options: AssessOptions = {},
): Promise<DecisionRecord> {
  await loadNamedEditions([assessment], options);
  const prepared = preparer(options)(assessment);
  if (!prepared.ok) throw new CdsxValidationError(prepared.issues, 'assessment');
  return decideWithEngine(prepared.value, options);
}

/**
 * Run many assessments through json-rules-engine, sequentially (the reference path; slow by design).
 * Without `options.edition`, the published editions the assessments name are loaded on demand.
 *
 * @example
 * const reference = await assessManyWithEngine(assessments);
 */
export async function assessManyWithEngine(
  assessments: readonly unknown[],
  options: AssessOptions = {},
): Promise<DecisionRecord[]> {
  await loadNamedEditions(assessments, options);
  const prepare = preparer(options);
  const out: DecisionRecord[] = [];
  for (let i = 0; i < assessments.length; i++) {
    const p = prepare(assessments[i]);
    if (!p.ok)
      throw new CdsxValidationError(
        p.issues.map((issue) => ({ ...issue, record: i + 1 })),
        'assessments',
      );
    out.push(await decideWithEngine(p.value, options));
  }
  return out;
}
