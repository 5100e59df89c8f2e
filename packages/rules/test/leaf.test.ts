import { AREA_GROUPS } from '@cdsx/criteria';
import { EDITIONS } from '@cdsx/criteria/editions';
import { describe, expect, it } from 'vitest';
import {
  compareLeaf,
  compileRuleSets,
  type JsonFactCondition,
  LEAF_AT_LEAST,
  LEAF_AT_MOST,
  LEAF_EQUAL,
  leafOf,
} from '../src/compile';
import { OPERATORS } from '../src/operators';

// The batch decides a requirement that is one comparison inline (`compareLeaf`), falling back to the compiled
// predicate when the comparison cannot say; the compiled predicate is built on `compareLeaf` too. Both must give
// json-rules-engine's outcome — its operator's validate + evaluate, the oracle here — for every value a record
// can hold, including those skipValidation lets through.
const ODD = [
  0,
  -0,
  1,
  -1,
  0.5,
  100,
  101,
  1e300,
  -1e300,
  Number.NaN,
  Infinity,
  -Infinity,
  true,
  false,
  null,
  'high',
  '72',
  '',
  [],
  {},
];

function probes(threshold: unknown): unknown[] {
  if (typeof threshold !== 'number') return [...ODD, threshold];
  // The threshold itself, just either side of it (5e-10 is below the 9-decimal rounding of gaps), and its twin as text.
  return [
    ...ODD,
    threshold,
    threshold - 5e-10,
    threshold + 5e-10,
    threshold - 1,
    threshold + 1,
    String(threshold),
  ];
}

describe('compareLeaf and the compiled predicate agree with the engine operator', () => {
  it.each(EDITIONS.map((p) => [p.edition.version, p.edition] as const))(
    'edition %s, every requirement',
    (_, edition) => {
      let compared = 0;
      const ops = new Set<number>();
      for (const group of AREA_GROUPS) {
        for (const r of compileRuleSets(edition)[group].requirements) {
          // The catalog compiles every requirement to one comparison of its own criterion.
          expect(r.leaf, r.rule.name).not.toBeNull();
          const { op, value } = r.leaf!;
          ops.add(op);
          const leafCondition = r.rule.conditions.all[0] as JsonFactCondition;
          const engineOp = OPERATORS[leafCondition.operator]!;
          expect(leafCondition.value).toBe(value);
          const values = new Array<unknown>(edition.criteria.length).fill(undefined);
          for (const x of probes(value)) {
            values[r.criterionIndex] = x;
            const inline = compareLeaf(op, value, x);
            const engine = engineOp.validate(x) && engineOp.evaluate(x, value);
            expect({
              rule: r.rule.name,
              x,
              batch: inline ?? r.test(values),
              predicate: r.test(values),
            }).toEqual({
              rule: r.rule.name,
              x,
              batch: engine,
              predicate: engine,
            });
            // It decides numbers itself; only a non-number for an ordering comparison goes to the predicate.
            if (op === LEAF_EQUAL || typeof x === 'number') expect(inline).toBeTypeOf('boolean');
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
      // Booleans (equal) and percentages (at least) in every edition.
      expect(ops.has(LEAF_EQUAL) && ops.has(LEAF_AT_LEAST)).toBe(true);
    },
  );

  it("finds a leaf only in one comparison of the requirement's own criterion", () => {
    const ge = { name: 'A', fact: 'A', operator: 'greaterThanInclusive', value: 5 };
    expect(leafOf(ge, 'A')).toEqual({ op: LEAF_AT_LEAST, value: 5 });
    expect(leafOf({ all: [ge] }, 'A')).toEqual({ op: LEAF_AT_LEAST, value: 5 });
    expect(leafOf({ any: [{ name: 'A', fact: 'A', operator: 'lessThanInclusive', value: 2 }] }, 'A')).toEqual(
      {
        op: LEAF_AT_MOST,
        value: 2,
      },
    );
    expect(leafOf({ name: 'A', fact: 'A', operator: 'equal', value: true }, 'A')).toEqual({
      op: LEAF_EQUAL,
      value: true,
    });
    expect(leafOf(ge, 'B')).toBeNull(); // another criterion's fact
    expect(leafOf({ all: [ge, ge] }, 'A')).toBeNull();
    expect(leafOf({ not: ge }, 'A')).toBeNull();
    expect(leafOf({ name: 'A', fact: 'A', operator: 'greaterThan', value: 5 }, 'A')).toBeNull();
    // A rule loaded from JSON may hold a text threshold: only the predicate decides it.
    const text = JSON.parse('{"name":"A","fact":"A","operator":"greaterThanInclusive","value":"5"}');
    expect(leafOf(text, 'A')).toBeNull();
    expect(compareLeaf(LEAF_AT_LEAST, 5, 'x')).toBeUndefined();
  });
});
