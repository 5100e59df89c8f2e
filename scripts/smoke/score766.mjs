// Runs inside the smoke-test project against the packed @cdsx/score766, from ESM.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateDossiers } from '@cdsx/kpi/testing';
import { parseCounts, scoreUnit } from '@cdsx/score766';
import { countsFromDossiers } from '@cdsx/score766/dossiers';

const path = createRequire(import.meta.url).resolve('@cdsx/score766/examples/counts.sample.json');
const { units } = parseCounts(JSON.parse(readFileSync(path, 'utf8')));
assert.equal(scoreUnit(units[2]).total.partial, true);
const dossiers = [...generateDossiers({ seed: 1, count: 300, communes: ['00004'], year: 2026 })];
const [unit] = await countsFromDossiers(dossiers, { period: '2026' });
assert.equal(unit.unitCode, '00004');
assert.equal(scoreUnit(unit).indicators.find((i) => i.id === '1.1').outcome, 'not_available');
console.log('smoke: ok  @cdsx/score766 behaves from ESM');
