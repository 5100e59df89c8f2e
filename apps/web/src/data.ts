import type { Assessment, CatalogEdition } from '@cdsx/criteria';
import { type Commune, communeByCode } from '@cdsx/criteria/communes';
import { published } from '@cdsx/criteria/latest';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';

/** The latest published edition: the synthetic demo data is generated and decided under it. */
export const LATEST = published;
/** The latest edition's body (synthetic data only; a loaded file shows its own edition). */
export const EDITION = LATEST.edition;

/** Seed of the demo's synthetic dataset: the same commune always shows the same figures. */
export const SYNTHETIC_SEED = 2026;

/**
 * The synthetic assessment of one commune (DỮ LIỆU MÔ PHỎNG — never real figures). Each commune's values
 * depend only on the seed, the edition, its code and its province, so this agrees with the province view.
 */
export function syntheticAssessment(commune: Commune, edition: CatalogEdition = EDITION): Assessment {
  const [a] = generateSyntheticAssessments({ edition, communes: [commune], seed: SYNTHETIC_SEED });
  return a!;
}

/** The synthetic assessments of many communes (the province view). */
export function syntheticAssessments(
  communes: readonly Commune[],
  edition: CatalogEdition = EDITION,
): Assessment[] {
  return generateSyntheticAssessments({ edition, communes, seed: SYNTHETIC_SEED });
}

export { communeByCode };
