import { type CatalogEdition, contentHashOf } from '@cdsx/criteria';
import { EDITIONS } from '@cdsx/criteria/editions';
import { expect } from 'vitest';
import { applyOverlay, assess, assessWithEngine, summarizeRecord } from '../../src/index';
import mini from './mini-edition.json';
import { naiveDecide } from './naive';
import { randomAssessment, randomOverlay, rng } from './random';

const editions: Array<{ edition: CatalogEdition; contentHash: string }> = [
  ...EDITIONS,
  { edition: mini as unknown as CatalogEdition, contentHash: contentHashOf(mini) },
];

const BATCH = 25;

/**
 * Run `cases` random assessments (seeded) through json-rules-engine, the fast path and a naive reading of
 * the edition; require identical records (engine vs fast) and identical level / unmet / missing (vs naive).
 */
export async function runDifferential(seed: number, cases: number): Promise<void> {
  const CASES = cases;
  {
    const r = rng(seed);
    let withOverlay = 0;
    let compared = 0;
    const levels = new Map<number, number>();
    for (let start = 0; start < CASES; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, CASES - start) }, (_, k) => {
        const seed = start + k;
        const published = editions[Math.floor(r() * editions.length)]!;
        const overlay = r() < 0.3 ? randomOverlay(r, published.edition) : null;
        const applied = overlay ? applyOverlay(published.edition, published.contentHash, overlay) : null;
        if (applied && !applied.ok)
          throw new Error(`seed ${seed}: generated overlay rejected ${JSON.stringify(applied.issues)}`);
        const effective = applied?.ok ? applied.value.edition : published.edition;
        const input = randomAssessment(r, published.edition, overlay?.addCriteria ?? []);
        return { seed, published, overlay, effective, input };
      });
      // Run the engine path concurrently within a batch: each run gets its own Engine.
      const reference = await Promise.all(
        batch.map((b) =>
          assessWithEngine(b.input, { edition: b.published, overlays: b.overlay ? [b.overlay] : [] }),
        ),
      );
      batch.forEach((b, i) => {
        const fast = assess(b.input, { edition: b.published, overlays: b.overlay ? [b.overlay] : [] });
        const ref = reference[i]!;
        if (JSON.stringify(fast) !== JSON.stringify(ref)) {
          // Narrow the report down to what differs.
          expect({ seed: b.seed, level: fast.level, findings: fast.findings }).toEqual({
            seed: b.seed,
            level: ref.level,
            findings: ref.findings,
          });
          expect({ seed: b.seed, record: fast }).toEqual({ seed: b.seed, record: ref });
        }
        const naive = naiveDecide(b.effective, b.input);
        expect({ seed: b.seed, ...summarizeRecord(fast) }).toEqual({
          seed: b.seed,
          level: naive.level,
          unmet: naive.unmet,
          notAvailable: naive.notAvailable,
        });
        if (b.overlay) withOverlay += 1;
        levels.set(fast.level.level, (levels.get(fast.level.level) ?? 0) + 1);
        compared += 1;
      });
    }
    expect(compared).toBe(CASES);
    // The generator must actually exercise overlays and more than one level.
    expect(withOverlay).toBeGreaterThan(CASES * 0.2);
    expect(levels.size).toBe(4);
  }
}
