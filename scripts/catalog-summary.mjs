#!/usr/bin/env node
// Prints a summary of the latest criteria edition (stand-in main job until the CLI lands).
import { latestEdition } from '@cdsx/criteria';

const { edition, contentHash } = latestEdition;
console.log(`${edition.title.vi} / ${edition.title.en}`);
console.log(
  `version ${edition.version} (${edition.status}), ${edition.criteria.length} criteria, ${contentHash}`,
);
for (const d of edition.dimensions) {
  const n = edition.criteria.filter((c) => c.dimension === d.id).length;
  console.log(`  ${d.name.vi.padEnd(28)} ${d.name.en.padEnd(24)} ${n}`);
}
