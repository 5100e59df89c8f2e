/**
 * The latest published edition. Its contents change when a new edition is released —
 * pin `@cdsx/criteria/editions/<version>` when results must be reproducible.
 */
export { contentHash, edition, type PublishedEdition, published } from './editions/0.2.0';
