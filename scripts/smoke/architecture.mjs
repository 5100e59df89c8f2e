// Runs inside the smoke-test project against the packed @cdsx/architecture, from ESM.
import assert from 'node:assert/strict';
import { architectureView, latestArchitecture, renderArchitectureSvg } from '@cdsx/architecture';
import { COMMUNES } from '@cdsx/criteria/communes';
import { getEdition } from '@cdsx/criteria/editions';
import { assess } from '@cdsx/rules';

const catalog = getEdition('0.3.0').value;
const commune = COMMUNES.find((c) => c.unitType === 'xa');
const record = assess(
  { commune, period: '2026', catalogVersion: '0.3.0', observations: {} },
  { edition: catalog },
);
const view = architectureView({ record, catalog, architecture: latestArchitecture });
assert.ok(view.ok);
assert.ok(view.value.counts.upper_level > 0);
assert.match(renderArchitectureSvg(view.value, latestArchitecture), /role="img"/);
console.log('smoke: ok  @cdsx/architecture behaves from ESM');
