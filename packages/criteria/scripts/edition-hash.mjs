#!/usr/bin/env node
// Prints the content hash of an edition JSON file (sha256 of its canonical JSON), for the edition module's
// `contentHash` literal. Usage: node scripts/edition-hash.mjs src/editions/0.1.0.json
import { readFileSync } from 'node:fs';
import { contentHashOf } from '../dist/index.js';

for (const file of process.argv.slice(2))
  console.log(`${contentHashOf(JSON.parse(readFileSync(file, 'utf8')))}  ${file}`);
