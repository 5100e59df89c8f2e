import { type Assessment, type CatalogEdition, contentHashOf } from '@cdsx/criteria';
import { EDITIONS } from '@cdsx/criteria/editions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, type DecisionRecord } from '../src/index';
import mini from './helpers/mini-edition.json';
import { randomAssessment, rng } from './helpers/random';

const editions = [
  ...EDITIONS,
  { edition: mini as unknown as CatalogEdition, contentHash: contentHashOf(mini) },
] as const;
const RUNS = 300;

function setup(seed: number, which: number) {
  const published = editions[which % editions.length]!;
  const r = rng(seed);
  return { published, input: randomAssessment(r, published.edition), r };
}
const decide = (published: (typeof editions)[number], input: Assessment): DecisionRecord =>
  assess(input, { edition: published });

const arb = fc.record({
  seed: fc.integer(),
  which: fc.nat(),
  pick: fc.nat(),
  delta: fc.double({ min: 0, max: 50, noNaN: true }),
});

describe('properties', () => {
  it('raising a ≥ value (or lowering a ≤ value) never lowers the level', () => {
    fc.assert(
      fc.property(arb, ({ seed, which, pick, delta }) => {
        const { published, input } = setup(seed, which);
        const before = decide(published, input);
        const numeric = before.findings.filter(
          (f) => typeof f.observed === 'number' && (f.comparison === '>=' || f.comparison === '<='),
        );
        if (!numeric.length) return;
        const f = numeric[pick % numeric.length]!;
        const criterion = published.edition.criteria.find((c) => c.id === f.criterion)!;
        const old = f.observed as number;
        let next = f.comparison === '>=' ? old + delta : old - delta;
        if (criterion.measure === 'percentage') next = Math.min(100, Math.max(0, next));
        else if (criterion.measure === 'ordinal') {
          const scale = (criterion.scale ?? []).map((p) => p.value).sort((a, b) => a - b);
          next =
            f.comparison === '>='
              ? (scale.find((v) => v >= next) ?? scale.at(-1)!)
              : (scale.findLast((v) => v <= next) ?? scale[0]!);
        } else next = Math.max(0, next);
        const changed = structuredClone(input);
        changed.observations[f.criterion]!.value = next;
        const after = decide(published, changed);
        expect(after.level.level).toBeGreaterThanOrEqual(before.level.level);
      }),
      { numRuns: RUNS },
    );
  });

  it('supplying a missing observation never turns a met finding into not met, and never lowers the level', () => {
    fc.assert(
      fc.property(arb, ({ seed, which, pick }) => {
        const { published, input } = setup(seed, which);
        const ids = Object.keys(input.observations).filter((id) =>
          published.edition.criteria.some((c) => c.id === id),
        );
        if (!ids.length) return;
        const id = ids[pick % ids.length]!;
        const without = structuredClone(input);
        delete without.observations[id];
        const a = decide(published, without);
        const b = decide(published, input);
        a.findings.forEach((f, i) => {
          if (f.outcome === 'met') expect(b.findings[i]!.outcome).toBe('met');
        });
        expect(b.level.level).toBeGreaterThanOrEqual(a.level.level);
        expect(b.level.level).toBeLessThanOrEqual(a.possibleLevel);
        if (!a.provisional) expect(b.level.level).toBe(a.level.level);
      }),
      { numRuns: RUNS },
    );
  });

  it('the same input gives a byte-identical record (whatever the order of observations)', () => {
    fc.assert(
      fc.property(arb, ({ seed, which }) => {
        const { published, input, r } = setup(seed, which);
        const shuffled = structuredClone(input);
        const entries = Object.entries(shuffled.observations).sort(() => r() - 0.5);
        shuffled.observations = Object.fromEntries(entries);
        const a = JSON.stringify(decide(published, input));
        expect(JSON.stringify(decide(published, structuredClone(input)))).toBe(a);
        expect(JSON.stringify(decide(published, shuffled))).toBe(a);
      }),
      { numRuns: RUNS },
    );
  });
});
