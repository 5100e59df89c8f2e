import {
  AREA_GROUPS,
  type AreaGroup,
  areaGroupOf,
  type CatalogEdition,
  CommuneProfileSchema,
  type ParseResult,
  type ValidationIssue,
} from '@cdsx/criteria';
import { fromZodError } from '@cdsx/criteria/internal';
import { z } from 'zod';
import { tryAssess } from './assess';
import { rankedLevels } from './compile';
import { type AssessOptions, loadNamedEditions } from './context';
import { cmp, type DecisionRecord } from './record';

/**
 * A conformance fixture: an assessment and what any correct implementation must decide for it.
 *
 * - `expected.level` — the level reached;
 * - `expected.unmet` — every `not_met` finding as `<criterion>@<level>`, sorted;
 * - `expected.notAvailable` — every criterion with a `not_available` finding, sorted.
 *
 * @example
 * ```json
 * { "description": "rural commune exactly on every level-1 threshold",
 *   "assessment": { "commune": { … }, "period": "2026", "catalogVersion": "0.1.0", "observations": { … } },
 *   "expected": { "level": 1, "unmet": ["DV.01@2"], "notAvailable": [] } }
 * ```
 */
export const FixtureSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().trim().min(1),
    /** Validated when the fixture runs (an invalid assessment fails the fixture with located issues). */
    assessment: z.record(z.string(), z.unknown()),
    /** Province overlays the fixture runs with (see `OverlaySchema`). */
    overlays: z.array(z.unknown()).optional(),
    expected: z.strictObject({
      level: z.int().min(0),
      unmet: z.array(z.string()),
      notAvailable: z.array(z.string()),
    }),
  })
  .meta({
    id: 'RulesFixture',
    description: 'Conformance fixture: an assessment and the expected level, unmet and missing criteria.',
  });

/** A conformance fixture with its name (usually the file name). */
export type Fixture = z.infer<typeof FixtureSchema> & { name: string };

/**
 * Validate parsed fixtures (browser-safe: takes objects, not files). Issues are located by fixture name,
 * e.g. `["urban-level-2.json"].expected.level`.
 *
 * @example
 * const r = loadFixtures([{ name: 'a.json', data: JSON.parse(text) }]);
 * if (r.ok) await runConformance(r.value);
 */
export function loadFixtures(
  entries: ReadonlyArray<{ name: string; data: unknown }>,
): ParseResult<Fixture[]> {
  const out: Fixture[] = [];
  const issues: ValidationIssue[] = [];
  for (const { name, data } of entries) {
    const r = FixtureSchema.safeParse(data, { reportInput: true });
    if (r.success) out.push({ name, ...r.data });
    else issues.push(...fromZodError(r.error, [name]));
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: out };
}

/** What an implementation decided, in the fixture's terms. */
export interface ConformanceActual {
  level: number;
  unmet: string[];
  notAvailable: string[];
}

/** Reduce a decision record to the fixture's terms. */
export function summarizeRecord(record: DecisionRecord): ConformanceActual {
  const unmet: string[] = [];
  const missing = new Set<string>();
  for (const f of record.findings) {
    if (f.outcome === 'not_met') unmet.push(`${f.criterion}@${f.level}`);
    else if (f.outcome === 'not_available') missing.add(f.criterion);
  }
  return { level: record.level.level, unmet: unmet.sort(cmp), notAvailable: [...missing].sort(cmp) };
}

/** One fixture's result. */
export interface ConformanceResult {
  name: string;
  description: string;
  pass: boolean;
  /** What differs (empty when it passes). */
  differences: Array<{
    field: 'level' | 'unmet' | 'notAvailable' | 'error';
    expected: unknown;
    actual: unknown;
  }>;
  /** Issues when the implementation rejected the fixture's assessment. */
  issues?: ValidationIssue[];
}

/** The conformance run. */
export interface ConformanceReport {
  total: number;
  passed: number;
  failed: number;
  results: ConformanceResult[];
}

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /**
   * The implementation under test: decide the assessment (with the fixture's overlays) and return a
   * {@link DecisionRecord} or the summary. Defaults to this package's {@link assess}.
   */
  assess?: (
    assessment: unknown,
    options: { overlays: readonly unknown[] },
  ) => DecisionRecord | ConformanceActual | Promise<DecisionRecord | ConformanceActual>;
  /**
   * Options for the default implementation (e.g. a bare edition under test). Without `edition`, the
   * published edition each fixture names is loaded on demand (`loadEdition`).
   */
  assessOptions?: AssessOptions;
}

function sortedDiff(expected: readonly string[], actual: readonly string[]): boolean {
  const e = [...expected].sort(cmp);
  const a = [...actual].sort(cmp);
  return e.length !== a.length || e.some((x, i) => x !== a[i]);
}

/**
 * Run conformance fixtures against an implementation — this package's by default, or a vendor's own
 * integration through `options.assess`.
 *
 * @example
 * const report = await runConformance(fixtures, { assess: (a) => myClient.assess(a) });
 * console.log(formatConformanceReport(report));
 * process.exitCode = report.failed ? 1 : 0;
 */
export async function runConformance(
  fixtures: readonly Fixture[],
  options: ConformanceOptions = {},
): Promise<ConformanceReport> {
  const results: ConformanceResult[] = [];
  for (const fx of fixtures) {
    const overlays = fx.overlays ?? [];
    let actual: ConformanceActual;
    try {
      if (options.assess) {
        const out = await options.assess(fx.assessment, { overlays });
        actual = 'findings' in out ? summarizeRecord(out) : out;
      } else {
        const assessOptions = { ...options.assessOptions, overlays };
        await loadNamedEditions([fx.assessment], assessOptions);
        const r = tryAssess(fx.assessment, assessOptions);
        if (!r.ok) {
          results.push({
            name: fx.name,
            description: fx.description,
            pass: false,
            differences: [{ field: 'error', expected: fx.expected, actual: 'invalid input' }],
            issues: r.issues,
          });
          continue;
        }
        actual = summarizeRecord(r.value);
      }
    } catch (e) {
      results.push({
        name: fx.name,
        description: fx.description,
        pass: false,
        differences: [
          { field: 'error', expected: fx.expected, actual: e instanceof Error ? e.message : String(e) },
        ],
        ...(e && typeof e === 'object' && 'issues' in e
          ? { issues: (e as { issues: ValidationIssue[] }).issues }
          : {}),
      });
      continue;
    }
    const differences: ConformanceResult['differences'] = [];
    if (actual.level !== fx.expected.level)
      differences.push({ field: 'level', expected: fx.expected.level, actual: actual.level });
    if (sortedDiff(fx.expected.unmet, actual.unmet))
      differences.push({ field: 'unmet', expected: fx.expected.unmet, actual: actual.unmet });
    if (sortedDiff(fx.expected.notAvailable, actual.notAvailable)) {
      differences.push({
        field: 'notAvailable',
        expected: fx.expected.notAvailable,
        actual: actual.notAvailable,
      });
    }
    results.push({ name: fx.name, description: fx.description, pass: differences.length === 0, differences });
  }
  const passed = results.filter((r) => r.pass).length;
  return { total: results.length, passed, failed: results.length - passed, results };
}

function listDiff(expected: unknown, actual: unknown): string {
  if (!Array.isArray(expected) || !Array.isArray(actual))
    return `${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`;
  const missing = expected.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !expected.includes(x));
  return [
    missing.length ? `thiếu/missing ${missing.join(', ')}` : '',
    extra.length ? `thừa/unexpected ${extra.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** Render a conformance report as text lines (vi / en), failures with their differences. */
export function formatConformanceReport(report: ConformanceReport): string {
  const lines = [
    `Kiểm thử tuân thủ / conformance: ${report.passed}/${report.total} đạt/passed, ${report.failed} không đạt/failed`,
  ];
  for (const r of report.results) {
    if (r.pass) continue;
    lines.push(`✗ ${r.name} — ${r.description}`);
    for (const d of r.differences) {
      if (d.field === 'level')
        lines.push(`    mức/level: cần/expected ${String(d.expected)}, nhận/got ${String(d.actual)}`);
      else if (d.field === 'error') lines.push(`    lỗi/error: ${String(d.actual)}`);
      else lines.push(`    ${d.field}: ${listDiff(d.expected, d.actual)}`);
    }
    for (const i of r.issues ?? [])
      lines.push(`    ${i.path || '(root)'}: ${i.message.vi} / ${i.message.en}`);
  }
  return lines.join('\n');
}

/** Which criterion × area group × level combinations the fixtures show met and not met. */
export interface FixtureCoverage {
  /** `<criterion>|<areaGroup>|<level>` never met in any fixture. */
  neverMet: string[];
  /** `<criterion>|<areaGroup>|<level>` never not met in any fixture. */
  neverNotMet: string[];
  complete: boolean;
}

/**
 * The coverage gate: for an edition, every criterion × area group × level with an applicable
 * requirement must appear met in at least one fixture and not met in at least one. Read from the
 * fixtures' `expected` lists (not from running an implementation); fixtures with overlays or another
 * catalog version are not counted.
 *
 * @example
 * const cov = fixtureCoverage(edition, fixtures);
 * if (!cov.complete) console.error(cov.neverMet, cov.neverNotMet);
 */
export function fixtureCoverage(edition: CatalogEdition, fixtures: readonly Fixture[]): FixtureCoverage {
  const { ranked } = rankedLevels(edition);
  const met = new Set<string>();
  const notMet = new Set<string>();
  for (const fx of fixtures) {
    if (fx.overlays?.length || fx.assessment.catalogVersion !== edition.version) continue;
    const commune = CommuneProfileSchema.safeParse(fx.assessment.commune);
    if (!commune.success) continue;
    const group = areaGroupOf(commune.data);
    const unmet = new Set(fx.expected.unmet);
    const missing = new Set(fx.expected.notAvailable);
    for (const c of edition.criteria) {
      for (const l of ranked) {
        const req = c.requirements[group][String(l.level)];
        if (!req || req.kind === 'not_applicable') continue;
        const key = `${c.id}|${group}|${l.level}`;
        if (unmet.has(`${c.id}@${l.level}`)) notMet.add(key);
        else if (!missing.has(c.id)) met.add(key);
      }
    }
  }
  const neverMet: string[] = [];
  const neverNotMet: string[] = [];
  for (const c of edition.criteria) {
    for (const group of AREA_GROUPS as readonly AreaGroup[]) {
      for (const l of ranked) {
        const req = c.requirements[group][String(l.level)];
        if (!req || req.kind === 'not_applicable') continue;
        const key = `${c.id}|${group}|${l.level}`;
        if (!met.has(key)) neverMet.push(key);
        if (!notMet.has(key)) neverNotMet.push(key);
      }
    }
  }
  return { neverMet, neverNotMet, complete: neverMet.length === 0 && neverNotMet.length === 0 };
}
