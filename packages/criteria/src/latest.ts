/**
 * The latest published edition, `@cdsx/criteria/latest`: the same exports as its permalink subpath.
 * Its contents change when a new edition is released — pin `@cdsx/criteria/editions/<version>` when results
 * must be reproducible. A test checks it is the registry's newest version.
 */
export { contentHash, edition, published, published as latestEdition } from './editions/0.2.0';
