import type { Assessment } from '@cdsx/criteria';
import { COMMUNES } from '@cdsx/criteria/communes';
import { EDITIONS, latestEdition } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import {
  assessBatch,
  assessMany,
  BATCH_OBSERVED_TYPES,
  BATCH_OUTCOMES,
  type DecisionBatch,
  type DecisionRecord,
  tryAssessBatch,
  tryAssessMany,
} from '../src/index';
import { readFixturesDirectory, shippedFixturesDir } from '../src/node';
import { generateSyntheticAssessments } from '../src/synthetic/index';
import { randomAssessment, randomOverlay, rng } from './helpers/random';

/** Byte equality of every `batch.record(i)` (and `summary(i)`) with the records of assessMany. */
function expectSameRecords(batch: DecisionBatch, records: readonly DecisionRecord[], label: string): void {
  expect(batch.size, label).toBe(records.length);
  let differing = 0;
  for (let i = 0; i < records.length; i++) {
    const want = JSON.stringify(records[i]);
    const got = JSON.stringify(batch.record(i));
    if (got !== want) {
      differing++;
      // Show the first difference readably, then still require byte equality.
      if (differing === 1)
        expect({ label, i, record: JSON.parse(got) }).toEqual({ label, i, record: JSON.parse(want) });
      expect({ label, i, json: got }).toEqual({ label, i, json: want });
    }
  }
  expect(differing, label).toBe(0);
}

/**
 * The columns against the records, read independently of `record(i)`: per (level, kind, outcome), how many
 * findings — counted once from the records' findings and once from the columns and slot tables; and each
 * finding's observed value and gap, each record's levels and unknown ids.
 */
function expectColumnsAgree(batch: DecisionBatch, records: readonly DecisionRecord[]): void {
  const fromRecords = new Map<string, number>();
  const fromColumns = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let mismatches = 0;
  records.forEach((r, i) => {
    for (const f of r.findings) bump(fromRecords, `${f.criterion}@${f.level}|${f.kind}|${f.outcome}`);
    const table = batch.tables[batch.table[i]!]!;
    const at = batch.start[i]!;
    expect(batch.start[i + 1]! - at).toBe(table.size);
    for (let s = 0; s < table.size; s++) {
      const k = at + s;
      bump(
        fromColumns,
        `${table.criterion[s]}@${table.level[s]}|${table.kind[s]}|${BATCH_OUTCOMES[batch.outcome[k]!]}`,
      );
      const f = r.findings[s]!;
      // The value columns, read by criterion: record i's value of criterion c is at valueStart[i] + c.
      const v = batch.valueStart[i]! + table.criterionIndex[s]!;
      expect(table.criteria[table.criterionIndex[s]!]).toBe(table.criterion[s]);
      const type = BATCH_OBSERVED_TYPES[batch.observedType[v]!];
      const observed =
        type === 'missing'
          ? null
          : type === 'boolean'
            ? batch.observed[v] === 1
            : type === 'number'
              ? batch.observed[v]
              : 'other';
      // The gap from its definition: 0 when met; |threshold − observed| (> 0) for a number not met; else null.
      const outcome = BATCH_OUTCOMES[batch.outcome[k]!];
      const th = table.threshold[s];
      const gap = batch.gapAt(i, s);
      const gapHolds =
        outcome === 'met'
          ? gap === 0
          : outcome === 'not_met' && typeof observed === 'number' && typeof th === 'number'
            ? gap !== null && gap > 0 && Math.abs(gap - Math.abs(th - observed)) <= 1e-9
            : gap === null;
      if (!gapHolds || batch.observedAt(i, s) !== f.observed) mismatches++;
      if (
        gap !== f.gap ||
        observed !== f.observed ||
        table.comparison[s] !== f.comparison ||
        table.threshold[s] !== f.threshold ||
        table.catalog.contentHash !== r.catalog.contentHash
      )
        mismatches++;
    }
    if (batch.level[i] !== r.level.level || batch.possibleLevel[i] !== r.possibleLevel) mismatches++;
    if (JSON.stringify(batch.unknownCriteria[i]) !== JSON.stringify(r.unknownCriteria)) mismatches++;
    if (table.areaGroup !== r.areaGroup || JSON.stringify(table.overlay) !== JSON.stringify(r.overlay))
      mismatches++;
  });
  expect(mismatches).toBe(0);
  expect([...fromColumns].sort()).toEqual([...fromRecords].sort());
  expect(fromRecords.size).toBeGreaterThan(0);
}

/** Every value reachable from a record is a primitive, a plain object or a plain array — never a typed array. */
function nonPlain(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return [path];
  return Object.entries(value).flatMap(([k, v]) => nonPlain(v, `${path}.${k}`));
}

describe.each(EDITIONS.map((p) => [p.edition.version, p] as const))(
  'assessBatch, edition %s',
  (_, published) => {
    it('national synthetic dataset: record(i) is byte-identical to assessMany, the columns agree', () => {
      const assessments = generateSyntheticAssessments({ edition: published.edition, communes: COMMUNES });
      expect(assessments.length).toBe(COMMUNES.length);
      const records = assessMany(assessments, { edition: EDITIONS });
      const batch = assessBatch(assessments, { edition: EDITIONS });
      expectSameRecords(batch, records, `national ${published.edition.version}`);
      expectColumnsAgree(batch, records);
      // Three area groups: one slot table each, with every finding's static part once per batch.
      expect(batch.tables.map((t) => t.areaGroup).sort()).toEqual(['remote', 'rural', 'urban']);
      const skip = assessBatch(assessments, { edition: published, skipValidation: true });
      expect(JSON.stringify(skip.record(17))).toBe(JSON.stringify(records[17]));
      expect([...skip.outcome]).toEqual([...batch.outcome]);
    }, 120_000);

    it('fixtures: record(i) and summary(i) are byte-identical to assessMany, with the overlays', () => {
      const fixtures = readFixturesDirectory(shippedFixturesDir(published.edition.version));
      if (!fixtures.ok) throw new Error(JSON.stringify(fixtures.issues));
      // Batched by overlay set: fixtures without overlays together, each overlay fixture with its overlays.
      const groups = new Map<string, { overlays: unknown[]; inputs: unknown[] }>();
      for (const f of fixtures.value) {
        const key = JSON.stringify(f.overlays ?? []);
        const g = groups.get(key) ?? { overlays: (f.overlays ?? []) as unknown[], inputs: [] };
        g.inputs.push(f.assessment);
        groups.set(key, g);
      }
      expect(groups.size).toBeGreaterThan(1);
      let compared = 0;
      for (const [key, g] of groups) {
        for (const remediation of ['reference', 'inline'] as const) {
          const options = { edition: EDITIONS, overlays: g.overlays, remediation };
          const records = assessMany(g.inputs, options);
          const batch = assessBatch(g.inputs, options);
          expectSameRecords(batch, records, `fixtures ${key} ${remediation}`);
          expectColumnsAgree(batch, records);
          const summaries = assessMany(g.inputs, { ...options, detail: 'summary' });
          summaries.forEach((s, i) => {
            expect(JSON.stringify(batch.summary(i))).toBe(JSON.stringify(s));
          });
          compared += records.length;
        }
      }
      expect(compared).toBe(2 * fixtures.value.length);
    });
  },
);

describe('assessBatch', () => {
  it('random assessments with overlays, unknown ids and several provinces: one slot table per rule set', () => {
    const r = rng(18);
    const published = latestEdition;
    const overlay = randomOverlay(r, published.edition);
    const inputs = Array.from({ length: 300 }, (_, i) => {
      const a = randomAssessment(r, published.edition, overlay.addCriteria ?? []);
      // Every third commune in another province: no overlay there (its criterion is an unknown id).
      return i % 3 === 0 ? { ...a, commune: { ...a.commune, provinceCode: '79' } } : a;
    });
    const options = { edition: published, overlays: [overlay] };
    const records = assessMany(inputs, options);
    const batch = assessBatch(inputs, options);
    expectSameRecords(batch, records, 'random');
    expectColumnsAgree(batch, records);
    expect(new Set(batch.tables.map((t) => t.overlay?.id ?? null))).toEqual(new Set([null, 'test-overlay']));
    expect(batch.tables.some((t) => t.size !== batch.tables[0]!.size)).toBe(true);
    expect(records.some((x) => x.unknownCriteria.length > 0)).toBe(true);
  });

  it('rejects invalid assessments with exactly the issues of tryAssessMany, and throws like assessMany', () => {
    const good = generateSyntheticAssessments({
      edition: latestEdition.edition,
      communes: COMMUNES.slice(0, 5),
    });
    const inputs: unknown[] = [
      good[0],
      { ...good[1], period: 'soon' },
      42,
      good[2],
      { ...good[3], catalogVersion: '9.9.9' },
      { ...good[4], observations: { 'HT.01': { value: 'much', source: 'computed' } } },
    ];
    const many = tryAssessMany(inputs, { edition: EDITIONS });
    const batch = tryAssessBatch(inputs, { edition: EDITIONS });
    expect(many.ok).toBe(false);
    expect(batch).toEqual(many);
    expect(JSON.stringify(batch)).toBe(JSON.stringify(many));
    expect(() => assessBatch(inputs, { edition: EDITIONS })).toThrow(/record|bản ghi|assessments/);
    // Without an edition and none loaded: the same edition_not_loaded issues.
    const none = tryAssessBatch([good[0]]);
    expect(none).toEqual(tryAssessMany([good[0]]));
    // Unknown criteria rejected on request, as assessMany does.
    const extra = {
      ...good[0]!,
      observations: { ...good[0]!.observations, 'ZZ.01': { value: 1, source: 'computed' } },
    };
    expect(tryAssessBatch([extra], { edition: latestEdition, unknownCriteria: 'error' })).toEqual(
      tryAssessMany([extra], { edition: latestEdition, unknownCriteria: 'error' }),
    );
  });

  it('gives plain JSON records: no typed array, accessor or class instance reaches a record', () => {
    const inputs = generateSyntheticAssessments({
      edition: latestEdition.edition,
      communes: COMMUNES.slice(0, 30),
    });
    const batch = assessBatch(inputs, { edition: latestEdition, remediation: 'inline' });
    for (let i = 0; i < batch.size; i++) {
      const rec = batch.record(i);
      expect(nonPlain(rec)).toEqual([]);
      expect(JSON.parse(JSON.stringify(rec))).toStrictEqual(rec);
      expect(nonPlain(batch.summary(i))).toEqual([]);
    }
    expect(batch.records().map((x) => JSON.stringify(x))).toEqual(
      assessMany(inputs, { edition: latestEdition, remediation: 'inline' }).map((x) => JSON.stringify(x)),
    );
    // Each call builds a new record: changing one never changes the next.
    const first = batch.record(0);
    first.findings.length = 0;
    expect(batch.record(0).findings.length).toBe(batch.tables[batch.table[0]!]!.size);
  });

  it('keeps its own copy: changing the inputs afterwards does not change the records', () => {
    const inputs = generateSyntheticAssessments({
      edition: latestEdition.edition,
      communes: COMMUNES.slice(0, 3),
    }) as Assessment[];
    const before = assessMany(inputs, { edition: latestEdition }).map((x) => JSON.stringify(x));
    const batch = assessBatch(inputs, { edition: latestEdition });
    const a = inputs[1]!;
    (a.commune as { name: string }).name = 'Đổi tên';
    for (const id of Object.keys(a.observations)) delete a.observations[id];
    expect([0, 1, 2].map((i) => JSON.stringify(batch.record(i)))).toEqual(before);
  });

  it('with skipValidation, keeps a value of another type (other) exactly as assessMany shows it', () => {
    const [a] = generateSyntheticAssessments({
      edition: latestEdition.edition,
      communes: COMMUNES.slice(0, 1),
    });
    const odd = {
      ...a!,
      observations: { ...a!.observations, 'HT.01': { value: 'high', source: 'computed' } },
    };
    const options = { edition: latestEdition, skipValidation: true };
    const batch = assessBatch([odd], options);
    expect(JSON.stringify(batch.record(0))).toBe(JSON.stringify(assessMany([odd], options)[0]));
    const table = batch.tables[0]!;
    const s = table.criterion.indexOf('HT.01');
    const c = table.criteria.indexOf('HT.01');
    expect(BATCH_OBSERVED_TYPES[batch.observedType[c]!]).toBe('other');
    expect(batch.valueAt(c)).toBe('high');
    expect(batch.observedAt(0, s)).toBe('high');
    expect(batch.gapAt(0, s)).toBe(assessMany([odd], options)[0]!.findings[s]!.gap);
  });

  it('reuse: takes over the column memory of a finished batch, same records; the old batch is emptied, not stale', () => {
    const inputs = generateSyntheticAssessments({
      edition: latestEdition.edition,
      communes: COMMUNES.slice(0, 400),
    });
    const options = { edition: latestEdition };
    const want = assessMany(inputs, options).map((r) => JSON.stringify(r));
    const first = assessBatch(inputs, options);
    const capacity = first.observed.buffer.byteLength;
    const kept = first.outcome; // a view a caller kept
    const second = assessBatch(inputs.slice(0, 300), { ...options, reuse: first });
    // The same memory, no fresh allocation: the old buffers are detached and the new columns sit on their bytes.
    expect(first.observed.buffer.byteLength).toBe(0);
    expect(kept.length).toBe(0);
    expect(second.observed.buffer.byteLength).toBe(capacity);
    expect(Array.from({ length: 300 }, (_, i) => JSON.stringify(second.record(i)))).toEqual(
      want.slice(0, 300),
    );
    expectColumnsAgree(second, assessMany(inputs.slice(0, 300), options));
    // The emptied batch says so instead of reading another batch's data; its per-record columns stay.
    expect(() => first.record(0)).toThrow(/reuse/);
    expect(() => first.observedAt(0, 0)).toThrow(/reuse/);
    expect(() => first.valueAt(0)).toThrow(/reuse/);
    expect(first.level.length).toBe(400);
    // Too small to hold a larger batch: fresh memory, same records; an emptied batch gives nothing again.
    const third = assessBatch(inputs, { ...options, reuse: second });
    expect(third.observed.buffer.byteLength).toBeGreaterThan(second.observed.buffer.byteLength);
    expect(third.records().map((r) => JSON.stringify(r))).toEqual(want);
    expect(assessBatch(inputs.slice(0, 2), { ...options, reuse: second }).size).toBe(2);
    // Rejected input: the issues as without reuse, and the batch given is emptied all the same.
    const bad = tryAssessBatch([{ nope: 1 }], { ...options, reuse: third });
    expect(bad).toEqual(tryAssessBatch([{ nope: 1 }], options));
    expect(() => third.record(0)).toThrow(/reuse/);
    expect(() => assessBatch(inputs, { ...options, reuse: {} as DecisionBatch })).toThrow(TypeError);
  });

  it('rejects a record index outside the batch', () => {
    const batch = assessBatch([], { edition: latestEdition });
    expect(batch.size).toBe(0);
    expect(batch.start.length).toBe(1);
    expect(() => batch.record(0)).toThrow(RangeError);
    const one = assessBatch(
      generateSyntheticAssessments({ edition: latestEdition.edition, communes: COMMUNES.slice(0, 1) }),
      { edition: latestEdition },
    );
    expect(() => one.record(1)).toThrow(RangeError);
    expect(() => one.record(0.5)).toThrow(RangeError);
    expect(() => one.record(-1)).toThrow(RangeError);
    expect(() => one.observedAt(1, 0)).toThrow(RangeError);
    expect(() => one.gapAt(0, one.tables[0]!.size)).toThrow(RangeError);
    expect(() => one.gapAt(0, -1)).toThrow(RangeError);
    expect(one.record(0).commune.code).toBe(COMMUNES[0]!.code);
  });
});
