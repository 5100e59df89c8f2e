// Write a deterministic synthetic dossier NDJSON file: `node bench/generate.mjs <count> <out> [seed] [year]`.
// Communes: all 3,321 from the official 2025 list (see communes.mjs).

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { generateDossiers } from '../dist/testing/index.js';
import { loadCommunes } from './communes.mjs';

export async function writeDossierFile(out, { count, seed = 2026, year = 2026, communes }) {
  const stream = createWriteStream(out);
  let buf = '';
  for (const d of generateDossiers({ seed, count, communes, year })) {
    buf += `${JSON.stringify(d)}\n`;
    if (buf.length > 1 << 20) {
      if (!stream.write(buf)) await once(stream, 'drain');
      buf = '';
    }
  }
  stream.end(buf);
  await once(stream, 'finish');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count = '100000', out = 'dossiers.ndjson', seed = '2026', year = '2026'] = process.argv.slice(2);
  const communes = await loadCommunes();
  await writeDossierFile(out, { count: Number(count), seed: Number(seed), year: Number(year), communes });
  console.log(`wrote ${count} dossiers (${communes.length} communes, seed ${seed}, year ${year}) to ${out}`);
}
