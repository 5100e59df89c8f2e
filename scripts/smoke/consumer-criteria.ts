// A vendor's TypeScript file: must type-check against the packed @cdsx/criteria under node16 and bundler.
import {
  type Assessment,
  type CatalogEdition,
  diffCatalogs,
  type ParseResult,
  type RequiredBump,
  requiredBump,
  validateAssessment,
} from '@cdsx/criteria';
import { type Commune, communeByCode } from '@cdsx/criteria/communes';
import { crosswalkBetween } from '@cdsx/criteria/editions';
import { edition } from '@cdsx/criteria/editions/0.1.0';
import { edition as edition020, contentHash as hash020 } from '@cdsx/criteria/editions/0.2.0';
import { edition as edition030 } from '@cdsx/criteria/editions/0.3.0';

const commune: Commune | undefined = communeByCode('00004');
const pinned: CatalogEdition = edition;
const result: ParseResult<Assessment> = validateAssessment({}, pinned);
if (result.ok) {
  const v: number | boolean | undefined = result.value.observations['DV.01']?.value;
  console.log(v, commune?.areaGroup);
} else {
  const first: string = result.issues[0]?.message.vi ?? '';
  console.log(first);
}

// Releases: the diff between the two permalinked editions and the bump it requires.
const cw = crosswalkBetween('0.1.0', '0.2.0');
if (cw.ok) {
  const bump: RequiredBump = requiredBump(diffCatalogs(edition, edition020, cw.value));
  console.log(bump.bump, bump.reasons[0]?.message.en, hash020);
}

// Edition 0.3.0 traces each criterion to reference-architecture components.
const traced: readonly string[] | undefined = edition030.criteria[0]?.architecture;
console.log(traced?.[0], edition030.architecture?.contentHash);
