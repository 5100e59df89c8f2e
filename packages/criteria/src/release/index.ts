/**
 * Publishing criteria editions as semver releases: the typed diff between two editions, the bump it
 * requires, and the explicit crosswalk of criterion ids between editions. See RELEASING.md.
 *
 * @example
 * import { diffCatalogs, requiredBump } from '@cdsx/criteria';
 * const { bump, reasons } = requiredBump(diffCatalogs(older, newer, crosswalk));
 */
export {
  BUMPS,
  type Bump,
  type BumpReason,
  bumpFor,
  compareBumps,
  describeChange,
  type RequiredBump,
  requiredBump,
} from './bump';
export {
  type Crosswalk,
  CrosswalkSchema,
  checkCrosswalk,
  composeCrosswalks,
  parseCrosswalk,
} from './crosswalk';
export {
  type CatalogChange,
  type CatalogDiff,
  type DiffEnd,
  diffCatalogs,
  type Slot,
  type Threshold,
  tryDiffCatalogs,
} from './diff';
